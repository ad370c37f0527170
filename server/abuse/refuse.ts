import type { Context } from 'hono';
import type { ApiErrorCode } from '../../shared/i18n.ts';
import { ApiError } from '../http/api-error.ts';
import { countRefusal, type RefusalDeps, type RefusalReason } from '../refusals.ts';

/**
 * Counts a refusal by its reason (the console's «Отказы») and throws the error the client sees.
 * A 429 says in `Retry-After` when to try again.
 * @example await refuse(c, deps, 'rate_ip', 429, 'rate_limited', 120)
 */
export async function refuse(
  c: Context,
  deps: RefusalDeps,
  reason: RefusalReason,
  status: 403 | 429,
  code: ApiErrorCode,
  retryAfterS?: number,
): Promise<never> {
  await countRefusal(deps, reason);
  if (retryAfterS !== undefined) c.header('Retry-After', String(retryAfterS));
  throw new ApiError(status, code, {}, { retryAfterS });
}
