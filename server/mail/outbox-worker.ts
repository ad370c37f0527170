import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff.ts';
import { claimDueOutbox } from './outbox-claim.ts';
import { deliverClaimed } from './outbox-deliver.ts';
import type { MailTransport } from './mail-transport.ts';

export interface OutboxWorkerDeps {
  db: Db;
  transport: MailTransport;
  clock: Clock;
  config: Config;
  /** How often `start()` looks for due messages; default 2000 ms. */
  pollMs?: number;
  backoff?: Partial<BackoffPolicy>;
  log?: (message: string) => void;
  /** What went wrong (a send failed, a run failed), at a level LOG_LEVEL=warn keeps; `log` when not given. */
  warn?: (message: string) => void;
  /** Told each round's outcome (server/ops/metrics.ts counts sends and failures). */
  onDelivered?: (result: { sent: number; failed: number }) => void;
  /** How long a claim holds its messages against other instances; default 2 minutes. */
  leaseMs?: number;
  /** How many sends one run claims; default 100. */
  claimLimit?: number;
  /** Jitter source, in [0, 1); injectable for tests. */
  random?: () => number;
}

export interface OutboxWorker {
  /** Polls every `pollMs` until `stop()`; runs never overlap. */
  start(): void;
  /**
   * Stops polling; a run in progress finishes the send it is in and hands the rest of its claim
   * back. Waits for that, at most `waitMs` (then the send's e-mails go once their claim runs out).
   */
  stop(waitMs?: number): Promise<void>;
  /** Asks for a run soon (after a commit that queued mail); many kicks make one run. */
  kick(): void;
  /** Claims and sends one round of due messages; returns how many it tried (sent or not). */
  runOnce(): Promise<number>;
}

/**
 * The outbox sender of one instance. Several instances (or processes on one SQLite file) may run
 * side by side: each message is claimed by one of them under a lease, and a lease left by a
 * crashed instance runs out, so its messages are sent by another.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const pollMs = deps.pollMs ?? 2000;
  const leaseMs = deps.leaseMs ?? 120_000;
  const limit = deps.claimLimit ?? 100;
  const backoff = { ...DEFAULT_BACKOFF, ...deps.backoff };
  const log = deps.log ?? (() => {});
  const warn = deps.warn ?? log;

  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let soon = false;
  let inTick = false;
  let again = false;
  let started = false;
  let stopped = false;

  async function round(): Promise<number> {
    const now = deps.clock.now();
    const rows = await claimDueOutbox(deps.db, {
      now,
      leaseUntil: new Date(now.getTime() + leaseMs),
      limit,
    });
    if (rows.length === 0) return 0;
    const result = await deliverClaimed(
      {
        db: deps.db,
        transport: deps.transport,
        clock: deps.clock,
        from: deps.config.mailFrom,
        backoff,
        random: deps.random ?? Math.random,
        log,
        warn,
        // Half the lease for sending, half as a margin for the slowest send.
        sendUntil: new Date(now.getTime() + leaseMs / 2),
        leaseMs,
        stopping: () => stopped,
      },
      rows,
    );
    deps.onDelivered?.(result);
    if (result.sent > 0) log(`${result.sent} e-mail(s) sent via ${deps.transport.name}`);
    return rows.length;
  }

  function runOnce(): Promise<number> {
    const run = queue.then(round);
    queue = run.catch(() => {});
    return run;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) {
      if (soon || delayMs > 0) return;
      clearTimeout(timer);
    }
    soon = delayMs === 0;
    timer = setTimeout(tick, delayMs);
    timer.unref?.();
  }

  async function tick() {
    timer = null;
    soon = false;
    inTick = true;
    again = false;
    let handled = 0;
    try {
      handled = await runOnce();
    } catch (err) {
      warn(`run failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      inTick = false;
    }
    // A full claim means more may be due at once; a kick during the run asked for another look.
    if (handled >= limit || again) schedule(0);
    else if (started) schedule(pollMs);
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      schedule(0);
    },
    async stop(waitMs = Number.POSITIVE_INFINITY) {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      let limit: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => {
        if (Number.isFinite(waitMs)) limit = setTimeout(() => resolve('late'), waitMs);
      });
      const ended = await Promise.race([queue.then(() => 'done' as const), late]);
      clearTimeout(limit);
      if (ended === 'late')
        warn(
          `stopped without waiting longer than ${waitMs / 1000} s for the send in progress; its e-mails, and those of its round not handed back yet, go once their claims run out`,
        );
    },
    kick() {
      if (stopped) return;
      if (inTick) again = true;
      else schedule(0);
    },
    runOnce,
  };
}
