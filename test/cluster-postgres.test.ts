import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../server/clock.ts';
import { type Db, openDb } from '../server/db/connection.ts';
import { seedDemoDirectory } from '../server/directory/demo-seed.ts';
import { createUser, signIn } from './support/console.ts';
import { DB_KINDS } from './support/databases.ts';
import { type FakeResend, startFakeResend } from './support/fake-resend.ts';
import {
  healAndDrain,
  killTestEnv,
  NO_PROBLEMS,
  onceEach,
  pendingMail,
  postLoad,
  providerSummary,
  runLine,
} from './support/kill-load.ts';
import { type ScratchDatabase, scratchPostgres } from './support/scratch-postgres.ts';
import { type RunningServer, startServer } from './support/server-process.ts';

const TOTAL = 160;
const RUN = `cluster${Date.now()}`;
const local = (url: string) => url.replace('//localhost:', '//127.0.0.1:');

// Two real server processes on one PostgreSQL database, as several instances behind a balancer
// run. CI sets TEST_DATABASE_URL; without it there is no PostgreSQL to share and this is skipped.
describe.runIf(DB_KINDS.includes('postgres'))('two instances on one PostgreSQL, one killed mid-load', () => {
  let scratch: ScratchDatabase | undefined;
  let fake: FakeResend | undefined;
  let db: Db | undefined;
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop().catch(() => {});
    await db?.destroy();
    await fake?.close();
    await scratch?.drop();
  });

  it('stores every acknowledged post once, numbers each once and delivers each e-mail once', async () => {
    scratch = await scratchPostgres(process.env.TEST_DATABASE_URL!, 'cluster');
    fake = await startFakeResend();
    // A quarter of the provider's requests fail while the load runs: an error, a request that
    // hangs and is dropped, or one delivered whose answer is lost.
    fake.setFaults({ share: 0.25, kinds: ['lost', '500', 'hang'], hangMs: 1500 });
    const env = { ...killTestEnv(fake), DATABASE_URL: scratch.url };
    const t0 = Date.now();
    // Started together on an empty database: both run the migrations at once.
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
    const t1 = Date.now();
    db = openDb({ databaseUrl: scratch.url, dataDir: servers[0]!.dataDir, poolSize: 2 }).db;
    await seedDemoDirectory(db, systemClock); // the employee the ratings rate

    let restarted: Promise<void> | undefined;
    let pendingAtKill = 0;
    const load = await postLoad({
      urls: servers.map((s) => local(s.url)),
      total: TOTAL,
      concurrency: 6,
      runId: RUN,
      deadlineMs: 45_000,
      onAcked: (n) => {
        if (n !== TOTAL / 2 || restarted) return;
        // SIGKILLed mid-load and mid-send, then back on its port while the other carries on.
        restarted = (async () => {
          await servers[0]!.kill();
          pendingAtKill = await pendingMail(db!);
          servers[0] = await servers[0]!.restart();
        })();
      },
    });
    await restarted;
    const t2 = Date.now();
    await healAndDrain(fake, db, 30_000);
    const t3 = Date.now();
    const check = await onceEach(db, fake, load, RUN);
    expect(check.problems).toEqual(NO_PROBLEMS);
    expect(check).toMatchObject({ stored: TOTAL, ratings: TOTAL / 4, deliveries: check.emails });
    expect(load.acked.size).toBe(TOTAL);
    // The kill was felt: posts to the dead instance were sent again, and mail was left waiting.
    expect(load.connectionErrors).toBeGreaterThan(0);
    expect(pendingAtKill).toBeGreaterThan(0);
    // The provider's faults happened, and a retry met a key whose request had been delivered.
    const { errors, dropped, replayed } = providerSummary(fake);
    expect(errors * dropped * replayed).toBeGreaterThan(0);
    console.log(runLine('cluster', load, check, pendingAtKill, fake, [t0, t1, t2, t3]));
  }, 90_000); // about 30 s; the margin is for a machine busy with other work

  it('keeps a console session on every instance: signed in on one, used and ended on the other', async () => {
    const [a, b] = servers.map((s) => local(s.url)) as [string, string];
    const at = (base: string) => ({ request: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init) });
    const qms = await createUser(db!, systemClock, { email: 'qms@example.ru', role: 'qms' });
    const session = await signIn(at(a), qms.email, qms.password);
    const headers = { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken };
    expect((await fetch(`${b}/api/admin/me`, { headers })).status).toBe(200);
    expect((await fetch(`${b}/api/admin/logout`, { method: 'POST', headers })).status).toBeLessThan(300);
    expect((await fetch(`${a}/api/admin/me`, { headers })).status).toBe(401);
  });
});
