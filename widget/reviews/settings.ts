import { type Lang, pickLang } from '../../shared/lang.ts';
import { accentOf } from '../shared/accent.ts';
import type { REVIEW_TEXTS } from '../../shared/review-texts.ts';

/** The reviews widget's texts in one language. */
export type ReviewTexts = (typeof REVIEW_TEXTS)[Lang];

/** What `<otklik-reviews>`'s attributes configure. */
export interface ReviewsSettings {
  base: string;
  lang: Lang;
  /** `accent` attribute if it is a colour (accentOf), else '' and the CSS reads `--otklik-accent`. */
  accent: string;
  /** The employee's slug, or '' for everyone's reviews. */
  employee: string;
  /** Without `employee`: a rating subject's slug (`delivery`), `employee` for every employee's, or '' for all. */
  subject: string;
  /** How many reviews to show: 1–50, 5 unless said. */
  limit: number;
  /** Whether to show the heading; `header="none"` when the page around has one. */
  header: boolean;
}

/**
 * Reads `<otklik-reviews>`'s attributes.
 * @example readReviewsSettings(el, 'https://feedback.example.ru/') // { employee: 'ivanov', limit: 5, lang: 'ru', … }
 */
export function readReviewsSettings(host: HTMLElement, base: string): ReviewsSettings {
  const limit = Number(host.getAttribute('limit') || 5);
  const employee = host.getAttribute('employee')?.trim() ?? '';
  return {
    base,
    lang: pickLang(host.getAttribute('lang')),
    accent: accentOf(host),
    employee,
    subject: employee ? '' : (host.getAttribute('subject')?.trim() ?? ''),
    limit: Number.isInteger(limit) && limit >= 1 ? Math.min(limit, 50) : 5,
    header: host.getAttribute('header') !== 'none',
  };
}

/** `employee=ivanov` or `subject=delivery`, or '' for all: the filter of the API and the hosted page. */
export const filterQuery = (s: Pick<ReviewsSettings, 'employee' | 'subject'>): string =>
  s.employee
    ? `employee=${encodeURIComponent(s.employee)}`
    : s.subject
      ? `subject=${encodeURIComponent(s.subject)}`
      : '';

/**
 * The hosted page `/reviews` with the same filter and language: «Смотрите все отзывы».
 * @example allReviewsUrl({ base: 'https://feedback.example.ru/', employee: 'ivanov', subject: '', lang: 'ru' }) // 'https://feedback.example.ru/reviews?employee=ivanov'
 */
export function allReviewsUrl(s: Pick<ReviewsSettings, 'base' | 'employee' | 'subject' | 'lang'>): string {
  const query = [filterQuery(s), s.lang === 'en' && 'lang=en'].filter(Boolean).join('&');
  return `${s.base}reviews${query ? `?${query}` : ''}`;
}
