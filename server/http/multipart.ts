import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { InspectedFile } from '../submissions/store.ts';
import { ApiError } from './api-error.ts';
import { FORM_BODY_MAX } from './body-limit.ts';
import { interruptible, type ReadBounds, readBounded } from './bounded-read.ts';
import { utf8Text } from './utf8-body.ts';

/** Checks one file as its bytes arrive (the feedback's: feedback/attachments.ts). */
export interface FileCheck {
  /** The file's name as a refusal names it: the client's, cleaned. */
  readonly name: string;
  /** Each chunk in order; throws (a 415) as soon as the content is known to be refused. */
  push(chunk: Uint8Array): Promise<void> | void;
  /** The whole file is at `file`: the name to store it under and its type, or a throw. */
  finish(file: string, size: number): Promise<{ filename: string; mime: string }>;
}

/** What files a request may carry, and where they wait while they arrive. */
export interface UploadRules {
  maxCount: number;
  maxBytes: number;
  check(clientName: string): FileCheck;
  /** This request's folder for files in progress (upload-dir.ts), removed when it ends. */
  folder(): Promise<string>;
  /**
   * A refused file is skipped to the body's end, for the fields after it: a form shown again keeps
   * them (the consent follows the files). Otherwise the refusal is answered at once.
   */
  readPastRefusal?: boolean;
}

/** A refusal met mid-body, with the fields read before it: a form shows them again. */
export class MultipartError extends ApiError {
  constructor(
    cause: ApiError,
    readonly fieldsRead: Record<string, unknown>,
  ) {
    super(cause.status, cause.code, cause.fields, cause.more);
  }
}

const FILE_FIELDS = new Set(['files', 'files[]']);
/** Nameless empty parts (a file input left empty) a form may post besides its files. */
const EMPTY_PARTS = 5;

/**
 * Reads a multipart body as it streams: fields into memory (each at most FORM_BODY_MAX), files
 * straight to disk under `rules.folder()`, each checked as it arrives (count, size while counting,
 * type from its first bytes) and hashed. The first refusal stops the reading, unless the rules read
 * past a refused file. The body as a whole is bounded by `bounds` (bytes, idle and total time).
 * Without `rules` a real file is a 422 naming `files`. A broken body is a 400.
 */
export async function readMultipart(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  bounds: ReadBounds,
  rules?: UploadRules,
): Promise<{ fields: Record<string, unknown>; files: InspectedFile[] }> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers send file names as raw UTF-8 (WHATWG HTML), not RFC 2231's Latin-1 default.
      defParamCharset: 'utf8',
      // A field's bytes as they came, one Latin-1 character each (fieldText decodes them).
      defCharset: 'latin1',
      limits: { fieldSize: FORM_BODY_MAX, fields: 100, files: (rules?.maxCount ?? 0) + EMPTY_PARTS, parts: 200 },
    });
  } catch {
    throw new ApiError(400, 'bad_request');
  }
  const fields = new Map<string, string[]>();
  let fieldBytes = 0;
  const stored: Array<InspectedFile | undefined> = [];
  const tasks: Promise<void>[] = [];
  let failure: ApiError | undefined;
  let refusedFile: ApiError | undefined;
  const refuseFile = (err: ApiError) => {
    if (!rules?.readPastRefusal) return fail(err);
    refusedFile = refusedFile ? refusedFile.alsoNaming(err) : err;
  };
  const stop = new AbortController();
  const fail = (err: unknown) => {
    if (failure) return;
    failure = err instanceof ApiError ? err : new ApiError(400, 'bad_request');
    stop.abort(failure);
    parser.destroy();
  };
  let counted = 0;
  const countFile = () => {
    if (++counted > (rules?.maxCount ?? 0))
      throw rules ? new ApiError(422, 'validation', { files: 'filesCount' }) : notTaken();
  };

  parser.on('field', (name, value, info) => {
    // The fields together are what a JSON body would be: FORM_BODY_MAX at most, files apart.
    fieldBytes += value.length + Buffer.byteLength(name);
    if (info.valueTruncated || info.nameTruncated || fieldBytes > FORM_BODY_MAX)
      return fail(new ApiError(413, 'too_large'));
    try {
      fields.set(name, [...(fields.get(name) ?? []), fieldText(value)]);
    } catch (err) {
      fail(err);
    }
  });
  parser.on('file', (name, stream, info) => {
    // Destroyed with the parser when the request is refused; the refusal is already known.
    stream.on('error', () => {});
    if (refusedFile) return void stream.resume();
    const slot = stored.push(undefined) - 1;
    const task = takeFile(name, stream, info.filename ?? '', rules, countFile, refuseFile).then((file) => {
      stored[slot] = file;
    });
    tasks.push(
      task.catch((err) => {
        if (!(err instanceof ApiError) || err.status === 400) return fail(err);
        refuseFile(err);
        stream.resume();
      }),
    );
  });
  parser.on('filesLimit', () => refuseFile(new ApiError(422, 'validation', { files: 'filesCount' })));
  parser.on('fieldsLimit', () => fail(new ApiError(413, 'too_large')));
  parser.on('partsLimit', () => fail(new ApiError(413, 'too_large')));
  parser.on('error', () => fail(new ApiError(400, 'bad_request')));
  const closed = new Promise((resolve) => parser.on('close', resolve));

  try {
    await readBounded(body, { ...bounds, signal: stop.signal }, (chunk) => write(parser, chunk));
    parser.end();
    await interruptible(closed, stop.signal);
    await interruptible(Promise.all(tasks), stop.signal);
    if (failure) throw failure;
    if (refusedFile) throw refusedFile;
  } catch (err) {
    fail(err);
    // Every file's stream closed before the folder is removed (upload-dir.ts).
    await Promise.allSettled(tasks);
    throw new MultipartError(refusedFile ?? failure!, collapse(fields));
  }
  return { fields: collapse(fields), files: stored.filter((f): f is InspectedFile => f !== undefined) };
}

