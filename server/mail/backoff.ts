export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** After this many failed attempts a message is marked failed. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 60 * 60_000, maxAttempts: 10 };

/**
 * How long to wait after the `attempts`-th failure: base·2^(attempts−1) capped at max, with
 * «equal jitter» (between half and all of that step) so instances that failed together don't
 * retry in step; never sooner than the provider's `Retry-After`.
 * @example retryDelayMs(3, DEFAULT_BACKOFF, undefined, () => 1) // 120000
 */
export function retryDelayMs(
  attempts: number,
  policy: BackoffPolicy,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(step / 2 + (step / 2) * random());
  return Math.max(retryAfterMs ?? 0, jittered);
}
