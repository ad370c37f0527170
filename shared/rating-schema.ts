import { LIMITS } from './limits.ts';
import { email, flag, integer, type Output, text } from './rules.ts';

/** Slugs of employees and rating subjects: lower-case Latin letters, digits and dashes. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * The fields of `POST /api/v1/ratings` and of the rating page's form. `subject` is `employee`
 * (then `employee` names his slug) or a rating subject's slug, e.g. `delivery`.
 * @example validate(ratingSchema, { subject: 'employee', employee: 'ivanov', score: '4' })
 */
export const ratingSchema = {
  subject: text({ max: LIMITS.slugMax, required: true, code: 'subject', clean: (s) => (SLUG.test(s) ? s : null) }),
  employee: text({ max: LIMITS.slugMax, code: 'employee', clean: (s) => (SLUG.test(s) ? s : null) }),
  score: integer(1, 5, 'score'),
  comment: text({ max: LIMITS.commentMax }),
  publish: flag(),
  name: text({ max: LIMITS.nameMax }),
  organization: text({ max: LIMITS.organizationMax }),
  email: email(LIMITS.emailMax),
  page: text({ max: LIMITS.pageMax }),
  idempotencyKey: text({ max: LIMITS.idempotencyKeyMax }),
  website: text({ max: 1000 }),
};

export type Rating = Output<typeof ratingSchema>;
