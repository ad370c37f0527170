// Times the console inbox over a million submissions, on SQLite and (with DATABASE_URL) on
// PostgreSQL, through the same query functions the API uses. Prints figures; not a test.
//
//   npx tsx scripts/bench-inbox.ts [--rows 1000000] [--runs 7] [--keep] [--only sqlite|postgres]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx scripts/bench-inbox.ts
//
// The data is filled under the schema as it was before the search migrations, which then run
// on the full table, as they would on an installation upgrading with a million rows.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { companyYear } from '../server/company-time.ts';
import { decodeCursor } from '../server/console/cursor.ts';
import type { InboxFilter } from '../server/console/inbox-filter.ts';
import { countSubmissions, listSubmissions } from '../server/console/inbox-query.ts';
import type { Scope } from '../server/console/scope.ts';
import { type Db, openDb } from '../server/db/connection.ts';
import { migrations } from '../server/db/migrations/index.ts';
import type { Database } from '../server/db/schema.ts';

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const ROWS = Number(opts.rows);
const RUNS = Number(opts.runs);

// ---- realistic data, the same on every run (seeded) ----------------------------------------

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261125);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const chance = (p: number) => rand() < p;

const DEPARTMENTS = [
  'ДКС',
  'Отдел продаж',
  'Логистика',
  'Склад',
  'Бухгалтерия',
  'Сервисный центр',
  'Отдел закупок',
  'Юридический отдел',
  'Call-центр',
  'Отдел качества',
  'Филиал Ростов',
  'Филиал Краснодар',
];
const SURNAMES = [
  'Иванов',
  'Петров',
  'Сидоров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Максимов',
  'Поляков',
  'Сорокин',
  'Виноградов',
  'Ковалёв',
  'Белов',
  'Медведев',
  'Антонов',
  'Тарасов',
  'Жуков',
  'Баранов',
  'Филиппов',
  'Комаров',
  'Давыдов',
  'Беляев',
  'Герасимов',
  'Богданов',
  'Осипов',
  'Лоськов',
  'Бадыштов',
];
const FIRST = [
  ['Иван', 'Алексей', 'Сергей', 'Дмитрий', 'Андрей', 'Михаил', 'Николай', 'Павел', 'Олег', 'Юрий'],
  ['Анна', 'Мария', 'Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Галина', 'Светлана', 'Ксения'],
] as const;
const PATRONYMIC = [
  ['Иванович', 'Петрович', 'Сергеевич', 'Алексеевич', 'Николаевич'],
  ['Ивановна', 'Петровна', 'Сергеевна', 'Алексеевна', 'Николаевна'],
] as const;
const ORGS = [
  'ООО «Ромашка»',
  'АО «СтройМонтаж»',
  'ИП Гаврилов',
  'ООО «ТехноСервис»',
  'РРМОО',
  'ООО «Вектор»',
  'ПАО «Южная энергетика»',
  'ООО «Агрокомплекс»',
  'МБОУ СОШ № 12',
  'ООО «ЛогистикПро»',
];
/** Each organisation's ИНН (ИП: twelve digits), given without drawing from `rand`: the rest of the data stays as it was. */
const INNS: Record<string, string> = {
  'ООО «Ромашка»': '6164109350',
  'АО «СтройМонтаж»': '6163025488',
  'ИП Гаврилов': '616400162346',
  'ООО «ТехноСервис»': '6165199012',
  РРМОО: '6164990027',
  'ООО «Вектор»': '6167081833',
  'ПАО «Южная энергетика»': '7707083893',
  'ООО «Агрокомплекс»': '2308091759',
  'МБОУ СОШ № 12': '6168004612',
  'ООО «ЛогистикПро»': '6154102030',
};
const POSITIONS = [
  'Менеджер',
  'Старший менеджер',
  'Инженер',
  'Кладовщик',
  'Водитель-экспедитор',
  'Специалист по работе с клиентами',
  'Руководитель группы',
];
const COMPLAINT = [
  'Программа загружается 3–4 минуты, работать невозможно.',
  'Доставку перенесли уже второй раз без предупреждения.',
  'В накладной указано не то количество товара.',
  'Менеджер не перезвонил, хотя обещал в течение часа.',
  'При получении обнаружен пересорт: пришли не те позиции.',
  'Курьер опоздал на три часа и не предупредил.',
  'Счёт выставлен с ошибкой в реквизитах, прошу исправить.',
  'Упаковка повреждена, часть товара разбита.',
  'На горячей линии никто не отвечает больше 20 минут.',
  'Акт сверки не прислали до сих пор.',
  'Гарантийный ремонт затянулся на месяц.',
  'Цена в счёте отличается от согласованной в коммерческом предложении.',
];
const THANKS = [
  'Спасибо за оперативную доставку!',
  'Благодарю менеджера за внимательное отношение и грамотную консультацию.',
  'Всё пришло вовремя и в целости, спасибо.',
  'Отдельное спасибо сервисному центру за быстрый ремонт.',
  'Очень вежливый водитель, помог с разгрузкой.',
  'Спасибо, что нашли решение в нестандартной ситуации.',
];
const SUGGESTION = [
  'Предлагаю добавить уведомления о статусе заказа по SMS.',
  'Было бы удобно получать акты сверки в личном кабинете.',
  'Сделайте, пожалуйста, возможность оплаты по QR-коду.',
  'Хорошо бы расширить часы работы склада в субботу.',
  'Предлагаю указывать в накладной контакт водителя.',
];
const RATING_COMMENTS = [
  'Всё отлично, спасибо!',
  'Быстро и вежливо.',
  'Грамотный специалист, рекомендую.',
  'Долго ждал ответа.',
  'Решил вопрос за один звонок.',
  'Хотелось бы быстрее.',
  'Спасибо за помощь с документами.',
  'Доставка вовремя, водитель вежливый.',
];
const TAILS = [
  'Заказ № {n}.',
  'Договор {n} от прошлого месяца.',
  'Прошу разобраться.',
  'Жду ответа.',
  'Номер счёта {n}.',
  'Это уже не первый раз.',
  '',
];

