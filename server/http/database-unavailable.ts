import type { ApiErrorCode } from '../../shared/i18n.ts';
import { isSqliteBusy } from '../db/busy-retry.ts';
import { isDatabaseUnreachable, isStorageFull, isTransactionConflict } from '../db/errors.ts';

/** A database that cannot take a write now: what the client is told, and when to come back. */
export interface Unavailable {
  code: Extract<ApiErrorCode, 'busy' | 'storage_full'>;
  retryAfterS: number;
}

/**
 * Whether an error means «not stored, send it again later» rather than a bug: the SQLite file
 * stayed locked by another process past the retry budget, the disk is full, or PostgreSQL can't be
 * reached (refused, dropped, shutting down), or it ended the transaction in a conflict with
 * another (a deadlock: nothing stored, try again at once). All answer 503
 * with `Retry-After` (a 5xx, so the widgets keep the draft and its idempotency key; 503 rather
 * than 507 because every proxy and client knows it means «later»).
 */
export function databaseUnavailable(err: unknown): Unavailable | null {
  if (isSqliteBusy(err)) return { code: 'busy', retryAfterS: 5 };
  if (isStorageFull(err)) return { code: 'storage_full', retryAfterS: 60 };
  if (isDatabaseUnreachable(err)) return { code: 'busy', retryAfterS: 30 };
  if (isTransactionConflict(err)) return { code: 'busy', retryAfterS: 1 };
  return null;
}
