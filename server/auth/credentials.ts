import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';

// What sign-in and a password change need of a user's account: his e-mail as it is compared and
// his stored password. The rest of the account (list, create, change) is server/users/.

/** E-mail addresses are compared without case: `Ivanov@X.ru` signs in as `ivanov@x.ru`. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Replaces a user's password; `mustChange` for one set by somebody else. */
export async function setPassword(
  db: Db,
  clock: Clock,
  userId: string,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: mustChange ? 1 : 0,
      updated_at: clock.now().toISOString(),
    })
    .where('id', '=', userId)
    .execute();
}
