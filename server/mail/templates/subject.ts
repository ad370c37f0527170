/** Mail clients cut long subjects anyway; a bound keeps one field from swallowing the rest. */
const MAX_SUBJECT = 200;

/**
 * Makes a one-line subject: CR, LF and other control characters become spaces, so user text
 * (an organisation's name) can never start a new header (RFC 5322 header injection); invisible
 * format characters go, so a name's U+202E cannot turn the rest of a subject around in the
 * QMS's mailbox list (a client's «\u202eвонавИ» read «Иванов»).
 */
export function safeSubject(text: string): string {
  const line = text
    .replace(/\p{Cf}+/gu, '')
    .replace(/[\u0000-\u001F\u007F\u0085\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return line.length > MAX_SUBJECT ? `${line.slice(0, MAX_SUBJECT - 1)}…` : line;
}

/** One header value from user text (Reply-To): control characters removed. */
export function headerValue(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F\u0085\u2028\u2029]|\p{Cf}/gu, '').trim();
}
