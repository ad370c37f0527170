import { parseArgs } from 'node:util';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Role } from '../db/schema.ts';
import { recordAudit } from '../audit/record.ts';
import { normalizeEmail, setPassword } from '../auth/credentials.ts';
import { EmailTakenError, insertUser, listUsers, ROLES } from './store.ts';
import { UsageError } from '../directory/cli-commands.ts';
import { email as emailRule } from '../../shared/rules.ts';
import { hashPassword, oneTimePassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-rules.ts';
import { deleteUserSessions } from '../sessions/sessions.ts';
import { clearFailures, throttleKeys } from '../auth/throttle.ts';

/** The terminal: asking for a password needs a person at a TTY. */
export interface PasswordIo {
  interactive: boolean;
  askHidden(question: string): Promise<string>;
  /** A line for the person typing (why the password was refused). */
  tell(line: string): void;
}

const options = (args: string[], strings: string[]) =>
  parseArgs({
    args,
    allowPositionals: false,
    strict: true,
    options: {
      ...Object.fromEntries(strings.map((n) => [n, { type: 'string' as const }])),
      'one-time': { type: 'boolean' as const },
    },
  }).values as Record<string, string | boolean | undefined>;

const need = (value: unknown, flag: string) => {
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`--${flag} is required`);
  return value.trim();
};

/** A typed password (asked twice, hidden), or null for a one-time password. */
async function choosePassword(io: PasswordIo, oneTime: boolean): Promise<string | null> {
  if (oneTime || !io.interactive) return null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = await io.askHidden('Password (at least 10 characters): ');
    const problem = passwordProblem(first);
    if (problem) {
      io.tell(problem);
      continue;
    }
    if ((await io.askHidden('The same password again: ')) === first) return first;
    io.tell('the two passwords differ');
  }
  throw new UsageError('no password set; run the command again (or add --one-time)');
}

async function passwordHashFor(io: PasswordIo, oneTime: boolean) {
  const typed = await choosePassword(io, oneTime);
  const password = typed ?? oneTimePassword();
  return { hash: await hashPassword(password), oneTime: typed === null ? password : null };
}

const oneTimeNote = (password: string) =>
  `One-time password: ${password}\nIt works until it is changed: the console asks for a new password at the first sign-in.`;

/** `user add --email … --name … --role … [--department "ДКС"] [--one-time]` */
export async function userAdd(db: Db, clock: Clock, io: PasswordIo, args: string[]): Promise<string> {
  const o = options(args, ['email', 'name', 'role', 'department']);
  const checked = emailRule(254)(need(o.email, 'email'));
  if ('error' in checked || !checked.value)
    throw new UsageError(`--email: "${String(o.email)}" is not an e-mail address`);
  const email = normalizeEmail(checked.value);
  const name = need(o.name, 'name');
  const role = need(o.role, 'role') as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  let departmentId: string | null = null;
  if (typeof o.department === 'string' && o.department.trim()) {
    const found = await db
      .selectFrom('departments')
      .select('id')
      .where('name', '=', o.department.trim())
      .executeTakeFirst();
    if (!found)
      throw new UsageError(
        `no department «${o.department.trim()}»: add it first with department add --name "${o.department.trim()}"`,
      );
    departmentId = found.id;
  }
  if (role === 'handler' && !departmentId)
    throw new UsageError("a handler sees only his department's submissions: give --department");
  if (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())
    throw new UsageError(`a user with the e-mail ${email} exists already`);

  const { hash, oneTime } = await passwordHashFor(io, o['one-time'] === true);
  try {
    await db.transaction().execute(async (trx) => {
      const id = await insertUser(trx, clock, {
        email,
        name,
        role,
        departmentId,
        passwordHash: hash,
        mustChangePassword: oneTime !== null,
      });
      await recordAudit(trx, clock, {
        user: null,
        action: 'user.create',
        target: { type: 'user', id },
        details: { email, name, role, departmentId, via: 'cli' },
      });
    });
  } catch (err) {
    if (err instanceof EmailTakenError) throw new UsageError(err.message);
    throw err;
  }
  return [`User ${email} (${role}) added.`, oneTime ? oneTimeNote(oneTime) : 'The password is set.'].join('\n');
}

/**
 * `user password --email … [--one-time]`: a new password for someone locked out, the last admin
 * included; his sessions end and his failed sign-ins are forgotten.
 */
export async function userPassword(db: Db, clock: Clock, io: PasswordIo, args: string[]): Promise<string> {
  const o = options(args, ['email']);
  const email = normalizeEmail(need(o.email, 'email'));
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (!user) throw new UsageError(`no user with the e-mail ${email} (npm run cli -- user list)`);
  const { hash, oneTime } = await passwordHashFor(io, o['one-time'] === true);
  await db.transaction().execute(async (trx) => {
    await setPassword(trx, clock, user.id, hash, oneTime !== null);
    await deleteUserSessions(trx, user.id);
    await clearFailures(trx, throttleKeys(email, null)[0]!);
    await recordAudit(trx, clock, {
      user: null,
      action: 'user.password_reset',
      target: { type: 'user', id: user.id },
      details: { email, via: 'cli' },
    });
  });
  return [`New password for ${email}.`, ...(oneTime ? [oneTimeNote(oneTime)] : [])].join('\n');
}

/** `user list` */
export async function userList(db: Db): Promise<string> {
  const users = await listUsers(db);
  if (users.length === 0) return 'No users yet: npm run cli -- user add --email … --name … --role admin';
  const rows = users.map((u) => [
    u.email,
    u.name,
    u.role,
    u.department ?? '',
    u.active ? '' : 'disabled',
    u.mustChangePassword ? 'one-time password' : '',
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
