import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { type BackoffPolicy, retryDelayMs } from './backoff.ts';
import { asMailSendError, type MailSendError } from './mail-error.ts';
import { fixMessageIds } from './message-id.ts';
import { loadOutgoingMail } from './outgoing-mail.ts';
import { type Claim, groupForBatch, markAttemptFailed, markSent, type OutboxRow, sendAlone } from './outbox-store.ts';
import { planSends, type SendUnit } from './send-plan.ts';
import type { MailTransport } from './mail-transport.ts';
import { type ClaimHold, holdClaim } from './claim-hold.ts';

export interface DeliverContext {
  db: Db;
  transport: MailTransport;
  clock: Clock;
  from: string;
  backoff: BackoffPolicy;
  random: () => number;
  log: (message: string) => void;
  /** What went wrong (a send failed or refused, a claim lost): kept at LOG_LEVEL=warn. */
  warn: (message: string) => void;
  /** No send starts after this: the claim's lease must not run out under a send. */
  sendUntil: Date;
  /** The claim's lease: a send that runs long renews it by as much (claim-hold.ts). */
  leaseMs: number;
  /** True once the server is stopping: no further send starts, the rest is handed back. */
  stopping?: () => boolean;
}

export interface DeliverResult {
  sent: number;
  failed: number;
  released: number;
}

type Outcome =
  | { kind: 'sent' }
  | { kind: 'lost' }
  | { kind: 'failed'; error: MailSendError; retryAt: Date | null }
  | { kind: 'split'; units: SendUnit[] };

const idsOf = (units: readonly SendUnit[]) => units.flatMap((u) => u.rows.map((r) => r.id));
const label = (unit: SendUnit) =>
  unit.batchLeader ? `batch ${unit.batchLeader} (${unit.rows.length} messages)` : unit.rows[0]!.id;

/**
 * Sends claimed messages and records each outcome. After a failure of the provider itself (not
 * of one message), the rest of the run is given back untried, to wait until the failed one's
 * retry time: they keep their attempts, and a provider that is down gets one probe, not a flood.
 */
export async function deliverClaimed(ctx: DeliverContext, rows: readonly OutboxRow[]): Promise<DeliverResult> {
  const units = planSends(rows, ctx.transport.sendBatch ? (ctx.transport.batchMax ?? 100) : 1);
  const result: DeliverResult = { sent: 0, failed: 0, released: 0 };
  const hold = holdClaim(ctx.db, ctx.clock, rows, ctx.leaseMs, ctx.warn);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (ctx.clock.now() >= ctx.sendUntil || ctx.stopping?.()) {
      await giveBack(ctx, hold, units.slice(i), undefined, result);
      break;
    }
    const outcome = await sendUnit(ctx, hold, unit);
    if (outcome.kind === 'split') {
      units.splice(i + 1, 0, ...outcome.units);
    } else if (outcome.kind === 'sent') {
      result.sent += unit.rows.length;
    } else if (outcome.kind === 'failed') {
      result.failed += unit.rows.length;
      if (outcome.error.scope === 'provider') {
        const wait =
          outcome.retryAt ?? new Date(ctx.clock.now().getTime() + (outcome.error.retryAfterMs ?? ctx.backoff.baseMs));
        await giveBack(ctx, hold, units.slice(i + 1), wait, result);
        break;
      }
    }
  }
  return result;
}

async function giveBack(
  ctx: DeliverContext,
  hold: ClaimHold,
  units: readonly SendUnit[],
  notBefore: Date | undefined,
  result: DeliverResult,
) {
  const ids = idsOf(units);
  if (ids.length === 0) return;
  await hold.release(ids, notBefore);
  result.released += ids.length;
  ctx.log(`${ids.length} message(s) put back${notBefore ? ` until ${notBefore.toISOString()}` : ''}`);
}

async function sendUnit(ctx: DeliverContext, hold: ClaimHold, unit: SendUnit): Promise<Outcome> {
  const ids = unit.rows.map((r) => r.id);
  const held = await hold.take(ids);
  if (!held) {
    ctx.warn(`${label(unit)} not sent: another instance claimed its messages meanwhile`);
    return { kind: 'lost' };
  }
  let providerIds: string[];
  try {
    const rows = await fixMessageIds(ctx.db, unit.rows, ctx.from);
    const mails = await loadOutgoingMail(ctx.db, rows, { from: ctx.from, now: ctx.clock.now() });
    // Stored before the first try, so that every retry repeats this very request and its key.
    if (unit.isNewBatch)
      await (unit.batchLeader ? groupForBatch(ctx.db, unit.batchLeader, ids) : sendAlone(ctx.db, ids));
    const { sendBatch } = ctx.transport;
    providerIds = await held.during(async () =>
      unit.batchLeader && sendBatch
        ? (await sendBatch(mails, `batch-${unit.batchLeader}`)).providerIds
        : [(await ctx.transport.send(mails[0]!)).providerId],
    );
  } catch (err) {
    const error = asMailSendError(err);
    // A refused batch was not sent at all: alone, the good messages go and only the bad one
    // fails. Not after a key-reuse refusal, which means the batch may have gone before.
    if (unit.batchLeader && error.permanent && error.code !== 'invalid_idempotent_request') {
      await sendAlone(ctx.db, ids);
      ctx.warn(`${label(unit)} refused (${error.message}); sending its messages one by one`);
      return {
        kind: 'split',
        units: unit.rows.map((row) => ({
          rows: [{ ...row, batch_key: row.id }],
          batchLeader: null,
          isNewBatch: false,
        })),
      };
    }
    return recordFailure(ctx, held.claim, unit, error);
  }
  const marked = await markSent(
    ctx.db,
    ids.map((id, k) => ({ id, providerId: providerIds[k] ?? '' })),
    ctx.clock.now(),
    held.claim,
  );
  if (marked < ids.length)
    ctx.warn(`${label(unit)} sent after ${ids.length - marked} of its messages had passed to another claim`);
  return { kind: 'sent' };
}

async function recordFailure(
  ctx: DeliverContext,
  claim: Claim,
  unit: SendUnit,
  error: MailSendError,
): Promise<Outcome> {
  const attempts = unit.rows[0]!.attempts + 1;
  const giveUp = error.permanent || attempts >= ctx.backoff.maxAttempts;
  const retryAt = giveUp
    ? null
    : new Date(ctx.clock.now().getTime() + retryDelayMs(attempts, ctx.backoff, error.retryAfterMs, ctx.random));
  const marked = await markAttemptFailed(
    ctx.db,
    unit.rows.map((r) => r.id),
    { error: error.message, retryAt },
    claim,
  );
  if (marked === 0) {
    ctx.warn(`${label(unit)} failed after its messages had passed to another claim: ${error.message}`);
    return { kind: 'lost' };
  }
  ctx.warn(
    `${label(unit)} not sent (attempt ${attempts}): ${error.message}; ${retryAt ? `next try at ${retryAt.toISOString()}` : 'marked failed'}`,
  );
  return { kind: 'failed', error, retryAt };
}
