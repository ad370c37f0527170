import { isCalendarDay, parseInstant } from '../../shared/calendar-schema.ts';
import { SLUG } from '../../shared/rating-schema.ts';
import { oneOf, type Rule, text, validate } from '../../shared/rules.ts';
import { ApiError } from '../http/api-error.ts';
import { companyDayStart, nextDay } from '../company-day.ts';
import { CHANNELS, KINDS, STATUSES, TYPES } from './vocabulary.ts';

/** The inbox's filters, as the query functions take them. */
export interface InboxFilter {
  type?: (typeof TYPES)[number];
  kind?: (typeof KINDS)[number];
  status?: (typeof STATUSES)[number];
  /** A department's id, or `none` for submissions assigned to none. */
  department?: string;
  /** An employee's slug. */
  employee?: string;
  channel?: (typeof CHANNELS)[number];
  /** Created at or after this instant (ISO). */
  from?: string;
  /** Created before this instant (ISO). */
  before?: string;
  /** Search text. */
  q?: string;
  /** Only open complaints and suggestions whose nearest deadline is before this instant (ISO): the overdue ones. */
  dueBefore?: string;
  /** `deadline`: open complaints and suggestions only, the nearest deadline first (overdue ones lead); else newest first. */
  sort?: 'deadline';
}

const optional =
  <T>(rule: Rule<T>): Rule<T | undefined> =>
  (v) =>
    v === undefined || v === '' ? { value: undefined } : rule(v);

/** A day `YYYY-MM-DD` (the company's day) or an instant with its zone. */
const when = text({
  max: 40,
  code: 'invalid',
  clean: (s) => (isCalendarDay(s) || parseInstant(s) ? s : null),
});

// Ids are UUIDs (server/ids.ts); any other text is a typo or a stale link, which listed nothing as if the
// department had no submissions.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const filterSchema = {
  type: optional(oneOf(TYPES, 'invalid')),
  kind: optional(oneOf(KINDS, 'invalid')),
  status: optional(oneOf(STATUSES, 'invalid')),
  department: text({ max: 64, code: 'invalid', clean: (s) => (s === 'none' || UUID.test(s) ? s : null) }),
  employee: text({ max: 64, code: 'invalid', clean: (s) => (SLUG.test(s) ? s : null) }),
  channel: optional(oneOf(CHANNELS, 'invalid')),
  from: when,
  to: when,
  q: text({ max: 200 }),
  overdue: optional(oneOf(['1'] as const, 'invalid')),
  sort: optional(oneOf(['deadline', 'created'] as const, 'invalid')),
};

/**
 * The inbox's query string as a filter: `type`, `kind`, `status`, `department`, `employee`,
 * `channel`, `from` and `to` (days in the company's time zone, both included, or instants), `q`,
 * `overdue=1` (complaints and suggestions past their nearest deadline at `now`) and `sort=deadline`. A wrong value
 * is a 422 naming it.
 * @example parseInboxFilter({ kind: 'complaint', from: '2026-11-01' }, new Date())
 */
export function parseInboxFilter(query: Record<string, string | undefined>, now: Date): InboxFilter {
  const r = validate(filterSchema, query);
  if (!r.success) throw new ApiError(422, 'validation', r.errors);
  // Only wildcards or punctuation find nothing through an index: on PostgreSQL they read every row.
  if (r.data.q !== undefined && !/[\p{L}\p{N}]/u.test(r.data.q))
    throw new ApiError(422, 'validation', { q: 'searchText' });
  const { from, to, overdue, sort, ...rest } = r.data;
  return {
    ...rest,
    ...(overdue && { dueBefore: now.toISOString() }),
    ...(sort === 'deadline' && { sort: 'deadline' as const }),
    ...(from !== undefined && {
      from: isCalendarDay(from) ? companyDayStart(from) : parseInstant(from)!.toISOString(),
    }),
    ...(to !== undefined && {
      before: isCalendarDay(to)
        ? companyDayStart(nextDay(to))
        : new Date(parseInstant(to)!.getTime() + 1).toISOString(),
    }),
  };
}
