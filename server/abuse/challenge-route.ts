import { Hono } from 'hono';
import type { Clock } from '../clock.ts';
import { issueChallenge } from './proof.ts';
import { startedToken } from './started-token.ts';
import type { SubmissionGuard } from './submission-guard.ts';

/**
 * `GET /api/v1/challenge`: a fresh proof-of-work challenge for a form (altcha-lib's
 * `{algorithm, challenge, maxnumber, salt, signature}`) and a `started` token made now, never
 * cached. The token is for a browser that can't solve (no Web Crypto on a plain-http site): its
 * post is taken as one from a page without JavaScript. It answers with CAPTCHA=off too, so a
 * widget works the same against either server.
 */
export function challengeApi(deps: { guard: SubmissionGuard; clock: Clock }) {
  return new Hono().get('/', async (c) => {
    const key = await deps.guard.key();
    const now = deps.clock.now();
    const challenge = await issueChallenge(key, now);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...challenge, started: startedToken(key, now) });
  });
}
