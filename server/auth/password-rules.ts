import type { Rule } from '../../shared/rules.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './password.ts';

/**
 * A password field: taken exactly as typed (spaces count, unlike `text`), `min` characters at
 * least. Too short is `invalid`; the console states the rule next to the field.
 * @example password(10)('short') // { error: 'invalid' }
 */
export function password(min = 1): Rule<string> {
  return (v) => {
    if (v === undefined || v === null || v === '') return { error: 'required' };
    if (typeof v !== 'string') return { error: 'invalid' };
    if (v.length > PASSWORD_MAX) return { error: 'tooLong' };
    return [...v].length < min ? { error: 'invalid' } : { value: v };
  };
}

/** Whether a new password may be used; the CLI's wording of the same rule. */
export function passwordProblem(v: string): string | null {
  if ([...v].length < PASSWORD_MIN) return `the password must be at least ${PASSWORD_MIN} characters long`;
  if (v.length > PASSWORD_MAX) return `the password must be at most ${PASSWORD_MAX} characters long`;
  return null;
}