const fio = () => {
  const g = chance(0.5) ? 1 : 0;
  const s = pick(SURNAMES);
  return `${g ? `${s}а` : s} ${pick(FIRST[g])} ${pick(PATRONYMIC[g])}`;
};
const translit = (s: string) =>
  s.toLowerCase().replace(
    /[а-яё]/g,
    (ch) =>
      ({
        а: 'a',
        б: 'b',
        в: 'v',
        г: 'g',
        д: 'd',
        е: 'e',
        ё: 'e',
        ж: 'zh',
        з: 'z',
        и: 'i',
        й: 'y',
        к: 'k',
        л: 'l',
        м: 'm',
        н: 'n',
        о: 'o',
        п: 'p',
        р: 'r',
        с: 's',
        т: 't',
        у: 'u',
        ф: 'f',
        х: 'h',
        ц: 'c',
        ч: 'ch',
        ш: 'sh',
        щ: 'sch',
        ъ: '',
        ы: 'y',
        ь: '',
        э: 'e',
        ю: 'yu',
        я: 'ya',
      })[ch] ?? '',
  );
const tail = () => pick(TAILS).replace('{n}', String(100000 + Math.floor(rand() * 900000)));

interface Dept {
  id: string;
  name: string;
}
interface Emp {
  id: string;
  slug: string;
  name: string;
  departmentId: string;
}

function directory(now: string) {
  const departments: Dept[] = DEPARTMENTS.map((name) => ({ id: randomUUID(), name }));
  const employees: Emp[] = Array.from({ length: 300 }, (_, i) => {
    const name = fio();
    return {
      id: randomUUID(),
      slug: `${translit(name.split(' ')[0]!)}-${i + 1}`,
      name,
      departmentId: pick(departments).id,
    };
  });
  const rows = {
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      responsible_name: fio(),
      responsible_email: `${translit(d.name).replace(/\W+/g, '') || 'dept'}@example.ru`,
      created_at: now,
    })),
    employees: employees.map((e) => ({
      id: e.id,
      slug: e.slug,
      name: e.name,
      position: pick(POSITIONS),
      department_id: e.departmentId,
      manager_name: fio(),
      manager_email: 'boss@example.ru',
      active: chance(0.9) ? 1 : 0,
      created_at: now,
      updated_at: now,
    })),
  };
  return { departments, employees, rows };
}

