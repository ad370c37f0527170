// The console's users, /api/admin/users (admins only): built by server/users/, read by admin/.
// Types only: nothing here runs.

import type { ConsoleUser } from './console-types.ts';

/** A console user as the users list shows him. */
export interface UserItem extends ConsoleUser {
  /** The name of his department (`departmentId`'s), null without one. */
  department: string | null;
  /** A disabled user can't sign in; his history stays. */
  active: boolean;
  createdAt: string;
}

/** `GET /users`: every console user, by name. */
export interface UsersAnswer {
  items: UserItem[];
}

/** `PATCH /users/:id`: the user as changed. */
export interface UserAnswer {
  user: UserItem;
}

/** `POST /users` and `POST /users/:id/reset-password`: the user and his one-time password, shown once. */
export interface OneTimePasswordAnswer {
  user: UserItem;
  oneTimePassword: string;
}
