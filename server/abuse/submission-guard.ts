import { type Logger, logFailure } from '../ops/logger.ts';
import type { Context } from 'hono';
import { feedbackSchema } from '../../shared/feedback-schema.ts';
import { MIN_FILL_MS } from '../../shared/limits.ts';
import { ratingSchema } from '../../shared/rating-schema.ts';
import { validate } from '../../shared/rules.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { clientIp, limitedAs } from '../http/client-ip.ts';
import { requestKey } from '../submissions/idempotent.ts';
import { answerForKey } from '../submissions/store.ts';
import { NO_SCRIPT } from './allowances.ts';
import { countHit, pruneCounters } from './counters.ts';
import { powHmacKey } from './hmac-key.ts';
import { checkProof, pruneSpent, spendProof } from './proof.ts';
import { refuse } from './refuse.ts';
import { readStarted, startedToken } from './started-token.ts';

export type FormKind = keyof typeof MIN_FILL_MS;

export interface GuardDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** The server's log; none in tests (stderr). */
  logger?: Logger | undefined;
}

/** What every public post goes through before its fields are looked at (createGuard). */
export interface SubmissionGuard {
  /** The key challenges and `started` tokens are signed with. */
  key(): Promise<string>;
  /**
   * A `started` token for a server-rendered form: the one posted with it when that is ours and
   * still valid (the page shown again after an error keeps the time the client began), else one
   * made now.
   */
  started(posted?: unknown): Promise<string>;
  /**
   * A public post's proof that a person sends it: a valid, unexpired, unused proof of work in
   * `altcha`, or else a `started` token under a stricter per-IP limit (NO_SCRIPT): a hosted page
   * without JavaScript carries its page's, a widget that can't solve (no Web Crypto on a plain-http
   * site) its challenge's; and not sooner than the form's minimum fill time after either. Throws
   * the 403 or 429 the client sees, counted by reason. CAPTCHA=off skips it.
   */
  check(
    c: Context,
    fields: Record<string, unknown>,
    form: FormKind,
    files?: ReadonlyArray<{ sha256: string }>,
  ): Promise<void>;
}

const PRUNE_EVERY_MS = 10 * 60_000;
const SCHEMAS = { feedback: feedbackSchema, rating: ratingSchema };

/** @example const guard = createGuard({ db, clock, config }) */
export function createGuard(deps: GuardDeps): SubmissionGuard {
  let hmacKey: Promise<string> | undefined;
  let prunedAt = 0;
  const getKey = () => {
    hmacKey ??= powHmacKey(deps.db, deps.clock, deps.config.altchaHmacKey).catch((err) => {
      hmacKey = undefined; // a database that failed once may answer the next time
      throw err;
    });
    return hmacKey;
  };

  // Spent solutions and old counters are dropped now and then by whichever instance is busy.
  const prune = async (now: Date) => {
    if (now.getTime() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now.getTime();
    await pruneSpent(deps.db, now);
    await pruneCounters(deps.db, deps.clock);
  };

  // A widget whose answer was lost on the network sends the same post again: same idempotency
  // key, same solution. It gets the first answer (the intake replays it), not a 403; nothing new
  // can be stored through a key that already has its submission.
  const isRetry = async (
    c: Context,
    fields: Record<string, unknown>,
    form: FormKind,
    files: ReadonlyArray<{ sha256: string }>,
  ) => {
    const idempotencyKey = requestKey(
      form,
      c.req.header('idempotency-key'),
      typeof fields.idempotencyKey === 'string' ? fields.idempotencyKey.trim() : undefined,
      fields,
      files,
    );
    return Boolean(idempotencyKey && (await answerForKey(deps.db, idempotencyKey)));
  };

  /** When the form was given to the client, by its proof of work or its `started` token. */
  const issuedAt = async (c: Context, fields: Record<string, unknown>, now: Date) => {
    const key = await getKey();
    if (typeof fields.altcha === 'string' && fields.altcha.trim()) {
      const proof = await checkProof(key, now, fields.altcha.trim());
      if (!proof.ok) return refuse(c, deps, proof.reason, 403, 'pow_failed');
      return { at: proof.issuedAt, spend: proof };
    }
    const started = readStarted(key, fields.started, now);
    if (started === null) return refuse(c, deps, 'pow_missing', 403, 'pow_failed');
    return { at: started, spend: null };
  };

  /** A post without JavaScript (no proof of work) is one of the few an address may send an hour. */
  const countNoScript = async (c: Context) => {
    const ip = clientIp(c, deps.config.trustProxy);
    if (deps.config.rateLimit <= 0 || !ip) return;
    const hit = await countHit(deps.db, deps.clock, `noscript:${limitedAs(ip)}`, NO_SCRIPT);
    if (!hit.allowed) await refuse(c, deps, 'rate_ip', 429, 'rate_limited', hit.retryAfterS);
  };

  return {
    key: getKey,
    started: async (posted) => {
      const key = await getKey();
      const now = deps.clock.now();
      return readStarted(key, posted, now) === null ? startedToken(key, now) : (posted as string);
    },
    async check(c, fields, form, files = []) {
      if (!deps.config.captcha) return;
      // Fields first: a post the client must correct keeps its solution for the corrected send.
      const parsed = validate(SCHEMAS[form], fields);
      if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
      const now = deps.clock.now();
      const given = await issuedAt(c, fields, now);
      if (now.getTime() - given.at < MIN_FILL_MS[form]) await refuse(c, deps, 'too_fast', 403, 'too_fast');
      // Without JavaScript: counted once the form passed its time, so «too fast» costs none of his posts.
      if (!given.spend) return countNoScript(c);
      if (
        !(await spendProof(deps.db, given.spend.signature, given.spend.expiresAt)) &&
        !(await isRetry(c, fields, form, files))
      )
        await refuse(c, deps, 'pow_reused', 403, 'pow_failed');
      await prune(now).catch((err) => logFailure(deps.logger, 'abuse', err, 'pruning failed'));
    },
  };
}

/** What a public intake route gets besides the intake's own deps. */
export interface Guarded {
  guard: SubmissionGuard;
}
