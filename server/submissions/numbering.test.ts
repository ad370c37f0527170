import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations/index.ts';
import { saveEmployee } from '../directory/store.ts';
import { consoleHarness } from '../console/testing/harness.ts';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { nextRegistrationNumber } from './registration-number.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let raw: TestDb | undefined;
afterEach(async () => {
  await t?.close();
  await raw?.close();
  raw = undefined;
});

const send = (app: typeof t.app, path: string, body: unknown) =>
  Promise.resolve(
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  ).then(async (r) => (await r.json()) as { number: string });
const thanks = { kind: 'thanks', message: 'Спасибо!', consent: true };
const rating = { subject: 'employee', employee: 'ivanov', score: 5 };
const series = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}2026-${String(i + 1).padStart(5, '0')}`);

describe.each(DB_KINDS)('registration numbers on %s', (kind) => {
  // Several instances share PostgreSQL only; SQLite is one process with one connection.
  it(`stay unique and gap-free in each register when ${kind === 'postgres' ? 'two instances take' : 'one instance takes'} messages and ratings at once`, async () => {
    t = await buildTestApp(kind);
    await saveEmployee(t.db, t.clock, { slug: 'ivanov', name: 'Иванов Иван', managerEmail: 'boss@example.ru' });
    const apps = kind === 'postgres' ? [t.app, t.another()] : [t.app, t.app];
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 4 === 3
          ? // Each rating from a browser of its own: one browser's second rating changes its first.
            send(apps[i % 2]!, '/api/v1/ratings', { ...rating, raterToken: `browser-number-${i}-0123456789` })
          : send(apps[i % 2]!, '/api/v1/feedback', thanks),
      ),
    );
    const numbers = answers.map((a) => a.number);
    // The complaint register has no gaps where ratings came in; ratings have their own.
    expect(numbers.filter((n) => !n.startsWith('О-')).sort()).toEqual(series('', 30));
    expect(numbers.filter((n) => n.startsWith('О-')).sort()).toEqual(series('О-', 10));
  });

  it('continue the year counted before ratings had their own register', async () => {
    raw = await openTestDb(kind);
    const names = Object.keys(migrations).sort();
    const before = names[names.indexOf('2026-12-04-ratings') - 1]!;
    await raw.migrateTo(before);
    // What a database of the old code held: ratings and messages numbered from one counter.
    await sql`INSERT INTO registration_counters (year, value) VALUES (2026, 41)`.execute(raw.db);
    await raw.migrateTo();
    const at = new Date('2026-11-23T09:00:00Z');
    expect(await nextRegistrationNumber(raw.db, at)).toBe('2026-00042');
    expect(await nextRegistrationNumber(raw.db, at, 'ratings')).toBe('О-2026-00001');
    expect(await nextRegistrationNumber(raw.db, at, 'messages')).toBe('2026-00043');
    expect(await nextRegistrationNumber(raw.db, new Date('2027-01-10T09:00:00Z'), 'ratings')).toBe('О-2027-00001');
  });
});

describe.each(DB_KINDS)('a submission numbered last on %s (lateRegistrationNumber)', (kind) => {
  it('carries its number in the answer, the stored row and every queued e-mail, past 99999 too, and no mark', async () => {
    t = await buildTestApp(kind);
    await saveEmployee(t.db, t.clock, { slug: 'ivanov', name: 'Иванов Иван', managerEmail: 'boss@example.ru' });
    await sql`INSERT INTO registration_counters (sequence, year, value) VALUES ('messages', 2026, 99998)`.execute(t.db);
    const complaint = { kind: 'complaint', message: 'Груз опоздал', email: 'client@example.ru', consent: true };
    const answers = [
      await send(t.app, '/api/v1/feedback', complaint),
      await send(t.app, '/api/v1/feedback', { ...complaint, kind: 'thanks' }),
      await send(t.app, '/api/v1/ratings', {
        ...rating,
        email: 'rater@example.ru',
        raterToken: 'browser-late-0123456789',
      }),
    ] as Array<{ id: string; number: string; ack: string }>;
    expect(answers.map((a) => a.number)).toEqual(['2026-99999', '2026-100000', 'О-2026-00001']);
    for (const a of answers) {
      expect(a.ack).toContain(a.number);
      const row = await t.db
        .selectFrom('submissions')
        .select(['number', 'response'])
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(row.number).toBe(a.number);
      expect(JSON.parse(row.response)).toMatchObject({ number: a.number, ack: a.ack });
      const mails = await t.db
        .selectFrom('outbox')
        .select(['subject', 'html', 'text'])
        .where('submission_id', '=', a.id)
        .execute();
      // The notifications (the QMS, the manager) and the client's acknowledgement.
      expect(mails.length).toBeGreaterThanOrEqual(2);
      // A rating's subjects name the score instead: that they hold no mark is checked below.
      for (const m of mails) for (const part of [m.html, m.text]) expect(part).toContain(a.number);
      if (!a.number.startsWith('О-')) for (const m of mails) expect(m.subject).toContain(a.number);
    }
    const marked = async (table: 'submissions' | 'outbox', columns: string[]) =>
      (
        await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.join(
          columns.map((c) => sql`${sql.ref(c)} LIKE ${'%\uE000%'}`),
          sql` OR `,
        )}`.execute(t.db)
      ).rows[0]!.n;
    expect(Number(await marked('submissions', ['number', 'response']))).toBe(0);
    expect(Number(await marked('outbox', ['subject', 'html', 'text']))).toBe(0);
  });
});

describe.each(DB_KINDS)('the inbox search on %s', (kind) => {
  it('finds a rating by its number, О-2026-00001', async () => {
    const h = await consoleHarness(kind);
    t = h;
    await h.directory();
    const complaint = await h.feedback();
    const r = await h.rating();
    expect(r.number).toBe('О-2026-00001');
    expect(complaint.number).toBe('2026-00001');
    const qms = await h.as('qms');
    const found = async (q: string) =>
      (
        (await (await qms.request(`/api/admin/submissions?q=${encodeURIComponent(q)}`)).json()) as {
          items: Array<{ number: string }>;
        }
      ).items.map((i) => i.number);
    expect(await found('О-2026-00001')).toEqual([r.number]);
    expect(await found('о-2026-00001')).toEqual([r.number]);
  });
});
