/** What personal data is replaced with in a published review. */
export const HIDDEN = '[скрыто]';

// An address: no spaces or brackets, one «@», a dotted domain (Cyrillic ones too).
const EMAIL = /[^\s@<>()[\]"',;:«»]+@[^\s@<>()[\]"',;:«»]+\.[^\s@<>()[\]"',;:«».]{2,}/gu;
// A phone: 10 to 15 digits, maybe a leading «+», split by single spaces, hyphens or brackets
// (+7 (912) 345-67-89, 8 912 345 67 89, 89123456789). Dots don't join digits, so dates
// («22.11.2026 14:05») stay; a 10- or 12-digit ИНН is masked too, which is personal data as well.
const PHONE = /(?<![\d\w])\+?\d(?:[\s\-–()]{0,2}\d){9,14}(?![\d\w])/gu;

/**
 * The text with e-mail addresses and phone numbers replaced by «[скрыто]», for a review
 * published on the site; the moderator edits the rest by hand.
 * @example maskPersonalData('Звоните +7 912 345-67-89 или ivan@example.ru') // 'Звоните [скрыто] или [скрыто]'
 */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, HIDDEN).replace(PHONE, HIDDEN);
}
