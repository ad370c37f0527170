import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database, SubmissionTable } from '../db/schema.ts';
import type { Config } from '../env.ts';
import { insertOutboxMessage } from './outbox-store.ts';
import { feedbackAck } from './templates/feedback-ack.ts';
import { type AttachmentInfo, feedbackNotification } from './templates/feedback-notification.ts';
import { headerValue } from './templates/subject.ts';

/**
 * Queues the e-mails of a new feedback message in the caller's transaction: the notification to
 * the QMS and the CEO (all in To, the files attached, Reply-To the client) and, when the client
 * gave an address, his acknowledgement, whose replies go to the QMS.
 */
export async function enqueueFeedbackMail(
  trx: Kysely<Database>,
  deps: { config: Config; clock: Clock },
  submission: Selectable<SubmissionTable>,
  attachments: Array<AttachmentInfo & { id: string }>,
): Promise<void> {
  const { config, clock } = deps;
  const client = submission.email ? headerValue(submission.email) : '';
  await insertOutboxMessage(trx, clock, {
    template: 'feedback-notification',
    submissionId: submission.id,
    to: [...config.qmsEmail, ...config.ceoEmail],
    replyTo: client ? [client] : [],
    mail: feedbackNotification(submission, attachments, config.companyName),
    attachmentIds: attachments.map((a) => a.id),
  });
  if (!client) return;
  await insertOutboxMessage(trx, clock, {
    template: 'feedback-ack',
    submissionId: submission.id,
    to: [client],
    replyTo: config.qmsEmail,
    mail: feedbackAck(submission, config.companyName),
  });
}
