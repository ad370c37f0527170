/** Languages of every text Otklik shows: Russian first, English second. */
export type Lang = 'ru' | 'en';

/**
 * Picks the language from an `Accept-Language` header or a `lang` attribute: English only when
 * asked for, Russian otherwise.
 * @example pickLang('en-US,en;q=0.9') // 'en'
 */
export function pickLang(value: string | null | undefined): Lang {
  const first = (value ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ru';
}

/** Messages of field errors, keyed by the code a schema reports. */
export const FIELD_ERRORS = {
  ru: {
    required: 'Заполните это поле',
    tooLong: 'Слишком длинный текст',
    kind: 'Выберите: благодарность, жалоба или предложение',
    email: 'Проверьте адрес электронной почты',
    phone: 'Проверьте номер телефона',
    inn: 'Проверьте ИНН: 10 или 12 цифр с верной контрольной суммой',
    consent: 'Нужно согласие на обработку персональных данных',
    invalid: 'Неверное значение',
    filesCount: 'Можно приложить не больше 5 файлов',
    fileType: 'Этот тип файла не принимается: можно изображения, PDF, документы Office и текст',
    fileSize: 'Файл слишком большой',
  },
  en: {
    required: 'Please fill in this field',
    tooLong: 'The text is too long',
    kind: 'Choose thanks, complaint or suggestion',
    email: 'Please check the e-mail address',
    phone: 'Please check the phone number',
    inn: 'Please check the INN: 10 or 12 digits with a valid checksum',
    consent: 'Consent to the processing of personal data is required',
    invalid: 'Invalid value',
    filesCount: 'At most 5 files can be attached',
    fileType: 'This file type is not accepted: images, PDF, Office documents and text are',
    fileSize: 'The file is too large',
  },
} as const;

export type FieldErrorCode = keyof (typeof FIELD_ERRORS)['ru'];

/** Top-level error messages of the API's error shape. */
export const API_ERRORS = {
  ru: {
    bad_request: 'Запрос не удалось прочитать',
    too_large: 'Запрос слишком большой',
    unsupported_media_type: 'Этот формат не поддерживается',
    validation: 'Проверьте поля формы',
    not_found: 'Не найдено',
    rate_limited: 'Слишком много запросов, попробуйте позже',
    internal: 'Что-то пошло не так. Ваше сообщение не потеряно — попробуйте ещё раз',
  },
  en: {
    bad_request: 'The request could not be read',
    too_large: 'The request is too large',
    unsupported_media_type: 'This format is not supported',
    validation: 'Please check the form fields',
    not_found: 'Not found',
    rate_limited: 'Too many requests, please try later',
    internal: 'Something went wrong. Please try again',
  },
} as const;

export type ApiErrorCode = keyof (typeof API_ERRORS)['ru'];

/** Texts of the feedback form (seed 004, «Оставьте отзыв о нашей работе»). */
export const FORM_TEXTS = {
  ru: {
    title: 'Оставьте отзыв о нашей работе',
    kinds: { thanks: 'Благодарность', complaint: 'Жалоба', suggestion: 'Предложение' },
    kindLegend: 'Тип обращения',
    message: 'Ваше сообщение',
    name: 'Ф.И.О.',
    organization: 'Организация',
    inn: 'ИНН',
    phone: 'Тел.',
    email: 'E-mail',
    files: 'Файл',
    filesHint: (mb: number) => `До 5 файлов, до ${mb} МБ каждый: изображения, PDF, документы, текст`,
    noFile: 'Файл не выбран',
    removeFile: 'Удалить файл',
    consentBefore: 'Я принимаю условия ',
    consentPrivacy: 'соглашения об использовании моих персональных данных',
    consentAnd: ' и ',
    consentTerms: 'пользовательского соглашения',
    submit: 'Отправить',
    sending: 'Отправляем…',
    required: 'обязательное поле',
    accepted: 'Ваша заявка принята!',
    thanks: 'Спасибо за заявку!',
    numberLabel: 'Номер обращения',
    promise: 'Обращение будет обработано службой менеджмента качества в течение 3-х рабочих дней.',
    networkError: 'Не удалось отправить: нет связи с сервером. Текст сохранён — попробуйте ещё раз.',
    retry: 'Отправить ещё раз',
    another: 'Написать ещё',
    open: 'Оставить отзыв',
    close: 'Закрыть',
  },
  en: {
    title: 'Tell us about our work',
    kinds: { thanks: 'Thanks', complaint: 'Complaint', suggestion: 'Suggestion' },
    kindLegend: 'Kind of message',
    message: 'Your message',
    name: 'Full name',
    organization: 'Organisation',
    inn: 'INN (taxpayer number)',
    phone: 'Phone',
    email: 'E-mail',
    files: 'Files',
    filesHint: (mb: number) => `Up to 5 files, up to ${mb} MB each: images, PDF, documents, text`,
    noFile: 'No file chosen',
    removeFile: 'Remove file',
    consentBefore: 'I accept the ',
    consentPrivacy: 'personal data agreement',
    consentAnd: ' and the ',
    consentTerms: 'terms of use',
    submit: 'Send',
    sending: 'Sending…',
    required: 'required',
    accepted: 'Your message has been received!',
    thanks: 'Thank you!',
    numberLabel: 'Registration number',
    promise: 'The quality management service will process it within 3 working days.',
    networkError: 'Could not send: no connection to the server. Your text is kept — please try again.',
    retry: 'Try again',
    another: 'Write another',
    open: 'Leave feedback',
    close: 'Close',
  },
} as const;

/**
 * The acknowledgement a client gets with his registration number (PRODUCT.md, seed 004).
 * @example ackText('ru', 'ООО «Пример»', '2026-00001')
 */
export function ackText(lang: Lang, company: string, number: string): string {
  return lang === 'en'
    ? `Thank you for your message. Your request No. ${number} has been registered and passed to the quality management service of ${company}. The answer will be prepared and given to you within three working days, not counting the day the message was received.`
    : `Благодарим Вас за обращение. Ваш запрос № ${number} зарегистрирован и передан в службу менеджмента качества компании ${company}. Ответ будет подготовлен и предоставлен Вам в течение трех рабочих дней, не считая день получения обращения.`;
}
