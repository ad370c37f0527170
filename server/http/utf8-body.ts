import type { Context } from 'hono';
import { ApiError } from './api-error.ts';

// Bytes that are not UTF-8 would be stored as U+FFFD, the text garbled for good: refused instead.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text, 400 `bad_request` when it is not valid UTF-8.
 * @example JSON.parse(await utf8Body(c))
 */
export async function utf8Body(c: Context): Promise<string> {
  return utf8Text(await c.req.arrayBuffer());
}

/**
 * Bytes as text, 400 `bad_request` when they are not valid UTF-8.
 * @example utf8Text(Buffer.from('Анна')) // 'Анна'
 */
export function utf8Text(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new ApiError(400, 'bad_request');
  }
}

/**
 * The fields of an `application/x-www-form-urlencoded` body; a repeated name gives a list. A
 * percent-encoded byte sequence that is not UTF-8 (`%FF`) is a 400, as raw bytes are.
 * @example await urlEncodedBody(c) // { score: '4', comment: 'Спасибо' }
 */
export async function urlEncodedBody(c: Context): Promise<Record<string, string | string[]>> {
  const fields: Record<string, string | string[]> = Object.create(null);
  for (const pair of (await utf8Body(c)).split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const [key, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    const name = decodePart(key);
    const text = decodePart(value);
    const had = fields[name];
    fields[name] = had === undefined ? text : Array.isArray(had) ? [...had, text] : [had, text];
  }
  return fields;
}

/** decodeURIComponent refuses percent-encoded bytes that are not UTF-8: exactly the 400 wanted. */
function decodePart(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new ApiError(400, 'bad_request');
  }
}
