import { type Lang, pickLang } from '../../shared/lang.ts';
import { accentOf } from '../shared/accent.ts';
import { RATING_CHANNELS, type RatingChannel, SLUG } from '../../shared/rating-schema.ts';
import type { RATING_TEXTS } from '../../shared/rating-texts.ts';

/** The rating widget's texts in one language. */
export type RatingTexts = (typeof RATING_TEXTS)[Lang];

/** What the host element's attributes configure. */
export interface RatingSettings {
  base: string;
  lang: Lang;
  /** `accent` attribute if it is a colour (accentOf), else '' and the CSS reads `--otklik-accent`. */
  accent: string;
  /** `employee` or a rating subject's slug such as `delivery`; '' when the attribute is not a slug. */
  subject: string;
  /** The employee's slug when `subject="employee"`, else ''. */
  employee: string;
  /** The `score` attribute, '1'…'5', or '' (the signature's star link chose it). */
  score: string;
  /** Whether to show the title and who is rated; `header="none"` when the page around shows them. */
  header: boolean;
  /**
   * `channel`: where the client came from, sent with the rating (the rating page says `signature`
   * when a signature's link brought him); absent, the server counts `site`.
   */
  channel: RatingChannel | undefined;
}

const slug = (value: string | null) => (value && SLUG.test(value) ? value : '');

/**
 * Reads `<otklik-rating>`'s attributes.
 * @example readRatingSettings(el, 'https://feedback.example.ru/') // { subject: 'employee', employee: 'ivanov', score: '4', … }
 */
export function readRatingSettings(host: HTMLElement, base: string): RatingSettings {
  const subject = slug(host.getAttribute('subject'));
  const score = host.getAttribute('score') ?? '';
  return {
    base,
    lang: pickLang(host.getAttribute('lang')),
    accent: accentOf(host),
    subject,
    employee: subject === 'employee' ? slug(host.getAttribute('employee')) : '',
    score: /^[1-5]$/.test(score) ? score : '',
    header: host.getAttribute('header') !== 'none',
    channel: RATING_CHANNELS.find((c) => c === host.getAttribute('channel')),
  };
}

/** Whether the attributes name someone to rate at all: a subject, and for `employee` his slug. */
export const ratable = (s: RatingSettings) => s.subject !== '' && (s.subject !== 'employee' || s.employee !== '');
