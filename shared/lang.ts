/** Languages of every text Otklik shows: Russian first, English second. */
export type Lang = 'ru' | 'en';

/**
 * Picks the language from an `Accept-Language` header or a `lang` attribute: English only when
 * asked for, Russian otherwise.
 * @example pickLang('en-US,en;q=0.9') // 'en'
 */
export function pickLang(value: string | null | undefined): Lang {
  // The first language named, trimmed, begins with «en» in any case; null reads as «null». As a
  // regular expression, 50 B less in each widget than split, trim and toLowerCase.
  return /^\s*en/i.test(value as string) ? 'en' : 'ru';
}
