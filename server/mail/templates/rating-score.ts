import type { Lang } from '../../../shared/lang.ts';
import { RATING_TEXTS } from '../../../shared/rating-texts.ts';
import { html, type SafeHtml } from './html.ts';

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const GOLD = '#d97706';

/** A score clamped to the five stars, so a stray value can't draw six stars or none at all. */
const stars5 = (score: number) => Math.min(5, Math.max(1, Math.round(score)));

/**
 * The score as the rating page draws it, in characters every mail client has.
 * @example ratingStars(4) // '★★★★☆'
 */
export function ratingStars(score: number): string {
  const n = stars5(score);
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/**
 * The score in words of the client's scale.
 * @example scoreLabel(4) // '4 из 5'
 */
export function scoreLabel(score: number, lang: Lang = 'ru'): string {
  return lang === 'en' ? `${stars5(score)} of 5` : `${stars5(score)} из 5`;
}

/**
 * The score with the word the rating page shows for it.
 * @example scoreText(4) // '★★★★☆ 4 из 5 — хорошо'
 */
export function scoreText(score: number, lang: Lang = 'ru'): string {
  const n = stars5(score);
  const t = RATING_TEXTS[lang];
  return `${ratingStars(n)} ${t.starLabel(n, t.stars[n - 1] ?? '')}`;
}

/** The score as a block of large stars and its words, for the top of a rating message. */
export function scoreBlock(score: number, lang: Lang = 'ru'): SafeHtml {
  const n = stars5(score);
  const t = RATING_TEXTS[lang];
  return html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 12px 0;">
<tr><td valign="middle" style="padding:0 12px 0 0;${FONT}font-size:28px;line-height:32px;color:${GOLD};white-space:nowrap;">${ratingStars(n)}</td>
<td valign="middle" style="${FONT}font-size:16px;line-height:20px;font-weight:bold;color:#111827;">${t.starLabel(n, t.stars[n - 1] ?? '')}</td></tr>
</table>`;
}
