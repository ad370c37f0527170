import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';

/** Sessions end 12 hours after the last request, and 7 days after sign-in at the latest. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'otklik_session';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session; returns the cookie's token (only its hash is stored) and the CSRF token. */
export async function createSession(
  db: Db,
  clock: Clock,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = clock.now();
  await db
    .insertInto('sessions')
    .values({
      id: hash(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent,
    })
    .execute();
  return { token, csrfToken };
}

/**
 * The live session of a cookie token with its user, sliding its expiry forward; undefined when
 * it is unknown, expired or the user is disabled.
 */
export async function touchSession(db: Db, clock: Clock, token: string) {
  const now = clock.now();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.department_id',
      'users.must_change_password',
      'users.active',
    ])
    .where('sessions.id', '=', hash(token))
    .executeTakeFirst();
  if (row?.active !== 1 || row.expires_at <= now.toISOString()) return undefined;
  const hardEnd = new Date(new Date(row.created_at).getTime() + SESSION_MAX_MS);
  if (hardEnd <= now) return undefined;
  // Write the sliding expiry at most once a minute: reads stay reads.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    const expires = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, hardEnd.getTime()));
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: expires.toISOString() })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return row;
}

/**
 * Ends the session a cookie token names, if any: a sign-in replaces the session the browser
 * brought, so a token planted or left in it before (session fixation) never becomes a signed-in one.
 */
export async function deleteSessionOfToken(db: Db, token: string) {
  await deleteSession(db, hash(token));
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Signs a user out everywhere (password change, disabling, role change). */
export async function deleteUserSessions(db: Db, userId: string, except?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('id', '<>', except);
  await q.execute();
}
