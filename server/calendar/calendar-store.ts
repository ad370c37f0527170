import {
  type CalendarDayType,
  calendarDaySchema,
  hoursProblem,
  isCalendarDay,
  workingHoursSchema,
} from '../../shared/calendar-schema.ts';
import type { CalendarHours } from '../../shared/console-calendar.ts';
import { validate } from '../../shared/rules.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import type { Actor } from '../sessions/context.ts';
import { createHash } from 'node:crypto';
import { COMPANY_TIME_ZONE } from '../company-time.ts';
import { SHIPPED_YEARS } from './production-calendar.ts';
import { DEFAULT_HOURS, makeCalendar, type WorkingCalendar } from './working-time.ts';

const HOURS_KEY = 'working_hours';

/** Who changes the calendar: a console user from his IP, or the CLI, which has no signed-in user. */
export type ChangedBy = Actor | 'cli';

/** One day of the company's calendar as it is entered. */
export interface CalendarDayInput {
  day: string;
  type: CalendarDayType;
  note?: string | undefined;
}

/** The audit line's user and IP; a CLI change says so in its details, as the user commands do. */
function audited(by: ChangedBy, details: Record<string, unknown>) {
  return by === 'cli'
    ? { user: null, ip: null, details: { ...details, via: 'cli' } }
    : { user: by.user, ip: by.ip, details };
}

/** The stored working hours, the defaults when none (or none readable) are stored. */
export async function readWorkingHours(db: Db): Promise<CalendarHours> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', HOURS_KEY).executeTakeFirst();
  try {
    const stored = row ? (JSON.parse(row.value) as Record<string, unknown>) : null;
    const r = stored && validate(workingHoursSchema, stored);
    if (r?.success && !hoursProblem(r.data)) return r.data;
  } catch {
    // A hand-edited value that isn't JSON: the defaults serve until the console saves new hours.
  }
  return { ...DEFAULT_HOURS };
}

/** The company's working calendar: its changes over the shipped decrees, its working hours. */
export async function loadCalendar(db: Db): Promise<WorkingCalendar> {
  const days = await db.selectFrom('calendar_days').select(['day', 'type']).execute();
  const hours = await readWorkingHours(db);
  return makeCalendar({ hours, overrides: Object.fromEntries(days.map((d) => [d.day, d.type])) });
}

/**
 * What working time is counted on, as one digest: the company's changes of days, its hours, the
 * shipped decrees and the zone. Whatever was counted on another digest (a kept month's figures,
 * an open step's deadline) is counted again. `version` names the way of counting too.
 */
export async function calendarDigest(db: Db, version: unknown = null): Promise<string> {
  const days = await db.selectFrom('calendar_days').select(['day', 'type']).orderBy('day').execute();
  const hours = await readWorkingHours(db);
  const all = JSON.stringify([version, COMPANY_TIME_ZONE, SHIPPED_YEARS, hours, days]);
  return createHash('sha256').update(all).digest('hex');
}

/** The company's changes of the days from `from` to `to` (both `YYYY-MM-DD`, inclusive). */
export function listCalendarDays(db: Db, from: string, to: string) {
  return db
    .selectFrom('calendar_days')
    .select(['day', 'type', 'note'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
}

/**
 * A day and its change `{type, note}` read as the API takes them: 422 naming `day`, `type` or
 * `note` when wrong.
 */
export function readCalendarDay(day: string, input: Record<string, unknown>): CalendarDayInput {
  const r = validate(calendarDaySchema, input);
  const errors = { ...(r.success ? {} : r.errors), ...(isCalendarDay(day) ? {} : { day: 'date' as const }) };
  if (!r.success || Object.keys(errors).length > 0) throw new ApiError(422, 'validation', errors);
  return { day, ...r.data };
}

/** Writes a day unless it is stored just so; what it was before, and whether anything changed. */
async function putDay(trx: Db, clock: Clock, d: CalendarDayInput) {
  const was = await trx
    .selectFrom('calendar_days')
    .select(['type', 'note'])
    .where('day', '=', d.day)
    .executeTakeFirst();
  const note = d.note ?? null;
  if (was && was.type === d.type && was.note === note) return { was, changed: false };
  const row = { type: d.type, note, updated_at: clock.now().toISOString() };
  await trx
    .insertInto('calendar_days')
    .values({ day: d.day, ...row })
    .onConflict((oc) => oc.column('day').doUpdateSet(row))
    .execute();
  return { was: was ?? null, changed: true };
}

/** Sets the company's type of a day (a regional holiday, its own day off, a worked Saturday), audited. */
export async function setCalendarDay(db: Db, clock: Clock, by: ChangedBy, input: CalendarDayInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { was, changed } = await putDay(trx, clock, input);
    if (!changed) return;
    const { day, type, note = null } = input;
    await recordAudit(trx, clock, {
      action: 'calendar.day_set',
      target: { type: 'calendar_day', id: day },
      ...audited(by, { day, from: was, to: { type, note } }),
    });
  });
}

