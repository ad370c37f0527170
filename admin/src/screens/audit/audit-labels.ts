import {
  CORRECTION_LABELS,
  CORRECTION_RECORD_LABELS,
  IMPORTANCE_LABELS,
  JUSTIFICATION_LABELS,
  SCOPE_LABELS,
} from '../../../../shared/complaint-process.ts';
import { formatDateTime } from '../../format.ts';
import { type Choice, KIND_LABELS, ROLE_LABELS, STATUS_LABELS, YES_NO } from '../../labels.ts';
import { DAY_TYPE_LABELS } from '../calendar/calendar-labels.ts';
import { type AuditMeta, changeKey, nameOf } from './audit-names.ts';

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
  'submission.department': 'Передано в подразделение',
  'submission.employee': 'Изменён сотрудник обращения',
  'submission.update': 'Изменено обращение',
  'submission.attachment': 'Скачан файл',
  'review.approve': 'Отзыв опубликован',
  'review.reject': 'Отзыв отклонён',
  'review.redact': 'Отзыв отредактирован',
  'review.unpublish': 'Отзыв снят с публикации',
  'directory.department.create': 'Новое подразделение',
  'directory.department.update': 'Изменены данные подразделения',
  'directory.employee.create': 'Новый сотрудник',
  'directory.employee.update': 'Изменены данные сотрудника',
  'directory.employee.import': 'Загрузка сотрудников',
  'directory.employee.signature_send': 'Подпись отправлена сотруднику',
  'directory.subject.create': 'Новый предмет оценки',
  'directory.subject.update': 'Изменён предмет оценки',
  // server/complaints/: `complaint.<event>` beside each event of the card's history, and the closing.
  'complaint.complaint': 'Открыта жалоба',
  'complaint.step': 'Отмечен шаг этапа 1',
  'complaint.step_undone': 'Отменена отметка шага этапа 1',
  'complaint.agreed': 'Согласован срок внедрения',
  'complaint.classification': 'Изменена классификация',
  'complaint.responsible': 'Назначен ответственный',
  'complaint.reply': 'Ответ клиенту по e-mail',
  'complaint.call': 'Звонок клиенту',
  'complaint.stage': 'Этап жалобы',
  'complaint.survey': 'Опрос клиента',
  'complaint.nonconformity': 'Несоответствие',
  'complaint.close': 'Жалоба закрыта',
  'complaint.reopened': 'Разбор жалобы открыт снова',
  'calendar.day_set': 'Изменён день календаря',
  'calendar.day_remove': 'Отменено изменение дня',
  'calendar.hours': 'Изменены рабочие часы',
  'calendar.import': 'Загрузка календаря',
  // server/privacy/: counts and a masked key only, never the data.
  'privacy.retention': 'Удаление персональных данных по сроку',
  'privacy.person_export': 'Выгрузка данных человека',
  'privacy.person_erase': 'Удаление данных человека',
  // server/reports/export/: files naming clients.
  'report.export': 'Выгрузка отчёта',
};

/** The audit's families of actions, as the filter offers them (the server takes «prefix.*»). */
export const ACTION_FAMILIES: Choice[] = [
  { value: 'auth.*', label: 'Вход, выход, пароли' },
  { value: 'review.*', label: 'Модерация отзывов' },
  { value: 'submission.*', label: 'Работа с обращениями' },
  { value: 'complaint.*', label: 'Процесс работы с жалобами' },
  { value: 'user.*', label: 'Пользователи' },
  { value: 'directory.*', label: 'Справочник' },
  { value: 'calendar.*', label: 'Рабочий календарь' },
  { value: 'privacy.*', label: 'Персональные данные' },
  { value: 'report.*', label: 'Выгрузка отчётов' },
];

export const TARGET_LABELS: Record<string, string> = {
  submission: 'Обращение',
  user: 'Пользователь',
  review: 'Отзыв',
  employee: 'Сотрудник',
  employees: 'Файл',
  department: 'Подразделение',
  subject: 'Предмет оценки',
  calendar_day: 'День календаря',
};

