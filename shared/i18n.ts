import { EN, EN_ACK, EN_RATING_ERRORS, EN_SERVER_ERRORS } from './texts-en.ts';
import type { Lang } from './lang.ts';
import { RU, RU_ACK, RU_RATING_ERRORS, RU_SERVER_ERRORS } from './texts-ru.ts';

export { type Lang, pickLang } from './lang.ts';

/** A language's field errors with the rating's and the server's own (a property read as an argument would stay in a widget). */
const merged = <A, B, C>(texts: { fieldErrors: A }, b: B, c: C): A & B & C => ({ ...texts.fieldErrors, ...b, ...c });

/** Messages of field errors in each language, keyed by the code a schema reports. */
export const FIELD_ERRORS = {
  // Marked pure: a widget that doesn't use FIELD_ERRORS drops it (a bare spread would stay).
  ru: /* @__PURE__ */ merged(RU, RU_RATING_ERRORS, RU_SERVER_ERRORS),
  en: /* @__PURE__ */ merged(EN, EN_RATING_ERRORS, EN_SERVER_ERRORS),
};

/** The feedback form's share of FIELD_ERRORS: the widget carries these, not the rating's nor the server's own. */
export const FORM_ERRORS = { ru: RU.fieldErrors, en: EN.fieldErrors };

export type FieldErrorCode = keyof (typeof FIELD_ERRORS)['ru'];

/** Top-level error messages of the API's error shape. */
export const API_ERRORS = {
  ru: {
    bad_request: 'Запрос не удалось прочитать',
    too_large: 'Запрос слишком большой',
    body_timeout: 'Данные передавались слишком долго, и приём прерван. Проверьте соединение и отправьте ещё раз',
    unsupported_media_type: 'Этот формат не поддерживается',
    validation: 'Проверьте поля формы',
    not_found: 'Не найдено',
    method_not_allowed: 'Этот метод здесь не принимается',
    rate_limited: 'Слишком много отправок подряд, поэтому сообщение не принято. Попробуйте позже',
    unauthorized: 'Войдите в систему',
    bad_credentials: 'Неверный e-mail или пароль',
    locked: 'Слишком много неудачных попыток входа. Попробуйте позже',
    forbidden: 'Недостаточно прав для этого действия',
    password_change_required: 'Сначала смените временный пароль: пока он не сменён, другие действия недоступны',
    csrf: 'Страница устарела: обновите её и повторите действие',
    conflict: 'Это действие уже невозможно: данные изменились',
    internal: 'Не удалось сохранить обращение из-за ошибки сервера. Попробуйте ещё раз через минуту',
    busy: 'Сервер занят, обращение пока не сохранено. Отправьте его ещё раз через несколько секунд',
    storage_full: 'Сервер временно не может сохранять обращения. Попробуйте ещё раз позже',
    origin_forbidden: 'Запросы с этого сайта не принимаются: его нет в списке разрешённых',
    pow_failed: 'Не удалось подтвердить, что сообщение отправляет человек. Отправьте его ещё раз',
    too_fast: 'Форма отправлена слишком быстро. Проверьте её и отправьте ещё раз',
  },
  en: {
    bad_request: 'The request could not be read',
    too_large: 'The request is too large',
    body_timeout: 'The data took too long to arrive, so receiving stopped. Check the connection and send again',
    unsupported_media_type: 'This format is not supported',
    validation: 'Please check the form fields',
    not_found: 'Not found',
    method_not_allowed: 'This method is not accepted here',
    rate_limited: 'Too many sends in a row, so this was not accepted. Please try later',
    unauthorized: 'Please sign in',
    bad_credentials: 'Wrong e-mail or password',
    locked: 'Too many failed sign-in attempts. Please try later',
    forbidden: 'You are not allowed to do this',
    password_change_required: 'Change your one-time password first: nothing else can be done until then',
    csrf: 'The page is out of date: reload it and try again',
    conflict: 'This can no longer be done: the data has changed',
    internal: 'The message could not be saved because of a server error. Please try again in a minute',
    busy: 'The server is busy and the message is not saved yet. Please send it again in a few seconds',
    storage_full: 'The server cannot save messages right now. Please try again later',
    origin_forbidden: 'Requests from this site are not accepted: it is not on the list of allowed sites',
    pow_failed: 'We could not confirm that a person is sending this. Please send it again',
    too_fast: 'The form was sent too quickly. Please check it and send it again',
  },
} as const;

export type ApiErrorCode = keyof (typeof API_ERRORS)['ru'];

/**
 * `rate_limited` when the wait is known (its Retry-After): in whole minutes, rounded up. A client
 * behind his office's one address is told when he may send, not «later».
 * @example RATE_LIMITED_FOR.ru(5) // 'Слишком много отправок подряд, поэтому сообщение не принято. Попробуйте снова через 5 мин.'
 */
export const RATE_LIMITED_FOR: Record<Lang, (minutes: number) => string> = {
  ru: (m) => `Слишком много отправок подряд, поэтому сообщение не принято. Попробуйте снова через ${m} мин.`,
  en: (m) => `Too many sends in a row, so this was not accepted. Please try again in ${m} min.`,
};

/**
 * A server error or an unreachable database on a read (GET, HEAD): the code stays, but nothing was
 * being saved, so «не удалось сохранить обращение» would mislead the reader of a page or a list.
 */
export const READ_FAILED: Record<Lang, string> = {
  ru: 'Не удалось загрузить данные из-за ошибки сервера. Попробуйте ещё раз через минуту',
  en: 'The data could not be loaded because of a server error. Please try again in a minute',
};

/** Texts of the feedback form (seed 004, «Оставьте отзыв о нашей работе»). */
export const FORM_TEXTS = { ru: RU.form, en: EN.form };

/** What a client is told once his message is registered, by its kind and language (texts-ru.ts RU_ACK). */
export const ACK_TEXTS = { ru: RU_ACK, en: EN_ACK };

/**
 * The acknowledgement a client gets with his registration number (PRODUCT.md, seed 004): a
 * complaint's in the seed's words, a thanks's and a suggestion's their own. `answerBy` (a date in
 * words) adds the day the answer (a suggestion: its consideration) is due by, on the working calendar.
 * @example ackText('ru', 'ООО «Пример»', '2026-00001', '8 декабря 2026 г.')
 */
export function ackText(
  lang: Lang,
  company: string,
  number: string,
  answerBy?: string,
  kind: keyof typeof RU_ACK = 'complaint',
): string {
  const t = ACK_TEXTS[lang][kind];
  return t.mail(company, number) + (answerBy ? t.due(answerBy) : '');
}