/** Takes back the company's change of a day: the decree (or the ordinary week) holds again. */
export async function removeCalendarDay(db: Db, clock: Clock, by: ChangedBy, day: string): Promise<boolean> {
  if (!isCalendarDay(day)) throw new ApiError(422, 'validation', { day: 'date' });
  return db.transaction().execute(async (trx) => {
    const was = await trx
      .selectFrom('calendar_days')
      .select(['type', 'note'])
      .where('day', '=', day)
      .executeTakeFirst();
    if (!was) return false;
    await trx.deleteFrom('calendar_days').where('day', '=', day).execute();
    await recordAudit(trx, clock, {
      action: 'calendar.day_remove',
      target: { type: 'calendar_day', id: day },
      ...audited(by, { day, from: was, to: null }),
    });
    return true;
  });
}

/** Sets the working hours `{start, end}` (422 naming the field), audited when they change. */
export async function setWorkingHours(
  db: Db,
  clock: Clock,
  by: ChangedBy,
  input: Record<string, unknown>,
): Promise<CalendarHours> {
  const r = validate(workingHoursSchema, input);
  if (!r.success) throw new ApiError(422, 'validation', r.errors);
  if (hoursProblem(r.data)) throw new ApiError(422, 'validation', { end: 'shortDay' });
  const hours = { start: r.data.start, end: r.data.end };
  await db.transaction().execute(async (trx) => {
    const was = await readWorkingHours(trx);
    if (was.start === hours.start && was.end === hours.end) return;
    const row = { value: JSON.stringify(hours), updated_at: clock.now().toISOString() };
    await trx
      .insertInto('settings')
      .values({ key: HOURS_KEY, ...row })
      .onConflict((oc) => oc.column('key').doUpdateSet(row))
      .execute();
    await recordAudit(trx, clock, { action: 'calendar.hours', ...audited(by, { from: was, to: hours }) });
  });
  return hours;
}

/**
 * Enters many days at once (a checked import file), in one transaction with one audit line
 * listing the days that changed. Days stored just so already are counted as unchanged.
 */
export async function importCalendarDays(
  db: Db,
  clock: Clock,
  by: ChangedBy,
  days: CalendarDayInput[],
  file?: string,
): Promise<{ added: number; changed: number; unchanged: number }> {
  return db.transaction().execute(async (trx) => {
    const result = { added: 0, changed: 0, unchanged: 0 };
    const written: Array<{ day: string; type: CalendarDayType; note: string | null }> = [];
    for (const d of days) {
      const { was, changed } = await putDay(trx, clock, d);
      if (!changed) result.unchanged++;
      else {
        result[was ? 'changed' : 'added']++;
        written.push({ day: d.day, type: d.type, note: d.note ?? null });
      }
    }
    if (written.length > 0)
      await recordAudit(trx, clock, {
        action: 'calendar.import',
        ...audited(by, { ...(file ? { file } : {}), added: result.added, changed: result.changed, days: written }),
      });
    return result;
  });
}
