// Which alphabet a text is written in, for marking its language (WCAG 3.1.2, language of parts):
// a screen reader told a page is English reads «Иванов» with English rules, and the reverse.

const count = (text: string, letters: RegExp) => text.match(letters)?.length ?? 0;

/**
 * More Cyrillic letters than Latin ones: «ООО «Ромашка» (Romashka)» is Russian, «Anna, ООО X» is not.
 * @example mostlyCyrillic('ООО «Ромашка» (Romashka)') // true
 */
export const mostlyCyrillic = (text: string): boolean =>
  count(text, /\p{Script=Cyrillic}/gu) > count(text, /\p{Script=Latin}/gu);

/**
 * More Latin letters than Cyrillic ones, and at least one: «Late again» is English, «12345» is neither.
 * @example mostlyLatin('Late again, ООО') // true
 */
export const mostlyLatin = (text: string): boolean =>
  count(text, /\p{Script=Latin}/gu) > count(text, /\p{Script=Cyrillic}/gu);
