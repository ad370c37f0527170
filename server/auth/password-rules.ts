import { PASSWORD_MAX, PASSWORD_MIN } from './password.ts';

/** Whether a new password may be used; the CLI's wording of the console's rule (shared/console-fields.ts `passwordField`). */
export function passwordProblem(v: string): string | null {
  if ([...v].length < PASSWORD_MIN) return `the password must be at least ${PASSWORD_MIN} characters long`;
  if (v.length > PASSWORD_MAX) return `the password must be at most ${PASSWORD_MAX} characters long`;
  return null;
}
