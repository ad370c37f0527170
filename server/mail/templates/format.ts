import { FORM_TEXTS, type Lang } from '../../../shared/i18n.ts';
import { COMPANY_TIME_ZONE } from '../../company-time.ts';
import { CHANNEL_LABELS } from '../../../shared/channel-labels.ts';

/**
 * A stored E.164 phone as people read it, the console's function (shared/phone.ts).
 * @example formatPhone('+79515113523') // '+7 951 511-35-23'
 */
export { formatPhone } from '../../../shared/phone.ts';

/** `Lang` from a stored `lang` column: English only when it says so. */
export const mailLang = (lang: string | null | undefined): Lang => (lang === 'en' ? 'en' : 'ru');

// Built once: a formatter per call was most of an e-mail's rendering time (issue 12 «Speed»).
const TIME_FORMAT = new Intl.DateTimeFormat('ru-RU', {
  timeZone: COMPANY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant in Moscow time: as the company reads it in Russian, and in English with the month in
 * words, since «01.12.2026» reads as January 12th to an American.
 * @example companyTime('2026-12-01T09:05:00.000Z') // '01.12.2026 12:05 МСК'
 * @example companyTime('2026-12-01T09:05:00.000Z', 'en') // '1 December 2026 at 12:05 Moscow time'
 */
export function companyTime(iso: string, lang: Lang = 'ru'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = TIME_FORMAT.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${get('hour')}:${get('minute')}`;
  return lang === 'en'
    ? `${companyDate(iso, 'en')} at ${time} Moscow time`
    : `${get('day')}.${get('month')}.${get('year')} ${time} МСК`;
}

/**
 * A file size for people, with the exact byte count that the SHA-256 was taken over.
 * @example fileSize(1536) // '1,5 КБ (1536 байт)'
 */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  const units = ['КБ', 'МБ', 'ГБ'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // Grouped by thousands from five digits, as Russian typesetting does (ICU would group 1536 too).
  const exact = bytes >= 10_000 ? bytes.toLocaleString('ru-RU') : String(bytes);
  return `${value.toLocaleString('ru-RU', { maximumFractionDigits: 1 })} ${units[unit]} (${exact} байт)`;
}

/** The form's name of a feedback kind («Жалоба»); an unknown kind is shown as stored. */
export function kindLabel(kind: string, lang: Lang = 'ru'): string {
  const kinds: Record<string, string> = FORM_TEXTS[lang].kinds;
  return kinds[kind] ?? kind;
}

/** Where a message came from, in the QMS's words; an unknown channel is shown as stored. */
export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel;
}

const DATE_FORMATS = {
  ru: new Intl.DateTimeFormat('ru-RU', { timeZone: COMPANY_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: COMPANY_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
};

/**
 * The company's calendar date of an instant, in words: what a client is promised.
 * @example companyDate('2026-12-08T15:00:00.000Z') // '8 декабря 2026 г.'
 */
export function companyDate(iso: string, lang: Lang = 'ru'): string {
  return DATE_FORMATS[lang].format(new Date(iso));
}

/**
 * The start of a text for an inbox's preview line, cut between characters (code points): cut
 * between the two halves of an emoji, the e-mail shows «�».
 * @example preview('Ж'.repeat(119) + '😡 конец', 120) // 'ЖЖЖ…Ж😡'
 */
export function preview(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join('') : text;
}
