import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import type { Config } from '../env.ts';
import type { Logger } from '../ops/logger.ts';
import { PER_EMPLOYEE, PER_SUBJECT } from './allowances.ts';
import { mailAllowed } from './counters.ts';

/**
 * Whether a rating of this employee or subject may be e-mailed (to his manager, the subject's
 * recipients and the QMS's copy): at most PER_EMPLOYEE or PER_SUBJECT an hour, from anyone, so a
 * flood through many IPs can't fill their mailboxes. Past it the rating is stored and shown in the
 * console as ever, only its e-mails are not sent (counted `rate_target`): a refusal lost real
 * clients' ratings, and told them they had sent too many, when one script had rated the employee
 * twenty times. Counted in the caller's transaction; RATE_LIMIT=0 turns it off.
 * @example if (await mayNotifyOf(trx, deps, { employeeId: 'e1' })) await insertOutboxMessage(…)
 */
export function mayNotifyOf(
  trx: Kysely<Database>,
  deps: { clock: Clock; config: Config; logger?: Logger | undefined },
  target: { employeeId: string } | { subject: string },
): Promise<boolean> {
  return 'employeeId' in target
    ? mailAllowed(trx, deps, `employee:${target.employeeId}`, PER_EMPLOYEE, 'rate_target')
    : mailAllowed(trx, deps, `subject:${target.subject}`, PER_SUBJECT, 'rate_target');
}
