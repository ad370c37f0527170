/**
 * Russian names of the refusal reasons (server/abuse/refusals.ts), in the order the screen shows
 * them: the spam defences first, then limits, then the rest. A reason the server adds later shows
 * as its code until it gets a name here.
 */
export const REFUSAL_LABELS: Record<string, string> = {
  pow_missing: 'Без проверки на робота',
  pow_invalid: 'Проверка на робота не пройдена',
  pow_reused: 'Повтор старой проверки',
  too_fast: 'Отправлено слишком быстро',
  honeypot: 'Заполнено скрытое поле',
  rate_ip: 'Много отправок с одного IP',
  rate_target: 'Не отправлено письмо об оценке (лимит на сотрудника или услугу, оценка сохранена)',
  ack_capped: 'Не отправлено подтверждение клиенту (лимит на адрес)',
  too_large: 'Слишком большой запрос',
  origin: 'Запрос с чужого сайта',
  sign_in_locked: 'Вход заблокирован после неудачных попыток',
};

const ORDER = Object.keys(REFUSAL_LABELS);

/** Reasons in the screen's order: named ones as listed, unknown codes after them alphabetically. */
export function orderReasons(reasons: Iterable<string>): string[] {
  const rank = (r: string) => (ORDER.includes(r) ? ORDER.indexOf(r) : ORDER.length);
  return [...new Set(reasons)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** @example refusalLabel('rate_ip') // 'Много отправок с одного IP' */
export const refusalLabel = (reason: string) => REFUSAL_LABELS[reason] ?? reason;
