// What the public API answers: the server builds these, the widgets (and other sites) read them.
// Types only, so the widgets pay no byte for them. The JSON shapes are public: people and checks
// outside this repository read them, so a change here is a change of the API.

import type { FeedbackKind } from './feedback-schema.ts';
import type { ApiErrorCode } from './i18n.ts';

/**
 * The 201 answer of `POST /api/v1/feedback`, and the answer again for a repeated idempotency key.
 * @example { id: '0192…', number: '2026-00042', kind: 'complaint', createdAt: '2026-11-23T10:00:00.000Z', ack: 'Благодарим Вас за обращение…' }
 */
export interface FeedbackAnswer {
  id: string;
  /** The registration number, `YYYY-NNNNN`. */
  number: string;
  kind: FeedbackKind;
  createdAt: string;
  /** The acknowledgement in the request's language, naming the number and the answer's date. */
  ack: string;
  /** When the answer is due: the close of the third working day after the day of receipt. */
  answerBy: string;
  /** That date as the client reads it, in the request's language: «Срок ответа — до 8 декабря 2026 г.» */
  answerByText: string;
  /**
   * What the form shows once it is sent, fitting the kind, in the request's language: a heading,
   * a line of thanks, and what comes next (a complaint: the seed's «Ваша заявка принята!»,
   * «Спасибо за заявку!» and the promise with its date; a thanks: no promise of an answer).
   */
  confirmation: { title: string; thanks: string; next: string };
}

/**
 * The 201 answer of `POST /api/v1/ratings`, and the answer again for a repeated idempotency key.
 * @example { id: '0192…', number: 'О-2026-00043', subject: 'employee', score: 5, createdAt: '…', ack: '…' }
 */
export interface RatingAnswer {
  id: string;
  /** From the ratings' own register: `О-2026-00043`. */
  number: string;
  /** `employee` or the rating subject's slug, as sent. */
  subject: string;
  score: number;
  /** When the rating was first made. */
  createdAt: string;
  ack: string;
  /**
   * True when this send changed the browser's earlier rating of the same employee or subject
   * (made within a day) instead of adding one: `id`, `number` and `createdAt` are that rating's.
   */
  changed?: boolean;
}

/**
 * `GET /api/v1/employees/:slug`: an active employee (404 for one who left or never was).
 * @example { slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер', department: 'ДКС' }
 */
export interface EmployeeAnswer {
  slug: string;
  name: string;
  position: string | null;
  department: string | null;
}

/**
 * `GET /api/v1/subjects/:slug`: an active rating subject (404 otherwise).
 * @example { slug: 'delivery', title: 'Качество доставки' }
 */
export interface SubjectAnswer {
  slug: string;
  title: string;
}

/** One published review of `GET /api/v1/reviews`. */
export interface ReviewAnswer {
  id: string;
  score: number;
  /** The moderated text. */
  comment: string;
  /** «Анна П., ООО «Ромашка»», or «Клиент»: in the request's language, never the full name. */
  author: string;
  /** Who the review is about; null for a rating subject (delivery, …). */
  employee: { slug: string; name: string; position: string | null } | null;
  /** What the review is about when it is no employee: `{ slug: 'delivery', title: 'Качество доставки' }`. */
  subject: { slug: string; title: string } | null;
  publishedAt: string;
}

/** How many published reviews match a filter, and their average score. */
export interface ReviewSummary {
  count: number;
  /** To one decimal; null when there is no review. */
  average: number | null;
}

/**
 * `GET /api/v1/reviews`: a page of published reviews, newest first, and the summary of the same filter.
 * @example { items: [ … ], nextCursor: null, summary: { count: 12, average: 4.7 } }
 */
export interface ReviewsPageAnswer {
  items: ReviewAnswer[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  summary: ReviewSummary;
}

/**
 * Every refusal of the API (4xx, and the 500 of a server error), in the request's language.
 * `fields` is always there, `{}` when no field is at fault.
 * @example { error: { code: 'validation', message: 'Проверьте поля формы', fields: { email: 'Проверьте адрес' } } }
 */
export interface ErrorAnswer {
  error: { code: ApiErrorCode; message: string; fields: Record<string, string> };
}
