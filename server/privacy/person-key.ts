import { normalizePhone } from '../../shared/phone.ts';

/** Something and a domain around one @, with no space or control character (a NUL failed PostgreSQL's query). */
const ADDRESS = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+$/u;

/** Whom a personal-data request is about: his e-mail (lower case) or his phone (E.164, as stored). */
export type PersonKey = { email: string } | { phone: string };

/**
 * The key of a request from `--email`/`--phone` or the console's query, normalised as the
 * submissions store them (a phone in any format: `8 951 511-35-23` is `+79515113523`); a field
 * error code when it is missing, both are given, or it can't be an e-mail or a phone.
 * @example personKey({ phone: '8 951 511-35-23' }) // { key: { phone: '+79515113523' } }
 */
export function personKey(input: {
  email?: unknown;
  phone?: unknown;
}): { key: PersonKey } | { errors: Record<string, 'required' | 'email' | 'phone' | 'invalid'> } {
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
  const phone = typeof input.phone === 'string' ? input.phone.trim() : '';
  if (email && phone) return { errors: { phone: 'invalid' } };
  if (email) return ADDRESS.test(email) ? { key: { email } } : { errors: { email: 'email' } };
  if (phone) {
    const e164 = normalizePhone(phone);
    return e164 ? { key: { phone: e164 } } : { errors: { phone: 'phone' } };
  }
  return { errors: { email: 'required' } };
}

/**
 * How the audit log names the person: masked, never the address itself, which an erase must not
 * leave behind. No hash beside it: a phone's is undone by trying the million numbers its mask
 * leaves open, in under a second.
 * @example auditedKey({ email: 'galina@example.ru' }) // { key: 'g*****@example.ru' }
 */
export function auditedKey(key: PersonKey): { key: string } {
  return {
    key:
      'email' in key
        ? key.email.replace(/^(.)([^@]*)@/, (_m, first: string, rest: string) => `${first}${'*'.repeat(rest.length)}@`)
        : `${key.phone.slice(0, 2)}${'*'.repeat(Math.max(0, key.phone.length - 6))}${key.phone.slice(-4)}`,
  };
}

/**
 * What was typed into the sign-in's e-mail field for no account, as the audit log keeps it: masked
 * as an address (auditedKey), or whole when it is no address (a password typed into the wrong
 * field must not be left readable in the log, nor as a hash a dictionary undoes).
 * @example auditedTypedEmail('Secret-Passw0rd') // '************'
 */
export function auditedTypedEmail(typed: string): string {
  return ADDRESS.test(typed) ? auditedKey({ email: typed }).key : '*'.repeat(Math.min(typed.length, 12));
}
