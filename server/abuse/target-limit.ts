import type { Context } from 'hono';
import { SLUG } from '../../shared/rating-schema.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { PER_EMPLOYEE, PER_SUBJECT } from './allowances.ts';
import { countHit } from './counters.ts';
import { refuse } from './refuse.ts';

/**
 * Limits ratings of one employee or one subject in an hour, from any number of IPs: each rating
 * e-mails his manager or the subject's recipients. 429 with `Retry-After` past it; RATE_LIMIT=0
 * turns it off. A slug that isn't one is left to the validation's 422.
 * @example await limitPerTarget(c, deps, { subject: 'employee', employee: 'ivanov' })
 */
export async function limitPerTarget(
  c: Context,
  deps: { db: Db; clock: Clock; config: Config },
  fields: Record<string, unknown>,
): Promise<void> {
  if (deps.config.rateLimit <= 0) return;
  const { subject, employee } = fields;
  const target =
    subject === 'employee'
      ? typeof employee === 'string' && SLUG.test(employee) && { key: `employee:${employee}`, rule: PER_EMPLOYEE }
      : typeof subject === 'string' && SLUG.test(subject) && { key: `subject:${subject}`, rule: PER_SUBJECT };
  if (!target) return;
  const hit = await countHit(deps.db, deps.clock, target.key, target.rule);
  if (!hit.allowed) await refuse(c, deps, 'rate_target', 429, 'rate_limited', hit.retryAfterS);
}
