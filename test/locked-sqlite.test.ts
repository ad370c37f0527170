import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../server/app.ts';
import { createReminderScheduler } from '../server/complaints/reminders.ts';
import type { MailTransport } from '../server/mail/mail-transport.ts';
import { createOutboxWorker } from '../server/mail/outbox-worker.ts';
import { countRows } from './support/count-rows.ts';
import { buildSqliteApp } from './support/sqlite-app.ts';

// Issue 14 §5: another process (the CLI, a backup) holds the SQLite file's write lock.

type T = Awaited<ReturnType<typeof buildSqliteApp>>;
let t: T;
afterEach(async () => t?.close());

const complaint = {
  kind: 'complaint',
  message: 'Программа загружается 3–4 минуты',
  email: 'client@example.ru',
  consent: true,
};
const submit = (headers: Record<string, string> = {}) =>
  t.app.request('/api/v1/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(complaint),
  });
const rows = (table: 'submissions' | 'outbox') => countRows(t.db, table);
const timed = async (path: string) => {
  const started = performance.now();
  const res = await t.app.request(path);
  return { status: res.status, ms: performance.now() - started };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a locked SQLite file', () => {
  it('does not hold up pages and /readyz (which reads the database) while ten submissions wait for the lock', async () => {
    t = await buildSqliteApp();
    const release = t.holdWriteLock();
    const waiting = Promise.all(Array.from({ length: 10 }, () => submit()));
    await sleep(300); // the submissions are now trying again and again
    for (let round = 0; round < 3; round++) {
      for (const path of ['/f', '/readyz']) {
        const { status, ms } = await timed(path);
        expect(status, path).toBe(200);
        expect(ms, path).toBeLessThan(200);
      }
    }
    release();
    expect((await waiting).map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(await rows('submissions')).toBe(10);
  });

  it('restarted while the file is locked, reads its proof-of-work key without writing and serves /f', async () => {
    t = await buildSqliteApp({ busyRetry: { budgetMs: 300 } });
    const release = t.holdWriteLock();
    const restarted = await startApp({ db: t.db, config: t.config, clock: t.clock });
    const started = performance.now();
    const res = await restarted.request('/f');
    release();
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('stores a submission that met a short lock once the lock is let go', async () => {
    t = await buildSqliteApp();
    const release = t.holdWriteLock();
    setTimeout(release, 400);
    const res = await submit();
    expect(res.status).toBe(201);
    expect(await rows('submissions')).toBe(1);
    expect(await rows('outbox')).toBeGreaterThan(0);
  });

  it('answers 503 «busy» with Retry-After when the lock outlasts the wait, and stores nothing', async () => {
    t = await buildSqliteApp({ busyRetry: { budgetMs: 600 } });
    const release = t.holdWriteLock();
    const started = performance.now();
    const res = await submit({ 'accept-language': 'en' });
    const ms = performance.now() - started;
    release();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = await res.json();
    expect(body.error.code).toBe('busy');
    expect(body.error.message).toMatch(/busy/);
    expect(ms).toBeGreaterThan(500);
    expect(ms).toBeLessThan(2000);
    expect(await rows('submissions')).toBe(0);
    expect(await rows('outbox')).toBe(0);
    // The same message sent again (the widget keeps the draft) is stored once the file is free.
    expect((await submit()).status).toBe(201);
    expect(await rows('submissions')).toBe(1);
  });

  it('the outbox worker waits out a short lock and survives a long one', async () => {
    t = await buildSqliteApp({ busyRetry: { budgetMs: 500 } });
    expect((await submit()).status).toBe(201);
    const sent: string[] = [];
    const transport: MailTransport = {
      name: 'memory',
      send: async (mail) => {
        sent.push(mail.id);
        return { providerId: mail.id };
      },
    };
    const logs: string[] = [];
    const worker = createOutboxWorker({
      db: t.db,
      transport,
      clock: t.clock,
      config: t.config,
      log: (m) => logs.push(m),
    });
    let release = t.holdWriteLock();
    await expect(worker.runOnce()).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
    expect(sent).toEqual([]);
    release();
    release = t.holdWriteLock();
    setTimeout(release, 200);
    expect(await worker.runOnce()).toBeGreaterThan(0);
    expect(sent.length).toBe(await rows('outbox'));
    const pending = await t.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
    expect(pending).toEqual([]);
  });

  it('the reminders survive a lock and queue their notices once it is gone', async () => {
    t = await buildSqliteApp({ busyRetry: { budgetMs: 300 } });
    t.clock.set('2026-11-23T07:00:00.000Z'); // Monday 10:00 in Moscow
    expect((await submit()).status).toBe(201);
    t.clock.set('2026-11-23T07:46:00.000Z'); // three quarters of step 1.1's working hour
    const logs: string[] = [];
    const reminders = createReminderScheduler({
      db: t.db,
      clock: t.clock,
      config: t.config,
      onMailQueued: () => {},
      log: (m) => logs.push(m),
    });
    const outboxBefore = await rows('outbox');
    const release = t.holdWriteLock();
    await reminders.tick();
    expect(logs.join('\n')).toMatch(/reminders failed: .*locked/);
    release();
    await reminders.tick();
    expect(logs.at(-1)).toBe('1 reminder(s) queued');
    expect(await rows('outbox')).toBe(outboxBefore + 1);
  });
});
