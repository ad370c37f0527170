import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import { fromMemory, type MemoryFiles, memoryFiles } from './memory-static.ts';

const WIDGET_DIR = fileURLToPath(new URL('../../widget/dist/', import.meta.url));
const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));
const ADMIN_DIR = fileURLToPath(new URL('../../admin/dist/', import.meta.url));

/** The headers of every widget file: any site may load them (module scripts are fetched with CORS). */
const shared = (path: string) => ({
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cache-Control': /-[A-Za-z0-9_-]{8,}\.js$/.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
});

// One copy of the files in memory for both ways in.
const embedFile = memoryFiles(WIDGET_DIR, { path: '/embed.js', headers: shared });
const widgetFiles = memoryFiles(WIDGET_DIR, { headers: shared });

/**
 * The built widget: `/embed.js` and its lazy chunks under `/w/`. Hashed chunks never change; the
 * loader and the stable entry names are revalidated after five minutes so an upgrade reaches every
 * site. Files are answered from memory (memory-static.ts); what memory does not hold (a Range
 * request) serveStatic answers, given the same headers after.
 */
export function widgetAssets() {
  const app = new Hono();
  // Only for these files: a middleware on '*' here would reach every route mounted after this app.
  const shareable: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.res.status !== 200 && c.res.status !== 304) return;
    for (const [name, value] of Object.entries(shared(c.req.path))) c.header(name, value);
  };
  app.get(
    '/embed.js',
    fromMemory(embedFile),
    shareable,
    serveStatic({ root: WIDGET_DIR, path: 'embed.js', precompressed: true }),
  );
  app.get('/w/*', fromMemory(widgetFiles), shareable, serveStatic({ root: WIDGET_DIR, precompressed: true }));
  return app;
}

/**
 * The widget's files answered first, right after the request is observed, with `secure` (the
 * app's secure headers) and none of the root chain after it: its page policy, origin guard and
 * body limits have nothing to do for a file, and the loader is asked for on every page of the
 * company's sites (issue 12 «Speed»: 4,200 → over 8,000 answers a second). A request with a query
 * string (whose control characters refuse-controls.ts must see) or a Range, or for a file memory
 * does not hold, goes on down the whole chain to widgetAssets, as any request.
 */
export function widgetFastPath(secure: MiddlewareHandler) {
  let secureSet: Promise<Record<string, string>> | undefined;
  // A file's headers with the secure ones, by the file's (memory-static.ts gives the same object).
  const merged = new WeakMap<object, Record<string, string>>();
  const fast =
    (files: MemoryFiles): MiddlewareHandler<{ Variables: RequestIdVariables }> =>
    async (c, next) => {
      if (c.req.url.includes('?')) return next();
      const found = files.answer(c);
      if (!found) return next();
      let all = merged.get(found.headers);
      if (!all) {
        secureSet ??= headersAdded(secure);
        // The request id's place is made here, so that each answer's copy keeps the same shape.
        all = { ...(await secureSet), ...found.headers, 'X-Request-Id': '' };
        merged.set(found.headers, all);
      }
      // Every header in one plain object, the request id observeRequests gave it included: the
      // Node adapter then writes them as they are, where a Headers object costs more to build and
      // read than the rest of the answer (issue 12 «Speed»).
      const headers = { ...all };
      headers['X-Request-Id'] = c.get('requestId');
      return new Response(found.body, { status: found.status, headers });
    };
  return new Hono().get('/embed.js', fast(embedFile)).get('/w/*', fast(widgetFiles));
}

/**
 * The headers a middleware adds to an answer, found by asking it for one; for one that adds the
 * same to every answer, such as the app's secure headers (no CSP nonce).
 */
async function headersAdded(mw: MiddlewareHandler): Promise<Record<string, string>> {
  const res = await new Hono()
    .use(mw)
    .get('/', (c) => c.body(null, 204))
    .request('/');
  return Object.fromEntries(res.headers);
}

/** The sample company site, served at /demo/ when DEMO is on. */
export function demoSite() {
  return new Hono().get('/*', serveStatic({ root: DEMO_DIR, rewriteRequestPath: (p) => p.replace(/^\/demo/, '') }));
}

/**
 * The console's single-page app at /admin/: its hashed assets cached for good, and index.html for
 * every other path so that bookmarks and reloads of any screen work.
 */
export function consoleApp() {
  const app = new Hono();
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.get(
    '/assets/*',
    serveStatic({ root: ADMIN_DIR, rewriteRequestPath: (p) => p.replace(/^\/admin/, ''), precompressed: true }),
  );
  app.get(
    '/*',
    async (c, next) => {
      c.header('Cache-Control', 'no-cache');
      await next();
    },
    serveStatic({ root: ADMIN_DIR, path: 'index.html' }),
  );
  return app;
}
