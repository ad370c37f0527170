import { html } from 'hono/html';
import { RATING_TEXTS } from '../../shared/rating-texts.ts';
import type { EmployeeRow } from '../directory/targets.ts';

// The star is the link: it must stand out 3:1 from white (WCAG 1.4.11), as the widgets' star
// does (#c26a00, 3.9:1); a light amber (#f5a623) gave 2.0:1.
const STAR_COLOR = '#c26a00';

/**
 * The rating link of one score; a GET of it only opens the page with that score chosen. `from`
 * tells the page the client came from a signature, so his rating counts under that channel.
 */
export const ratingUrl = (base: string, slug: string, score: number) =>
  `${base}/r/${encodeURIComponent(slug)}?score=${score}&from=signature`;

/**
 * The e-mail signature snippet: «Расскажите моему руководителю, как я работаю!», five linked ★
 * and the employee's name. Plain tables and inline styles only — no script, style element,
 * class or image — because Outlook renders with Word and webmail strips the rest; well under
 * Gmail's 10,000-character signature limit.
 */
export function signatureHtml(base: string, employee: Pick<EmployeeRow, 'slug' | 'name' | 'position'>): string {
  const t = RATING_TEXTS.ru;
  // The star alone names no link: aria-label says which (a screen reader takes no title as a
  // name), the star kept in it as the link shows it.
  const label = (n: number) => t.starLabel(n, t.stars[n - 1]!);
  const stars = [1, 2, 3, 4, 5].map(
    (n) =>
      html`<td style="padding:0 4px 0 0;"><a href="${ratingUrl(base, employee.slug, n)}" title="${label(n)}" aria-label="${label(n)} ★" style="color:${STAR_COLOR};font-size:24px;line-height:28px;text-decoration:none;"><span style="color:${STAR_COLOR};">&#9733;</span></a></td>`,
  );
  const who = employee.position ? `${employee.name}, ${employee.position}` : employee.name;
  return html`<table cellpadding="0" cellspacing="0" border="0" role="presentation" style="border-collapse:collapse;font-family:Arial,Helvetica,sans-serif;">
<tr><td style="padding:8px 0 2px 0;font-size:13px;line-height:18px;font-weight:bold;color:#333333;">${t.employeeTitle}</td></tr>
<tr><td style="padding:0;"><table cellpadding="0" cellspacing="0" border="0" role="presentation" style="border-collapse:collapse;"><tr>${stars}</tr></table></td></tr>
<tr><td style="padding:2px 0 0 0;font-size:12px;line-height:16px;color:#666666;">${who}</td></tr>
</table>`.toString();
}

/** The same signature for plain-text e-mail. */
export function signatureText(base: string, employee: Pick<EmployeeRow, 'slug' | 'name' | 'position'>): string {
  const t = RATING_TEXTS.ru;
  const lines = [1, 2, 3, 4, 5].map((n) => `${'★'.repeat(n)}${'☆'.repeat(5 - n)} ${ratingUrl(base, employee.slug, n)}`);
  return [
    t.employeeTitle,
    ...lines,
    employee.position ? `${employee.name}, ${employee.position}` : employee.name,
    '',
  ].join('\n');
}
