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
 * A link to one of our pages in the reader's language: Russian is the default and needs nothing.
 * @example langPath('/f', 'en') // '/f?lang=en'
 */
export const langPath = (path: string, lang: Lang): string => (lang === 'en' ? `${path}?lang=en` : path);
