import { ApiError } from '../http/api-error.ts';
import { pageSize, param } from '../http/query-params.ts';

/** A keyset position: the last row's sort key, so the next page starts right after it. */
export interface Position {
  at: string;
  id: string;
}

/**
 * The opaque `cursor` of a list: base64url of the last row's time and id.
 * @example encodeCursor({ at: '2026-11-23T09:00:00.000Z', id: 'a1' })
 */
export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url');
}

// Ours hold times and ids, printable ASCII: a NUL hidden in the base64 passed the query string's
// control check and reached PostgreSQL, which refuses it in text with a 500.
const PRINTABLE = /^[\x20-\x7e]*$/;

/** The position a cursor names, or null for a cursor that isn't one of ours. */
export function readCursor(cursor: string): Position | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      v[0].length <= 40 &&
      v[1].length <= 64 &&
      PRINTABLE.test(v[0]) &&
      PRINTABLE.test(v[1])
    ) {
      return { at: v[0], id: v[1] };
    }
  } catch {
    // fall through: not ours
  }
  return null;
}

/** The position a cursor names; a cursor that isn't one of ours is a 422 naming `cursor`. */
export function decodeCursor(cursor: string | undefined): Position | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const p = readCursor(cursor);
  if (!p) throw new ApiError(422, 'validation', { cursor: 'invalid' });
  return p;
}

/**
 * A list's page in the query: `cursor` (422 `invalid` when not ours) and `limit` (1–`max`, 50 when not given).
 * @example validQuery(z.object({ ...pageQuery(100), list: … }))
 */
export const pageQuery = (max = 100) => ({ cursor: param(readCursor), limit: pageSize(max) });
