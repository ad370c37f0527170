import { userAdd, userList, userPassword } from './users/cli-commands.ts';
import { askHidden } from './users/password-prompt.ts';
import { calendarDeadline, calendarImport } from './calendar/cli-commands.ts';
import { systemClock } from './clock.ts';
import { openDb } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import {
  departmentAdd,
  employeeAdd,
  employeeImport,
  employeeSetActive,
  subjectAdd,
  UsageError,
} from './directory/cli-commands.ts';
import { ConfigError, loadConfig } from './env.ts';
import { retryFailedOutbox } from './mail/outbox-store.ts';
import { exportSubmissions } from './submissions/export.ts';

const USAGE = `Usage: npm run cli -- <command>

  migrate                      bring the database schema up to date
  export                       print every submission as one JSON object a line (backups, personal-data requests)
  outbox retry                 queue the e-mails that failed for sending again
  department add --name "ДКС" [--responsible-name … --responsible-email …]
  employee add --slug ivanov --name "Иванов Иван" --manager-email boss@example.ru
               [--position "Инженер" --department "ДКС" --manager-name …]
  employee import FILE.csv     UTF-8, a header row (slug, name, position, department, manager_email,
                               manager_name, active), ";" or "," separated; bad lines are reported
  employee deactivate --slug … an employee who left: his rating links accept nothing (activate undoes it)
  subject add --slug delivery --title "Качество доставки" --recipients a@example.ru,b@example.ru
  user add --email … --name "Анна Смирнова" --role admin|qms|handler|viewer [--department "ДКС"] [--one-time]
                               a console user; at a terminal it asks for his password, otherwise
                               (or with --one-time) it prints a one-time one he changes at first sign-in
  user password --email … [--one-time]   a new password for someone locked out (his sessions end)
  user list                    console users, their roles and departments
  calendar deadline --from 2026-02-20T17:30:00+03:00 (--working-hours N | --working-days N)
                               the deadline on the company's working calendar, with its offset
  calendar import FILE         days with their types: JSON [{"day":"2026-06-15","type":"off","note":"…"}]
                               or CSV with a header day;type;note (off|work|short, выходной|рабочий|сокращённый)

Configuration comes from the same environment variables as the server (see .env.example).`;

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
};

async function main(argv: string[]): Promise<number> {
  const name = Object.keys(COMMANDS).find((c) => argv.slice(0, c.split(' ').length).join(' ') === c);
  if (!name) {
    const help = argv.length === 0 || ['help', '--help', '-h'].includes(argv[0]!);
    console.error(help ? USAGE : `Unknown command: ${argv.join(' ')}\n\n${USAGE}`);
    return help ? 0 : 2;
  }
  const config = loadConfig();
  const { db } = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const ran = await migrateToLatest(db);
    if (name === 'migrate') console.error(ran.length > 0 ? `Applied: ${ran.join(', ')}` : 'The schema is up to date.');
    const result = await COMMANDS[name]!({ db, args: argv.slice(name.split(' ').length) });
    if (typeof result === 'string') console.error(result);
    else if (result) {
      console.error(result.text);
      return result.failed ? 1 : 0;
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(err as Error).message}\n(npm run cli -- help lists the commands)`);
      return 2;
    }
    throw err;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