/** @example actionLabel('review.approve') // 'Отзыв опубликован' */
export const actionLabel = (action: string) =>
  ACTIONS[action] ?? ACTION_FAMILIES.find((f) => f.value === action)?.label ?? action;

const DETAIL_NAMES: Record<string, string> = {
  reason: 'причина',
  // complaint.reopened: when it had been closed.
  closedAt: 'была закрыта',
  stage1ClosedAt: 'этап 1 был закрыт',
  scope: 'по',
  email: 'e-mail',
  until: 'до',
  role: 'роль',
  name: 'имя',
  active: 'активен',
  // A change is `{from, to}`; a `to` alone is an address (complaint.reply).
  to: 'кому',
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
  // directory.department.update names its changes by the table's columns.
  responsible_name: 'ответственный',
  responsible_email: 'e-mail ответственного',
  responsible_user_id: 'ответственный по умолчанию',
  created: 'добавлено',
  updated: 'обновлено',
  errors: 'ошибок',
  eventId: 'событие',
  employeeSlug: 'сотрудник',
  firstSignIn: 'при первом входе',
  via: 'через',
  file: 'файл',
  origin: 'источник',
  rating: 'из оценки',
  step: 'шаг',
  at: 'когда',
  comment: 'комментарий',
  field: 'поле',
  subject: 'тема',
  summary: 'итог',
  stage: 'этап',
  closed: 'закрыта',
  sent: 'отправлен',
  satisfied: 'удовлетворён',
  loyal: 'лоялен',
  description: 'описание',
  done: 'выполнено',
  day: 'день',
  type: 'тип',
  note: 'примечание',
  start: 'начало',
  end: 'конец',
  added: 'добавлено',
  changed: 'изменено',
  days: 'дни',
  // auth.locked: whose sign-in was locked (an address), and during what.
  address: 'адрес',
  during: 'при',
  // privacy.*: whose data (masked, with its hash) and how many rows.
  key: 'чьи',
  sha256: 'SHA-256',
  submissions: 'обращений',
  attachments: 'файлов',
  outbox: 'писем',
  emails: 'писем',
  events: 'записей истории',
  mailBodies: 'текстов писем',
  // report.export: which report, in what file, for what and how much of it.
  report: 'отчёт',
  format: 'формат',
  period: 'период',
  department: 'подразделение',
  overdue: 'просроченных',
  filter: 'отбор',
  rows: 'строк',
  incomplete: 'не полностью',
};

const VALUES: Record<string, string> = {
  ...KIND_LABELS,
  ...STATUS_LABELS,
  ...ROLE_LABELS,
  user: 'учётной записи',
  ip: 'IP-адресу',
  device: 'браузеру, из которого входили раньше',
  devices: 'всем браузерам, из которых входили раньше',
  session: 'сеансу',
  cli: 'командную строку',
  console: 'регистрация вручную',
  site: 'сайт',
  // auth.sign_in_failed's reasons (server/auth/sign-in.ts), and when a lock came (change-password.ts).
  wrong_password: 'неверный пароль',
  unknown_email: 'нет такого пользователя',
  inactive: 'учётная запись отключена',
  password_change: 'смене пароля',
  ...JUSTIFICATION_LABELS,
  ...IMPORTANCE_LABELS,
  ...SCOPE_LABELS,
  ...CORRECTION_LABELS,
  ...CORRECTION_RECORD_LABELS,
  ...YES_NO,
  ...DAY_TYPE_LABELS,
  // The classification's fields (complaint.classification's `field`).
  justification: 'обоснованность',
  importance: 'важность',
  scope: 'внешняя / внутренняя',
  satisfied: 'удовлетворённость',
  loyal: 'лояльность',
  correction: 'коррекция',
  correctionNote: 'коррекция, подробно',
  correctionRecord: 'чем оформлена',
  contactPosition: 'должность',
  situationDate: 'дата ситуации',
  performer: 'кто выполнял работу',
  // report.export's reports and files.
  weekly: 'еженедельный контроль',
  monthly: 'ежемесячный анализ',
  inbox: 'входящие',
  csv: 'CSV',
  xlsx: 'XLSX',
};

