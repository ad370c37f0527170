import { setImmediate } from 'node:timers/promises';
import type { InboxItem } from '../../../shared/console-types.ts';
import type { Db } from '../../db/connection.ts';
import type { InboxFilter, InboxQuery } from '../../console/inbox-filter.ts';
import { isCalendarDay } from '../../../shared/calendar-schema.ts';
import { listSubmissions } from '../../console/inbox-query.ts';
import { decodeCursor } from '../../http/cursor.ts';
import type { Scope } from '../../console/scope.ts';
import { channelLabel, companyTime, kindLabel } from '../../mail/templates/format.ts';
import { wallClock } from './company-clock.ts';
import type { Cell, Column, StreamedReport } from './table.ts';

/** Rows read per query: the inbox's own keyset pages, larger. */
const PAGE = 500;

const TYPES: Record<string, string> = { feedback: 'Обращение', rating: 'Оценка' };
const STATUSES: Record<string, string> = { new: 'Новое', in_progress: 'В работе', closed: 'Закрыто' };

/**
 * Every submission the inbox shows for this filter and scope, in the inbox's order, as one table
 * with the whole message (the inbox lists only its start). Its pages are read with the inbox's own
 * query as the file is written, so the file has exactly the rows the user can see there, however
 * many, and holds only one page of them at a time.
 * @example for await (const rows of inboxReport(db, scopeOf(user), inboxFilter(c.req.valid('query'), now), now).pages) …
 */
export function inboxReport(
  db: Db,
  scope: Scope,
  filter: InboxFilter,
  now: Date,
  pageSize = PAGE,
  /** The filter in words (filterWords), so that a file passed on says what it holds. */
  about = '',
): StreamedReport {
  return {
    name: `otklik-inbox-${wallClock(now.toISOString()).toISOString().slice(0, 10)}`,
    title: `Обращения по фильтру входящих на ${companyTime(now.toISOString())}${about ? `: ${about}` : ''}`,
    table: { title: 'Обращения', sheet: 'Обращения', columns: COLUMNS },
    pages: inboxPages(db, scope, filter, now, pageSize),
  };
}

/** A day as the query gave it (`2026-11-01`) or an instant, as people read it. */
const dayOrTime = (v: string) => (isCalendarDay(v) ? v.split('-').reverse().join('.') : companyTime(v));

/**
 * The inbox's query in words, for the export's title: a file the QMS head passes on said
 * «по фильтру входящих» without saying which («вид: жалоба; подразделение: ДКС; только просроченные»).
 * Empty for no filter.
 * @example await filterWords(db, { kind: 'complaint', overdue: '1' }) // 'вид: жалоба; только просроченные'
 */
export async function filterWords(db: Db, q: InboxQuery): Promise<string> {
  const parts: string[] = [];
  if (q.type) parts.push(`тип: ${TYPES[q.type]!.toLowerCase()}`);
  if (q.kind) parts.push(`вид: ${(q.kind === 'rating' ? 'оценка' : kindLabel(q.kind)).toLowerCase()}`);
  if (q.status) parts.push(`статус: ${STATUSES[q.status]!.toLowerCase()}`);
  if (q.department === 'none') parts.push('без подразделения');
  else if (q.department) {
    const d = await db.selectFrom('departments').select('name').where('id', '=', q.department).executeTakeFirst();
    parts.push(`подразделение: ${d?.name ?? q.department}`);
  }
  if (q.employee) {
    const e = await db.selectFrom('employees').select('name').where('slug', '=', q.employee).executeTakeFirst();
    parts.push(`сотрудник: ${e?.name ?? q.employee}`);
  }
  if (q.channel) parts.push(`канал: ${channelLabel(q.channel).toLowerCase()}`);
  if (q.from && q.to) parts.push(`зарегистрированы с ${dayOrTime(q.from)} по ${dayOrTime(q.to)}`);
  else if (q.from) parts.push(`зарегистрированы с ${dayOrTime(q.from)}`);
  else if (q.to) parts.push(`зарегистрированы по ${dayOrTime(q.to)}`);
  if (q.q) parts.push(`поиск «${q.q}»`);
  if (q.overdue) parts.push('только просроченные');
  if (q.sort === 'deadline') parts.push('ближайший срок первым');
  return parts.join('; ');
}

const COLUMNS: Column[] = [
  { key: 'number', title: 'Номер', type: 'text', width: 14 },
  // When it came (a complaint: its receipt, which the card and deadlines count from), and when it was registered.
  { key: 'receivedAt', title: 'Поступило', type: 'datetime' },
  { key: 'createdAt', title: 'Зарегистрировано', type: 'datetime' },
  { key: 'type', title: 'Тип', type: 'text', width: 11 },
  { key: 'kind', title: 'Вид', type: 'text', width: 14 },
  { key: 'status', title: 'Статус', type: 'text', width: 10 },
  { key: 'channel', title: 'Канал', type: 'text', width: 20 },
  { key: 'name', title: 'Имя', type: 'text', width: 24 },
  { key: 'organization', title: 'Организация', type: 'text', width: 24 },
  { key: 'inn', title: 'ИНН', type: 'text', width: 13 },
  { key: 'phone', title: 'Телефон', type: 'text', width: 15 },
  { key: 'email', title: 'E-mail', type: 'text', width: 24 },
  { key: 'department', title: 'Подразделение', type: 'text', width: 20 },
  { key: 'employee', title: 'Сотрудник', type: 'text', width: 20 },
  // A service rated (the delivery), kept out of «Сотрудник»: a filter on that column found a service as a person.
  { key: 'subject', title: 'Услуга', type: 'text', width: 20 },
  { key: 'score', title: 'Оценка', type: 'integer', width: 8 },
  { key: 'message', title: 'Сообщение', type: 'text', width: 60 },
];

/**
 * The inbox's keyset pages, one query (and one for the whole texts) per page asked for. Each
 * page waits for the event loop's next turn first: SQLite answers synchronously, and without it a
 * long export would keep every other request waiting until its end.
 */
async function* inboxPages(db: Db, scope: Scope, filter: InboxFilter, now: Date, pageSize: number) {
  let cursor: string | null = null;
  do {
    await setImmediate();
    const page = await listSubmissions(
      db,
      scope,
      filter,
      { after: decodeCursor(cursor ?? undefined), limit: pageSize },
      now,
    );
    const full = await fullTexts(
      db,
      page.items.map((i) => i.id),
    );
    yield page.items.map((item) => row(item, full.get(item.id)));
    cursor = page.nextCursor;
  } while (cursor);
}

function row(i: InboxItem, full: { message: string; inn: string | null } | undefined): Record<string, Cell> {
  return {
    number: i.number,
    receivedAt: i.receivedAt ?? i.createdAt,
    createdAt: i.createdAt,
    type: TYPES[i.type] ?? i.type,
    kind: i.kind === 'rating' ? 'Оценка' : kindLabel(i.kind),
    status: STATUSES[i.status] ?? i.status,
    channel: channelLabel(i.channel),
    name: i.name,
    organization: i.organization,
    inn: full?.inn ?? null,
    phone: i.phone,
    email: i.email,
    department: i.department?.name ?? null,
    employee: i.employee?.name ?? null,
    subject: i.subjectTitle,
    score: i.score,
    message: full?.message ?? i.excerpt,
  };
}

/** The whole message and the ИНН of a page's submissions, which the inbox's list leaves out. */
async function fullTexts(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { message: string; inn: string | null }>();
  const rows = await db.selectFrom('submissions').select(['id', 'message', 'inn']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { message: r.message, inn: r.inn }]));
}
