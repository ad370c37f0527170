import { Hono } from 'hono';
import type { Clock } from '../clock.ts';
import { issueChallenge } from './proof.ts';
import type { SubmissionGuard } from './submission-guard.ts';

/**
 * `GET /api/v1/challenge`: a fresh proof-of-work challenge for a form (altcha-lib's
 * `{algorithm, challenge, maxnumber, salt, signature}`), never cached. It answers with CAPTCHA=off
 * too, so a widget works the same against either server.
 */
export function challengeApi(deps: { guard: SubmissionGuard; clock: Clock }) {
  return new Hono().get('/', async (c) => {
    const challenge = await issueChallenge(await deps.guard.key(), deps.clock.now());
    c.header('Cache-Control', 'no-store');
    return c.json(challenge);
  });
}
