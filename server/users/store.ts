import type { UserItem } from '../../shared/console-users.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Role } from '../db/schema.ts';
import { normalizeEmail } from '../auth/credentials.ts';
import { newId } from '../ids.ts';

export const ROLES: readonly Role[] = ['admin', 'qms', 'handler', 'viewer'];

export type { UserItem };

export class EmailTakenError extends Error {}

function usersQuery(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.department_id',
      'departments.name as department',
      'users.active',
      'users.must_change_password',
      'users.created_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof usersQuery>['executeTakeFirstOrThrow']>>;

const toItem = (r: Row): UserItem => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  departmentId: r.department_id,
  department: r.department ?? null,
  active: r.active === 1,
  mustChangePassword: r.must_change_password === 1,
  createdAt: r.created_at,
});

export async function listUsers(db: Db): Promise<UserItem[]> {
  return (await usersQuery(db).orderBy('users.name').orderBy('users.email').execute()).map(toItem);
}

export async function findUser(db: Db, id: string): Promise<UserItem | undefined> {
  const row = await usersQuery(db).where('users.id', '=', id).executeTakeFirst();
  return row && toItem(row);
}

export async function departmentExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst());
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  departmentId?: string | null;
  passwordHash: string;
  /** A one-time password: the user must choose his own at first sign-in. */
  mustChangePassword: boolean;
}

/** Adds a user; throws EmailTakenError when the address has an account already. */
export async function insertUser(db: Db, clock: Clock, user: NewUser): Promise<string> {
  const id = newId();
  const now = clock.now().toISOString();
  try {
    await db
      .insertInto('users')
      .values({
        id,
        email: normalizeEmail(user.email),
        name: user.name,
        role: user.role,
        department_id: user.departmentId ?? null,
        password_hash: user.passwordHash,
        must_change_password: user.mustChangePassword ? 1 : 0,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  } catch (err) {
    if (isUniqueViolation(err))
      throw new EmailTakenError(`a user with the e-mail ${normalizeEmail(user.email)} exists already`);
    throw err;
  }
  return id;
}

/**
 * How many active admins there are, counted so that two concurrent demotions can't both see
 * «another admin is left»: the no-op update first takes the admins' row locks on PostgreSQL
 * (and the write lock on SQLite) until the transaction ends. Call it inside a transaction.
 */
export async function lockActiveAdmins(trx: Db): Promise<number> {
  const r = await trx
    .updateTable('users')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
