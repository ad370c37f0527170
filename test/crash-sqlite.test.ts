import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../server/clock.ts';
import { type Db, openDb } from '../server/db/connection.ts';
import { seedDemoDirectory } from '../server/directory/demo-seed.ts';
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
import { type RunningServer, startServer } from './support/server-process.ts';

const TOTAL = 160;
const RUN = `crash${Date.now()}`;

// One server on its SQLite file, SIGKILLed mid-load as a power cut of the process would, and
// started again on its port: what it acknowledged is there, and its outbox carries on.
describe('one instance on SQLite, killed mid-load and started again', () => {
  let fake: FakeResend | undefined;
  let db: Db | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await db?.destroy();
    await server?.stop().catch(() => {});
    await fake?.close();
  });

  it('loses no acknowledged post and delivers each e-mail once after the restart', async () => {
    fake = await startFakeResend();
    fake.setFaults({ share: 0.25, kinds: ['lost', '500', 'hang'], hangMs: 1500 });
    const t0 = Date.now();
    server = await startServer(killTestEnv(fake));
    const t1 = Date.now();
    // A reader beside the server, as the CLI would be (WAL: it never waits for the writer).
    db = openDb({ dataDir: server.dataDir }).db;
    await seedDemoDirectory(db, systemClock); // the employee the ratings rate

    let restarted: Promise<void> | undefined;
    let acked = 0;
    let ackedAtKill = 0;
    let pendingAtKill = 0;
    const load = await postLoad({
      urls: [server.url.replace('//localhost:', '//127.0.0.1:')],
      total: TOTAL,
      concurrency: 4,
      runId: RUN,
      deadlineMs: 45_000,
      onAcked: (n) => {
        acked = n;
        if (n !== TOTAL / 2 || restarted) return;
        restarted = (async () => {
          await server!.kill();
          ackedAtKill = acked;
          pendingAtKill = await pendingMail(db!);
          server = await server!.restart();
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
    // The kill came mid-load with mail still waiting: the restarted server sent it.
    expect(ackedAtKill).toBeGreaterThanOrEqual(TOTAL / 2);
    expect(ackedAtKill).toBeLessThan(TOTAL);
    expect(pendingAtKill).toBeGreaterThan(0);
    expect(load.connectionErrors).toBeGreaterThan(0);
    const { errors, dropped, replayed } = providerSummary(fake);
    expect(errors * dropped * replayed).toBeGreaterThan(0);
    console.log(runLine('crash', load, check, pendingAtKill, fake, [t0, t1, t2, t3]));
  }, 90_000); // about 30 s; the margin is for a machine busy with other work
});
