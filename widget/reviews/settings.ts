import { type Lang, pickLang } from '../../shared/lang.ts';
import type { REVIEW_TEXTS } from '../../shared/review-texts.ts';

/** The reviews widget's texts in one language. */
export type ReviewTexts = (typeof REVIEW_TEXTS)[Lang];

/** What `<otklik-reviews>`'s attributes configure. */
export interface ReviewsSettings {
  base: string;
  lang: Lang;
  /** `accent` attribute; when absent the CSS reads `--otklik-accent`. */
  accent: string | null;
  /** The employee's slug, or '' for everyone's reviews. */
  employee: string;
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
  return {
    base,
    lang: pickLang(host.getAttribute('lang')),
    accent: host.getAttribute('accent'),
    employee: host.getAttribute('employee')?.trim() ?? '',
    limit: Number.isInteger(limit) && limit >= 1 ? Math.min(limit, 50) : 5,
    header: host.getAttribute('header') !== 'none',
  };
}

/**
 * The hosted page `/reviews` with the same filter and language: «Смотрите все отзывы».
 * @example allReviewsUrl({ base: 'https://feedback.example.ru/', employee: 'ivanov', lang: 'ru' }) // 'https://feedback.example.ru/reviews?employee=ivanov'
 */
export function allReviewsUrl(s: Pick<ReviewsSettings, 'base' | 'employee' | 'lang'>): string {
  const query = [s.employee && `employee=${encodeURIComponent(s.employee)}`, s.lang === 'en' && 'lang=en']
    .filter(Boolean)
    .join('&');
  return `${s.base}reviews${query ? `?${query}` : ''}`;
}
