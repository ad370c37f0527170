import { ApiError } from '../http/api-error.ts';

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

/** The position a cursor names; a cursor that isn't one of ours is a 422 naming `cursor`. */
export function decodeCursor(cursor: string | undefined): Position | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      v[0].length <= 40 &&
      v[1].length <= 64
    ) {
      return { at: v[0], id: v[1] };
    }
  } catch {
    // fall through: not ours
  }
  throw new ApiError(422, 'validation', { cursor: 'invalid' });
}

/** The page size asked for: 1–100, 50 when not given. */
export function pageLimit(raw: string | undefined, fallback = 50): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 100)
    throw new ApiError(422, 'validation', { limit: 'invalid' });
  return Number(raw);
}