/** Where an action was done (`via`): the same codes as a complaint's origin, other words. */
const VIA: Record<string, string> = { console: 'консоль', cli: 'командную строку', site: 'сайт' };

/** Where a line is read: the console's meta names ids, the action says what a bare change is of. */
export interface DetailsContext {
  meta?: AuditMeta;
  action?: string;
}

/** A value in words; `key` is the detail it belongs to, when it may hold an id to name. */
function show(v: unknown, key = '', meta?: AuditMeta): string {
  if (v === null || v === undefined || v === '') return '—';
  const name = nameOf(meta, key, v);
  if (name) return name;
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (Array.isArray(v)) return v.map((x) => show(x, key, meta)).join(', ');
  // A calendar day `{type, note}` or the working hours `{start, end}`: named parts, blanks left out.
  if (typeof v === 'object')
    return (
      Object.entries(v)
        .filter(([, x]) => x !== null && x !== undefined && x !== '')
        .map(([k, x]) => `${DETAIL_NAMES[k] ?? k}: ${show(x, k, meta)}`)
        .join(', ') || '—' // an inbox export without a filter: «отбор: —», not «отбор: ;»
    );
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return formatDateTime(s);
  return (key === 'via' ? VIA[s] : undefined) ?? VALUES[s] ?? s;
}

/**
 * An audit line's details as one readable line: «было → стало» for a change, «ключ: значение»
 * otherwise; codes by their Russian names, and ids by the names `meta` knows.
 * @example detailsText({ from: 'd1', to: 'd2' }, [], { meta, action: 'submission.department' }) // 'ДКС → ОПР'
 */
export function detailsText(d: Record<string, unknown>, skip: string[] = [], context: DetailsContext = {}): string {
  const { meta } = context;
  // complaint.survey is the survey sent (`sent: true`) or the client's answer (`sent: false`):
  // «отправлен: нет» read as if it had never gone.
  if (context.action === 'complaint.survey' && typeof d.sent === 'boolean') {
    const { sent, ...answer } = d;
    const rest = detailsText(answer, skip, { meta });
    return sent ? 'опрос отправлен клиенту' : `ответ клиента${rest ? `: ${rest}` : ''}`;
  }
  const parts: string[] = [];
  const change = 'from' in d;
  const key = changeKey(context.action);
  if (change) parts.push(`${show(d.from, key, meta)} → ${show(d.to, key, meta)}`);
  for (const [k, v] of Object.entries(d)) {
    // Ids of an event or a nonconformity say nothing to a reader; the line's target names the rest.
    if ((change && (k === 'from' || k === 'to')) || k === 'eventId' || k === 'id' || skip.includes(k)) continue;
    // An empty detail says nothing (a complaint not made from a rating: `rating: null`).
    if (v === null || v === undefined) continue;
    // user.update nests its changes: `{ email, changes: { role: { from, to } } }`.
    if (k === 'changes' && v && typeof v === 'object') {
      parts.push(detailsText(v as Record<string, unknown>, [], { meta }));
      continue;
    }
    if (v && typeof v === 'object' && !Array.isArray(v) && ('from' in v || 'to' in v)) {
      const c = v as { from?: unknown; to?: unknown };
      parts.push(`${DETAIL_NAMES[k] ?? k}: ${show(c.from, k, meta)} → ${show(c.to, k, meta)}`);
    } else parts.push(`${DETAIL_NAMES[k] ?? k}: ${show(v, k, meta)}`);
  }
  return parts.join('; ');
}
