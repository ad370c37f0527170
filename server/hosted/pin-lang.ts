import type { Lang } from '../../shared/i18n.ts';

/**
 * A link to one of our pages that keeps the reader's language whatever his browser says: a page
 * opened with `?lang=ru` by a browser asking for English must post, redirect and link in Russian.
 * (server/http/lang.ts langPath leaves Russian out, so the browser's language would win again.)
 * @example pinLang('/f', 'ru') // '/f?lang=ru'
 */
export const pinLang = (path: string, lang: Lang): string => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
