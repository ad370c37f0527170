import type { Logger } from '../ops/logger.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { recordAudit } from '../audit/record.ts';
import { setPassword } from './credentials.ts';
import { ApiError } from '../http/api-error.ts';
import type { ConsoleUser } from '../sessions/context.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { deleteUserSessions } from '../sessions/sessions.ts';
import { attemptPassword } from './password-attempt.ts';

/**
 * The signed-in user replaces his password. The current one is asked again (a session left
 * open on a desk must not be enough) and its guesses count against the session, five in 15
 * minutes, before the check (password-attempt.ts): apart from the sign-in's, so that a stranger
 * locking the account out doesn't keep its owner from changing the password, and the one at the
 * desk can't lock the owner out. Every other session of his ends.
 */
export async function changePassword(
  db: Db,
  clock: Clock,
  who: { user: ConsoleUser; sessionId: string; ip: string | null },
  input: { current: string; next: string },
  logger?: Logger,
): Promise<{ lockedUntil: Date } | void> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', who.user.id)
    .executeTakeFirstOrThrow();
  const result = await attemptPassword(
    db,
    clock,
    [{ kind: 'session', key: `session:${who.sessionId}` }],
    () => verifyPassword(input.current, row.password_hash),
    logger,
  );
  if (result.status === 'locked') return { lockedUntil: result.until };
  if (result.status === 'wrong') {
    for (const lock of result.locks) {
      await recordAudit(db, clock, {
        user: { id: who.user.id, email: who.user.email },
        action: 'auth.locked',
        target: { type: 'user', id: who.user.id },
        details: {
          scope: 'session',
          email: who.user.email,
          until: lock.until.toISOString(),
          during: 'password_change',
        },
        ip: who.ip,
      });
    }
    throw new ApiError(422, 'validation', { current: 'wrongPassword' });
  }
  if (input.next === input.current) throw new ApiError(422, 'validation', { next: 'samePassword' });
  const hash = await hashPassword(input.next);
  await db.transaction().execute(async (trx) => {
    await setPassword(trx, clock, who.user.id, hash, false);
    await deleteUserSessions(trx, who.user.id, who.sessionId);
    await recordAudit(trx, clock, {
      user: { id: who.user.id, email: who.user.email },
      action: 'auth.password_changed',
      target: { type: 'user', id: who.user.id },
      details: { firstSignIn: who.user.mustChangePassword },
      ip: who.ip,
    });
  });
}
