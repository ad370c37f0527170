import type { Lang } from '../../shared/lang.ts';
import { REVIEW_TEXTS } from '../../shared/review-texts.ts';

/** «А.», «А.С.», «А. С», «А»: initials rather than a name. */
const INITIALS = /^(?:\p{L}\.)+\p{L}?\.?$|^\p{L}$/u;

const isInitials = (word: string) => INITIALS.test(word);
const initial = (word: string) => `${word.charAt(0).toLocaleUpperCase('ru')}.`;
const capitalised = (word: string) => word.charAt(0).toLocaleUpperCase('ru') + word.slice(1);

/** How many letters an initials word abbreviates: «А.С.» is a first name and a patronymic. */
const letters = (word: string) => word.replace(/[^\p{L}]/gu, '').length;

/** The word that ends a Turkic patronymic, after the father's name: «Рауф оглы», «Рауф кызы». */
const TURKIC = /^(?:оглы|кызы)$/iu;
/** A patronymic's (last) word: «Васильевна», «Ильич», «Кузьминична», «оглы». */
const isPatronymic = (word: string) => TURKIC.test(word) || (/(?:вич|вна|чна|ич)$/iu.test(word) && word.length > 4);

/** «Анна П.» from the words of a name; null when no first name can be told. */
function shortName(words: string[]): string | null {
  const [a, b] = words;
  if (!a) return null;
  if (!b) return isInitials(a) ? null : capitalised(a);
  // Initials first («А. Петрова», «А.С. Петрова»): the first one is the first name's.
  if (isInitials(a)) {
    const surname = words.find((w) => !isInitials(w));
    return surname ? `${initial(a)} ${initial(surname)}` : null;
  }
  if (words.length === 2) {
    // «Петрова А.С.» is a surname with the first name's and the patronymic's initials; «Анна П.»
    // (one letter) is a first name with the surname's initial, as the «Имя» field invites.
    if (isInitials(b) && letters(b) > 1) return `${initial(b)} ${initial(a)}`;
    return `${capitalised(a)} ${initial(b)}`;
  }
  // Three words and more are Ф.И.О.: surname, first name, patronymic («Петрова Анна Сергеевна»);
  // or, the patronymic second, first name, patronymic, surname («Ирина Васильевна Котова»).
  const p = words.findIndex(isPatronymic);
  const from = TURKIC.test(words[p] ?? '') ? p - 1 : p;
  if (from === 1 && p < words.length - 1) return `${capitalised(a)} ${initial(words.at(-1)!)}`;
  return isInitials(b) ? `${initial(b)} ${initial(a)}` : `${capitalised(b)} ${initial(a)}`;
}

/**
 * How a published review names its author: the first name and the last name's initial, or
 * «Клиент», and the organisation when given. Never the e-mail: it is not asked for, and a word of
 * the name or an organisation that looks like an address (or a phone number) is left out.
 * @example reviewAuthor('ru', 'Петрова Анна Сергеевна', 'ООО «Ромашка»') // 'Анна П., ООО «Ромашка»'
 */
export function reviewAuthor(lang: Lang, name: string | null, organization: string | null): string {
  const words = (name ?? '')
    // Markup typed into the field is no part of a name: «Анна <i>К</i>» was published «Анна I.».
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter((w) => !/[@\d]/.test(w))
    // Quotes, brackets and other marks around a word are not part of the name: «Ромашка» → Ромашка.
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, ''))
    .filter((w) => /\p{L}/u.test(w));
  const org = (organization ?? '').replace(/\s+/g, ' ').trim();
  const who = shortName(words) ?? REVIEW_TEXTS[lang].client;
  return org && !org.includes('@') ? `${who}, ${org}` : who;
}
