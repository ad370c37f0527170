import { type Lang, pickLang } from '../../shared/lang.ts';
import { accentOf } from '../shared/accent.ts';
import { FILE_MB_DEFAULT } from '../../shared/limits.ts';
import type { FORM_TEXTS } from '../../shared/i18n.ts';

/** The widget's texts in one language. */
export type FormTexts = (typeof FORM_TEXTS)[Lang];

/** What the host element's attributes configure. */
export interface Settings {
  base: string;
  lang: Lang;
  /** `accent` attribute if it is a colour (accentOf), else '' and the CSS reads `--otklik-accent`. */
  accent: string;
  maxFileMb: number;
  privacyUrl: string;
  termsUrl: string;
  /** `contact` attribute: the company's own contact line above the form (the hosted page sets COMPANY_CONTACT). */
  contact: string | null;
  /** `site` attribute: the company's site, offered once sent where the form is a page of its own (`/f`). */
  site: string | null;
}

/**
 * Reads the element's attributes, with defaults pointing at the Otklik server.
 * @example readSettings(el, 'https://feedback.example.ru/').privacyUrl // 'https://feedback.example.ru/legal/personal-data?lang=ru'
 */
export function readSettings(host: HTMLElement, base: string): Settings {
  const mb = Number(host.getAttribute('max-file-mb'));
  const lang = pickLang(host.getAttribute('lang'));
  // The server's agreements in the form's language: the browser's may be another.
  const legal = (attribute: string, page: string) =>
    host.getAttribute(attribute) || `${base}legal/${page}?lang=${lang}`;
  return {
    base,
    lang,
    accent: accentOf(host),
    maxFileMb: mb > 0 ? mb : FILE_MB_DEFAULT,
    privacyUrl: legal('privacy-url', 'personal-data'),
    termsUrl: legal('terms-url', 'terms'),
    contact: host.getAttribute('contact'),
    site: host.getAttribute('site'),
  };
}
