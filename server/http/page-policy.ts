import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/**
 * Pages whose styles can't all carry a nonce: the widget's (/f, /r/:slug, the demo site) draws
 * its CSS in `<style>` elements inside its Shadow DOM (inlined into the widget, STYLE.md; a nonce
 * would cost its byte budget), and the signature page (/s/:slug) and the snippet itself
 * (/api/v1/employees/:slug/signature.html, and the console's copy of it) show it as mail programs get it, with inline `style`
 * attributes (they drop `<style>`). There, and only there, styles may be inline; scripts never
 * are, anywhere.
 */
const INLINE_STYLES =
  /^\/(?:f\/?|r\/(?!thanks\/)[^/]+\/?|s\/[^/]+\/?|demo(?:\/.*)?|api\/(?:v1|admin)\/employees\/[^/]+\/signature\.html)$/;

/**
 * The one answer Otklik's own pages may frame: the console's copy of the snippet, which it
 * previews in a sandboxed frame. A frame's `srcdoc` would take the console's policy, which has no
 * inline styles.
 */
const FRAMED_BY_OWN_PAGES = /^\/api\/admin\/employees\/[^/]+\/signature\.html$/;

/**
 * The nonce of this request's `<style>` elements, read by page-layout.ts: made when a page first
 * asks for it, since most answers (files, JSON) never do (issue 12 «Speed»).
 */
export type NonceEnv = { Variables: { cspNonce: () => string } };

/**
 * The Content-Security-Policy of every HTML answer (the console at /admin/, the hosted pages,
 * error pages): scripts only from Otklik's own files, no plugins, no `<base>`, forms posted
 * only to Otklik, and no framing (`frame-ancestors 'none'` and `X-Frame-Options: DENY` for old
 * browsers): the widgets are custom elements, not iframes, and only the signature snippet is
 * framed, by the console's preview (FRAMED_BY_OWN_PAGES: `'self'`, `SAMEORIGIN`). An
 * answer that brings its own policy (an attachment's sandbox) keeps it.
 * @example app.use('*', pagePolicy({ publicUrl: config.publicUrl }))
 */
export function pagePolicy(opts: { publicUrl: string | undefined }): MiddlewareHandler<NonceEnv> {
  const formAction = opts.publicUrl ? `'self' ${new URL(opts.publicUrl).origin}` : "'self'";
  return async (c, next) => {
    let made: string | undefined;
    const nonce = () => (made ??= randomBytes(16).toString('base64'));
    c.set('cspNonce', nonce);
    await next();
    if (!(c.res.headers.get('content-type') ?? '').startsWith('text/html')) return;
    const style = INLINE_STYLES.test(c.req.path) ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce()}'`;
    const framed = FRAMED_BY_OWN_PAGES.test(c.req.path);
    if (!c.res.headers.has('content-security-policy'))
      c.res.headers.set(
        'Content-Security-Policy',
        `default-src 'self'; script-src 'self'; style-src ${style}; img-src 'self' data:; object-src 'none'; ` +
          `base-uri 'none'; form-action ${formAction}; frame-ancestors ${framed ? "'self'" : "'none'"}`,
      );
    c.res.headers.set('X-Frame-Options', framed ? 'SAMEORIGIN' : 'DENY');
  };
}
