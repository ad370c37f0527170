import type { FieldErrorCode } from '../../shared/i18n.ts';
import { SLUG } from '../../shared/rating-schema.ts';
import { ApiError } from '../http/api-error.ts';
import type { ReviewCursor } from './queries.ts';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z)\|([\w-]{1,64})$/;

/**
 * The opaque `cursor` of a page link: where the next page starts.
 * @example encodeCursor({ publishedAt: '2026-11-23T09:00:00.000Z', id: 'c0ffee…' }) // 'MjAyNi0xMS0yM1Qw…'
 */
export const encodeCursor = (c: ReviewCursor): string => Buffer.from(`${c.publishedAt}|${c.id}`).toString('base64url');

/** The cursor back, or null when it is not one this server made. */
export function decodeCursor(value: string): ReviewCursor | null {
  if (!/^[\w-]{1,200}$/.test(value)) return null;
  const m = CURSOR.exec(Buffer.from(value, 'base64url').toString('utf8'));
  return m ? { publishedAt: m[1]!, id: m[2]! } : null;
}

export interface ReviewQuery {
  employee?: string;
  /** A rating subject's slug, or `employee` for every employee's reviews. */
  subject?: string;
  limit: number;
  cursor?: ReviewCursor;
}

/**
 * Reads `employee`, `subject`, `limit` and `cursor` of `GET /api/v1/reviews`; a value that is
 * there but wrong is a 422 naming the field. Empty means absent, as an HTML form's blank field sends it.
 * @example readReviewQuery({ subject: 'delivery', limit: '5' }) // { subject: 'delivery', limit: 5 }
 */
export function readReviewQuery(query: Record<string, string | undefined>): ReviewQuery {
  const errors: Partial<Record<string, FieldErrorCode>> = {};
  const out: ReviewQuery = { limit: DEFAULT_LIMIT };
  const { employee, subject, limit, cursor } = query;
  if (employee) {
    if (SLUG.test(employee)) out.employee = employee;
    else errors.employee = 'invalid';
  }
  if (subject) {
    if (SLUG.test(subject)) out.subject = subject;
    else errors.subject = 'invalid';
  }
  if (limit) {
    const n = /^\d{1,3}$/.test(limit) ? Number(limit) : 0;
    if (n >= 1 && n <= MAX_LIMIT) out.limit = n;
    else errors.limit = 'invalid';
  }
  if (cursor) {
    const c = decodeCursor(cursor);
    if (c) out.cursor = c;
    else errors.cursor = 'invalid';
  }
  if (Object.keys(errors).length > 0) throw new ApiError(422, 'validation', errors);
  return out;
}
