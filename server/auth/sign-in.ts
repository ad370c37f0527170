import type { Logger } from '../ops/logger.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { auditedTypedEmail } from '../privacy/person-key.ts';
import { recordAudit } from '../audit/record.ts';
import { normalizeEmail } from './credentials.ts';
import type { ConsoleUser } from '../sessions/context.ts';
import { verifyDummy, verifyPassword } from './password.ts';
import { createSession } from '../sessions/sessions.ts';
import { throttleKeys } from './throttle.ts';
import { attemptPassword } from './password-attempt.ts';
import { type DeviceClaim, deviceCookie, trustedDevice } from './device.ts';

export type SignInResult =
  | { status: 'ok'; user: ConsoleUser; token: string; csrfToken: string; deviceCookie: string }
  | { status: 'bad_credentials' }
  | { status: 'locked'; until: Date };

export interface Attempt {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** The browser's device cookie, when it brought one (device.ts): checked against the account here. */
  device?: DeviceClaim | null;
}

/**
 * Checks an e-mail and password and starts a session. Unknown addresses, wrong passwords and
 * disabled accounts get one answer and take the same time. The attempt counts against the
 * account and the address before the password is looked at (password-attempt.ts); from a browser
 * the account signed in from before, against that browser alone.
 */
export async function signIn(db: Db, clock: Clock, attempt: Attempt, logger?: Logger): Promise<SignInResult> {
  const email = normalizeEmail(attempt.email);
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const seen = { matches: false };
  const device = user && attempt.device ? await trustedDevice(db, clock, attempt.device, user) : null;
  const result = await attemptPassword(
    db,
    clock,
    throttleKeys(email, attempt.ip, device),
    async () => {
      seen.matches = user
        ? await verifyPassword(attempt.password, user.password_hash)
        : await verifyDummy(attempt.password);
      return seen.matches && user?.active === 1;
    },
    logger,
  );
  if (result.status === 'locked') return result;

  if (result.status === 'wrong' || !user) {
    const reason = !user ? 'unknown_email' : !seen.matches ? 'wrong_password' : 'inactive';
    const target = user && { type: 'user', id: user.id };
    // An account's address as it is; text that is no account's, masked: it may be anything typed.
    const typed = { email: user ? email : auditedTypedEmail(email) };
    await recordAudit(db, clock, {
      user: null,
      action: 'auth.sign_in_failed',
      target,
      details: { ...typed, reason },
      ip: attempt.ip,
    });
    for (const lock of result.status === 'wrong' ? result.locks : []) {
      const who = lock.key.kind === 'ip' ? { address: attempt.ip } : typed;
      await recordAudit(db, clock, {
        user: null,
        action: 'auth.locked',
        target,
        details: { scope: lock.key.kind, ...who, until: lock.until.toISOString() },
        ip: attempt.ip,
      });
    }
    return { status: 'bad_credentials' };
  }

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
    deviceCookie: await deviceCookie(db, clock, user, device),
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
