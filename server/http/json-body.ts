import type { Context } from 'hono';
import { ApiError } from './api-error.ts';
import { mediaType } from './body-limit.ts';
import { utf8Body } from './utf8-body.ts';
import { visibleTexts } from './visible-texts.ts';

/**
 * The request's JSON object: 415 for a body of another type, 400 for broken JSON, an array or a
 * scalar. With `emptyIsObject` no body at all counts as `{}`: a console action such as «approve»
 * may have nothing to say. A text that shows nothing is blank (visibleTexts).
 * @example const fields = await jsonBody(c, { emptyIsObject: true })
 */
export async function jsonBody(
  c: Context,
  options: { emptyIsObject?: boolean } = {},
): Promise<Record<string, unknown>> {
  // Multipart is the one body the root doesn't bound at FORM_BODY_MAX: never read it whole here.
  if (mediaType(c) === 'multipart/form-data') throw new ApiError(415, 'unsupported_media_type');
  const raw = await utf8Body(c);
  if (options.emptyIsObject && raw.trim() === '') return {};
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError(415, 'unsupported_media_type');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'bad_request');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'bad_request');
  return visibleTexts(body as Record<string, unknown>);
}
