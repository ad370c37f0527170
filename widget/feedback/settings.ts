import { type Lang, pickLang } from '../../shared/lang.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { FORM_TEXTS } from '../../shared/i18n.ts';

/** The widget's texts in one language. */
export type FormTexts = (typeof FORM_TEXTS)[Lang];

/** What the host element's attributes configure. */
export interface Settings {
  base: string;
  lang: Lang;
  /** `accent` attribute; when absent the CSS reads `--otklik-accent`. */
  accent: string | null;
  maxFileMb: number;
  privacyUrl: string;
  termsUrl: string;
}

/**
 * Reads the element's attributes, with defaults pointing at the Otklik server.
 * @example readSettings(el, 'https://feedback.example.ru/').privacyUrl // 'https://feedback.example.ru/legal/personal-data'
 */
export function readSettings(host: HTMLElement, base: string): Settings {
  const mb = Number(host.getAttribute('max-file-mb'));
  return {
    base,
    lang: pickLang(host.getAttribute('lang')),
    accent: host.getAttribute('accent'),
    maxFileMb: mb > 0 ? mb : LIMITS.fileMbDefault,
    privacyUrl: host.getAttribute('privacy-url') || `${base}legal/personal-data`,
    termsUrl: host.getAttribute('terms-url') || `${base}legal/terms`,
  };
}
