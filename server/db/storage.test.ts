import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { migrateToLatest } from './migrate.ts';

describe.each(DB_KINDS)('migrations on %s', (kind) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it('create every table and run again as a no-op', async () => {
    t = await openTestDb(kind);
    expect(await migrateToLatest(t.db)).toEqual([]);
    const tables = (await t.db.introspection.getTables()).map((x) => x.name).filter((n) => !n.startsWith('kysely_'));
    expect(tables).toEqual(
      expect.arrayContaining([
        'attachments',
        'audit_log',
        'auth_throttle',
        'departments',
        'employees',
        'outbox',
        'rating_slugs',
        'rating_subjects',
        'registration_counters',
        'reviews',
        'sessions',
        'submission_events',
        'submissions',
        'users',
      ]),
    );
  });

  it('store and read back binary attachments', async () => {
    t = await openTestDb(kind);
    const now = new Date().toISOString();
    await t.db
      .insertInto('submissions')
      .values({
        id: 's1',
        number: '2026-00001',
        type: 'feedback',
        kind: 'thanks',
        channel: 'site',
        message: 'm',
        name: null,
        organization: null,
        inn: null,
        phone: null,
        email: null,
        page: null,
        lang: 'ru',
        consent_version: null,
        consent_at: null,
        consent_ip: null,
        consent_user_agent: null,
        idempotency_key: null,
        response: '{}',
        created_at: now,
        score: null,
        subject: null,
        employee_id: null,
        department_id: null,
        publish: null,
      })
      .execute();
    const bytes = new Uint8Array([0, 1, 2, 255, 254]);
    await t.db
      .insertInto('attachments')
      .values({
        id: 'a1',
        submission_id: 's1',
        filename: 'x.bin',
        mime: 'application/pdf',
        size: 5,
        sha256: 'x',
        content: bytes,
        created_at: now,
      })
      .execute();
    const row = await t.db.selectFrom('attachments').selectAll().executeTakeFirstOrThrow();
    expect([...row.content]).toEqual([...bytes]);
  });
});
