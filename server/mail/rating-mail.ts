import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database, SubmissionTable } from '../db/schema.ts';
import type { Config } from '../env.ts';
import { cardLink } from './links.ts';
import { insertOutboxMessage } from './outbox-store.ts';
import { ratingAck } from './templates/rating-ack.ts';
import { ratingNotification } from './templates/rating-notification.ts';
import type { RatingTarget, RatingVersion } from './templates/rating-target.ts';
import { headerValue } from './templates/subject.ts';
import { mayAcknowledge } from '../abuse/ack-cap.ts';
import { mayNotifyOf } from '../abuse/target-limit.ts';
import { LOW_SCORE } from '../../shared/complaint-process.ts';

export type { RatingTarget, RatingVersion } from './templates/rating-target.ts';

/**
 * Queues the e-mails of a rating in the caller's transaction. An employee's rating goes to his
 * manager, and a copy to the QMS as a message of its own, so each delivery is tracked apart; a
 * subject's rating (delivery) goes to its recipients and the QMS together. Replies go to the
 * client when he gave an address, and then he gets a thank-you whose replies go to the QMS.
 * A rating its client changed (`previous`: what it was) tells the same people of the change,
 * and thanks the client no second time. Past the hour's allowance of its employee or subject
 * (mayNotifyOf) only the client's thank-you goes, and the QMS hears of a low score.
 */
export async function enqueueRatingMail(
  trx: Kysely<Database>,
  deps: { config: Config; clock: Clock },
  submission: Selectable<SubmissionTable>,
  target: RatingTarget,
  /** A rating changed by its client: what it was (`previous`), and the complaint made of it, if any. */
  changed: { previous?: RatingVersion; complaint?: { id: string; number: string } | undefined } = {},
): Promise<void> {
  const { previous } = changed;
  const complaint = changed.complaint?.number;
  const { config, clock } = deps;
  const { score } = submission;
  if (submission.type !== 'rating' || score === null || !Number.isInteger(score) || score < 1 || score > 5) {
    throw new Error(`enqueueRatingMail: submission ${submission.id} is not a rating with a score of 1–5`);
  }
  const client = submission.email ? headerValue(submission.email) : '';
  const replyTo = client ? [client] : [];
  const base = { submissionId: submission.id, replyTo };
  // Only for mail the QMS reads: a manager has no console to open.
  const card = cardLink(config, changed.complaint?.id ?? submission.id);

  // Past the hour's allowance of this employee or subject: stored, in the console, not mailed.
  const notify =
    target.kind === 'employee'
      ? submission.employee_id === null || (await mayNotifyOf(trx, deps, { employeeId: submission.employee_id }))
      : await mayNotifyOf(trx, deps, { subject: target.slug });
  if (notify && target.kind === 'employee') {
    const manager = headerValue(target.managerEmail);
    if (manager) {
      await insertOutboxMessage(trx, clock, {
        ...base,
        template: 'rating-notification',
        to: [manager],
        mail: ratingNotification(submission, target, config.companyName, { previous, complaint }),
      });
    }
    // A manager who is also on the QMS list has his message already: no second one.
    const qms = addresses(config.qmsEmail).filter((a) => !sameAddress(a, manager));
    if (qms.length > 0) {
      const copyOf = { managerName: target.managerName, managerEmail: manager };
      await insertOutboxMessage(trx, clock, {
        ...base,
        template: 'rating-qms-copy',
        to: qms,
        mail: ratingNotification(submission, target, config.companyName, { copyOf, previous, complaint, card }),
      });
    }
  } else if (notify && target.kind === 'subject') {
    await insertOutboxMessage(trx, clock, {
      ...base,
      template: 'rating-notification',
      to: addresses([...target.recipients, ...config.qmsEmail]),
      mail: ratingNotification(submission, target, config.companyName, { previous, complaint, card }),
    });
  } else if (score <= LOW_SCORE && config.qmsEmail.length > 0) {
    // Past the allowance a low score still reaches the QMS, whose complaint process must hear of
    // it (20 ratings of 5 from one script silenced the real 1 after them); only the manager's and
    // the recipients' mailboxes are spared.
    await insertOutboxMessage(trx, clock, {
      ...base,
      template: 'rating-notification',
      to: addresses(config.qmsEmail),
      mail: ratingNotification(submission, target, config.companyName, { previous, complaint, card }),
    });
  }

  if (!client || previous || !(await mayAcknowledge(trx, deps, client))) return;
  await insertOutboxMessage(trx, clock, {
    template: 'rating-ack',
    submissionId: submission.id,
    to: [client],
    replyTo: config.qmsEmail,
    mail: ratingAck(submission, target, config.companyName),
  });
}

/** Addresses cleaned of header-breaking characters, blanks dropped, each once whatever its case. */
function addresses(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of list) {
    const a = headerValue(raw);
    if (a && !out.some((b) => sameAddress(a, b))) out.push(a);
  }
  return out;
}

// Mail systems treat the local part case-insensitively in practice (RFC 5321 allows otherwise,
// but no real server does), so «Smk@…» and «smk@…» are one mailbox that would get two copies.
const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
