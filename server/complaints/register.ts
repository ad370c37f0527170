import { isCalendarDay } from '../../shared/calendar-schema.ts';
import { IMPORTANCES, MANUAL_CHANNELS } from '../../shared/complaint-process.ts';
import type { RegisteredComplaint } from '../../shared/console-complaint.ts';
import { feedbackSchema } from '../../shared/feedback-schema.ts';
import { ackText } from '../../shared/i18n.ts';
import { MESSAGE_MAX } from '../../shared/limits.ts';
import { oneOf, text, validate } from '../../shared/rules.ts';
import type { Actor } from '../sessions/context.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { companyDayStart } from '../company-day.ts';
import { ApiError } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import { companyDate } from '../mail/templates/format.ts';
import { nextRegistrationNumber } from '../submissions/registration-number.ts';
import { insertSubmission } from '../submissions/store.ts';
import { openComplaint } from './open.ts';
import { pastInstant } from '../../shared/calendar-schema.ts';
import { logComplaintEvent } from './store.ts';
import { acknowledgeRegistered } from './mail.ts';
import { namingDay, situationDay } from './classification.ts';

/** What a registrar collects (seed 004 «Для регистрации жалобы необходимо запросить у клиента»). */
const schema = {
  channel: oneOf(MANUAL_CHANNELS, 'invalid'),
  message: feedbackSchema.message,
  name: feedbackSchema.name,
  organization: feedbackSchema.organization,
  inn: feedbackSchema.inn,
  phone: feedbackSchema.phone,
  email: feedbackSchema.email,
  contactPosition: text({ max: 200 }),
  situationDate: situationDay,
  performer: text({ max: 500 }),
  departmentId: text({ max: 64 }),
  importance: (v: unknown) =>
    v === undefined || v === null || v === '' ? { value: undefined } : oneOf(IMPORTANCES, 'invalid')(v),
  /**
   * The client's language: an English client's acknowledgement, reply and survey go in English, as
   * they do when he wrote through the English form; Russian when not given.
   */
  lang: (v: unknown) =>
    v === undefined || v === null || v === '' ? { value: 'ru' as const } : oneOf(['ru', 'en'] as const, 'invalid')(v),
  /** E-mail the client the acknowledgement with the number, as a site's client gets it. */
  notifyClient: (v: unknown) =>
    v === undefined || v === null
      ? { value: false }
      : typeof v === 'boolean'
        ? { value: v }
        : { error: 'invalid' as const },
};

/** The fields a registration may carry: the form's, and when it was received. */
export const REGISTRATION_FIELDS = [...Object.keys(schema), 'receivedAt'];

/**
 * Registers a complaint received by phone, visit, letter, e-mail, social network, 1С-Коннект, a
 * quality call, or from another department (internal): the same registration numbers and
 * deadlines as the site's, counted from the moment it was received. Answers what the registrar
 * must tell the client at once: the number and the date of the answer; with `notifyClient`, the
 * client is e-mailed it too (PRODUCT.md: «The client is told»), as a site's client is.
 */
export async function registerComplaint(
  db: Db,
  deps: { clock: Clock; config: Config },
  actor: Actor,
  input: Record<string, unknown>,
): Promise<RegisteredComplaint> {
  const parsed = validate(schema, input);
  const now = deps.clock.now();
  // A complaint is registered within days of coming; a receipt a year back is a typing slip.
  const received = pastInstant(input.receivedAt, now, {
    at: new Date(now.getTime() - 366 * 86_400_000),
    error: 'tooOld',
  });
  // Every error at once, not the next one after the first is mended: whom to answer (a person or
  // an organisation), an address to notify, a situation not after the receipt.
  const blank = (v: unknown) => typeof v !== 'string' || !v.trim();
  const noContact = parsed.success
    ? !parsed.data.name && !parsed.data.organization
    : blank(input.name) && blank(input.organization);
  const noEmail = input.notifyClient === true && (parsed.success ? !parsed.data.email : blank(input.email));
  // A receipt typed a few seconds ahead (a clock's skew, which pastInstant allows) is now: received
  // is never after registered, which the inbox's period of receipt reads through its indexes by.
  const receivedOn = 'error' in received ? null : new Date(Math.min(received.value.getTime(), now.getTime()));
  const receivedAt = receivedOn?.toISOString() ?? null;
  // What happened came before the complaint about it.
  const laterSituation =
    receivedAt !== null && isCalendarDay(input.situationDate) && companyDayStart(input.situationDate) > receivedAt;
  const errors = {
    ...(noContact ? { name: 'required' as const } : {}),
    ...(noEmail ? { notifyClient: 'noEmail' as const } : {}),
    ...(laterSituation ? { situationDate: 'afterReceipt' as const } : {}),
    ...(parsed.success ? {} : namingDay(parsed.errors)),
    ...('error' in received ? { receivedAt: received.error } : {}),
  };
  if (!parsed.success || 'error' in received || noContact || noEmail || laterSituation)
    throw new ApiError(422, 'validation', errors);
  const f = parsed.data;

  return db.transaction().execute(async (trx) => {
    if (f.departmentId) {
      const d = await trx.selectFrom('departments').select('id').where('id', '=', f.departmentId).executeTakeFirst();
      if (!d) throw new ApiError(422, 'validation', { departmentId: 'invalid' });
    }
    const id = newId();
    const number = await nextRegistrationNumber(trx, now);
    const createdAt = now.toISOString();
    await insertSubmission(
      trx,
      {
        id,
        number,
        type: 'feedback',
        kind: 'complaint',
        channel: f.channel,
        message: f.message.slice(0, MESSAGE_MAX),
        name: f.name ?? null,
        organization: f.organization ?? null,
        inn: f.inn ?? null,
        phone: f.phone ?? null,
        email: f.email ?? null,
        page: null,
        lang: f.lang,
        consent_version: null,
        consent_at: null,
        consent_ip: null,
        consent_user_agent: null,
        idempotency_key: null,
        response: '{}',
        created_at: createdAt,
        score: null,
        subject: null,
        employee_id: null,
        department_id: f.departmentId ?? null,
        publish: null,
      },
      [],
    );
    const cal = await loadCalendar(trx);
    const { deadlines } = await openComplaint(trx, deps, cal, {
      submissionId: id,
      receivedAt: receivedOn!,
      origin: 'console',
      departmentId: f.departmentId ?? null,
      registeredBy: actor.user.id,
      contactPosition: f.contactPosition ?? null,
      situationDate: f.situationDate ?? null,
      performer: f.performer ?? null,
      scope: f.channel === 'internal' ? 'internal' : 'external',
      importance: f.importance,
    });
    await logComplaintEvent(
      trx,
      deps.clock,
      actor,
      { submission_id: id, number },
      { type: 'complaint', data: { origin: 'console', rating: null } },
    );
    const answerBy = deadlines['1.3']!;
    const late = Date.parse(answerBy) <= now.getTime();
    return {
      id,
      number,
      answerBy,
      // A date already past is no promise to read out (a letter registered after it).
      tellClient: ackText(f.lang, deps.config.companyName, number, late ? undefined : companyDate(answerBy, f.lang)),
      lang: f.lang,
      // Not a promise already broken: a letter registered after its answer's date gets a call instead.
      clientNotified: f.notifyClient === true && !late && (await acknowledgeRegistered(trx, deps, id, answerBy)),
    };
  });
}
