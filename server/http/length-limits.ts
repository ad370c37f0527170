import type { Lang } from '../../shared/i18n.ts';
import { EMAIL_MAX, NAME_MAX, ORGANIZATION_MAX } from '../../shared/limits.ts';

/** The short fields' limits; the message and a rating's comment say theirs in their own texts. */
const LIMITS: Record<string, number> = { name: NAME_MAX, organization: ORGANIZATION_MAX, email: EMAIL_MAX };

const SAID: Record<Lang, (max: number) => string> = {
  ru: (max) => `не больше ${max} знаков`,
  en: (max) => `${max} characters at most`,
};

/**
 * What a refused field's «too long» is about: its limit, for the answer's `named` («Слишком длинный
 * текст: не больше 300 знаков»), since a full organisation's name of 309 characters left its
 * client to guess how much to cut. The widgets check lengths as typed with their own shorter text.
 * @example tooLongNamed({ organization: 'tooLong' }, 'ru') // { organization: 'не больше 300 знаков' }
 */
export function tooLongNamed(errors: Partial<Record<string, string>>, lang: Lang): Partial<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([field, code]) => code === 'tooLong' && field in LIMITS)
      .map(([field]) => [field, SAID[lang](LIMITS[field]!)]),
  );
}
