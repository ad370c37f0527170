import type { Context } from 'hono';
import { type Lang, pickLang } from '../../shared/i18n.ts';

/** The language of the answer: English when the request's Accept-Language asks for it. */
export const requestLang = (c: Context): Lang => pickLang(c.req.header('accept-language'));
