import { COMMENT_MAX } from './limits.ts';

/**
 * Every Russian text the widget shows: the feedback form (seed 004) and field errors. One module a
 * language, so a widget downloads only the language it speaks.
 */
export const RU = {
  form: {
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
    chooseFiles: 'Выбрать файлы',
    kb: 'КБ',
    mb: 'МБ',
    removeFile: 'Удалить файл',
    consentBefore: 'Я принимаю условия ',
    consentPrivacy: 'соглашения об использовании моих персональных данных',
    consentAnd: ' и ',
    consentTerms: 'пользовательского соглашения',
    submit: 'Отправить',
    sending: 'Отправляем…',
    numberLabel: 'Номер обращения',
    networkError: 'Не удалось отправить: сервер недоступен. Текст сохранён — попробуйте ещё раз.',
    retry: 'Отправить ещё раз',
    another: 'Отправить ещё одно обращение',
    toSite: 'Перейти на сайт',
    close: 'Закрыть',
  },
  /** Messages of field errors, keyed by the code a schema reports. */
  fieldErrors: {
    required: 'Заполните это поле',
    tooLong: 'Слишком длинный текст',
    messageTooLong: 'Не больше 5000 знаков: сократите текст или приложите его файлом',
    kind: 'Выберите: благодарность, жалоба или предложение',
    email: 'Проверьте адрес электронной почты',
    phone: 'Проверьте номер телефона',
    inn: 'Проверьте ИНН: 10 или 12 цифр с верной контрольной суммой',
    consent: 'Нужно согласие на обработку персональных данных',
    filesCount: 'Можно приложить не больше 5 файлов',
    fileType: 'Такие файлы не принимаются (можно изображения, PDF, документы Office и текст)',
    fileSize: 'Слишком большой размер',
  },
};

/**
 * Messages of the rating's own field errors, outside RU: the feedback form carries RU whole and
 * needs none of these (the rating widget keeps its copies, shared/rating-texts.ts).
 */
export const RU_RATING_ERRORS = {
  score: 'Поставьте оценку от 1 до 5',
  employee: 'Сотрудник не найден или больше не работает в компании',
  subject: 'Нет такого предмета оценки',
  commentTooLong: `Не больше ${COMMENT_MAX} знаков: сократите комментарий`,
};

/**
 * Messages of what only the server checks: the feedback widget leaves control characters to its
 * answer (shared/rules.ts `validateAsTyped`), so it carries no text for them either; nor for a
 * value of the wrong type (`invalid`), which its own fields, all text, never hold.
 */
export const RU_SERVER_ERRORS = {
  control: 'Уберите служебные символы',
  invalid: 'Неверное значение',
  fileEmpty: 'Пустой файл (выберите файл с содержимым)',
};

export type LangTexts = {
  form: {
    [K in keyof typeof RU.form]: (typeof RU.form)[K] extends (...a: infer A) => string
      ? (...a: A) => string
      : (typeof RU.form)[K] extends string
        ? string
        : { [L in keyof (typeof RU.form)[K]]: string };
  };
  fieldErrors: Record<keyof typeof RU.fieldErrors, string>;
};

/**
 * What a client is told once his message is registered, by its kind: the form's success view
 * (the server sends it in its answer, so the widget carries none of it), the hosted thank-you
 * page and the acknowledgement e-mail. A complaint keeps the seed's words (seed 004); a thanks is
 * not promised an answer, a suggestion is promised its consideration. `due` names the date (in
 * words) the answer or the consideration is due by.
 */
/**
 * «компании Ромашка», but a name that begins with its legal form stands alone: «компании ООО
 * «Ромашка»» says «company» twice (COMPANY_NAME is usually the legal name).
 * @example ofCompany('ООО «Пример»', 'компании') // 'ООО «Пример»'
 * @example ofCompany('«Гэндальф»', 'компании') // 'компании «Гэндальф»'
 */
export function ofCompany(company: string, word: string): string {
  return /^(ООО|ОАО|ЗАО|ПАО|НАО|АО|ИП|ГК|ФГУП|ГУП|МУП|АНО|НКО|ТОО)(\s|«|")/u.test(company)
    ? company
    : `${word} ${company}`;
}

export const RU_ACK = {
  complaint: {
    title: 'Ваша заявка принята!',
    thanks: 'Спасибо за заявку!',
    next: 'Обращение будет обработано службой менеджмента качества в течение 3-х рабочих дней.',
    mail: (company: string, number: string) =>
      `Благодарим Вас за обращение. Ваш запрос № ${number} зарегистрирован и передан в службу менеджмента качества ${ofCompany(company, 'компании')}. Ответ будет подготовлен и предоставлен Вам в течение трёх рабочих дней, не считая день получения обращения.`,
    due: (date: string) => ` Срок ответа — до ${date}`,
  },
  thanks: {
    title: 'Спасибо за благодарность!',
    thanks: 'Нам очень приятно, что вы нашли время написать.',
    next: 'Мы передадим ваши слова тем, о ком вы пишете, и их руководителям.',
    mail: (company: string, number: string) =>
      `Благодарим Вас за тёплые слова! Ваша благодарность № ${number} зарегистрирована в службе менеджмента качества ${ofCompany(company, 'компании')}. Мы передадим её тем, о ком Вы пишете, и их руководителям.`,
    due: (_date: string) => '',
  },
  suggestion: {
    title: 'Спасибо за предложение!',
    thanks: 'Ваше предложение зарегистрировано.',
    next: 'Служба менеджмента качества рассмотрит его в течение 3-х рабочих дней.',
    mail: (company: string, number: string) =>
      `Благодарим Вас за предложение! Ваше предложение № ${number} зарегистрировано и передано в службу менеджмента качества ${ofCompany(company, 'компании')}. Оно будет рассмотрено в течение трёх рабочих дней, не считая день получения.`,
    due: (date: string) => ` Срок рассмотрения — до ${date}`,
  },
};

/** The acknowledgements of every kind in one language (RU_ACK's shape). */
export type AckTexts = typeof RU_ACK;
