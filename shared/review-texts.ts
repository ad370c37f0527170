import type { Lang } from './lang.ts';

/** «1 отзыв», «3 отзыва», «5 отзывов», «11 отзывов», «21 отзыв». */
function reviewsRu(n: number): string {
  const d = n % 10;
  const dd = n % 100;
  return `${n} ${d === 1 && dd !== 11 ? 'отзыв' : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? 'отзыва' : 'отзывов'}`;
}

/**
 * Texts of published reviews: the page /reviews and `<otklik-reviews>` (PRODUCT.md «Publication of
 * reviews», the seed's «Смотрите все отзывы о работе сотрудников»). Apart from the form's and the
 * rating's texts, so neither of those widgets carries them.
 */
export const REVIEW_TEXTS = {
  ru: {
    title: 'Отзывы о работе сотрудников',
    /** The widget's heading when it shows one employee. */
    employeeTitle: 'Отзывы о работе сотрудника',
    /** The widget's heading when it shows one service, such as delivery (its title below). */
    subjectTitle: 'Отзывы клиентов',
    intro: 'Отзывы публикуются с согласия клиентов после проверки службой менеджмента качества.',
    seeAll: 'Смотрите все отзывы',
    more: 'Читать полностью',
    less: 'Свернуть',
    client: 'Клиент',
    count: reviewsRu,
    average: (avg: string) => `Средняя оценка ${avg} из 5`,
    score: (n: number) => `Оценка ${n} из 5`,
    allReviews: 'Все отзывы',
    allEmployees: 'Все сотрудники',
    employees: 'Сотрудники',
    /** The rating subjects that are no employee: delivery, … */
    services: 'Услуги',
    /** The name of the page's filter links, for screen readers. */
    filter: 'Отзывы по сотрудникам и услугам',
    about: (name: string) => `Сотрудник: ${name}`,
    empty: 'Пока нет опубликованных отзывов.',
    loading: 'Загружаем отзывы…',
    loadError: 'Не удалось загрузить отзывы.',
    pages: 'Страницы отзывов',
    next: 'Следующая страница',
    first: 'К первой странице',
    rate: 'Оценить работу сотрудника',
    rateSubject: 'Оставить оценку',
  },
  en: {
    title: 'Reviews of our employees’ work',
    employeeTitle: 'Reviews of the employee’s work',
    subjectTitle: 'Customer reviews',
    intro: 'Reviews are published with the clients’ consent after the quality management service has checked them.',
    seeAll: 'See all reviews',
    more: 'Read in full',
    less: 'Show less',
    client: 'Client',
    count: (n: number) => `${n} review${n === 1 ? '' : 's'}`,
    average: (avg: string) => `Average score ${avg} of 5`,
    score: (n: number) => `Score ${n} of 5`,
    allReviews: 'All reviews',
    allEmployees: 'All employees',
    employees: 'Employees',
    services: 'Services',
    filter: 'Reviews by employee and service',
    about: (name: string) => `Employee: ${name}`,
    empty: 'No published reviews yet.',
    loading: 'Loading reviews…',
    loadError: 'The reviews could not be loaded.',
    pages: 'Review pages',
    next: 'Next page',
    first: 'Back to the first page',
    rate: 'Rate this employee',
    rateSubject: 'Leave a rating',
  },
} satisfies Record<Lang, unknown>;

/**
 * An average score as people write it: a decimal comma in Russian.
 * @example formatAverage('ru', 4.7) // '4,7'
 */
export function formatAverage(lang: Lang, average: number): string {
  const s = average.toFixed(1);
  return lang === 'ru' ? s.replace('.', ',') : s;
}

/**
 * The day a review was published, in the company's time zone (Moscow), where every date Otklik
 * shows is counted.
 * @example formatReviewDate('ru', '2026-11-23T09:00:00.000Z') // '23 ноября 2026 г.'
 */
export function formatReviewDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ru-RU', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Moscow',
  }).format(new Date(iso));
}
