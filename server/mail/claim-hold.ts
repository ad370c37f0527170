import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { type Claim, type OutboxRow, releaseClaim, renewClaim } from './outbox-store.ts';

/** One send's hold on its messages, taken as it starts. */
export interface SendHold {
  /** The claim as the send's rows now carry it: what its outcome is written under. */
  readonly claim: Claim;
  /** Runs the send, the claim renewed every third of the lease while it lasts. */
  during<T>(send: () => Promise<T>): Promise<T>;
}

export interface ClaimHold {
  /** Hands messages back untried, each under the claim it carries now, to be sent at `notBefore`. */
  release(ids: readonly string[], notBefore?: Date): Promise<void>;
  /**
   * Takes the claim on one send's messages on to a fresh lease; null when another instance holds
   * any of them now (the claim ran out before the send began), which must then not be sent.
   */
  take(ids: readonly string[]): Promise<SendHold | null>;
}

/**
 * A worker's hold on the messages it claimed. No send starts after half the lease, but one send
 * may take longer than the rest of it (Resend's timeout is 30 s, a slow SMTP server's more than a
 * minute): its claim ran out under it, another instance claimed the same messages and sent them
 * again. Each send now moves its own messages' claim on as it starts, and every third of the lease
 * while it runs, as long as this instance lives; a killed one stops renewing, and its messages are
 * taken over as before. The messages not yet started keep the first claim, and are free to others
 * once it runs out. A send whose messages were taken meanwhile is not made at all.
 * @example const send = await holdClaim(db, clock, rows, leaseMs, warn).take(ids); await send?.during(() => transport.send(mail))
 */
export function holdClaim(
  db: Db,
  clock: Clock,
  rows: readonly OutboxRow[],
  leaseMs: number,
  warn: (message: string) => void,
): ClaimHold {
  const claims = new Map<string, Claim>(rows.map((r) => [r.id, r.locked_until]));
  const claimOf = (id: string) => claims.get(id) ?? null;
  const until = () => new Date(clock.now().getTime() + leaseMs).toISOString();
  /** Moves `ids` from `from` on to a fresh lease; how many were still held under `from`. */
  const renew = async (ids: readonly string[], from: string) => {
    const next = until();
    const held = await renewClaim(db, ids, from, next);
    if (held > 0) for (const id of ids) claims.set(id, next);
    return held;
  };
  const release = async (ids: readonly string[], notBefore?: Date) => {
    // By the claim each carries: the first one, or a split batch's, renewed as it was tried.
    const byClaim = new Map<Claim, string[]>();
    for (const id of ids) byClaim.set(claimOf(id), [...(byClaim.get(claimOf(id)) ?? []), id]);
    for (const [claim, held] of byClaim) await releaseClaim(db, held, claim, notBefore);
  };
  return {
    release,
    async take(ids) {
      const from = claimOf(ids[0]!);
      if (from === null) return unclaimed;
      const held = await renew(ids, from);
      if (held < ids.length) {
        // What of a batch this instance still holds goes back: none of it may be sent.
        if (held > 0) await release(ids);
        return null;
      }
      return {
        get claim() {
          return claimOf(ids[0]!);
        },
        async during(send) {
          let renewing: Promise<unknown> = Promise.resolve();
          const timer = setInterval(() => {
            renewing = renewing
              .then(() => renew(ids, claimOf(ids[0]!)!))
              .catch((err) => warn(`claim not renewed: ${err instanceof Error ? err.message : String(err)}`));
          }, leaseMs / 3);
          try {
            return await send();
          } finally {
            clearInterval(timer);
            // The outcome is written under the claim as the last renewal left it.
            await renewing;
          }
        },
      };
    },
  };
}

/** Rows no one claimed (a test's, or the CLI's): nothing to renew. */
const unclaimed: SendHold = { claim: null, during: (send) => send() };
