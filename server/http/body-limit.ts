import type { Context, MiddlewareHandler } from 'hono';
import { FILES_MAX } from '../../shared/limits.ts';
import { countRefusal, type RefusalDeps } from '../refusals.ts';
import type { Config } from '../env.ts';
import { ApiError } from './api-error.ts';
import { type ReadBounds, readBounded } from './bounded-read.ts';
import { keepBody, keptBody, requestBody } from './node-body.ts';

/** A sign-in or a console user's fields. */
export const SMALL_BODY = 16 * 1024;
/** A rating, a console change or a comment: texts of a few thousand characters at most. */
export const FORM_BODY = 64 * 1024;
/**
 * The most any JSON or url-encoded body may be, whatever the endpoint: the largest payload, a
 * feedback message, is 5,000 characters (30 KB even as JSON's `\uXXXX` escapes) and a few short
 * fields, so 1 MB is room to spare and nothing a parser in memory should ever meet.
 */
export const FORM_BODY_MAX = 1024 * 1024;
/**
 * The whole of a body takes at most this long: five files of 10 MB at 2.5 Mbit/s, a slow mobile
 * upload. A client trickling a byte at a time holds a connection no longer (issue 14: Node's 300 s).
 */
export const BODY_TOTAL_MS = 180_000;

/**
 * An upload with files may take longer than BODY_TOTAL_MS while it arrives at this average at
 * least: 16 KB/s (128 kbit/s, a poor mobile connection). Five photos of 4 MB took a phone at
 * 400 kbit/s seven minutes and were cut at three with 408, whatever it sent again.
 */
export const UPLOAD_MIN_BYTES_PER_S = 16 * 1024;

/** A multipart body holds every allowed file plus the fields and the framing. */
export const multipartMax = (config: Pick<Config, 'maxFileBytes'>) => FILES_MAX * config.maxFileBytes + FORM_BODY_MAX;

/** The longest a body may take to arrive, the slowest allowed upload of the largest one (server-timeouts.ts). */
export const longestBodyMs = (config: Pick<Config, 'maxFileBytes'>) =>
  Math.max(BODY_TOTAL_MS, Math.ceil((multipartMax(config) / UPLOAD_MIN_BYTES_PER_S) * 1000));

/** Pages whose post is shown again with what was read when refused (hosted/routes.ts: `/f`). */
const FORM_PAGES = new Set(['/f']);

/** What reading a multipart body is bounded by (http/multipart.ts reads it as a stream). */
export const multipartBounds = (config: Pick<Config, 'maxFileBytes' | 'bodyIdleMs'>): ReadBounds => ({
  maxBytes: multipartMax(config),
  idleMs: config.bodyIdleMs,
  totalMs: BODY_TOTAL_MS,
  minBytesPerS: UPLOAD_MIN_BYTES_PER_S,
});

/** What reading a form's body is bounded by, multipart without files included. */
export const formBounds = (config: Pick<Config, 'bodyIdleMs'>): ReadBounds => ({
  maxBytes: FORM_BODY_MAX,
  idleMs: config.bodyIdleMs,
  totalMs: BODY_TOTAL_MS,
});

export const mediaType = (c: Context) => (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The root's body limit, on every route (issue 14): a body whose Content-Length is over the limit
 * is refused at once (but the hosted form's, which its reader bounds, keeping the fields before
 * the bound); any other non-multipart body is read, a chunk at a time, up to FORM_BODY_MAX and
 * refused with 413 at the first byte over, before any parser sees it, and with 408 when the
 * client stalls. Multipart is left to the streaming reader (multipart.ts), which bounds each file.
 * Every 413, here or from a route, is counted as a `too_large` refusal.
 * @example app.use('*', limitBodies({ db, clock, config }))
 */
export function limitBodies(
  deps: RefusalDeps & {
    config: Pick<Config, 'maxFileBytes' | 'bodyIdleMs'>;
  },
): MiddlewareHandler {
  // What the client still sends after the answer, @hono/node-server discards (at most 64 MB or 0.5 s, then it closes).
  const refused = async (status: number) => {
    if (status === 413) await countRefusal(deps, 'too_large');
  };
  return async function limitBodiesMiddleware(c, next) {
    // Never `c.req.raw.body` here: under Node that starts an unbounded read-ahead (node-body.ts).
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const multipart = mediaType(c) === 'multipart/form-data';
    try {
      const max = multipart ? multipartMax(deps.config) : FORM_BODY_MAX;
      // The hosted form's post over its bound is refused by its reader at the first byte over, with
      // the fields read before it: the page shown again keeps the message typed above a huge file.
      const keepsFields = multipart && c.req.method === 'POST' && FORM_PAGES.has(c.req.path);
      if (Number(c.req.header('content-length')) > max && !keepsFields) throw new ApiError(413, 'too_large');
      if (!multipart) await bufferBody(c, formBounds(deps.config));
    } catch (err) {
      if (err instanceof ApiError) await refused(err.status);
      throw err;
    }
    await next();
    await refused(c.res.status);
  };
}

/**
 * Reads the body into memory within `bounds`, pulled from the socket a chunk at a time, and keeps
 * it for Hono's body readers (node-body.ts): a new Request around the bytes cost more than the
 * rest of a refused submission's answer (issue 12 «Speed»).
 */
async function bufferBody(c: Context, bounds: ReadBounds): Promise<void> {
  const read = keptBody(c);
  if (read) {
    // Buffered by the root already: a route's own limit is checked against what was read.
    if ((await read).byteLength > bounds.maxBytes) throw new ApiError(413, 'too_large');
    return;
  }
  const body = requestBody(c);
  if (!body) return;
  const parts: Uint8Array[] = [];
  await readBounded(body, bounds, (chunk) => parts.push(chunk));
  keepBody(c, Buffer.concat(parts));
}

/**
 * A route's own limit under the root's: a body larger than `maxSize` bytes is a 413, by its
 * Content-Length at once or at the first byte over, multipart included (not Hono's bodyLimit,
 * whose stream under Node reads far ahead of it). The idle limit is BODY_IDLE_SECONDS' default:
 * every non-multipart body already had the configured one at the root.
 * @example app.post('/', limitBody(FORM_BODY), handler)
 */
export const limitBody =
  (maxSize: number): MiddlewareHandler =>
  async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (Number(c.req.header('content-length')) > maxSize) throw new ApiError(413, 'too_large');
    await bufferBody(c, { maxBytes: maxSize, idleMs: 10_000, totalMs: BODY_TOTAL_MS });
    return next();
  };
