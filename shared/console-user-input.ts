import { z } from 'zod';
import { emailField, oneOfField, textField } from './console-fields.ts';

// What the console sends to /api/admin/users (server/users/routes.ts), as zod schemas.

const ROLES = ['admin', 'qms', 'handler', 'viewer'] as const;
const NAME = textField({ max: 200, required: true });
const ROLE = oneOfField(ROLES, 'invalid');
const DEPARTMENT = textField({ max: 36 });

/**
 * `POST /users`: e-mail, name, role and a department id, which a handler must have.
 * @example NEW_USER.parse({ email: 'a@b.ru', name: 'Галина', role: 'viewer' })
 */
export const NEW_USER = z
  .strictObject({ email: emailField(254, true), name: NAME, role: ROLE, departmentId: DEPARTMENT })
  .refine((u) => u.role !== 'handler' || u.departmentId, { message: 'required', path: ['departmentId'] });

/**
 * `PATCH /users/:id`: only the fields given change; `departmentId: null` (or blank) clears it.
 * @example USER_CHANGES.parse({ departmentId: null }) // { departmentId: null }
 */
export const USER_CHANGES = z.strictObject({
  name: NAME.optional(),
  role: ROLE.optional(),
  departmentId: z.union([z.literal(['', null]).transform(() => null), DEPARTMENT]).optional(),
  active: z.boolean({ error: 'invalid' }).optional(),
});
