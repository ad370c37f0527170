import type { Context } from 'hono';
import { ApiError } from '../http/api-error.ts';

/** The request's JSON object; 400 for anything else (a form post, an array, broken JSON). */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json'))
    throw new ApiError(415, 'unsupported_media_type');
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'bad_request');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'bad_request');
  return body as Record<string, unknown>;
}
