import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/test-app.ts';

type T = Awaited<ReturnType<typeof buildTestApp>>;
let t: T | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe.each(DB_KINDS)('GET /readyz (%s)', (kind) => {
  it('is ready once every known migration is applied, and says which one is missing otherwise', async () => {
    t = await buildTestApp(kind);
    const ready = await t.app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });

    // As if this code were started beside a database an older version migrated.
    await sql`delete from kysely_migration where name = ${'2026-12-10-report-indexes'}`.execute(t.db);
    const behind = await t.app.request('/readyz');
    expect(behind.status).toBe(503);
    expect(await behind.json()).toEqual({
      ready: false,
      reason: 'migrations_pending',
      detail: 'not applied: 2026-12-10-report-indexes',
    });
    await sql`insert into kysely_migration (name, timestamp) values (${'2026-12-10-report-indexes'}, ${'2026-12-10T00:00:00.000Z'})`.execute(
      t.db,
    );
    // As if a newer version had migrated the database under this older instance, left running.
    await sql`insert into kysely_migration (name, timestamp) values (${'2099-01-01-future'}, ${'2099-01-01T00:00:00.000Z'})`.execute(
      t.db,
    );
    const ahead = await t.app.request('/readyz');
    expect(ahead.status).toBe(503);
    expect(await ahead.json()).toEqual({
      ready: false,
      reason: 'schema_newer',
      detail: 'applied by a newer version: 2099-01-01-future',
    });
    // The process itself is up: /healthz keeps its answer.
    expect(await (await t.app.request('/healthz')).json()).toEqual({ ok: true, database: kind });
  });
});

describe('GET /readyz without a database', () => {
  it('answers 503 with the reason', async () => {
    t = await buildTestApp('sqlite');
    await t.db.destroy();
    const res = await t.app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ready: false, reason: 'database_unreachable' });
    // The process is still up: a liveness check must not restart it for the database's sake.
    const live = await t.app.request('/healthz');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ ok: true, database: 'sqlite' });
    t = undefined; // already closed
  });
});
