import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

interface Variant {
  body: Uint8Array;
  etag: string;
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

/** Whether `If-None-Match` names this ETag (RFC 9110 §13.1.2: weak comparison, or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * A built folder served from memory: read once, on the first request (a build never changes under
 * a running server: `npm start` builds before it starts), each file with its brotli and gzip twins
 * and an ETag. `serveStatic` read the disk and streamed every answer; the loader is asked for on
 * every page of the company's site (issue 12 «Speed»). What it does not hold (a Range request, a
 * file added since), it leaves to the next handler: `serveStatic`, as before.
 * @example app.get('/w/*', memoryStatic(WIDGET_DIR), serveStatic({ root: WIDGET_DIR, precompressed: true }))
 */
export function memoryStatic(
  dir: string,
  options: {
    path?: string;
    /**
     * Headers of a found file's answer (200 and 304), set with it: a header set by a middleware
     * after the answer is made makes Hono copy the answer into a stream, which cost more than
     * serving the file (issue 12 «Speed»).
     */
    headers?: (path: string) => Record<string, string>;
  } = {},
): MiddlewareHandler {
  let files: Map<string, MemoryFile> | undefined;
  return async (c, next) => {
    if (c.req.header('range')) return next();
    files ??= loadDir(dir);
    const file = files.get(options.path ?? c.req.path);
    if (!file) return next();
    // The order serveStatic chooses in; the build makes no zstd twin.
    const accepted = new Set(
      c.req
        .header('accept-encoding')
        ?.split(',')
        .map((e) => e.trim()),
    );
    const encoding = accepted.has('br') && file.br ? 'br' : accepted.has('gzip') && file.gzip ? 'gzip' : undefined;
    const chosen = (encoding && file[encoding]) || file.identity;
    for (const [name, value] of Object.entries(options.headers?.(c.req.path) ?? {})) c.header(name, value);
    c.header('Content-Type', file.type);
    if (encoding) c.header('Content-Encoding', encoding);
    // Every answer of a file that has twins was chosen by Accept-Encoding, the plain one too.
    if (file.br || file.gzip) c.header('Vary', 'Accept-Encoding', { append: true });
    c.header('Last-Modified', file.lastModified);
    c.header('ETag', chosen.etag);
    if (matches(c.req.header('if-none-match'), chosen.etag)) return c.body(null, 304);
    c.header('Content-Length', String(chosen.body.length));
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(chosen.body as Uint8Array<ArrayBuffer>, 200);
  };
}
