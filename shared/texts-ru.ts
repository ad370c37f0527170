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
  /** Messages of field errors, keyed by the code a schema reports. */
  fieldErrors: {
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
    score: 'Поставьте оценку от 1 до 5',
    employee: 'Сотрудник не найден или больше не работает в компании',
    subject: 'Нет такого предмета оценки',
  },
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
