import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countRows } from './support/count-rows.ts';
import { buildSqliteApp } from './support/sqlite-app.ts';

// Issue 14 §7: on a full disk the log said «cannot rollback - no transaction is active».

type T = Awaited<ReturnType<typeof buildSqliteApp>>;
let t: T;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const submit = (message: string) =>
  t.app.request('/api/v1/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ kind: 'complaint', message, email: 'client@example.ru', consent: true }),
  });

describe('a full disk', () => {
  it('logs SQLITE_FULL itself, answers 503 «storage_full» with Retry-After, and stores nothing half-way', async () => {
    t = await buildSqliteApp();
    const { rows } = await sql<{ page_count: number }>`PRAGMA page_count`.execute(t.db);
    // The file may not grow any more: the next pages written fail as on a full disk.
    await sql.raw(`PRAGMA max_page_count = ${rows[0]!.page_count}`).execute(t.db);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    const res = await submit('Очень длинное обращение. '.repeat(190));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await res.json()).error.code).toBe('storage_full');
    const log = logged.mock.calls.map((c) => c.map(String).join(' ')).join('\n');
    expect(log).toMatch(/SQLITE_FULL|database or disk is full/);
    expect(log).not.toMatch(/cannot rollback/);
    expect(logged.mock.calls.flat().some((a) => (a as { code?: string })?.code === 'SQLITE_FULL')).toBe(true);

    expect(await countRows(t.db, 'submissions')).toBe(0);
    expect(await countRows(t.db, 'outbox')).toBe(0);

    // Space again: the same message is stored whole.
    await sql.raw('PRAGMA max_page_count = 1073741823').execute(t.db);
    expect((await submit('Очень длинное обращение. '.repeat(190))).status).toBe(201);
    expect(await countRows(t.db, 'submissions')).toBe(1);
  });
});
