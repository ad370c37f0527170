import type { InboxItem } from '../../../shared/console-types.ts';
import type { Db } from '../../db/connection.ts';
import type { InboxFilter } from '../../console/inbox-filter.ts';
import { listSubmissions } from '../../console/inbox-query.ts';
import { decodeCursor } from '../../console/cursor.ts';
import type { Scope } from '../../console/scope.ts';
import { channelLabel, companyTime, kindLabel } from '../../mail/templates/format.ts';
import type { Cell, ReportFile } from './table.ts';

/** Rows read per query: the inbox's own keyset pages, larger. */
const PAGE = 500;

const TYPES: Record<string, string> = { feedback: 'Обращение', rating: 'Оценка' };
const STATUSES: Record<string, string> = { new: 'Новое', in_progress: 'В работе', closed: 'Закрыто' };

/**
 * Every submission the inbox shows for this filter and scope, in the inbox's order, as one table
 * with the whole message (the inbox lists only its start). Pages through them all with the inbox's
 * own query, so the file has exactly the rows the user can see there, however many.
 * @example await inboxTable(db, scopeOf(user), parseInboxFilter(query, now), now)
 */
export async function inboxTable(
  db: Db,
  scope: Scope,
  filter: InboxFilter,
  now: Date,
  pageSize = PAGE,
): Promise<ReportFile> {
  const rows: Array<Record<string, Cell>> = [];
  let cursor: string | null = null;
  do {
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
    for (const item of page.items) rows.push(row(item, full.get(item.id)));
    cursor = page.nextCursor;
  } while (cursor);
  const title = `Обращения по фильтру входящих на ${companyTime(now.toISOString())}`;
  return {
    name: `otklik-inbox-${now.toISOString().slice(0, 10)}`,
    title,
    tables: [
      {
        title: 'Обращения',
        sheet: 'Обращения',
        columns: [
          { key: 'number', title: 'Номер', type: 'text', width: 14 },
          { key: 'createdAt', title: 'Дата', type: 'datetime' },
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
          { key: 'score', title: 'Оценка', type: 'integer', width: 8 },
          { key: 'message', title: 'Сообщение', type: 'text', width: 60 },
        ],
        rows,
      },
    ],
  };
}

function row(i: InboxItem, full: { message: string; inn: string | null } | undefined): Record<string, Cell> {
  return {
    number: i.number,
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
    employee: i.employee?.name ?? i.subjectTitle,
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
