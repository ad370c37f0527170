import fs from 'node:fs';
import path from 'node:path';
import { userAdd, userList, userPassword } from './users/cli-commands.ts';
import { askHidden } from './users/password-prompt.ts';
import { calendarDeadline, calendarImport } from './calendar/cli-commands.ts';
import { systemClock } from './clock.ts';
import { DatabaseMissingError, databaseLabel, hasSchema, openDb } from './db/connection.ts';
import { isDatabaseUnreachable } from './db/errors.ts';
import { afterMigrations, migrateToLatest, SchemaNewerError, schemaNewerMessage, schemaState } from './db/migrate.ts';
import {
  departmentAdd,
  employeeAdd,
  employeeImport,
  employeeSetActive,
  subjectAdd,
  UsageError,
} from './directory/cli-commands.ts';
import { ConfigError, loadConfig } from './env.ts';
import { keepFilesPrivate } from './ops/private-files.ts';
import { retryFailedOutbox } from './mail/outbox-store.ts';
import { exportSubmissions } from './submissions/export.ts';
import { personEraseCommand, personExportCommand } from './privacy/cli-commands.ts';
import { optimizeSearch } from './privacy/search-optimize.ts';
import { reportCommands } from './reports/cli-report.ts';
import { monthlyAnalysis } from './reports/monthly-analysis.ts';
import { weeklyControl } from './reports/weekly-control.ts';

const USAGE = `Usage: npm run cli -- <command>

  migrate                      bring the database schema up to date
  export                       print every submission as one JSON object a line (backups, personal-data requests)
  outbox retry                 queue the e-mails that failed for sending again
  department add --name "ДКС" [--responsible-name … --responsible-email …]
  employee add --slug ivanov --name "Иванов Иван" --manager-email boss@example.ru
               [--email ivanov@example.ru --position "Инженер" --department "ДКС" --manager-name …]
  employee import FILE.csv [--dry-run]
                               UTF-8, a header row (slug, name, position, department, manager_email,
                               manager_name, email, active), ";" or "," separated; an empty cell or a
                               missing column leaves a field as it is, "-" clears it; --dry-run shows
                               what would be added, changed and refused, and writes nothing
  employee deactivate --slug … an employee who left: his rating links accept nothing (activate undoes it)
  subject add --slug delivery --title "Качество доставки" --recipients a@example.ru,b@example.ru
              [--title-en "Delivery quality"]   the English title, for English pages and the widget
  user add --email … --name "Анна Смирнова" --role admin|qms|handler|viewer [--department "ДКС"] [--one-time]
                               a console user; at a terminal it asks for his password, otherwise
                               (or with --one-time) it prints a one-time one he changes at first sign-in
  user password --email … [--one-time]   a new password for someone locked out (his sessions end)
  user list                    console users, their roles and departments
  calendar deadline --from 2026-02-20T17:30:00+03:00 (--working-hours N | --working-days N)
                               the deadline on the company's working calendar, with its offset
  person export (--email … | --phone …)
                               everything stored about a person as JSON (a personal-data request); audited
  person erase (--email … | --phone …) --yes
                               erase it everywhere: submissions' personal fields, files, e-mails, search
                               words; without --yes only says what it would erase
  search optimize              rewrite SQLite's search indexes whole, so that no word of an erased message
                               stays among their inner keys (writes wait: about 1 s per 100,000 messages)
  report weekly --week 2026-W44 --format csv|xlsx --out FILE [--department ID|NAME]
  report monthly (--month 2026-10 | --period 2026-Q4 | --period 2026) --format csv|xlsx --out FILE [--department …]
                               a report as the console downloads it (the format defaults to --out's extension)
  calendar import FILE         days with their types: JSON [{"day":"2026-06-15","type":"off","note":"…"}]
                               or CSV with a header day;type;note (off|work|short, выходной|рабочий|сокращённый)

Configuration comes from the same environment variables as the server, and from the .env file of
the folder it runs in (see .env.example); it prints which database it uses. Every command but
migrate needs the server's existing database and never creates an empty one.`;

type Command = (ctx: {
  db: ReturnType<typeof openDb>['db'];
  args: string[];
}) => Promise<string | { text: string; failed: boolean } | void>;

const terminal = {
  interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
  askHidden,
  tell: (line: string) => console.error(line),
};

