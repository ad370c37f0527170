import {
  ALTCHA_MAX,
  COMMENT_MAX,
  EMAIL_MAX,
  IDEMPOTENCY_KEY_MAX,
  NAME_MAX,
  ORGANIZATION_MAX,
  PAGE_MAX,
  SLUG_MAX,
} from './limits.ts';
import { email, flag, integer, type Output, type Rule, text } from './rules.ts';

/** Slugs of employees and rating subjects: lower-case Latin letters, digits and dashes. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * Where a rating came from: an e-mail signature's star link, or anything else (the site's widget,
 * a link to the rating page). Only these codes: whatever a client claims, it can only pick one.
 */
export const RATING_CHANNELS = ['site', 'signature'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/**
 * The token a browser keeps for its ratings (the `otklik_rater` cookie, or the widget's
 * localStorage): its second rating of one employee or subject within a day changes the first.
 * Random, 16–64 letters, digits, `-` or `_`, e.g. a UUID.
 */
export const RATER_TOKEN = /^[\w-]{16,64}$/;

/** The channel, when given; absent means `site`. */
const channel: Rule<RatingChannel | undefined> = text({
  max: 16,
  code: 'invalid',
  clean: (s) => ((RATING_CHANNELS as readonly string[]).includes(s) ? s : null),
}) as Rule<RatingChannel | undefined>;

/**
 * The fields of `POST /api/v1/ratings` and of the rating page's form. `subject` is `employee`
 * (then `employee` names his slug) or a rating subject's slug, e.g. `delivery`; `channel` says
 * where the client came from (`signature` when a signature's star link brought him), `raterToken`
 * which browser rates.
 * @example validate(ratingSchema, { subject: 'employee', employee: 'ivanov', score: '4', channel: 'signature' })
 */
export const ratingSchema = {
  subject: text({ max: SLUG_MAX, required: true, code: 'subject', clean: (s) => (SLUG.test(s) ? s : null) }),
  employee: text({ max: SLUG_MAX, code: 'employee', clean: (s) => (SLUG.test(s) ? s : null) }),
  score: integer(1, 5, 'score'),
  comment: text({ max: COMMENT_MAX, lines: true, tooLong: 'commentTooLong' }),
  publish: flag(),
  name: text({ max: NAME_MAX }),
  organization: text({ max: ORGANIZATION_MAX }),
  email: email(EMAIL_MAX),
  page: text({ max: PAGE_MAX }),
  channel,
  raterToken: text({ max: 64, code: 'invalid', clean: (s) => (RATER_TOKEN.test(s) ? s : null) }),
  idempotencyKey: text({ max: IDEMPOTENCY_KEY_MAX }),
  website: text({ max: 1000 }),
  /** The proof of work's solution (server/abuse/); checked before the fields, never stored. */
  altcha: text({ max: ALTCHA_MAX }),
};

export type Rating = Output<typeof ratingSchema>;
