import { isValidInn } from './inn.ts';
import {
  ALTCHA_MAX,
  EMAIL_MAX,
  IDEMPOTENCY_KEY_MAX,
  MESSAGE_MAX,
  NAME_MAX,
  ORGANIZATION_MAX,
  PAGE_MAX,
} from './limits.ts';
import { missesADigit, normalizePhone } from './phone.ts';
import { accepted, email, oneOf, type Output, text, withFields } from './rules.ts';

export { blankToUndefined, validate, validateAsTyped } from './rules.ts';

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
  message: text({ max: MESSAGE_MAX, required: true, lines: true, tooLong: 'messageTooLong' }),
  name: text({ max: NAME_MAX }),
  organization: text({ max: ORGANIZATION_MAX }),
  inn: text({
    max: 20,
    code: 'inn',
    clean: (s) => {
      const d = s.replace(/\s/g, '');
      return isValidInn(d) ? d : null;
    },
  }),
  phone: text({ max: 30, code: 'phone', clean: normalizePhone }),
  email: email(EMAIL_MAX),
  consent: accepted('consent'),
};

/**
 * The whole post as the server reads it: the fields a person fills (`feedbackFields`, all the
 * widget checks, so its bytes stay in budget) and what the form adds by itself. A pure call, not
 * a spread: the widget drops it whole (a bare spread would stay in its chunk).
 * @example validate(feedbackSchema, { kind: 'thanks', message: 'Спасибо!', consent: true, page: 'https://example.ru/' })
 */
export const feedbackSchema = /* @__PURE__ */ withFields(feedbackFields, {
  phone: text({ max: 30, code: 'phone', clean: (s) => (missesADigit(s) ? null : normalizePhone(s)) }),
  page: text({ max: PAGE_MAX }),
  idempotencyKey: text({ max: IDEMPOTENCY_KEY_MAX }),
  website: text({ max: 1000 }),
  /** The proof of work's solution (server/abuse/); checked before the fields, never stored. */
  altcha: text({ max: ALTCHA_MAX }),
});

export type Feedback = Output<typeof feedbackSchema>;