const COLUMNS = [
  'id',
  'number',
  'type',
  'kind',
  'status',
  'channel',
  'message',
  'name',
  'organization',
  'inn',
  'phone',
  'email',
  'page',
  'lang',
  'consent_version',
  'consent_at',
  'consent_ip',
  'consent_user_agent',
  'idempotency_key',
  'response',
  'created_at',
  'score',
  'subject',
  'employee_id',
  'department_id',
  'publish',
] as const;
type Row = Record<(typeof COLUMNS)[number], string | number | null>;
interface Review {
  submission_id: string;
  status: string;
  text: string;
  redacted: number;
  created_at: string;
  decided_at: string | null;
  published_at: string | null;
}

/** Submissions from five years before `end` to `end`, oldest first, numbered per year. */
function* submissions(
  count: number,
  end: Date,
  dir: ReturnType<typeof directory>,
): Generator<{ row: Row; review?: Review }> {
  const span = 5 * 365 * 86400_000;
  const counters = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    // Growth over the years: more submissions lately (sqrt spreads the times towards the end).
    const at = new Date(end.getTime() - span * (1 - Math.sqrt((i + rand() * 0.5) / count)));
    const createdAt = at.toISOString();
    const year = companyYear(at);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    const old = end.getTime() - at.getTime() > 30 * 86400_000;
    const status = old
      ? chance(0.92)
        ? 'closed'
        : chance(0.5)
          ? 'in_progress'
          : 'new'
      : pick(['new', 'new', 'in_progress', 'closed']);
    const person = chance(0.75) ? fio() : null;
    const base = {
      id: randomUUID(),
      number: `${year}-${String(n).padStart(5, '0')}`,
      status,
      created_at: createdAt,
      lang: 'ru',
      inn: null,
      page: 'https://example.ru/contacts',
      consent_version: '2026-11-22',
      consent_at: createdAt,
      consent_ip: `10.${i % 250}.${(i >> 8) % 250}.${(i >> 16) % 250}`,
      consent_user_agent: 'Mozilla/5.0',
      idempotency_key: null,
      response: '{}',
      name: person,
      email: chance(0.55)
        ? `${person ? translit(person.split(' ')[0]!) : 'client'}${i % 997}@${pick(['mail.ru', 'yandex.ru', 'gmail.com', 'example.ru'])}`
        : null,
    };
    if (chance(0.45)) {
      const kind = pick(['complaint', 'complaint', 'complaint', 'thanks', 'thanks', 'suggestion']);
      const bank = kind === 'complaint' ? COMPLAINT : kind === 'thanks' ? THANKS : SUGGESTION;
      const message = [pick(bank), chance(0.5) ? pick(bank) : '', tail()].filter(Boolean).join(' ');
      const employee = chance(0.3) ? pick(dir.employees) : null;
      const department = employee ? employee.departmentId : chance(0.5) ? pick(dir.departments).id : null;
      // Drawn in the order the row's fields were always drawn in, so the data stays the same.
      const channel = chance(0.8) ? 'site' : pick(['phone', 'email', 'visit', 'letter', 'social', 'quality_call']);
      const organization = chance(0.5) ? pick(ORGS) : null;
      yield {
        row: {
          ...base,
          type: 'feedback',
          kind,
          channel,
          message,
          organization,
          inn: organization ? INNS[organization]! : null,
          phone: chance(0.6) ? `+79${String(Math.floor(rand() * 1e9)).padStart(9, '0')}` : null,
          score: null,
          subject: null,
          employee_id: employee?.id ?? null,
          department_id: department,
          publish: null,
        },
      };
    } else {
      const employee = chance(0.85) ? pick(dir.employees) : null;
      const comment = chance(0.4) ? `${pick(RATING_COMMENTS)}${chance(0.3) ? ` ${pick(RATING_COMMENTS)}` : ''}` : '';
      const publish = chance(0.3) ? 1 : 0;
      const row: Row = {
        ...base,
        type: 'rating',
        kind: 'rating',
        channel: employee ? 'signature' : 'site',
        message: comment,
        organization: chance(0.3) ? pick(ORGS) : null,
        phone: null,
        score: pick([5, 5, 5, 5, 4, 4, 3, 2, 1]),
        subject: employee ? 'employee' : 'delivery',
        employee_id: employee?.id ?? null,
        department_id: employee?.departmentId ?? null,
        publish,
      };
      if (!publish) {
        yield { row };
        continue;
      }
      const decision = old ? (chance(0.88) ? 'approved' : 'rejected') : pick(['pending', 'pending', 'approved']);
      const decidedAt = decision === 'pending' ? null : new Date(at.getTime() + 86400_000).toISOString();
      yield {
        row,
        review: {
          submission_id: row.id as string,
          status: decision,
          text: comment,
          redacted: 0,
          created_at: createdAt,
          decided_at: decidedAt,
          published_at: decision === 'approved' ? decidedAt : null,
        },
      };
    }
  }
}

