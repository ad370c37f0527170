/** How long, and how, a statement that met a locked SQLite file is tried again. */
export interface BusyRetryPolicy {
  /** Total wait before giving up with the last SQLITE_BUSY (a request then answers 503). */
  budgetMs: number;
  /** The first pause; each next one doubles, up to `maxDelayMs`, with jitter. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BUSY_RETRY: BusyRetryPolicy = { budgetMs: 4000, firstDelayMs: 10, maxDelayMs: 200 };

/**
 * Whether an error says the SQLite file is locked by another connection (SQLITE_BUSY and its
 * extended codes such as SQLITE_BUSY_SNAPSHOT; SQLITE_LOCKED for a shared-cache table lock).
 */
export function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Time as the retry loop sees it; injectable so that tests need no real lock to run out the budget. */
export interface RetryTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: RetryTimer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs `attempt` until it does not meet SQLITE_BUSY or the budget is spent (then the last
 * SQLITE_BUSY is thrown). Between attempts `pause` is awaited: the caller gives the single
 * connection back there, so that other requests are served while this one waits — the wait is on
 * timers, never on the event loop.
 */
export async function retryWhileBusy<T>(
  attempt: () => T,
  policy: BusyRetryPolicy,
  timer: RetryTimer,
  pause: (sleep: Promise<void>) => Promise<void> = (sleep) => sleep,
): Promise<T> {
  const deadline = timer.now() + policy.budgetMs;
  let delay = policy.firstDelayMs;
  for (;;) {
    try {
      return attempt();
    } catch (err) {
      const left = deadline - timer.now();
      if (!isSqliteBusy(err) || left <= 0) throw err;
      // Jitter keeps two waiting processes from knocking at the same instant.
      const wait = Math.min(left, delay * (0.5 + Math.random() / 2));
      await pause(timer.sleep(wait));
      delay = Math.min(policy.maxDelayMs, delay * 2);
    }
  }
}
