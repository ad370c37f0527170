import { isValidInn } from './inn.ts';
import { LIMITS } from './limits.ts';
import { normalizePhone } from './phone.ts';
import { accepted, email, oneOf, type Output, text } from './rules.ts';

export { blankToUndefined, validate } from './rules.ts';

/** Kinds of a feedback message, in the form's order. */
export const FEEDBACK_KINDS = ['thanks', 'complaint', 'suggestion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/**
 * The fields of `POST /api/v1/feedback` (files excepted: the server checks them by content).
 * Errors are codes of FIELD_ERRORS, translated by whoever shows them.
 * @example validate(feedbackSchema, { kind: 'thanks', message: 'Спасибо!', consent: true })
 */
export const feedbackFields = {
  kind: oneOf(FEEDBACK_KINDS, 'kind'),
  message: text({ max: LIMITS.messageMax, required: true, lines: true }),
  name: text({ max: LIMITS.nameMax }),
  organization: text({ max: LIMITS.organizationMax }),
  inn: text({
    max: 20,
    code: 'inn',
    clean: (s) => {
      const d = s.replace(/\s/g, '');
      return isValidInn(d) ? d : null;
    },
  }),
  phone: text({ max: 30, code: 'phone', clean: normalizePhone }),
  email: email(LIMITS.emailMax),
  consent: accepted('consent'),
};

/**
 * The whole post as the server reads it: the fields a person fills (`feedbackFields`, all the
 * widget checks, so its bytes stay in budget) and what the form adds by itself.
 * @example validate(feedbackSchema, { kind: 'thanks', message: 'Спасибо!', consent: true, page: 'https://example.ru/' })
 */
export const feedbackSchema = {
  ...feedbackFields,
  page: text({ max: LIMITS.pageMax }),
  idempotencyKey: text({ max: LIMITS.idempotencyKeyMax }),
  website: text({ max: 1000 }),
  /** The proof of work's solution (server/abuse/); checked before the fields, never stored. */
  altcha: text({ max: LIMITS.altchaMax }),
};

export type Feedback = Output<typeof feedbackSchema>;
