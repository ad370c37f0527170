import { createChallenge, extractParams, verifySolution } from 'altcha-lib';
import type { Challenge, Payload } from 'altcha-lib/types';
import type { Db } from '../db/connection.ts';
import { CHALLENGE_TTL_MS, POW_MAX_NUMBER } from './allowances.ts';

/**
 * A new challenge for a form, signed with `key`. Its salt carries, signed with it, when it was
 * issued (`t`, ms) and when it expires, so the minimum fill time is counted from the moment the
 * form got it, and a stale one is refused.
 * @example const challenge = await issueChallenge(key, clock.now())
 */
export function issueChallenge(key: string, now: Date): Promise<Challenge> {
  return createChallenge({
    algorithm: 'SHA-256',
    hmacKey: key,
    maxnumber: POW_MAX_NUMBER,
    expires: new Date(now.getTime() + CHALLENGE_TTL_MS),
    params: { t: String(now.getTime()) },
  });
}

export type ProofCheck =
  | { ok: true; issuedAt: number; signature: string; expiresAt: number }
  | { ok: false; reason: 'pow_invalid' };

/** The `altcha` field decoded, or null when it is not base64 of a payload's JSON. */
function decode(field: string): Payload | null {
  try {
    const p = JSON.parse(Buffer.from(field, 'base64').toString('utf8')) as Record<string, unknown> | null;
    if (!p || typeof p !== 'object') return null;
    const { algorithm, challenge, number, salt, signature } = p;
    if (algorithm !== 'SHA-256' || typeof challenge !== 'string' || typeof salt !== 'string') return null;
    if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) return null;
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) return null;
    return { algorithm, challenge, number, salt, signature };
  } catch {
    return null;
  }
}

/**
 * Checks a solution: ours (signed with `key`), solved, and not expired by the injected clock
 * (altcha-lib's own expiry check reads the wall clock, so it is done here instead). Whether it
 * was used before is `spendProof`'s to say.
 * @example const r = await checkProof(key, clock.now(), fields.altcha)
 */
export async function checkProof(key: string, now: Date, field: string): Promise<ProofCheck> {
  const payload = decode(field);
  if (!payload) return { ok: false, reason: 'pow_invalid' };
  const params = extractParams(payload);
  const issuedAt = Number(params.t);
  const expiresAt = Number(params.expires) * 1000;
  if (!Number.isFinite(issuedAt) || !Number.isFinite(expiresAt) || expiresAt <= now.getTime())
    return { ok: false, reason: 'pow_invalid' };
  const solved = await verifySolution(payload, key, false).catch(() => false);
  return solved
    ? { ok: true, issuedAt, signature: payload.signature, expiresAt }
    : { ok: false, reason: 'pow_invalid' };
}

/**
 * Marks a solution used, once across every instance on the database: true the first time, false
 * when it was spent already (a replay).
 */
export async function spendProof(db: Db, signature: string, expiresAt: number): Promise<boolean> {
  const row = await db
    .insertInto('pow_spent')
    .values({ signature, expires_at: new Date(expiresAt).toISOString() })
    .onConflict((oc) => oc.column('signature').doNothing())
    .returning('signature')
    .executeTakeFirst();
  return row !== undefined;
}

/** Drops spent solutions past their expiry: they can't verify any more, so they need no memory. */
export async function pruneSpent(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('pow_spent').where('expires_at', '<', now.toISOString()).execute();
}
