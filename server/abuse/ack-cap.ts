import type { Logger } from '../ops/logger.ts';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import type { Config } from '../env.ts';
import { ACKS_PER_ADDRESS } from './allowances.ts';
import { countHit } from './counters.ts';
import { countRefusal } from '../refusals.ts';

/**
 * Whether a client's acknowledgement may be queued to this address: at most ACKS_PER_ADDRESS a
 * day, so anyone typing someone else's address into the form can't make the company's mail
 * server bomb it. Past it only the acknowledgement is dropped (counted `ack_capped`); the message
 * is stored and the QMS told as ever. Counted in the caller's transaction, so a submission that
 * rolls back takes its count back. RATE_LIMIT=0 turns it off.
 * @example if (await mayAcknowledge(trx, deps, 'client@example.ru')) await insertOutboxMessage(…)
 */
export async function mayAcknowledge(
  trx: Kysely<Database>,
  deps: { clock: Clock; config: Config; logger?: Logger | undefined },
  address: string,
): Promise<boolean> {
  if (deps.config.rateLimit <= 0) return true;
  // One mailbox whatever the case of its local part (mail servers treat it so in practice), kept
  // as a hash: the counter outlives an erasure of the address by up to a day.
  const mailbox = createHash('sha256').update(address.toLowerCase()).digest('base64url');
  const hit = await countHit(trx, deps.clock, `ack:${mailbox}`, ACKS_PER_ADDRESS);
  if (!hit.allowed) await countRefusal({ ...deps, db: trx }, 'ack_capped');
  return hit.allowed;
}
