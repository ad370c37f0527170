import { createChallenge, verifySolution } from 'altcha-lib';
import { API_ERRORS } from '../../shared/i18n.ts';
import { json } from './responses.ts';

/** The key the widgets' tests sign challenges with, as the server does with its own. */
const HMAC_KEY = 'the widgets tests own key';

/**
 * `GET api/v1/challenge`'s answer, made by altcha-lib as the server makes it; small by default
 * (the server's is 20,000), so a test solves it in milliseconds. Its `started` token is a stand-in
 * the tests recognise (`STARTED`), not signed: only the server reads it.
 * @example stubbed.challenge = () => challengeAnswer({ number: 7 })
 */
export async function challengeAnswer(options: { maxnumber?: number; number?: number } = {}) {
  return json(200, {
    ...(await createChallenge({ hmacKey: HMAC_KEY, maxnumber: 1000, ...options })),
    started: STARTED,
  });
}

/** The `started` token of every stubbed challenge. */
export const STARTED = '1796461200000.test-started-token';

/**
 * Whether a post's `altcha` field is a solution the server would take: signed with its key and
 * solved (altcha-lib's own check, the server's).
 * @example expect(await isSolved(body.altcha)).toBe(true)
 */
export const isSolved = (altcha: unknown) => typeof altcha === 'string' && verifySolution(altcha, HMAC_KEY, false);

/** The challenge a post's `altcha` field answers, to tell two proofs apart. */
export const challengeOf = (altcha: string) => (JSON.parse(atob(altcha)) as { challenge: string }).challenge;

/** The server's 403 for a post whose proof it did not take (missing, expired, used). */
export const powFailed = () =>
  json(403, { error: { code: 'pow_failed', message: API_ERRORS.ru.pow_failed, fields: {} } });