// ---- filling -----------------------------------------------------------------------------

const BATCH = 5000;

async function migrateTo(db: Db, name: string | 'latest', schema?: string) {
  // Naming the schema: Kysely otherwise takes migration tables in any schema (another test's) for its own.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema && { migrationTableSchema: schema }),
  });
  const { error } = name === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateTo(name);
  if (error) throw error;
}

function fillSqlite(file: string, end: Date) {
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const dir = directory(end.toISOString());
  const ins = (table: string, cols: readonly string[]) =>
    raw.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
  raw.transaction(() => {
    for (const d of dir.rows.departments) ins('departments', Object.keys(d)).run(d);
    for (const e of dir.rows.employees) {
      raw.prepare(`INSERT INTO rating_slugs (slug, owner) VALUES (?, 'employee')`).run(e.slug);
      ins('employees', Object.keys(e)).run(e);
    }
  })();
  const insertRow = ins('submissions', COLUMNS);
  const reviewCols = ['submission_id', 'status', 'text', 'redacted', 'created_at', 'decided_at', 'published_at'];
  const insertReview = ins('reviews', reviewCols);
  let batch: Array<{ row: Row; review?: Review }> = [];
  const flush = raw.transaction((items: typeof batch) => {
    for (const { row, review } of items) {
      insertRow.run(row);
      if (review) insertReview.run(review);
    }
  });
  for (const item of submissions(ROWS, end, dir)) {
    batch.push(item);
    if (batch.length === BATCH) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  raw.close();
  return dir;
}

async function fillPostgres(url: string, schema: string, end: Date) {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const dir = directory(end.toISOString());
  const insertMany = async (
    table: string,
    cols: readonly string[],
    rows: Array<Record<string, unknown>>,
    types: Record<string, string> = {},
  ) => {
    if (rows.length === 0) return;
    // One parameter per column (an array), however many rows: fast, and far from the 65,535 limit.
    const arrays = cols.map((c) => rows.map((r) => r[c] ?? null));
    const casts = cols.map((c, i) => `$${i + 1}::${types[c] ?? 'text'}[]`);
    await client.query(`INSERT INTO ${table} (${cols.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`, arrays);
  };
  const intCols = { score: 'int', publish: 'int', redacted: 'int', active: 'int' };
  await insertMany('departments', Object.keys(dir.rows.departments[0]!), dir.rows.departments);
  await insertMany(
    'rating_slugs',
    ['slug', 'owner'],
    dir.rows.employees.map((e) => ({ slug: e.slug, owner: 'employee' })),
  );
  await insertMany('employees', Object.keys(dir.rows.employees[0]!), dir.rows.employees, intCols);
  let rows: Row[] = [];
  let reviews: Review[] = [];
  const flush = async () => {
    await insertMany('submissions', COLUMNS, rows, intCols);
    await insertMany(
      'reviews',
      ['submission_id', 'status', 'text', 'redacted', 'created_at', 'decided_at', 'published_at'],
      reviews as never,
      intCols,
    );
    rows = [];
    reviews = [];
  };
  for (const { row, review } of submissions(ROWS, end, dir)) {
    rows.push(row);
    if (review) reviews.push(review);
    if (rows.length === BATCH) await flush();
  }
  await flush();
  await client.end();
  return dir;
}

// ---- timing ------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function time(label: string, run: () => Promise<unknown>) {
  await run(); // warm: the first run reads pages from disk
  const ms: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = await run();
    ms.push(performance.now() - t);
  }
  return { label, median: median(ms), min: Math.min(...ms), max: Math.max(...ms), result };
}

