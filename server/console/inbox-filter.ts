import { isCalendarDay, parseInstant } from '../../shared/calendar-schema.ts';
import { z } from 'zod';
import { SLUG } from '../../shared/rating-schema.ts';
import { given, oneOfParam, param, periodInOrder } from '../http/query-params.ts';
import { pageQuery } from '../http/cursor.ts';
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
  /** Received (a complaint's receipt, which the reports count by; else its registration) at or after this instant (ISO). */
  receivedFrom?: string;
  /** Received before this instant (ISO). */
  receivedBefore?: string;
  /** Search text. */
  q?: string;
  /** Only open complaints and suggestions whose nearest deadline is before this instant (ISO): the overdue ones. */
  dueBefore?: string;
  /** `deadline`: open complaints and suggestions only, the nearest deadline first (overdue ones lead); else newest first. */
  sort?: 'deadline';
}

// Ids are UUIDs (server/ids.ts); any other text is a typo or a stale link, which listed nothing as if the
// department had no submissions.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A day `YYYY-MM-DD` (the company's day) or an instant with its zone. */
const when = param((s) => (isCalendarDay(s) || parseInstant(s) ? s : null), 40);

/** Where `from` starts: its day's start in company time, or the instant itself (ISO). */
const startOf = (from: string) => (isCalendarDay(from) ? companyDayStart(from) : parseInstant(from)!.toISOString());

/** What `to` ends before, `to` included: the next day's start in company time, or the instant's next millisecond (ISO). */
const endOf = (to: string) =>
  isCalendarDay(to) ? companyDayStart(nextDay(to)) : new Date(parseInstant(to)!.getTime() + 1).toISOString();

/**
 * The inbox's query string, checked by the console's validator: `type`, `kind`, `status`,
 * `department` (an id or `none`), `employee` (a slug), `channel`, `from` and `to` (days in the
 * company's time zone, both included, or instants), `q`, `overdue=1`, `sort=deadline`, and the
 * page (`cursor`, `limit`). A wrong value is a 422 naming it.
 * @example app.get('/', validQuery(INBOX_QUERY), (c) => inboxFilter(c.req.valid('query'), now))
 */
export const INBOX_QUERY = z
  .object({
    type: oneOfParam(TYPES),
    kind: oneOfParam(KINDS),
    status: oneOfParam(STATUSES),
    department: param((s) => (s === 'none' || UUID.test(s) ? s : null), 64),
    employee: param((s) => (SLUG.test(s) ? s : null), 64),
    channel: oneOfParam(CHANNELS),
    from: when,
    to: when,
    // By receipt, as the reports' «Поступило» counts: a complaint registered in December for a
    // letter of 30 November is November's.
    receivedFrom: when,
    receivedTo: when,
    // Only wildcards or punctuation find nothing through an index: on PostgreSQL they read every row.
    q: given(200).refine((s) => s === undefined || /[\p{L}\p{N}]/u.test(s), 'searchText'),
    overdue: oneOfParam(['1'] as const),
    sort: oneOfParam(['deadline', 'created'] as const),
    ...pageQuery(),
  })
  .superRefine(
    periodInOrder(
      (q) => (q.from ? Date.parse(startOf(q.from)) : undefined),
      // The day before `from` ends where `from` starts: reversed.
      (q) => (q.to ? Date.parse(endOf(q.to)) - 1 : undefined),
    ),
  )
  .superRefine(
    periodInOrder(
      (q) => (q.receivedFrom ? Date.parse(startOf(q.receivedFrom)) : undefined),
      (q) => (q.receivedTo ? Date.parse(endOf(q.receivedTo)) - 1 : undefined),
      'receivedTo',
    ),
  );

export type InboxQuery = z.output<typeof INBOX_QUERY>;

/**
 * The checked query as the query functions' filter: `overdue=1` is the complaints and suggestions
 * past their nearest deadline at `now`; days are turned into instants.
 * @example inboxFilter({ kind: 'complaint', from: '2026-11-01', limit: 50 }, new Date())
 */
export function inboxFilter(query: InboxQuery, now: Date): InboxFilter {
  const { from, to, receivedFrom, receivedTo, overdue, sort, cursor: _c, limit: _l, ...rest } = query;
  const filter: InboxFilter = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) Object.assign(filter, { [k]: v });
  return {
    ...filter,
    ...(overdue && { dueBefore: now.toISOString() }),
    ...(sort === 'deadline' && { sort: 'deadline' as const }),
    ...(from !== undefined && { from: startOf(from) }),
    ...(to !== undefined && { before: endOf(to) }),
    ...(receivedFrom !== undefined && { receivedFrom: startOf(receivedFrom) }),
    ...(receivedTo !== undefined && { receivedBefore: endOf(receivedTo) }),
  };
}
