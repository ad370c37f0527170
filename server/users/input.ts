import type { Role } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import { email, type FieldErrors, oneOf, text, validate } from '../../shared/rules.ts';
import { ROLES } from './store.ts';

export interface NewUserInput {
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  /** null takes the user out of his department. */
  departmentId?: string | null;
  active?: boolean;
}

const NAME = text({ max: 200, required: true });
const ROLE = oneOf(ROLES, 'invalid');
const DEPARTMENT = text({ max: 36 });

/** `POST /users`: e-mail, name, role and (required for a handler) a department id. */
export function parseNewUser(body: Record<string, unknown>): NewUserInput {
  const parsed = validate({ email: email(254), name: NAME, role: ROLE, departmentId: DEPARTMENT }, body);
  const errors: FieldErrors = parsed.success ? {} : { ...parsed.errors };
  // `email` is an optional rule in shared/rules.ts; here the address is required.
  if (!errors.email && (typeof body.email !== 'string' || body.email.trim() === '')) errors.email = 'required';
  if (!parsed.success || Object.keys(errors).length > 0) throw new ApiError(422, 'validation', errors);
  const d = parsed.data;
  if (d.role === 'handler' && !d.departmentId) throw new ApiError(422, 'validation', { departmentId: 'required' });
  return { email: d.email!.toLowerCase(), name: d.name, role: d.role, departmentId: d.departmentId ?? null };
}

/** `PATCH /users/:id`: only the fields given change; `departmentId: null` clears it. */
export function parseUserChanges(body: Record<string, unknown>): UserChanges {
  const errors: FieldErrors = {};
  const changes: UserChanges = {};
  const check = <T>(
    key: keyof UserChanges,
    rule: (v: unknown) => { value: T } | { error: FieldErrors[string] & string },
  ) => {
    if (!(key in body)) return;
    const r = rule(body[key]);
    if ('error' in r) errors[key] = r.error;
    else (changes as Record<string, unknown>)[key] = r.value;
  };
  check('name', NAME);
  check('role', ROLE);
  check('departmentId', (v) => (v === null || v === '' ? { value: null } : DEPARTMENT(v)));
  check('active', (v) => (typeof v === 'boolean' ? { value: v } : { error: 'invalid' }));
  if (Object.keys(errors).length > 0) throw new ApiError(422, 'validation', errors);
  return changes;
}
