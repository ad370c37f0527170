import { createHash, randomBytes } from 'node:crypto';
import { text, validate } from '../../shared/rules.ts';
import type { Actor } from '../sessions/context.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { langPath } from '../http/lang.ts';
import { insertOutboxMessage } from '../mail/outbox-store.ts';
import { complaintReply } from '../mail/templates/complaint-reply.ts';
import { complaintSurvey } from '../mail/templates/complaint-survey.ts';
import { mailLang } from '../mail/templates/format.ts';
import { headerValue } from '../mail/templates/subject.ts';
import type { SubmissionRow } from '../submissions/store.ts';
import { serverBase } from '../mail/links.ts';
import { pastInstant } from '../../shared/calendar-schema.ts';
import { markStepDone, stepOf } from './steps.ts';
import { SURVEY_AGAIN_MS } from '../../shared/complaint-process.ts';
import { assertOpen, type LockedComplaint, lockComplaint, logComplaintEvent } from './store.ts';

type Deps = { clock: Clock; config: Config };

const replySchema = { text: text({ max: 10_000, required: true, lines: true }) };
const callSchema = { summary: text({ max: 5000, required: true, lines: true }) };

/** Whether a flag from JSON asks for the first contact (step 1.2) to be marked with it: true, false or left out. */
function wantsStep(v: unknown): boolean {
  if (v !== undefined && typeof v !== 'boolean') throw new ApiError(422, 'validation', { firstContact: 'invalid' });
  return v === true;
}

/**
 * Marks step 1.2 with this contact when asked and when it is still open, and not after stage 1
 * closed (then the contact is only a contact: the reply or the call is kept all the same).
 */
async function firstContact(trx: Db, deps: Deps, actor: Actor, submissionId: string, at: Date, comment: string) {
  const c = await lockComplaint(trx, submissionId);
  assertOpen(c);
  const step = await stepOf(trx, submissionId, '1.2');
  const afterStage1 = c.stage1_closed_at !== null && at.getTime() > Date.parse(c.stage1_closed_at);
  // A complaint found to be a suggestion keeps its steps as they were (console/complaint-routes.ts).
  if (step && !step.done_at && !afterStage1 && c.kind === 'complaint')
    await markStepDone(trx, deps.clock, actor, c, '1.2', { comment, at: at.toISOString() });
}

/**
 * Sends the client a reply by e-mail through the outbox: the registration number in the subject,
 * his answers to the QMS mailbox, the text kept in the history. With `firstContact` it marks step
 * 1.2 of a complaint. Any submission with the client's e-mail can be answered this way.
 */
export async function replyByEmail(
  trx: Db,
  deps: Deps,
  actor: Actor,
  s: SubmissionRow,
  input: Record<string, unknown>,
): Promise<void> {
  const parsed = validate(replySchema, input);
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  const markStep = wantsStep(input.firstContact);
  if (!s.email) throw new ApiError(422, 'validation', { email: 'noEmail' });
  const to = headerValue(s.email);
  const mail = complaintReply(
    {
      number: s.number,
      lang: mailLang(s.lang),
      text: parsed.data.text,
      from: `${actor.user.name}, ${deps.config.companyName}`,
    },
    deps.config.companyName,
  );
  await insertOutboxMessage(trx, deps.clock, {
    template: 'complaint-reply',
    submissionId: s.id,
    to: [to],
    replyTo: deps.config.qmsEmail,
    mail,
  });
  await logComplaintEvent(
    trx,
    deps.clock,
    actor,
    { submission_id: s.id, number: s.number },
    {
      type: 'reply',
      data: { to, subject: mail.subject, text: parsed.data.text },
    },
  );
  if (markStep) await firstContact(trx, deps, actor, s.id, deps.clock.now(), 'Ответ по e-mail');
}

/** Records a phone call with the client: when, and what was said; with `firstContact` it marks step 1.2. */
export async function recordCall(
  trx: Db,
  deps: Deps,
  actor: Actor,
  s: SubmissionRow,
  input: Record<string, unknown>,
): Promise<void> {
  const parsed = validate(callSchema, input);
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  const markStep = wantsStep(input.firstContact);
  // Not before the message came: a complaint's receipt (which a registration by hand may date back), else its sending.
  const complaint = await trx
    .selectFrom('complaints')
    .select('received_at')
    .where('submission_id', '=', s.id)
    .executeTakeFirst();
  const came = { at: new Date(complaint?.received_at ?? s.created_at), error: 'beforeMessage' as const };
  const at = pastInstant(input.at, deps.clock.now(), came);
  if ('error' in at) throw new ApiError(422, 'validation', { at: at.error });
  await logComplaintEvent(
    trx,
    deps.clock,
    actor,
    { submission_id: s.id, number: s.number },
    {
      type: 'call',
      data: { at: at.value.toISOString(), summary: parsed.data.summary },
    },
  );
  if (markStep) await firstContact(trx, deps, actor, s.id, at.value, 'Звонок клиенту');
}

/** SHA-256 of a survey token: the database never holds a usable link. */
export const surveyTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sends the client the two-question survey (satisfied? loyal?) by e-mail: a link to a page whose
 * form records the answers by POST; opening the link records nothing. A new survey replaces the
 * link of an earlier one.
 */
export async function sendSurvey(trx: Db, deps: Deps, actor: Actor, c: LockedComplaint): Promise<void> {
  assertOpen(c);
  if (!c.email) throw new ApiError(422, 'validation', { email: 'noEmail' });
  // «On closing»: the client is asked how it was solved once the correction is in place (1.4);
  // his answers then fill the classification that closing stage 1 needs.
  const corrected = await stepOf(trx, c.submission_id, '1.4');
  if (!corrected?.done_at) throw new ApiError(422, 'validation', { survey: 'surveyEarly' });
  if (c.survey_answered_at) throw new ApiError(409, 'conflict', { survey: 'surveyAnswered' });
  // Sent again only when a day has passed without an answer: a double click sends one letter.
  if (c.survey_sent_at && deps.clock.now().getTime() - Date.parse(c.survey_sent_at) < SURVEY_AGAIN_MS)
    throw new ApiError(409, 'conflict', { survey: 'surveyRecent' });
  const token = randomBytes(24).toString('base64url');
  const link = `${serverBase(deps.config)}/survey/${token}`;
  const now = deps.clock.now().toISOString();
  await trx
    .updateTable('complaints')
    .set({ survey_token: surveyTokenHash(token), survey_sent_at: now, updated_at: now })
    .where('submission_id', '=', c.submission_id)
    .execute();
  await insertOutboxMessage(trx, deps.clock, {
    template: 'complaint-survey',
    submissionId: c.submission_id,
    to: [headerValue(c.email)],
    replyTo: deps.config.qmsEmail,
    // An English client's link names his language: a page that no longer finds its token (a newer
    // survey replaced it) still speaks English. A Russian one stays as it always was.
    mail: complaintSurvey(
      {
        number: c.number,
        lang: mailLang(c.lang),
        link: mailLang(c.lang) === 'en' ? langPath(link, 'en') : link,
      },
      deps.config.companyName,
    ),
  });
  await logComplaintEvent(trx, deps.clock, actor, c, { type: 'survey', data: { sent: true } });
}
