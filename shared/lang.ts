/** Languages of every text Otklik shows: Russian first, English second. */
export type Lang = 'ru' | 'en';

/**
 * Picks the language from an `Accept-Language` header or a `lang` attribute: English only when
 * asked for, Russian otherwise.
 * @example pickLang('en-US,en;q=0.9') // 'en'
 */
export function pickLang(value: string | null | undefined): Lang {
  const first = (value ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ru';
}
