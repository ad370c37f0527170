import type { Role } from '../db/schema.ts';

// What a change of users takes, once shared/console-user-input.ts has checked the request.

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
