import fc from 'fast-check';
import { hostileSegment } from './fuzz-strings.ts';

/**
 * A valid body for each console route that reads one (`METHOD /api/admin/…` as Hono lists it):
 * the fuzzer starts from it and makes fields hostile, so that many cases reach storage, the
 * audit log and the outbox. A route missing here fails the suite: a new route gets fuzzed too.
 */
export const CONSOLE_BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/admin/login': { email: 'nobody@example.ru', password: 'неверный пароль 42' },
  'POST /api/admin/logout': {},
  'POST /api/admin/password': { current: 'неверный пароль 42', next: 'новый длинный пароль 43' },
  'POST /api/admin/users': { email: 'new.user@example.ru', name: 'Новый Пользователь', role: 'viewer' },
  'PATCH /api/admin/users/:id': { name: 'Переименованный', role: 'handler', active: true },
  'POST /api/admin/users/:id/reset-password': {},
  'POST /api/admin/persons/erase': { email: 'nobody.here@example.ru' },
  'PATCH /api/admin/submissions/:id': { status: 'in_progress', kind: 'complaint', departmentId: null },
  'POST /api/admin/submissions/:id/comments': { text: 'Позвонили клиенту' },
  'POST /api/admin/submissions/:id/steps/:step': { comment: 'Сделано' },
  'POST /api/admin/submissions/:id/steps/:step/undo': { reason: 'Отмечен по ошибке' },
  'POST /api/admin/submissions/:id/reopen': { reason: 'Закрыта по ошибке' },
  'POST /api/admin/submissions/:id/agreed-date': { day: '2026-12-01' },
  'POST /api/admin/submissions/:id/classification': {
    justification: 'justified',
    importance: 'high',
    scope: 'external',
    satisfied: true,
    loyal: true,
    correctionNote: 'Исправлено',
    contactPosition: 'Бухгалтер',
    situationDate: '2026-11-20',
  },
  'POST /api/admin/submissions/:id/responsible': { responsibleUserId: null },
  'POST /api/admin/submissions/:id/survey': {},
  'POST /api/admin/submissions/:id/stage1/close': {},
  'POST /api/admin/submissions/:id/stage2/close': {},
  'POST /api/admin/submissions/:id/close': {},
  'POST /api/admin/submissions/:id/nonconformities': {
    process: 'Сопровождение',
    product: 'Консультация',
    description: 'Ответили поздно',
    task: 'Обучить',
    assignee: 'Иванов',
    dueDay: '2026-12-20',
  },
  'POST /api/admin/submissions/:id/nonconformities/:nid': { done: true },
  'POST /api/admin/submissions/:id/replies': { text: 'Здравствуйте! Мы разобрались.' },
  'POST /api/admin/submissions/:id/calls': { summary: 'Клиент доволен' },
  'POST /api/admin/submissions/:id/complaint': {},
  'POST /api/admin/complaints': {
    channel: 'phone',
    message: 'Жалоба по телефону',
    name: 'Клиент',
    email: 'client@example.ru',
    phone: '+7 863 200-11-22',
  },
  'POST /api/admin/moderation/:submissionId/approve': { text: 'Опубликованный текст' },
  'POST /api/admin/moderation/:submissionId/reject': { reason: 'Оскорбления' },
  'POST /api/admin/moderation/:submissionId/unpublish': { reason: 'Клиент попросил' },
  'POST /api/admin/departments': { name: 'Отдел', responsibleName: 'Начальник', responsibleEmail: 'head@example.ru' },
  'PATCH /api/admin/departments/:id': { name: 'Отдел 2', responsibleName: null },
  'POST /api/admin/employees': {
    slug: 'new-employee',
    name: 'Новый Сотрудник',
    position: 'Инженер',
    managerEmail: 'boss@example.ru',
    email: 'employee@example.ru',
  },
  'POST /api/admin/employees/import': {},
  'PATCH /api/admin/employees/:slug': { name: 'Иванов Иван', position: 'Старший инженер', active: true },
  'POST /api/admin/employees/:slug/signature/send': {},
  'POST /api/admin/subjects': {
    slug: 'new-subject',
    title: 'Предмет',
    titleEn: 'Subject',
    recipients: ['r@example.ru'],
  },
  'PATCH /api/admin/subjects/:slug': { title: 'Качество доставки', recipients: 'a@example.ru; b@example.ru' },
  'PUT /api/admin/calendar/days/:day': { type: 'off', note: 'Перенос' },
  'DELETE /api/admin/calendar/days/:day': {},
  'PUT /api/admin/calendar/hours': { start: '09:00', end: '18:00' },
};

/** The query keys GET routes read; the fuzzer adds hostile keys of its own. */
export const QUERY_KEYS = [
  'type',
  'kind',
  'status',
  'department',
  'employee',
  'channel',
  'from',
  'to',
  'q',
  'overdue',
  'sort',
  'cursor',
  'limit',
  'list',
  'year',
  'dryRun',
  'action',
  'user',
];

/** Real values a route's parameters may take, next to hostile ones. */
export interface KnownIds {
  id: string[];
  submissionId: string[];
  slug: string[];
  attachmentId: string[];
  nid: string[];
  users: string[];
  departments: string[];
}

/** A value for `:name` in `path`: a real id of the right kind most of the time, else hostile. */
export function paramValue(path: string, name: string, known: KnownIds): fc.Arbitrary<string> {
  const real =
    name === 'step'
      ? ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '2.1']
      : name === 'day'
        ? ['2026-12-31', '2027-01-01', '2026-02-30']
        : path.startsWith('/api/admin/users')
          ? known.users
          : path.startsWith('/api/admin/departments')
            ? known.departments
            : (known[name as keyof KnownIds] ?? []);
  return real.length > 0
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: hostileSegment })
    : hostileSegment;
}