/** A common phrase of the data repeated up to the search box's 200 characters (issue 14 §7). */
const LONG_PHRASE = 'Спасибо за оперативную доставку! '.repeat(6).trim();
const REPEATED = 'спасибо спасибо спасибо спасибо';

async function measure(db: Db, dir: ReturnType<typeof directory>) {
  const all: Scope = { all: true };
  const list = (f: InboxFilter, after?: string) =>
    listSubmissions(db, all, f, { limit: 50, after: decodeCursor(after) }, new Date());
  const department = dir.departments[1]!;
  let cursor: string | undefined;
  for (let i = 1; i < 50; i++) cursor = (await list({}, cursor)).nextCursor ?? undefined;
  const sample = (await list({ q: 'пересорт' })).items[7];
  const results = [
    await time('first page, no filter', () => list({})),
    await time('first page, kind = complaint', () => list({ kind: 'complaint' })),
    await time(`first page, department «${department.name}»`, () => list({ department: department.id })),
    await time('first page, status = new, last 30 days', () =>
      list({ status: 'new', from: new Date(Date.now() - 30 * 86400_000).toISOString() }),
    ),
    await time('page 50 via cursor', () => list({}, cursor)),
    await time('search «пересорт» (Cyrillic word)', () => list({ q: 'пересорт' })),
    await time('search «спасибо» (a very common word)', () => list({ q: 'спасибо' })),
    await time('search «ЛОСЬКОВА» (rare surname)', () => list({ q: 'ЛОСЬКОВА' })),
    await time('search «Лоськовой» (a word form)', () => list({ q: 'Лоськовой' })),
    await time('search «накладная» (finds «накладной»)', () => list({ q: 'накладная' })),
    await time('search «ИП» (two letters, common)', () => list({ q: 'ИП' })),
    await time('search «QR» (two letters)', () => list({ q: 'QR' })),
    await time('search «7707083893» (an ИНН)', () => list({ q: '7707083893' })),
    await time(`search «${sample?.number}» (a number)`, () => list({ q: sample?.number ?? '2026-00001' })),
    await time('search «%%%» (the API refuses it: 422)', () => list({ q: '%%%' })),
    await time('search «спасибо за спасибо за спасибо за»', () => list({ q: 'спасибо за спасибо за спасибо за' })),
    await time('search «Спасибо за оперативную доставку!» × 6', () => list({ q: LONG_PHRASE })),
    await time('search «2026 2026 2026» (in every number)', () => list({ q: '2026 2026 2026' })),
    await time('search «ООО ООО ООО ООО» (a common word)', () => list({ q: 'ООО ООО ООО ООО' })),
    await time('search «пересорт» + department', () => list({ q: 'пересорт', department: department.id })),
    await time('counts, no filter', () => countSubmissions(db, all, {})),
    await time('counts, kind = complaint', () => countSubmissions(db, all, { kind: 'complaint' })),
    await time('counts, department', () => countSubmissions(db, all, { department: department.id })),
    await time('counts, search «пересорт»', () => countSubmissions(db, all, { q: 'пересорт' })),
    await time('counts, search «спасибо»', () => countSubmissions(db, all, { q: 'спасибо' })),
    await time('counts, search «ЛОСЬКОВА»', () => countSubmissions(db, all, { q: 'ЛОСЬКОВА' })),
    await time('counts, search «Лоськовой»', () => countSubmissions(db, all, { q: 'Лоськовой' })),
    await time('counts, search «%%%» (API: 422)', () => countSubmissions(db, all, { q: '%%%' })),
    await time('counts, search «спасибо за спасибо за…»', () =>
      countSubmissions(db, all, { q: 'спасибо за спасибо за спасибо за' }),
    ),
    await time('counts, search «Спасибо за оперативную…» × 6', () => countSubmissions(db, all, { q: LONG_PHRASE })),
    await time('counts, search «2026 2026 2026»', () => countSubmissions(db, all, { q: '2026 2026 2026' })),
    await time('counts, search «ООО ООО ООО ООО»', () => countSubmissions(db, all, { q: 'ООО ООО ООО ООО' })),
    await time('page and counts at once, «2026 2026 2026»', () =>
      Promise.all([list({ q: '2026 2026 2026' }), countSubmissions(db, all, { q: '2026 2026 2026' })]),
    ),
    await time('page and counts at once, «спасибо» × 4', () =>
      Promise.all([list({ q: REPEATED }), countSubmissions(db, all, { q: REPEATED })]),
    ),
    await time('counts, search «ИП»', () => countSubmissions(db, all, { q: 'ИП' })),
  ];
  return results;
}

