import type { MiddlewareHandler } from 'hono';

/**
 * The console's answers hold clients' personal data: no browser or proxy cache keeps them, so a
 * shared computer holds nothing of them after sign-out; nor of the sign-in's and `/me`'s (the
 * user and his CSRF token). An answer that says its own caching (a download) keeps it.
 */
export const privateAnswers = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'private, no-store');
};
