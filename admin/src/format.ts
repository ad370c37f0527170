// Dates are shown in Moscow time, whatever the computer's zone: deadlines are the company's.
const DATE_TIME = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const DATE = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/**
 * An instant as «22.11.2026 14:05», Moscow time.
 * @example formatDateTime('2026-11-22T11:05:00Z') // '22.11.2026 14:05'
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d).replace(',', '');
}

/** @example formatDate('2026-11-22T22:30:00Z') // '23.11.2026' */
/**
 * Whether a message was registered late: an hour or more after it was received (a letter read
 * days later). Then the inbox and the card say when it was registered, besides its receipt.
 */
export const registeredLate = (receivedAt: string, createdAt: string) =>
  Date.parse(createdAt) - Date.parse(receivedAt) >= 3_600_000;

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

/** @example formatSize(1536) // '1,5 КБ' */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  const units = ['КБ', 'МБ', 'ГБ'];
  let n = bytes / 1024;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toLocaleString('ru-RU', { maximumFractionDigits: 1 })} ${units[i]}`;
}

/** @example stars(4) // '★★★★☆' */
export const stars = (score: number) =>
  '★'.repeat(Math.max(0, Math.min(5, score))) + '☆'.repeat(5 - Math.max(0, Math.min(5, score)));

/**
 * Russian plural by the number: one, few, many.
 * @example plural(3, 'обращение', 'обращения', 'обращений') // 'обращения'
 */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

/** @example waitText(125) // '3 мин.' */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} с`;
  return `${Math.ceil(seconds / 60)} мин.`;
}

/**
 * A phone as people read it, one function with the e-mails' (shared/phone.ts); `tel:` links keep
 * the stored E.164.
 * @example formatPhone('+78632001122') // '+7 863 200-11-22'
 */
export { formatPhone } from '../../shared/phone.ts';
