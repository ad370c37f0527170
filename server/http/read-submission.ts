import type { Context } from 'hono';
import type { InspectedFile } from '../submissions/store.ts';
import { ApiError } from './api-error.ts';
import { visibleTexts } from './visible-texts.ts';
import { mediaType } from './body-limit.ts';
import type { ReadBounds } from './bounded-read.ts';
import { readMultipart, type UploadRules } from './multipart.ts';
import { urlEncodedBody, utf8Body } from './utf8-body.ts';
import { requestBody } from './node-body.ts';

export interface RawSubmission {
  fields: Record<string, unknown>;
  /** Checked and waiting on disk (multipart.ts) until the request ends. */
  files: InspectedFile[];
}

/**
 * Reads a JSON, multipart or URL-encoded body into fields and files. Multipart streams, bounded
 * by `bounds`, its files taken by `rules` (none without). An unreadable body is a 400, any other
 * content type a 415; JSON and URL-encoded bodies arrive already bounded (body-limit.ts).
 */
export async function readSubmission(c: Context, bounds: ReadBounds, rules?: UploadRules): Promise<RawSubmission> {
  const type = mediaType(c);
  if (type === 'application/json') {
    const text = await utf8Body(c);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'bad_request');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'bad_request');
    const { files: _ignored, ...fields } = body as Record<string, unknown>;
    return { fields: asTyped(fields, false), files: [] };
  }
  if (type === 'multipart/form-data') {
    const body = requestBody(c);
    if (!body) throw new ApiError(400, 'bad_request');
    const read = await readMultipart(body, c.req.header('content-type')!, bounds, rules);
    return { fields: asTyped(read.fields, true), files: read.files };
  }
  if (type === 'application/x-www-form-urlencoded') {
    const body = await urlEncodedBody(c).catch((err) => {
      if (err instanceof ApiError) throw err;
      throw new ApiError(400, 'bad_request');
    });
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      if (key === 'files' || key === 'files[]') continue;
      fields[key] = value;
    }
    return { fields: asTyped(fields, true), files: [] };
  }
  throw new ApiError(415, 'unsupported_media_type');
}

/**
 * The public forms' multi-line fields: the feedback's message, the rating's comment (their rules'
 * `lines`). Read here rather than in the shared text rule, which the widgets carry in their budget.
 */
const MULTI_LINE = new Set(['message', 'comment']);

/**
 * The fields' texts as the client typed them (visibleTexts: without bidi controls); in a form post each line
 * break as one character — a form sends a textarea's breaks as CRLF (HTML's form encoding), while
 * the page's `maxlength` and the widget's JSON count one, so a comment of exactly the limit was
 * refused as too long; and the page breaks and vertical tabs a paste from a PDF or Word brings,
 * which no one can see to remove, as line breaks in a message and spaces in a one-line field (a
 * tab too), where they were refused as «служебные символы»; and a text that shows nothing as blank.
 */
const asTyped = (fields: Record<string, unknown>, formPost: boolean): Record<string, unknown> =>
  visibleTexts(
    Object.fromEntries(
      Object.entries(fields).map(([key, value]) => {
        if (typeof value !== 'string') return [key, value];
        const pasted = MULTI_LINE.has(key) ? value.replace(/[\v\f]/g, '\n') : value.replace(/[\t\v\f]/g, ' ');
        return [key, formPost ? pasted.replace(/\r\n/g, '\n') : pasted];
      }),
    ),
  );
