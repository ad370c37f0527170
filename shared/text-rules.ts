// What no text field takes, whichever form or API it comes through: NUL and the other C0 control
// characters and DEL, and half of a UTF-16 surrogate pair. PostgreSQL refuses NUL in text (a 500
// on the CI database), SQLite stores it and an address `a\0@b.ru` reaches `a@b.ru`; the others
// are never typed, only pasted or forged, and a lone surrogate (JSON's "\ud800") is no character
// at all: it can't be written as UTF-8 to a page or an e-mail.

/**
 * C0 controls, DEL, C1 controls (U+0085 NEL among them), the Unicode line and paragraph separators,
 * the noncharacters U+FFFE and U+FFFF (which XML, so an XLSX export, can't hold), and lone
 * surrogates (`\p{Cs}` in a `u` pattern matches only an unpaired half). A mail program
 * may break a line at NEL or U+2028: a name holding one showed a forged «E-mail:» line in the QMS
 * notification's text.
 */
const ONE_LINE = /[\0-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]|\p{Cs}/u;
/** The same but tab, line feed and carriage return: the text of a multi-line field. */
const LINES = /[\0-\x08\v\f\x0e-\x1f\x7f\ufffe\uffff]|\p{Cs}/u;

/**
 * Whether a text holds a character no field takes; `lines` allows tab and line breaks, which are
 * text in a multi-line field (a message, a comment) and not in a name or an address.
 * @example hasControls('a\u0000@b.ru') // true
 * @example hasControls('Строка 1\nСтрока 2', true) // false
 */
export const hasControls = (s: string, lines?: boolean): boolean => (lines ? LINES : ONE_LINE).test(s);

/**
 * What shows nothing on a page: format characters (zero-width spaces, direction marks), combining
 * marks, spaces, line breaks and separators (NEL too), and the blank fillers trim leaves (Hangul
 * fillers, the Braille blank). Not the other controls: a field of them is refused as «служебные
 * символы», as before.
 */
const INVISIBLE = /[\p{Cf}\p{M}\p{Z}\s\u0085\u115f\u1160\u2800\u3164\uffa0]/gu;

/**
 * Whether a text shows nothing at all: a required reason of «\u3164» alone was taken, and the
 * history showed an empty one. Such a text counts as blank.
 * @example showsNothing('\u3164\u2800') // true
 * @example showsNothing('Клиент вернулся') // false
 */
export const showsNothing = (s: string): boolean => s.replace(INVISIBLE, '') === '';

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the direction marks
 * (U+200E, U+200F, U+061C) taken out: in a name or
 * an e-mail's subject they reorder what the QMS reads («Trojan Source»), and one left open
 * reverses the rest of the line it is shown in; no name, phone or message needs them. The public
 * intake and the console's fields (a client's name pasted from his letter) both take them out.
 * @example withoutBidiControls('Bob \u202eevil') // 'Bob evil'
 */
export const withoutBidiControls = (text: string): string =>
  text.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '');
