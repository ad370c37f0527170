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
