import type { Submission } from '../testing/fixtures.ts';
import { sampleSubmission } from '../testing/fixtures.ts';
import type { RatingTarget } from './rating-target.ts';

/** Test support: a rating of 4 with a two-line comment, publication allowed, contacts given. */
export function sampleRating(overrides: Partial<Submission> = {}): Submission {
  return sampleSubmission({
    type: 'rating',
    kind: 'rating',
    number: '2026-00013',
    score: 4,
    subject: 'employee',
    publish: 1,
    message: 'Быстро ответил на письмо.\nСпасибо!',
    inn: null,
    phone: null,
    page: 'https://example.ru/r/ivanov',
    consent_version: null,
    consent_at: null,
    consent_ip: null,
    consent_user_agent: null,
    ...overrides,
  });
}

/** Test support: an employee whose manager gets his ratings. */
export function employeeTarget(overrides: Partial<Extract<RatingTarget, { kind: 'employee' }>> = {}): RatingTarget {
  return {
    kind: 'employee',
    name: 'Иванов Иван',
    position: 'Менеджер по продажам',
    department: 'Отдел продаж',
    managerName: 'Петров Пётр',
    managerEmail: 'petrov@example.ru',
    ...overrides,
  };
}

/** Test support: the delivery subject with one recipient of its own. */
export function deliveryTarget(overrides: Partial<Extract<RatingTarget, { kind: 'subject' }>> = {}): RatingTarget {
  return {
    kind: 'subject',
    slug: 'delivery',
    title: 'Качество доставки',
    recipients: ['director@example.ru'],
    ...overrides,
  };
}
