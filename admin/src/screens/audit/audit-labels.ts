import { formatDateTime } from '../../format.ts';
import { type Choice, KIND_LABELS, ROLE_LABELS, STATUS_LABELS } from '../../labels.ts';

const ACTIONS: Record<string, string> = {
  'auth.sign_in': 'Вход',
  'auth.sign_in_failed': 'Неудачный вход',
  'auth.locked': 'Вход заблокирован',
  'auth.sign_out': 'Выход',
  'auth.password_changed': 'Смена пароля',
  'user.create': 'Новый пользователь',
  'user.update': 'Изменён пользователь',
  'user.password_reset': 'Сброс пароля',
  'submission.comment': 'Комментарий',
  'submission.kind': 'Изменён вид',
  'submission.status': 'Изменён статус',
  'submission.department': 'Изменено подразделение',
  'submission.employee': 'Изменён сотрудник',
  'submission.update': 'Изменено обращение',
  'submission.attachment': 'Скачан файл',
  'review.approve': 'Отзыв опубликован',
  'review.reject': 'Отзыв отклонён',
  'review.redact': 'Отзыв отредактирован',
  'directory.department.create': 'Новое подразделение',
  'directory.department.update': 'Изменено подразделение',
  'directory.employee.create': 'Новый сотрудник',
  'directory.employee.update': 'Изменён сотрудник',
  'directory.employee.import': 'Загрузка сотрудников',
  'directory.subject.create': 'Новый предмет оценки',
  'directory.subject.update': 'Изменён предмет оценки',
};

/** The audit's families of actions, as the filter offers them (the server takes «prefix.*»). */
export const ACTION_FAMILIES: Choice[] = [
  { value: 'auth.*', label: 'Вход, выход, пароли' },
  { value: 'review.*', label: 'Модерация отзывов' },
  { value: 'submission.*', label: 'Работа с обращениями' },
  { value: 'user.*', label: 'Пользователи' },
  { value: 'directory.*', label: 'Справочник' },
];

export const TARGET_LABELS: Record<string, string> = {
  submission: 'Обращение',
  user: 'Пользователь',
  review: 'Отзыв',
  employee: 'Сотрудник',
  employees: 'Файл',
  department: 'Подразделение',
  subject: 'Предмет оценки',
};

/** @example actionLabel('review.approve') // 'Отзыв опубликован' */
export const actionLabel = (action: string) =>
  ACTIONS[action] ?? ACTION_FAMILIES.find((f) => f.value === action)?.label ?? action;

const DETAIL_NAMES: Record<string, string> = {
  reason: 'причина',
  scope: 'по',
  email: 'e-mail',
  until: 'до',
  role: 'роль',
  name: 'имя',
  active: 'активен',
  from: 'было',
  to: 'стало',
  departmentId: 'подразделение',
  kind: 'вид',
  status: 'статус',
  text: 'текст',
  redacted: 'отредактирован',
  number: '№',
  slug: 'код',
  position: 'должность',
  managerEmail: 'e-mail руководителя',
  managerName: 'руководитель',
  title: 'название',
  recipients: 'получатели',
  responsibleName: 'ответственный',
  responsibleEmail: 'e-mail ответственного',
  created: 'добавлено',
  updated: 'обновлено',
  errors: 'ошибок',
  eventId: 'событие',
  employeeSlug: 'сотрудник',
  firstSignIn: 'при первом входе',
  via: 'через',
  file: 'файл',
};

const VALUES: Record<string, string> = {
  ...KIND_LABELS,
  ...STATUS_LABELS,
  ...ROLE_LABELS,
  user: 'учётной записи',
  ip: 'IP-адресу',
  cli: 'командную строку',
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (Array.isArray(v)) return v.map(show).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return formatDateTime(s);
  return VALUES[s] ?? s;
}

/**
 * An audit line's details as one readable line: «было → стало» for a change, «ключ: значение» otherwise.
 * @example detailsText({ from: 'new', to: 'closed' }) // 'Новое → Закрыто'
 */
export function detailsText(d: Record<string, unknown>, skip: string[] = []): string {
  const parts: string[] = [];
  if ('from' in d || 'to' in d) parts.push(`${show(d.from)} → ${show(d.to)}`);
  for (const [k, v] of Object.entries(d)) {
    if (k === 'from' || k === 'to' || k === 'eventId' || skip.includes(k)) continue;
    // user.update nests its changes: `{ email, changes: { role: { from, to } } }`.
    if (k === 'changes' && v && typeof v === 'object') {
      parts.push(detailsText(v as Record<string, unknown>));
      continue;
    }
    if (v && typeof v === 'object' && !Array.isArray(v) && ('from' in v || 'to' in v)) {
      const c = v as { from?: unknown; to?: unknown };
      parts.push(`${DETAIL_NAMES[k] ?? k}: ${show(c.from)} → ${show(c.to)}`);
    } else parts.push(`${DETAIL_NAMES[k] ?? k}: ${show(v)}`);
  }
  return parts.join('; ');
}