const COMMANDS: Record<string, Command> = {
  migrate: async () => {},
  export: async ({ db }) => {
    for await (const row of exportSubmissions(db)) {
      if (!process.stdout.write(`${JSON.stringify(row)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
    }
  },
  'outbox retry': async ({ db }) =>
    `${await retryFailedOutbox(db, systemClock)} e-mail(s) queued again; the running server sends them shortly.`,
  'department add': ({ db, args }) => departmentAdd(db, systemClock, args),
  'employee add': ({ db, args }) => employeeAdd(db, systemClock, args),
  'employee import': ({ db, args }) => employeeImport(db, systemClock, args),
  'employee deactivate': ({ db, args }) => employeeSetActive(db, systemClock, args, false),
  'employee activate': ({ db, args }) => employeeSetActive(db, systemClock, args, true),
  'subject add': ({ db, args }) => subjectAdd(db, systemClock, args),
  'user add': ({ db, args }) => userAdd(db, systemClock, terminal, args),
  'user password': ({ db, args }) => userPassword(db, systemClock, terminal, args),
  'user list': async ({ db }) => {
    process.stdout.write(`${await userList(db)}\n`);
  },
  'calendar deadline': async ({ db, args }) => {
    const { deadline, warnings } = await calendarDeadline(db, args);
    for (const w of warnings) console.error(w);
    process.stdout.write(`${deadline}\n`);
  },
  'calendar import': ({ db, args }) => calendarImport(db, systemClock, args),
  'person export': async ({ db, args }) => {
    process.stdout.write(`${await personExportCommand(db, systemClock, args)}\n`);
  },
  'person erase': ({ db, args }) => personEraseCommand(db, systemClock, loadConfig(), args),
  'search optimize': ({ db }) => optimizeSearch(db),
  // The builders come with issue 11's reports: { weekly: weeklyControl, monthly: monthlyAnalysis }.
  ...reportCommands({ weekly: weeklyControl, monthly: monthlyAnalysis }, systemClock, () => loadConfig().publicUrl),
};

/** The commands that read no arguments: one given anyway is a mistake, not ignored. */
const WITHOUT_ARGUMENTS = new Set(['migrate', 'export', 'outbox retry', 'user list', 'search optimize']);

/** PostgreSQL's refusals of the sign-in (a wrong password or user): said as «can't reach» too. */
const SIGN_IN_REFUSED = new Set(['28P01', '28000']);

/** Why a command that needs the server's database refuses to make a new one, in both languages. */
const missing = (where: string) => {
  const folder = process.cwd();
  const env = fs.existsSync(path.join(folder, '.env'));
  return `Базы данных Otklik здесь нет: ${where} (папка ${folder}, файл .env ${env ? 'прочитан' : 'не найден'}).
Команда работает с базой сервера и не создаёт новую пустую. Запустите её в папке сервера (там его
.env) или укажите базу сервера: DATA_DIR — папка с otklik.sqlite, DATABASE_URL — postgres://…
Новую базу создаёт «npm run cli -- migrate» (SQLite — файл целиком; в PostgreSQL сама база
создаётся заранее, например «createdb otklik», а migrate создаёт в ней таблицы).

No Otklik database at ${where} (folder ${folder}, .env ${env ? 'read' : 'not found'}).
This command works on the server's database and never creates an empty one: run it in the
server's folder (with its .env), or point DATA_DIR (the folder of otklik.sqlite) or DATABASE_URL
at the server's database. "npm run cli -- migrate" creates a new database (SQLite: the whole file;
PostgreSQL: the tables, in a database made first, e.g. "createdb otklik").`;
};

async function main(argv: string[]): Promise<number> {
  const name = Object.keys(COMMANDS).find((c) => argv.slice(0, c.split(' ').length).join(' ') === c);
  if (!name) {
    // Asked for help: 0; no command or an unknown one is a mistake a script must see (2).
    const help = ['help', '--help', '-h'].includes(argv[0] ?? '');
    console.error(help || argv.length === 0 ? USAGE : `Unknown command: ${argv.join(' ')}\n\n${USAGE}`);
    return help ? 0 : 2;
  }
  const extra = argv.slice(name.split(' ').length);
  if (WITHOUT_ARGUMENTS.has(name) && extra.length > 0) {
    console.error(`${name} takes no arguments: ${extra.join(' ')}\n(npm run cli -- help lists the commands)`);
    return 2;
  }
  const config = loadConfig();
  const where = databaseLabel(config);
  console.error(`База данных: ${where}`);
  const creates = name === 'migrate';
  let db: ReturnType<typeof openDb>['db'];
  try {
    ({ db } = openDb({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: 2,
      mustExist: !creates,
      synchronous: config.sqliteSynchronous,
    }));
  } catch (err) {
    if (!(err instanceof DatabaseMissingError)) throw err;
    console.error(missing(where));
    return 1;
  }
  try {
    if (!creates && !(await hasSchema(db))) {
      console.error(missing(where));
      return 1;
    }
    if (creates) {
      const ran = await migrateToLatest(db);
      console.error(ran.length > 0 ? `Applied: ${ran.join(', ')}` : 'The schema is up to date.');
      const rewritten = await afterMigrations(db);
      if (rewritten) console.error(rewritten.text);
    } else {
      // Another command never migrates: after an update, instances still running the old version
      // would find the schema changed under them. Migrating is the operator's step, once they are stopped.
      const { pending, newer } = await schemaState(db);
      if (newer.length > 0) throw new SchemaNewerError(schemaNewerMessage(newer));
      if (pending.length > 0) {
        console.error(
          `База данных от предыдущей версии Otklik: остановите все экземпляры и выполните npm run cli -- migrate (или запустите новую версию).\n` +
            `The database is from an earlier version of Otklik: stop every instance, then run npm run cli -- migrate (or start the new version).\n` +
            `Not applied: ${pending.join(', ')}`,
        );
        return 1;
      }
    }
    const result = await COMMANDS[name]!({ db, args: extra });
    if (typeof result === 'string') console.error(result);
    else if (result) {
      console.error(result.text);
      return result.failed ? 1 : 0;
    }
    return 0;
  } catch (err) {
    if (err instanceof SchemaNewerError) {
      console.error(err.message);
      return 1;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(err as Error).message}\n(npm run cli -- help lists the commands)`);
      return 2;
    }
    const code = (err as { code?: string }).code ?? '';
    if (code === '3D000' && !creates) {
      console.error(missing(where));
      return 1;
    }
    if (isDatabaseUnreachable(err) || SIGN_IN_REFUSED.has(code)) {
      const why = (err as Error).message;
      console.error(`Нет связи с базой данных ${where}: ${why}\nCan't reach the database ${where}: ${why}`);
      return 1;
    }
    throw err;
  } finally {
    await db.destroy();
  }
}

keepFilesPrivate();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
