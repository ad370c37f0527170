import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database, SubmissionTable } from '../db/schema.ts';
import type { Config } from '../env.ts';
import { insertOutboxMessage } from './outbox-store.ts';
import { feedbackAck } from './templates/feedback-ack.ts';
import { type AttachmentInfo, feedbackNotification, type ProcessInfo } from './templates/feedback-notification.ts';
import type { Step } from '../../shared/complaint-process.ts';
import { cardLink } from './links.ts';
import { budgetAttachments } from './attachment-budget.ts';
import { headerValue } from './templates/subject.ts';
import { mayAcknowledge } from '../abuse/ack-cap.ts';

/** What the e-mails say of what comes next: the answer's due date, and a complaint's deadlines. */
interface Promise_ {
  answerBy: string | null;
  deadlines: Partial<Record<Step, string | null>> | null;
}

/**
 * Queues the e-mails of a new feedback message in the caller's transaction: the notification to
 * the QMS and the CEO (all in To, the files attached up to MAIL_ATTACH_MB and linked beyond, Reply-To the client) and, when the client
 * gave an address, his acknowledgement, whose replies go to the QMS. A complaint's notification
 * links to its card and names the deadlines of steps 1.1 and 1.2; the acknowledgement names the
 * date of the answer.
 */
export async function enqueueFeedbackMail(
  trx: Kysely<Database>,
  deps: { config: Config; clock: Clock },
  submission: Selectable<SubmissionTable>,
  attachments: Array<AttachmentInfo & { id: string }>,
  promise: Promise_ = { answerBy: null, deadlines: null },
): Promise<void> {
  const { config, clock } = deps;
  // Every message links to its card, where a thanks is forwarded, a suggestion answered, a
  // message made a complaint.
  const process: ProcessInfo = { link: cardLink(config, submission.id), deadlines: promise.deadlines ?? {} };
  const client = submission.email ? headerValue(submission.email) : '';
  const files = budgetAttachments(attachments, config.mailAttachBytes, process.link);
  await insertOutboxMessage(trx, clock, {
    template: 'feedback-notification',
    submissionId: submission.id,
    to: [...config.qmsEmail, ...config.ceoEmail],
    replyTo: client ? [client] : [],
    mail: feedbackNotification(submission, files.listed, config.companyName, process, promise.answerBy),
    attachmentIds: files.attachedIds,
  });
  if (!client || !(await mayAcknowledge(trx, deps, client))) return;
  await insertOutboxMessage(trx, clock, {
    template: 'feedback-ack',
    submissionId: submission.id,
    to: [client],
    replyTo: config.qmsEmail,
    mail: feedbackAck(submission, config.companyName, promise.answerBy, { files: attachments }),
  });
}
