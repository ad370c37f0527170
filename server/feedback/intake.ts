import type { Logger } from '../ops/logger.ts';
import type { FeedbackAnswer } from '../../shared/api-answers.ts';
import { ACK_TEXTS, ackText, type Lang } from '../../shared/i18n.ts';
import { type FeedbackKind, feedbackSchema, validate } from '../../shared/feedback-schema.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import type { WorkingCalendar } from '../calendar/working-time.ts';
import { answerDue } from '../complaints/deadlines.ts';
import { openComplaint } from '../complaints/open.ts';
import { companyDate } from '../mail/templates/format.ts';
import { ApiError } from '../http/api-error.ts';
import { tooLongNamed } from '../http/length-limits.ts';
import { newId } from '../ids.ts';
import { enqueueFeedbackMail } from '../mail/feedback-mail.ts';
import type { RawSubmission } from '../http/read-submission.ts';
import { decoyNumber, lateRegistrationNumber, withNumber } from '../submissions/registration-number.ts';
import { idempotent, requestKey } from '../submissions/idempotent.ts';
import { insertSubmission } from '../submissions/store.ts';
import { countRefusal } from '../refusals.ts';

export interface IntakeDeps {
  db: Db;
  config: Config;
  clock: Clock;
  /** Wakes the outbox worker once the transaction has committed. */
  onMailQueued: () => void;
  /** Counts a committed submission (server/ops/metrics.ts). */
  onStored?: (kind: string, channel: string) => void;
  /** The server's log; none in tests. */
  logger?: Logger | undefined;
}

export interface RequestMeta {
  lang: Lang;
  ip: string | null;
  userAgent: string | null;
  channel: 'site';
  /** The `Idempotency-Key` header; the body's `idempotencyKey` is used when absent. */
  idempotencyKey: string | undefined;
}

/**
 * Takes one feedback message: validates it, stores it with its files and consent record, and
 * queues the e-mails in the same transaction, so nothing is stored without its notifications.
 * A repeated idempotency key returns the first answer; a filled honeypot is answered alike and
 * dropped.
 */
export async function acceptFeedback(deps: IntakeDeps, raw: RawSubmission, meta: RequestMeta): Promise<FeedbackAnswer> {
  const parsed = validate(feedbackSchema, raw.fields);
  if (!parsed.success)
    throw new ApiError(422, 'validation', parsed.errors, { named: tooLongNamed(parsed.errors, meta.lang) });
  const input = parsed.data;
  const now = deps.clock.now();
  if (input.website) {
    await countRefusal(deps, 'honeypot');
    return decoyAnswer(deps, input.kind, now, meta.lang);
  }

  const key = requestKey('feedback', meta.idempotencyKey, input.idempotencyKey, raw.fields, raw.files);
  const answer = await idempotent(deps.db, key, async () => {
    const files = raw.files; // checked by content as they arrived (attachments.ts)
    const answer = await deps.db.transaction().execute(async (trx) => {
      const id = newId();
      const cal = await loadCalendar(trx);
      // Made under a mark, numbered last: the counter's lock is held for as little as can be.
      const late = await lateRegistrationNumber(trx, now);
      const number = late.mark;
      const createdAt = now.toISOString();
      const answer: FeedbackAnswer = {
        id,
        number,
        kind: input.kind,
        createdAt,
        ...promise(cal, now, meta.lang, deps.config.companyName, number, input.kind),
      };
      const row = {
        id,
        number,
        type: 'feedback' as const,
        kind: input.kind,
        channel: meta.channel,
        message: input.message,
        name: input.name ?? null,
        organization: input.organization ?? null,
        inn: input.inn ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        page: input.page ?? null,
        lang: meta.lang,
        consent_version: deps.config.consent.version,
        consent_at: createdAt,
        consent_ip: meta.ip,
        consent_user_agent: meta.userAgent,
        idempotency_key: key ?? null,
        response: JSON.stringify(answer),
        created_at: createdAt,
        score: null,
        subject: null,
        employee_id: null,
        department_id: null,
        publish: null,
        erased_at: null,
        answer_due_at: input.kind === 'suggestion' ? answer.answerBy : null,
      };
      const attachments = await insertSubmission(trx, row, files);
      const complaint =
        input.kind === 'complaint'
          ? await openComplaint(trx, deps, cal, {
              submissionId: id,
              receivedAt: now,
              origin: 'site',
              departmentId: null,
            })
          : null;
      await enqueueFeedbackMail(trx, deps, { ...row, status: 'new' }, attachments, {
        answerBy: answer.answerBy,
        deadlines: complaint?.deadlines ?? null,
      });
      return withNumber(answer, late, await late.settle(id));
    });
    deps.onMailQueued();
    deps.onStored?.(input.kind, meta.channel);
    return answer;
  });
  // A key first answered before answers had a confirmation (December 2026) gets one now.
  return answer.confirmation
    ? answer
    : { ...answer, confirmation: confirmation(answer.kind, answer.answerBy, meta.lang) };
}

/**
 * What the client is promised: the answer's date on the working calendar (the close of the third
 * working day after the day of receipt, seed 004), the acknowledgement naming it, and what the
 * form shows, each fitting the kind.
 */
function promise(cal: WorkingCalendar, now: Date, lang: Lang, company: string, number: string, kind: FeedbackKind) {
  const answerBy = answerDue(cal, now).toISOString();
  return {
    ack: ackText(lang, company, number, companyDate(answerBy, lang), kind),
    answerBy,
    answerByText: answerByText(answerBy, lang, kind),
    confirmation: confirmation(kind, answerBy, lang),
  };
}

/**
 * What the form shows once sent, and the hosted thank-you page: a complaint's words of seed 004,
 * a thanks's and a suggestion's their own (shared/texts-ru.ts RU_ACK).
 * @example confirmation('thanks', '2027-01-13T15:00:00.000Z', 'ru').title // 'Спасибо за благодарность!'
 */
export function confirmation(
  kind: FeedbackKind,
  answerBy: string | undefined,
  lang: Lang,
): FeedbackAnswer['confirmation'] {
  const t = ACK_TEXTS[lang][kind];
  return { title: t.title, thanks: t.thanks, next: t.next + (answerBy ? t.due(companyDate(answerBy, lang)) : '') };
}

/**
 * The due date as the client reads it: a complaint's answer, a suggestion's consideration (as its
 * acknowledgement says); a thanks, promised no answer, is given the date an answer would be due.
 * @example answerByText('2027-01-13T15:00:00.000Z', 'ru', 'complaint') // 'Срок ответа — до 13 января 2027 г.'
 * @example answerByText('2027-01-13T15:00:00.000Z', 'ru', 'suggestion') // 'Срок рассмотрения — до 13 января 2027 г.'
 */
export function answerByText(answerBy: string, lang: Lang, kind: FeedbackKind = 'complaint'): string {
  const texts = ACK_TEXTS[lang];
  return (kind === 'suggestion' ? texts.suggestion : texts.complaint).due(companyDate(answerBy, lang)).trim();
}

/** What a bot that filled the honeypot sees: a plausible answer, nothing stored. */
async function decoyAnswer(deps: IntakeDeps, kind: FeedbackKind, now: Date, lang: Lang): Promise<FeedbackAnswer> {
  const number = decoyNumber(now);
  const cal = await loadCalendar(deps.db);
  return {
    id: newId(),
    number,
    kind,
    createdAt: now.toISOString(),
    ...promise(cal, now, lang, deps.config.companyName, number, kind),
  };
}