function print(title: string, results: Awaited<ReturnType<typeof measure>>) {
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\n${title}\n${'query'.padEnd(48)}  median ms    min ms    max ms  rows`);
  for (const r of results) {
    const res = r.result as { items?: unknown[]; total?: number };
    console.log(
      `${r.label.padEnd(48)}  ${fmt(r.median)}  ${fmt(r.min)}  ${fmt(r.max)}  ${res.items ? res.items.length : res.total}`,
    );
  }
}

async function benchSqlite() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-bench-'));
  const end = new Date();
  const { db } = openDb({ dataDir });
  try {
    await migrateTo(db, '2026-11-24-console');
    let t = performance.now();
    const dir = fillSqlite(path.join(dataDir, 'otklik.sqlite'), end);
    console.log(
      `SQLite: ${ROWS.toLocaleString('en')} submissions filled in ${((performance.now() - t) / 1000).toFixed(1)} s (${dataDir})`,
    );
    t = performance.now();
    await migrateTo(db, 'latest');
    await sql`ANALYZE`.execute(db);
    console.log(
      `SQLite: search migrations (FTS5 trigram rebuild, stemmed words, indexes) ${((performance.now() - t) / 1000).toFixed(1)} s; file ${(fs.statSync(path.join(dataDir, 'otklik.sqlite')).size / 2 ** 20).toFixed(0)} MB`,
    );
    print('SQLite', await measure(db, dir));
  } finally {
    await db.destroy();
    if (!opts.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string) {
  const schema = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({
        connectionString: url,
        max: 4,
        options: `-c search_path=${schema} -c maintenance_work_mem=512MB`,
      }),
    }),
  });
  const end = new Date();
  try {
    await migrateTo(db, '2026-11-24-console', schema);
    let t = performance.now();
    const dir = await fillPostgres(url, schema, end);
    console.log(
      `PostgreSQL: ${ROWS.toLocaleString('en')} submissions filled in ${((performance.now() - t) / 1000).toFixed(1)} s (schema ${schema})`,
    );
    t = performance.now();
    await migrateTo(db, 'latest', schema);
    await admin.query(`VACUUM ANALYZE ${schema}.submissions`);
    await admin.query(`VACUUM ANALYZE ${schema}.reviews`);
    console.log(
      `PostgreSQL: search migrations (pg_trgm GIN, tsvector GIN, indexes) and VACUUM ANALYZE ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    print('PostgreSQL', await measure(db, dir));
  } finally {
    await db.destroy();
    if (!opts.keep) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

if (opts.only !== 'postgres') await benchSqlite();
if (opts.only !== 'sqlite') {
  if (process.env.DATABASE_URL) await benchPostgres(process.env.DATABASE_URL);
  else console.log('\nPostgreSQL skipped: set DATABASE_URL=postgres://… to measure it too.');
}
