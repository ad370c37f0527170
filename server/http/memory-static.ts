import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

interface Variant {
  body: Uint8Array;
  etag: string;
  /** Its answer's headers, 200 and 304 (no Content-Length), made once. */
  answer?: { ok: Readonly<Record<string, string>>; notModified: Readonly<Record<string, string>> };
}

interface MemoryFile {
  type: string;
  lastModified: string;
  identity: Variant;
  br?: Variant;
  gzip?: Variant;
}

const variant = (body: Uint8Array): Variant => ({
  body,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
});

/** Every file under `dir` with its precompressed `.br`/`.gz` twins, by its URL path («/w/feedback.js»). */
function loadDir(dir: string): Map<string, MemoryFile> {
  const files = new Map<string, MemoryFile>();
  if (!fs.existsSync(dir)) return files;
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    if (/\.(br|gz)$/.test(name) || !fs.statSync(full).isFile()) continue;
    const twin = (ext: string) => (fs.existsSync(full + ext) ? variant(fs.readFileSync(full + ext)) : undefined);
    files.set(`/${name.split(path.sep).join('/')}`, {
      type: getMimeType(name) ?? 'application/octet-stream',
      lastModified: fs.statSync(full).mtime.toUTCString(),
      identity: variant(fs.readFileSync(full)),
      br: twin('.br'),
      gzip: twin('.gz'),
    });
  }
  return files;
}

function answerHeaders(
  file: MemoryFile,
  chosen: Variant,
  encoding: string | undefined,
  own: Record<string, string> | undefined,
): NonNullable<Variant['answer']> {
  const headers: Record<string, string> = { ...own, 'Content-Type': file.type };
  if (encoding) headers['Content-Encoding'] = encoding;
  // Every answer of a file that has twins was chosen by Accept-Encoding, the plain one too.
  if (file.br || file.gzip) headers.Vary = 'Accept-Encoding';
  headers['Last-Modified'] = file.lastModified;
  headers.ETag = chosen.etag;
  return { notModified: headers, ok: { ...headers, 'Content-Length': String(chosen.body.length) } };
}

/** Whether `If-None-Match` names this ETag (RFC 9110 §13.1.2: weak comparison, or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * A file's answer: its status, body (null for a 304 or a HEAD) and every header of its own, the
 * same object for every answer of the file (read, not changed).
 */
export interface FileAnswer {
  status: 200 | 304;
  body: Uint8Array<ArrayBuffer> | null;
  headers: Readonly<Record<string, string>>;
}

export interface MemoryStaticOptions {
  path?: string;
  /**
   * Headers of a found file's answer (200 and 304), set with it: a header set by a middleware
   * after the answer is made makes Hono copy the answer into a stream, which cost more than
   * serving the file (issue 12 «Speed»).
   */
  headers?: (path: string) => Record<string, string>;
}

/**
 * A built folder held in memory: read once, on the first request (a build never changes under a
 * running server: `npm start` builds before it starts), each file with its brotli and gzip twins
 * and an ETag. `answer` gives a request's answer as plain values, or null for what it does not
 * hold (a Range request, a file added since).
 */
export function memoryFiles(dir: string, options: MemoryStaticOptions = {}) {
  let files: Map<string, MemoryFile> | undefined;
  return {
    answer(c: Context): FileAnswer | null {
      if (c.req.header('range')) return null;
      files ??= loadDir(dir);
      const file = files.get(options.path ?? c.req.path);
      if (!file) return null;
      // The order serveStatic chooses in; the build makes no zstd twin.
      const accepted = c.req
        .header('accept-encoding')
        ?.split(',')
        .map((e) => e.trim());
      const encoding =
        accepted?.includes('br') && file.br ? 'br' : accepted?.includes('gzip') && file.gzip ? 'gzip' : undefined;
      const chosen = (encoding && file[encoding]) || file.identity;
      // The same for every answer of this variant: made on its first.
      chosen.answer ??= answerHeaders(file, chosen, encoding, options.headers?.(c.req.path));
      if (matches(c.req.header('if-none-match'), chosen.etag))
        return { status: 304, body: null, headers: chosen.answer.notModified };
      const body = c.req.method === 'HEAD' ? null : (chosen.body as Uint8Array<ArrayBuffer>);
      return { status: 200, body, headers: chosen.answer.ok };
    },
  };
}

/** What `memoryFiles` gives: one copy of a folder in memory, for any number of ways in. */
export type MemoryFiles = ReturnType<typeof memoryFiles>;

/**
 * Serves `files` (`memoryFiles`); `serveStatic` read the disk and streamed every answer, and the
 * loader is asked for on every page of the company's site (issue 12 «Speed»). What memory does
 * not hold it leaves to the next handler: `serveStatic`, as before.
 * @example app.get('/w/*', fromMemory(memoryFiles(WIDGET_DIR)), serveStatic({ root: WIDGET_DIR, precompressed: true }))
 */
export function fromMemory(files: MemoryFiles): MiddlewareHandler {
  return async (c, next) => {
    const found = files.answer(c);
    if (!found) return next();
    for (const [name, value] of Object.entries(found.headers)) c.header(name, value, { append: name === 'Vary' });
    return found.body ? c.body(found.body, 200) : c.body(null, found.status);
  };
}
