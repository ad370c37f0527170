import { oneOf, type Rule, text, validate } from '../../shared/rules.ts';
import { ApiError } from '../http/api-error.ts';
import { companyDayStart, isDay, nextDay } from './company-day.ts';
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
}

const optional =
  <T>(rule: Rule<T>): Rule<T | undefined> =>
  (v) =>
    v === undefined || v === '' ? { value: undefined } : rule(v);

/** A day `YYYY-MM-DD` (the company's day) or an instant with its zone. */
const when = text({
  max: 40,
  code: 'invalid',
  clean: (s) =>
    isDay(s) || (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(s) && !Number.isNaN(Date.parse(s))) ? s : null,
});

const filterSchema = {
  type: optional(oneOf(TYPES, 'invalid')),
  kind: optional(oneOf(KINDS, 'invalid')),
  status: optional(oneOf(STATUSES, 'invalid')),
  department: text({ max: 64 }),
  employee: text({ max: 64 }),
  channel: optional(oneOf(CHANNELS, 'invalid')),
  from: when,
  to: when,
  q: text({ max: 200 }),
};

/**
 * The inbox's query string as a filter: `type`, `kind`, `status`, `department`, `employee`,
 * `channel`, `from` and `to` (days in the company's time zone, both included, or instants), `q`.
 * A wrong value is a 422 naming it.
 * @example parseInboxFilter({ kind: 'complaint', from: '2026-11-01' })
 */
export function parseInboxFilter(query: Record<string, string | undefined>): InboxFilter {
  const r = validate(filterSchema, query);
  if (!r.success) throw new ApiError(422, 'validation', r.errors);
  const { from, to, ...rest } = r.data;
  return {
    ...rest,
    ...(from !== undefined && { from: isDay(from) ? companyDayStart(from) : new Date(from).toISOString() }),
    ...(to !== undefined && {
      before: isDay(to) ? companyDayStart(nextDay(to)) : new Date(new Date(to).getTime() + 1).toISOString(),
    }),
  };
}
