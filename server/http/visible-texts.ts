import { showsNothing, withoutBidiControls } from '../../shared/text-rules.ts';

// What the server reads of every body (JSON, forms, multipart) before its rules: no bidi
// controls, and a text field that shows nothing counts as not given.

/** A password is taken exactly as typed, spaces and all (shared/console-fields.ts passwordField): never blanked. */
const PASSWORDS = new Set(['password', 'current', 'next']);

/**
 * The fields with their texts' bidi controls taken out (withoutBidiControls: a client's name
 * pasted into the console from his letter reversed the lines of every e-mail naming him) and each
 * text that shows nothing (text-rules.ts showsNothing: Hangul fillers, a Braille blank, zero-width
 * characters) made blank, so that a rule requiring it says so: a reason of «\u3164» alone was
 * taken, and the history showed an empty one.
 * @example visibleTexts({ reason: '\u3164', n: 1 }) // { reason: '', n: 1 }
 */
export const visibleTexts = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => {
      if (typeof v !== 'string' || PASSWORDS.has(k)) return [k, v];
      const text = withoutBidiControls(v);
      return [k, showsNothing(text) ? '' : text];
    }),
  );
