import type { Context } from 'hono';
import { ApiError } from './api-error.ts';
import { urlEncodedBody, utf8Body } from './utf8-body.ts';

export interface RawSubmission {
  fields: Record<string, unknown>;
  files: File[];
}

/** A file input left empty still posts a nameless, empty part: it is not an attachment. */
const isRealFile = (v: unknown): v is File => v instanceof File && !(v.size === 0 && v.name === '');

/**
 * Reads a JSON, multipart or URL-encoded body into fields and files. An unreadable body is a
 * 400, any other content type a 415.
 */
export async function readSubmission(c: Context): Promise<RawSubmission> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
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
    return { fields, files: [] };
  }
  if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
    const form = type === 'multipart/form-data' ? c.req.parseBody({ all: true }) : urlEncodedBody(c);
    const body = await form.catch((err) => {
      if (err instanceof ApiError) throw err;
      throw new ApiError(400, 'bad_request');
    });
    const fields: Record<string, unknown> = {};
    let files: File[] = [];
    for (const [key, value] of Object.entries(body)) {
      const values = Array.isArray(value) ? value : [value];
      if (key === 'files' || key === 'files[]') files = files.concat(values.filter(isRealFile));
      else if (values.some((v) => v instanceof File)) throw new ApiError(422, 'validation', { [key]: 'invalid' });
      else fields[key] = values.length === 1 ? values[0] : values;
    }
    return { fields, files };
  }
  throw new ApiError(415, 'unsupported_media_type');
}
