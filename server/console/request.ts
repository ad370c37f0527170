import type { Context } from 'hono';
import type { ConsoleEnv } from '../auth/context.ts';
import { clientIp } from '../http/client-ip.ts';
import { ApiError } from '../http/api-error.ts';
import type { Actor } from './card-changes.ts';

/**
 * A console request's JSON object body. No body counts as `{}` (a POST with nothing to say);
 * anything else that isn't a JSON object is a 400, a body of another type a 415.
 */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const raw = await c.req.text();
  if (raw.trim() === '') return {};
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError(415, 'unsupported_media_type');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'bad_request');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'bad_request');
  return body as Record<string, unknown>;
}

/** Who does this, from where: for the history and the audit log. */
export const actorOf = (c: Context<ConsoleEnv>, trustProxy: boolean): Actor => ({
  user: c.var.user,
  ip: clientIp(c, trustProxy),
});
