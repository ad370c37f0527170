import { setImmediate } from 'node:timers/promises';
import { ERASED_WORDS } from '../../../shared/console-privacy.ts';
import type { InboxItem } from '../../../shared/console-types.ts';
import type { Db } from '../../db/connection.ts';
import type { InboxFilter } from '../../console/inbox-filter.ts';
import { listSubmissions } from '../../console/inbox-query.ts';
import { decodeCursor } from '../../http/cursor.ts';
import type { Scope } from '../../console/scope.ts';
import { channelLabel, companyTime, formatPhone } from '../../mail/templates/format.ts';
import { KIND_LABELS } from '../report-labels.ts';
import { STATUSES, TYPES } from './inbox-words.ts';
import { wallClock } from './company-clock.ts';
import type { Cell, Column, StreamedReport } from './table.ts';

/** Rows read per query: the inbox's own keyset pages, larger. */
const PAGE = 500;

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
  /** The filter in words (inbox-words.ts filterWords), so that a file passed on says what it holds. */
  about = '',
): StreamedReport {
  return {
    name: `otklik-inbox-${wallClock(now.toISOString()).toISOString().slice(0, 10)}`,
    title: `Обращения по фильтру входящих на ${companyTime(now.toISOString())}${about ? `: ${about}` : ''}`,
    table: { title: 'Обращения', sheet: 'Обращения', columns: COLUMNS },
    pages: inboxPages(db, scope, filter, now, pageSize),
  };
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
  { key: 'inn', title: 'ИНН', type: 'code', width: 13 },
  { key: 'phone', title: 'Телефон', type: 'code', width: 17 },
  { key: 'email', title: 'E-mail', type: 'text', width: 24 },
  { key: 'department', title: 'Подразделение', type: 'text', width: 20 },
  { key: 'employee', title: 'Сотрудник', type: 'text', width: 20 },
  // A service rated (the delivery), kept out of «Сотрудник»: a filter on that column found a service as a person.
  { key: 'subject', title: 'Услуга', type: 'text', width: 20 },
  { key: 'score', title: 'Оценка', type: 'integer', width: 8 },
  // An open complaint's nearest step deadline, an open suggestion's promised answer, as the inbox sorts by.
  { key: 'dueAt', title: 'Ближайший срок', type: 'datetime' },
  { key: 'overdue', title: 'Просрочено', type: 'text', width: 11 },
  { key: 'message', title: 'Сообщение', type: 'text', width: 60 },
  // A complaint's responsible person now, as the card and the per-person figures name him; last,
  // so that a sheet read by the columns' places finds the others where they were.
  { key: 'responsible', title: 'Ответственный', type: 'text', width: 20 },
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

function row(i: InboxItem, full: FullText | undefined): Record<string, Cell> {
  return {
    number: i.number,
    receivedAt: i.receivedAt ?? i.createdAt,
    createdAt: i.createdAt,
    type: TYPES[i.type] ?? i.type,
    kind: KIND_LABELS[i.kind] ?? i.kind,
    status: STATUSES[i.status] ?? i.status,
    channel: channelLabel(i.channel),
    // As the inbox says it: an erased client's row is not mistaken for one left blank.
    name: i.erasedAt && !i.name ? ERASED_WORDS.name : i.name,
    organization: i.organization,
    inn: full?.inn ?? null,
    phone: i.phone && formatPhone(i.phone),
    email: i.email,
    department: i.department?.name ?? null,
    responsible: full?.responsible ?? null,
    employee: i.employee?.name ?? null,
    subject: i.subjectTitle,
    score: i.score,
    dueAt: i.nextDueAt,
    overdue: i.overdue ? 'да' : null,
    message: (full?.message ?? i.excerpt) || (i.erasedAt ? ERASED_WORDS.text : ''),
  };
}

type FullText = { message: string; inn: string | null; responsible: string | null };

/**
 * The whole message, the ИНН and a complaint's responsible person of a page's submissions, which
 * the inbox's list leaves out.
 */
async function fullTexts(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, FullText>();
  const rows = await db
    .selectFrom('submissions')
    .leftJoin('complaints', 'complaints.submission_id', 'submissions.id')
    .leftJoin('users', 'users.id', 'complaints.responsible_user_id')
    .select(['submissions.id', 'submissions.message', 'submissions.inn', 'users.name as responsible'])
    .where('submissions.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { message: r.message, inn: r.inn, responsible: r.responsible }]));
}
