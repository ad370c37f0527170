import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { memoryStatic } from './memory-static.ts';

const WIDGET_DIR = fileURLToPath(new URL('../../widget/dist/', import.meta.url));
const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));
const ADMIN_DIR = fileURLToPath(new URL('../../admin/dist/', import.meta.url));

/**
 * The built widget: `/embed.js` and its lazy chunks under `/w/`. Any site may load them
 * (module scripts are fetched with CORS). Hashed chunks never change; the loader and the
 * stable entry names are revalidated after five minutes so an upgrade reaches every site.
 */
export function widgetAssets() {
  const app = new Hono();
  // Only for these files: a middleware on '*' here would reach every route mounted after this app.
  const shareable: MiddlewareHandler = async (c, next) => {
    await next();
    // A 304 (memory-static.ts's ETags) carries the same headers as the 200 it stands for.
    if (c.res.status !== 200 && c.res.status !== 304) return;
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    const hashed = /-[A-Za-z0-9_-]{8,}\.js$/.test(c.req.path);
    c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  };
  app.get(
    '/embed.js',
    shareable,
    memoryStatic(WIDGET_DIR, { path: '/embed.js' }),
    serveStatic({ root: WIDGET_DIR, path: 'embed.js', precompressed: true }),
  );
  const widgets = memoryStatic(WIDGET_DIR);
  app.get('/w/*', shareable, widgets, serveStatic({ root: WIDGET_DIR, precompressed: true }));
  return app;
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
