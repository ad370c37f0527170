import { isCalendarDay } from '../../shared/calendar-schema.ts';
import {
  CORRECTION_RECORDS,
  CORRECTIONS,
  IMPORTANCES,
  JUSTIFICATIONS,
  SCOPES,
} from '../../shared/complaint-process.ts';
import { type FieldErrors, type Rule, text, validate } from '../../shared/rules.ts';
import type { Actor } from '../sessions/context.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { companyDayStart } from '../company-day.ts';
import { type AnyFieldErrorCode, ApiError } from '../http/api-error.ts';
import { assertOpen, type LockedComplaint, logComplaintEvent } from './store.ts';
import { startWork } from './steps.ts';

/** A field that may be set, cleared with null, or left alone (absent). */
const nullable =
  <T>(rule: Rule<T>): Rule<T | null | undefined> =>
  (v) =>
    v === undefined ? { value: undefined } : v === null ? { value: null } : rule(v);

const choice = <T extends string>(values: readonly T[]) =>
  nullable<T>((v) => (values.includes(v as T) ? { value: v as T } : { error: 'invalid' }));

const yesNo = nullable<boolean>((v) => (typeof v === 'boolean' ? { value: v } : { error: 'invalid' }));

/** The day of the situation complained about: a real day, `YYYY-MM-DD` (see `namingDay`). */
export const situationDay = text({ max: 10, code: 'invalid', clean: (s) => (isCalendarDay(s) ? s : null) });

/** What the card's classification form may change, by API name → column. */
const schema = {
  justification: choice(JUSTIFICATIONS),
  importance: choice(IMPORTANCES),
  scope: choice(SCOPES),
  satisfied: yesNo,
  loyal: yesNo,
  correction: choice(CORRECTIONS),
  correctionNote: nullable(text({ max: 2000, lines: true })),
  correctionRecord: choice(CORRECTION_RECORDS),
  contactPosition: nullable(text({ max: 200 })),
  situationDate: nullable(situationDay),
  performer: nullable(text({ max: 500 })),
} satisfies Record<string, Rule<unknown>>;

/** The fields a classification may carry. */
export const CLASSIFICATION_FIELDS = Object.keys(schema);

const COLUMNS = {
  justification: 'justification',
  importance: 'importance',
  scope: 'scope',
  satisfied: 'satisfied',
  loyal: 'loyal',
  correction: 'correction',
  correctionNote: 'correction_note',
  correctionRecord: 'correction_record',
  contactPosition: 'contact_position',
  situationDate: 'situation_date',
  performer: 'performer',
} as const;

/**
 * The errors of a schema with `situationDay`, its `invalid` named as the console's `date`
 * («Укажите существующий день…»): the shared rules speak only the public codes, and «Неверное
 * значение» told a registrar nothing about 29 February 2026.
 */
export function namingDay(errors: FieldErrors): Partial<Record<string, AnyFieldErrorCode>> {
  return errors.situationDate === 'invalid' ? { ...errors, situationDate: 'date' } : errors;
}

/** Importance and scope can't be empty: they have a default. */
const REQUIRED = new Set(['importance', 'scope']);

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const stored = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
const shown = (v: unknown, field: string) =>
  field === 'satisfied' || field === 'loyal' ? (v === null ? null : v === 1 ? 'true' : 'false') : asText(v);

/**
 * Changes the complaint's classification and what was agreed with the client. Each field that
 * really changes writes a history event `{field, from, to}` and an audit line; satisfaction and
 * loyalty given here are the handler's record (from a call), not the survey's.
 */
export async function classify(
  trx: Db,
  clock: Clock,
  actor: Actor,
  c: LockedComplaint,
  input: Record<string, unknown>,
): Promise<void> {
  assertOpen(c);
  const parsed = validate(schema, input);
  if (!parsed.success) throw new ApiError(422, 'validation', namingDay(parsed.errors));
  const errors: Record<string, AnyFieldErrorCode> = Object.fromEntries(
    [...REQUIRED]
      .filter((f) => (parsed.data as Record<string, unknown>)[f] === null)
      .map((f) => [f, 'required' as const]),
  );
  const situation = parsed.data.situationDate;
  if (situation && companyDayStart(situation) > c.received_at) errors.situationDate = 'afterReceipt';
  if (Object.keys(errors).length > 0) throw new ApiError(422, 'validation', errors);

  const set: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const want = (parsed.data as Record<string, unknown>)[field];
    if (want === undefined) continue;
    const value = stored(want);
    const before = (c as Record<string, unknown>)[column];
    if (value === before) continue;
    set[column] = value;
    await logComplaintEvent(trx, clock, actor, c, {
      type: 'classification',
      data: { field, from: shown(before, field), to: shown(value, field) },
    });
  }
  if (Object.keys(set).length === 0) return;
  if ('satisfied' in set || 'loyal' in set) set.outcome_source = 'handler';
  await trx
    .updateTable('complaints')
    .set({ ...set, updated_at: clock.now().toISOString() })
    .where('submission_id', '=', c.submission_id)
    .execute();
  await startWork(trx, clock, actor, c);
}
