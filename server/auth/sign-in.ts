import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { recordAudit } from '../audit/record.ts';
import { normalizeEmail } from './credentials.ts';
import type { ConsoleUser } from '../sessions/context.ts';
import { verifyDummy, verifyPassword } from './password.ts';
import { createSession } from '../sessions/sessions.ts';
import { clearFailures, lockedUntil, recordFailure, throttleKeys } from './throttle.ts';

export type SignInResult =
  | { status: 'ok'; user: ConsoleUser; token: string; csrfToken: string }
  | { status: 'bad_credentials' }
  | { status: 'locked'; until: Date };

export interface Attempt {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Checks an e-mail and password and starts a session. Unknown addresses, wrong passwords and
 * disabled accounts get one answer and take the same time. A locked account or address is
 * refused before the password is looked at, so the right password doesn't open it early.
 */
export async function signIn(db: Db, clock: Clock, attempt: Attempt): Promise<SignInResult> {
  const email = normalizeEmail(attempt.email);
  const keys = throttleKeys(email, attempt.ip);
  const locked = await lockedUntil(db, clock, keys);
  if (locked) return { status: 'locked', until: locked };

  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const matches = user
    ? await verifyPassword(attempt.password, user.password_hash)
    : await verifyDummy(attempt.password);

  if (!user || !matches || user.active !== 1) {
    const reason = !user ? 'unknown_email' : !matches ? 'wrong_password' : 'inactive';
    const target = user && { type: 'user', id: user.id };
    await recordAudit(db, clock, {
      user: null,
      action: 'auth.sign_in_failed',
      target,
      details: { email, reason },
      ip: attempt.ip,
    });
    for (const k of keys) {
      const lock = await recordFailure(db, clock, k);
      if (!lock) continue;
      const who = k.kind === 'user' ? { email } : { address: attempt.ip };
      await recordAudit(db, clock, {
        user: null,
        action: 'auth.locked',
        target,
        details: { scope: k.kind, ...who, until: lock.toISOString() },
        ip: attempt.ip,
      });
    }
    return { status: 'bad_credentials' };
  }

  await clearFailures(db, keys[0]!);
  const { token, csrfToken } = await createSession(db, clock, user.id, {
    ip: attempt.ip,
    userAgent: attempt.userAgent,
  });
  await recordAudit(db, clock, {
    user: { id: user.id, email: user.email },
    action: 'auth.sign_in',
    target: { type: 'user', id: user.id },
    ip: attempt.ip,
  });
  return {
    status: 'ok',
    token,
    csrfToken,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      departmentId: user.department_id,
      mustChangePassword: user.must_change_password === 1,
    },
  };
}
