import { isCalendarDay } from '../../../shared/calendar-schema.ts';
import type { InboxQuery } from '../../console/inbox-filter.ts';
import type { Db } from '../../db/connection.ts';
import { channelLabel, companyTime } from '../../mail/templates/format.ts';
import { KIND_LABELS } from '../report-labels.ts';

// The inbox's filter as the files name it: its words for types and statuses (the rows use them
// too), and the whole filter in a line for the file's title.

export const TYPES: Record<string, string> = { feedback: 'Обращение', rating: 'Оценка' };
export const STATUSES: Record<string, string> = { new: 'Новое', in_progress: 'В работе', closed: 'Закрыто' };

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
  if (q.kind) parts.push(`вид: ${(KIND_LABELS[q.kind] ?? q.kind).toLowerCase()}`);
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
  if (q.receivedFrom && q.receivedTo)
    parts.push(`поступили с ${dayOrTime(q.receivedFrom)} по ${dayOrTime(q.receivedTo)}`);
  else if (q.receivedFrom) parts.push(`поступили с ${dayOrTime(q.receivedFrom)}`);
  else if (q.receivedTo) parts.push(`поступили по ${dayOrTime(q.receivedTo)}`);
  if (q.q) parts.push(`поиск «${q.q}»`);
  if (q.overdue) parts.push('только просроченные');
  if (q.sort === 'deadline') parts.push('ближайший срок первым');
  return parts.join('; ');
}
