import { logLines } from '../../test/support/log-lines.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../test/support/test-app.ts';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { countHit, releaseHit } from './counters.ts';
import { sql } from 'kysely';
import { countRefusal, listRefusals } from '../refusals.ts';
import { createLogger } from '../ops/logger.ts';

describe.each(DB_KINDS)('abuse counters on %s', (kind) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('allows max hits per window, refuses the rest with Retry-After, and starts again when the window ends', async () => {
    t = await openTestDb(kind);
    const clock = fakeClock('2026-12-05T10:00:00.000Z');
    const rule = { max: 3, windowMs: 60_000 };
    const answers = await Promise.all(Array.from({ length: 10 }, () => countHit(t!.db, clock, 'ip:203.0.113.5', rule)));
    expect(answers.filter((a) => a.allowed)).toHaveLength(3);
    const refused = answers.find((a) => !a.allowed);
    expect(refused && !refused.allowed && refused.retryAfterS).toBe(60);
    expect((await countHit(t.db, clock, 'ip:198.51.100.1', rule)).allowed).toBe(true);
    clock.advance(61_000);
    expect(await countHit(t.db, clock, 'ip:203.0.113.5', rule)).toEqual({ allowed: true, hits: 1 });
    await releaseHit(t.db, 'ip:203.0.113.5');
    expect((await countHit(t.db, clock, 'ip:203.0.113.5', rule)).hits).toBe(1);
  });

  it('counts refusals by day and reason', async () => {
    t = await openTestDb(kind);
    const clock = fakeClock('2026-12-05T10:00:00.000Z');
    await Promise.all([
      countRefusal({ db: t.db, clock }, 'rate_ip'),
      countRefusal({ db: t.db, clock }, 'rate_ip'),
      countRefusal({ db: t.db, clock }, 'honeypot'),
    ]);
    clock.advance(24 * 3600_000);
    await countRefusal({ db: t.db, clock }, 'rate_ip');
    expect(await listRefusals(t.db, '2026-12-01')).toEqual([
      { day: '2026-12-06', reason: 'rate_ip', count: 1 },
      { day: '2026-12-05', reason: 'honeypot', count: 1 },
      { day: '2026-12-05', reason: 'rate_ip', count: 2 },
    ]);
  });

  it('logs a refusal it could not count as a JSON line of the server log, and answers as before', async () => {
    t = await openTestDb(kind);
    const { sink, lines } = logLines();
    await sql`DROP TABLE refusals`.execute(t.db);
    await countRefusal({ db: t.db, clock: fakeClock(), logger: createLogger('info', sink) }, 'origin');
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, component: 'refusals', reason: 'origin', msg: 'refusal not counted' }),
    ]);
  });
});
