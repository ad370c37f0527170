import { EN } from './texts-en.ts';
import type { Lang } from './lang.ts';
import { RU } from './texts-ru.ts';

export { type Lang, pickLang } from './lang.ts';

/** Messages of field errors in each language, keyed by the code a schema reports. */
export const FIELD_ERRORS = { ru: RU.fieldErrors, en: EN.fieldErrors };

export type FieldErrorCode = keyof typeof RU.fieldErrors;

/** Top-level error messages of the API's error shape. */
export const API_ERRORS = {
  ru: {
    bad_request: 'Запрос не удалось прочитать',
    too_large: 'Запрос слишком большой',
    unsupported_media_type: 'Этот формат не поддерживается',
    validation: 'Проверьте поля формы',
    not_found: 'Не найдено',
    rate_limited: 'Слишком много запросов, попробуйте позже',
    unauthorized: 'Войдите в систему',
    bad_credentials: 'Неверный e-mail или пароль',
    locked: 'Слишком много неудачных попыток входа. Попробуйте позже',
    forbidden: 'Недостаточно прав для этого действия',
    csrf: 'Страница устарела: обновите её и повторите действие',
    conflict: 'Это действие уже невозможно: данные изменились',
    internal: 'Не удалось сохранить обращение из-за ошибки сервера. Попробуйте ещё раз через минуту',
  },
  en: {
    bad_request: 'The request could not be read',
    too_large: 'The request is too large',
    unsupported_media_type: 'This format is not supported',
    validation: 'Please check the form fields',
    not_found: 'Not found',
    rate_limited: 'Too many requests, please try later',
    unauthorized: 'Please sign in',
    bad_credentials: 'Wrong e-mail or password',
    locked: 'Too many failed sign-in attempts. Please try later',
    forbidden: 'You are not allowed to do this',
    csrf: 'The page is out of date: reload it and try again',
    conflict: 'This can no longer be done: the data has changed',
    internal: 'The message could not be saved because of a server error. Please try again in a minute',
  },
} as const;

export type ApiErrorCode = keyof (typeof API_ERRORS)['ru'];

/** Texts of the feedback form (seed 004, «Оставьте отзыв о нашей работе»). */
export const FORM_TEXTS = { ru: RU.form, en: EN.form };

/**
 * The acknowledgement a client gets with his registration number (PRODUCT.md, seed 004).
 * `answerBy` (a date in words) adds the day the answer is due by, counted on the working calendar.
 * @example ackText('ru', 'ООО «Пример»', '2026-00001', '8 декабря 2026 г.')
 */
export function ackText(lang: Lang, company: string, number: string, answerBy?: string): string {
  const by = answerBy ? (lang === 'en' ? ` The answer is due by ${answerBy}.` : ` Срок ответа — до ${answerBy}`) : '';
  return lang === 'en'
    ? `Thank you for your message. Your request No. ${number} has been registered and passed to the quality management service of ${company}. The answer will be prepared and given to you within three working days, not counting the day the message was received.${by}`
    : `Благодарим Вас за обращение. Ваш запрос № ${number} зарегистрирован и передан в службу менеджмента качества компании ${company}. Ответ будет подготовлен и предоставлен Вам в течение трех рабочих дней, не считая день получения обращения.${by}`;
}
