import { html } from 'hono/html';
import type { Lang } from '../../shared/lang.ts';
import { mostlyCyrillic } from '../../shared/text-script.ts';

/**
 * Directory and user data (a name, a position, a company, a review) as a page shows it: on an
 * English page, text written mostly in Cyrillic goes in a `lang="ru"` element (WCAG 3.1.2), so a
 * screen reader reads «Иванов Иван» in Russian instead of spelling it with its English voice. A
 * Latin «Example Ltd» stays as it is, and so does everything on a Russian page.
 * @example russianText('en', 'Иванов Иван') // <span lang="ru">Иванов Иван</span>
 * @example russianText('ru', 'Иванов Иван') // 'Иванов Иван'
 */
export function russianText(lang: Lang, text: string) {
  return lang === 'en' && mostlyCyrillic(text) ? html`<span lang="ru">${text}</span>` : text;
}