/**
 * A field's text. A part without a charset of its own (all that browsers, `fetch` and curl send)
 * comes as its bytes, one Latin-1 character each, and must be UTF-8: bytes that are not are a 400,
 * as in a JSON or URL-encoded body, not U+FFFD stored in their place. A part that names a charset
 * comes decoded by it, which a character above U+00FF shows; it is taken as it is.
 * @example fieldText('\xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0') // 'Анна'
 */
const fieldText = (value: string): string =>
  /[^\0-\xff]/.test(value) ? value : utf8Text(Buffer.from(value, 'latin1'));

const notTaken = () => new ApiError(422, 'validation', { files: 'invalid' });

/** One value as itself, a repeated name (checkboxes) as its list, as a form's fields arrive. */
const collapse = (fields: Map<string, string[]>): Record<string, unknown> =>
  Object.fromEntries([...fields].map(([k, v]) => [k, v.length === 1 ? v[0] : v]));

const write = (parser: busboy.Busboy, chunk: Uint8Array) =>
  new Promise<void>((resolve, reject) => parser.write(chunk, (err) => (err ? reject(err) : resolve())));

/** One file part to disk, checked as it comes; undefined for an empty file input. */
async function takeFile(
  field: string,
  stream: Readable,
  clientName: string,
  rules: UploadRules | undefined,
  countFile: () => void,
  refuse: (err: ApiError) => void,
): Promise<InspectedFile | undefined> {
  if (!FILE_FIELDS.has(field)) throw new ApiError(422, 'validation', { [field]: 'invalid' });
  // A file input left empty still posts a nameless, empty part: it is not an attachment.
  let counted = clientName !== '';
  if (counted) countFile();
  if (!rules) {
    await eachChunk(stream, refuse, () => {
      if (!counted) countFile();
    });
    return undefined;
  }
  const file = path.join(await rules.folder(), `${randomUUID()}.part`);
  const out = createWriteStream(file);
  const check = rules.check(clientName);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await eachChunk(stream, refuse, async (chunk) => {
      if (!counted) {
        counted = true;
        countFile();
      }
      size += chunk.byteLength;
      if (size > rules.maxBytes)
        throw new ApiError(413, 'too_large', { files: 'fileSize' }, { named: { files: check.name } });
      hash.update(chunk);
      await check.push(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    });
    out.end();
    await once(out, 'close');
  } catch (err) {
    out.destroy();
    throw err;
  }
  if (!counted) return undefined;
  const { filename, mime } = await check.finish(file, size);
  return { filename, mime, size, sha256: hash.digest('hex'), path: file };
}

/**
 * Gives a file's chunks to `take` until it refuses the file (an ApiError, told to `refuse` at once:
 * the body's bound may end the reading first); the rest of the file is read and dropped, since a
 * part left unread stalls the parser (busboy) before the fields after it.
 */
async function eachChunk(
  stream: Readable,
  refuse: (err: ApiError) => void,
  take: (chunk: Buffer) => Promise<void> | void,
): Promise<void> {
  let refusal: ApiError | undefined;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (refusal) continue;
    try {
      await take(chunk);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      refusal = err;
      refuse(err);
    }
  }
  if (refusal) throw refusal;
}
