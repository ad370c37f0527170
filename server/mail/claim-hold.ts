import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { type Claim, type OutboxRow, renewClaim } from './outbox-store.ts';

export interface ClaimHold {
  /** The claim as the rows now carry it: what the outcome of a send is written under. */
  readonly claim: Claim;
  /** Runs one send, the claim renewed every third of the lease while it lasts. */
  during<T>(send: () => Promise<T>): Promise<T>;
}

/**
 * A worker's hold on the messages it claimed. No send starts after half the lease, but one send
 * may take longer than the rest of it (Resend's timeout is 30 s, a slow SMTP server's more than a
 * minute): its claim then ran out under it, another instance claimed the same messages and sent
 * them again. While a send runs, its claim is moved on every third of the lease, as long as this
 * instance lives; a killed one stops renewing, and its messages are taken over as before.
 * @example const hold = holdClaim(db, clock, rows, leaseMs, log); await hold.during(() => transport.send(mail))
 */
export function holdClaim(
  db: Db,
  clock: Clock,
  rows: readonly OutboxRow[],
  leaseMs: number,
  log: (message: string) => void,
): ClaimHold {
  let claim: Claim = rows[0]?.locked_until ?? null;
  const ids = rows.map((r) => r.id);
  return {
    get claim() {
      return claim;
    },
    async during(send) {
      let renewing: Promise<void> = Promise.resolve();
      const renew = async () => {
        if (claim === null) return;
        const until = new Date(clock.now().getTime() + leaseMs).toISOString();
        try {
          await renewClaim(db, ids, claim, until);
          claim = until;
        } catch (err) {
          log(`claim not renewed: ${err instanceof Error ? err.message : String(err)}`);
        }
      };
      const timer = setInterval(() => {
        renewing = renewing.then(renew);
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
}
