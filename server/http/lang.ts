import type { Context } from 'hono';
import { type Lang, pickLang } from '../../shared/i18n.ts';

/** The language of an API answer: English when the request's Accept-Language prefers it to Russian. */
export const requestLang = (c: Context): Lang => acceptedLang(c.req.header('accept-language'));

/**
 * The language an Accept-Language header prefers of the two Otklik speaks, by its weights
 * (RFC 9110 §12.5.4): English only when it weighs more than Russian, Russian otherwise. A
 * browser set to «ru;q=0.1, en;q=0.9» reads English; a German one with English second too.
 * @example acceptedLang('ru;q=0.1, en;q=0.9') // 'en'
 * @example acceptedLang('fr, ru;q=0.8, en;q=0.7') // 'ru'
 */
export function acceptedLang(header: string | undefined): Lang {
  const weight = { ru: 0, en: 0 };
  for (const range of (header ?? '').split(',')) {
    const [tag = '', ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    const primary = tag.split('-')[0];
    if (primary !== 'ru' && primary !== 'en') continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    if (Number.isFinite(value)) weight[primary] = Math.max(weight[primary], Math.min(value, 1));
  }
  return weight.en > weight.ru ? 'en' : 'ru';
}

/**
 * The language of a server-rendered page: its `?lang=ru…` or `?lang=en…` link wins (`en_US` too; a link keeps its
 * language whatever the browser says), then the browser's Accept-Language (and the answer varies
 * by it) — for a language Otklik doesn't speak (`?lang=de`) too, where Russian was shown to a
 * browser asking for English.
 */
export const pageLang = (c: Context): Lang => {
  const query = c.req.query('lang')?.trim().toLowerCase();
  if (query && /^(ru|en)/.test(query)) return pickLang(query);
  // Chosen by the header: a cache between keeps one copy per language, not the first asker's for all.
  c.header('Vary', 'Accept-Language', { append: true });
  return requestLang(c);
};

/**
 * A link to one of our pages that keeps the reader's language whatever his browser says: a page
 * opened with `?lang=ru` by a browser asking for English must post, redirect and link in Russian,
 * so Russian is named too.
 * @example langPath('/f', 'ru') // '/f?lang=ru'
 */
export const langPath = (path: string, lang: Lang): string => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
