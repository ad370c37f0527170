import { ofCompany } from './texts-ru.ts';
import type { Lang } from './lang.ts';
import { COMMENT_MAX } from './limits.ts';

/**
 * Texts of the rating page, widget and signature (seed 004: «Расскажите моему руководителю, как я
 * работаю!», «Оцените качество доставки»). An employee's page speaks in his own voice («Оцените мою
 * работу»), whoever he is (an engineer, an accountant, a manager); a subject's page names the
 * subject by its title, as it stands (a title may start with a name or an abbreviation, so it is
 * never lower-cased). Apart from the feedback form's texts, so the feedback widget doesn't carry them.
 */
export const RATING_TEXTS = {
  ru: {
    employeeTitle: 'Расскажите моему руководителю, как я работаю!',
    subjectTitle: (title: string) => `Оцените: ${title}`,
    employeeScoreLegend: 'Оцените мою работу по пятибалльной шкале',
    subjectScoreLegend: 'Ваша оценка по пятибалльной шкале',
    stars: ['очень плохо', 'плохо', 'удовлетворительно', 'хорошо', 'отлично'],
    starLabel: (n: number, word: string) => `${n} из 5 — ${word}`,
    employeeComment: 'Комментарий о моей работе или пожелания по качеству предоставляемых услуг',
    subjectComment: 'Комментарий: что понравилось, что нам стоит улучшить',
    publish: 'Я согласен на публикацию отзыва на сайте',
    contactsLegend: 'Ваши контакты (по желанию)',
    name: 'Имя',
    organization: 'Организация',
    email: 'E-mail',
    privacy: 'Оставляя контакты, вы соглашаетесь с обработкой персональных данных.',
    submit: 'Отправить отзыв',
    sending: 'Отправляем…',
    thanks: 'Спасибо за отзыв!',
    changed: 'Вы изменили свою оценку: она заменила прежнюю.',
    toManager: 'Ваша оценка передана руководителю сотрудника.',
    toRecipients: 'Ваша оценка передана ответственным сотрудникам.',
    numberLabel: 'Номер отзыва',
    inactiveTitle: 'Сотрудник больше не работает в компании',
    /** The widget's: the API answers an unknown slug (a typo in the site's code) as it does one who left. */
    goneTitle: 'Сотрудник не найден или больше не работает в компании',
    inactiveText:
      'Спасибо, что хотели оставить отзыв. Если у вас есть вопрос, благодарность или жалоба, напишите нам — обращение рассмотрит служба менеджмента качества.',
    writeUs: 'Написать в компанию',
    notFound: 'Страница оценки не найдена',
    networkError: 'Не удалось отправить: сервер недоступен. Оценка и текст сохранены — попробуйте ещё раз.',
    retry: 'Отправить ещё раз',
    /** Copies of FIELD_ERRORS' messages for what the widget checks: importing those (the form's texts come with them) costs it 1.1 KB brotli, over its budget. */
    fieldErrors: {
      score: 'Поставьте оценку от 1 до 5',
      email: 'Проверьте адрес электронной почты',
      tooLong: 'Слишком длинный текст',
      commentTooLong: `Не больше ${COMMENT_MAX} знаков: сократите комментарий`,
      control: 'Уберите служебные символы',
    },
  },
  en: {
    employeeTitle: 'Tell my manager how I work!',
    subjectTitle: (title: string) => `Rate: ${title}`,
    employeeScoreLegend: 'Rate my work from 1 to 5',
    subjectScoreLegend: 'Your score from 1 to 5',
    stars: ['very poor', 'poor', 'fair', 'good', 'excellent'],
    starLabel: (n: number, word: string) => `${n} of 5 — ${word}`,
    employeeComment: 'A comment on my work, or wishes about the quality of our services',
    subjectComment: 'A comment: what you liked, what we should do better',
    publish: 'I agree to the review being published on the website',
    contactsLegend: 'Your contacts (optional)',
    name: 'Name',
    organization: 'Organisation',
    email: 'E-mail',
    privacy: 'By leaving your contacts you agree to the processing of personal data.',
    submit: 'Send review',
    sending: 'Sending…',
    thanks: 'Thank you for your review!',
    changed: 'You changed your rating: it replaced the earlier one.',
    toManager: 'Your score has been passed to the employee’s manager.',
    toRecipients: 'Your score has been passed to the people responsible.',
    numberLabel: 'Review number',
    inactiveTitle: 'This employee no longer works for the company',
    goneTitle: 'This employee was not found or no longer works for the company',
    inactiveText:
      'Thank you for wanting to leave a review. If you have a question, thanks or a complaint, write to us: the quality management service will handle it.',
    writeUs: 'Write to the company',
    notFound: 'Rating page not found',
    networkError: 'Could not send: the server is unavailable. Your score and text are kept — please try again.',
    retry: 'Try again',
    fieldErrors: {
      score: 'Choose a score from 1 to 5',
      email: 'Please check the e-mail address',
      tooLong: 'The text is too long',
      commentTooLong: `At most ${COMMENT_MAX} characters: please shorten the comment`,
      control: 'Remove control characters',
    },
  },
} satisfies Record<Lang, unknown>;

/**
 * The thank-you acknowledgement of a rating, for the client's e-mail and the API's answer. An
 * employee's rating goes to his manager; a subject's (delivery) to the people its directory entry
 * names, so it promises no manager.
 * @example ratingAckText('en', 'Example Ltd', 'О-2026-00001', 'subject') // '… Every score is read by the people responsible and by the quality management service.'
 */
export function ratingAckText(lang: Lang, company: string, number: string, rated: 'employee' | 'subject'): string {
  const readers = {
    ru: { employee: 'руководитель', subject: 'ответственные сотрудники' },
    en: { employee: 'the employee’s manager', subject: 'the people responsible' },
  }[lang][rated];
  return lang === 'en'
    ? `Thank you for your review No. ${number} of the work of ${company}. Every score is read by ${readers} and by the quality management service.`
    : `Спасибо за отзыв № ${number} о работе ${ofCompany(company, 'компании')}. Каждую оценку читают ${readers} и служба менеджмента качества.`;
}
