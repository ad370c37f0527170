import { logLines } from '../../test/support/log-lines.ts';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { createLogger } from '../ops/logger.ts';
import { attemptPassword } from './password-attempt.ts';
import { throttleKeys } from './throttle.ts';

let t: TestDb | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

it('logs a lock-out it could not count as a JSON line of the server log, and still locks', async () => {
  t = await openTestDb('sqlite');
  const { sink, lines } = logLines();
  await sql`DROP TABLE refusals`.execute(t.db);
  const clock = fakeClock();
  const logger = createLogger('info', sink);
  let status = '';
  for (let i = 0; i < 50 && status !== 'locked'; i++)
    status = (await attemptPassword(t.db, clock, throttleKeys('a@example.ru', null), async () => false, logger)).status;
  expect(status).toBe('locked');
  expect(lines).toEqual([
    expect.objectContaining({ level: 50, component: 'refusals', reason: 'sign_in_locked', msg: 'refusal not counted' }),
  ]);
});

it('forgets the keys of guesses a day old', async () => {
  t = await openTestDb('sqlite');
  const clock = fakeClock();
  for (let i = 0; i < 30; i++)
    await attemptPassword(t.db, clock, throttleKeys(`guess${i}@example.ru`, '192.0.2.1'), async () => false);
  const keys = async () => (await t!.db.selectFrom('auth_throttle').select('key').execute()).map((r) => r.key).sort();
  expect(await keys()).toHaveLength(31); // each e-mail tried, and the address
  clock.advance(25 * 3600_000);
  await attemptPassword(t.db, clock, throttleKeys('next@example.ru', null), async () => true);
  expect(await keys()).toEqual([]);
});
