import type { Context } from 'hono';
import { type Lang, pickLang } from '../../shared/i18n.ts';

/** The language of an API answer: English when the request's Accept-Language asks for it. */
export const requestLang = (c: Context): Lang => pickLang(c.req.header('accept-language'));

/**
 * The language of a server-rendered page: its `?lang=en` link wins (a link keeps its language
 * whatever the browser says), then the browser's Accept-Language.
 */
export const pageLang = (c: Context): Lang => {
  const query = c.req.query('lang');
  return query ? pickLang(query) : requestLang(c);
};

/**
 * A link to one of our pages that keeps the reader's language whatever his browser says: a page
 * opened with `?lang=ru` by a browser asking for English must post, redirect and link in Russian,
 * so Russian is named too.
 * @example langPath('/f', 'ru') // '/f?lang=ru'
 */
export const langPath = (path: string, lang: Lang): string => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
