import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import type { InboxCounts, InboxItem, Page } from '../../shared/console-types.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { encodeCursor, type Position } from '../http/cursor.ts';
import type { InboxFilter } from './inbox-filter.ts';
import { type Scope, scopeCondition } from './scope.ts';
import { STATUSES } from './vocabulary.ts';
import { type SearchPlan, searchCondition, searchPlan } from './search.ts';
import { wholeNumber } from './search-terms.ts';

const EXCERPT = 200;

/**
 * The filter's conditions on the submission's own columns, within the scope, with every condition
 * in SQL so the database picks its index: the filter columns' (column, created_at) indexes, the
 * search index, or the created_at one.
 */
async function submissionConditions(db: Db, scope: Scope, f: InboxFilter, plan: SearchPlan) {
  const eb = expressionBuilder<Database, 'submissions'>();
  const all: Expression<SqlBool>[] = [scopeCondition(scope)];
  if (f.type) all.push(eb('submissions.type', '=', f.type));
  if (f.kind) all.push(eb('submissions.kind', '=', f.kind));
  if (f.status) all.push(eb('submissions.status', '=', f.status));
  if (f.channel) all.push(eb('submissions.channel', '=', f.channel));
  if (f.department === 'none') all.push(eb('submissions.department_id', 'is', null));
  else if (f.department) all.push(eb('submissions.department_id', '=', f.department));
  if (f.employee) {
    // Resolved first, so the plan is a plain equality on the indexed employee_id.
    const e = await db.selectFrom('employees').select('id').where('slug', '=', f.employee).executeTakeFirst();
    all.push(e ? eb('submissions.employee_id', '=', e.id) : sql<SqlBool>`1 = 0`);
  }
  if (f.from) all.push(eb('submissions.created_at', '>=', f.from));
  if (f.before) all.push(eb('submissions.created_at', '<', f.before));
  if (f.receivedFrom || f.receivedBefore) all.push(receivedWithin(f.receivedFrom, f.receivedBefore));
  if (f.q) {
    const number = wholeNumber(f.q);
    all.push(number ? eb('submissions.number', '=', number) : searchCondition(db, f.q, plan));
  }
  return eb.and(all);
}

/**
 * Received within [from, before): a complaint by its receipt, anything else by its registration.
 * Received is never after registered, so every condition is a range of an index: what was
 * registered before the end was received before it too, and is read through `created_at` from
 * the start on; what was registered after the end is in only as a complaint received before it,
 * read through `complaints.received_at`. A receipt compared row by row read every submission
 * (5–9 s at a million on SQLite, with the server held meanwhile).
 */
function receivedWithin(from: string | undefined, before: string | undefined): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'submissions'>();
  const received = sql<string>`coalesce((select rc.received_at from complaints rc where rc.submission_id = submissions.id), submissions.created_at)`;
  const since = from ? [eb('submissions.created_at', '>=', from), eb(received, '>=', from)] : [];
  if (!before) return eb.and(since);
  const lateRegistered = eb
    .selectFrom('complaints as late')
    .select('late.submission_id')
    .$if(from !== undefined, (q) => q.where('late.received_at', '>=', from!))
    .where('late.received_at', '<', before);
  return eb.or([
    eb.and([...since, eb('submissions.created_at', '<', before)]),
    eb.and([eb('submissions.created_at', '>=', before), eb('submissions.id', 'in', lateRegistered)]),
  ]);
}

/** Whether the filter asks for open items with a deadline: overdue ones, or sorted by it. */
const byDeadline = (f: InboxFilter) => Boolean(f.dueBefore) || f.sort === 'deadline';

/** Statuses of a suggestion still to be answered. */
const OPEN = STATUSES.filter((s) => s !== 'closed');

/**
 * The ids of what waits with a deadline (before `dueBefore`, when given): open complaints by their
 * nearest step's, open suggestions by their promised answer's. Each half is read through its own
 * index (`complaints.next_due_at`, `submissions_answer_due`), never by reading every submission.
 */
function waiting(f: InboxFilter) {
  const eb = expressionBuilder<Database, 'submissions'>();
  return (
    eb
      .selectFrom('complaints')
      .innerJoin('submissions as asked', 'asked.id', 'complaints.submission_id')
      .select('complaints.submission_id as id')
      // A complaint found to be a suggestion or a thanks keeps its record, which is due no more.
      .where('asked.kind', '=', 'complaint')
      .where('complaints.closed_at', 'is', null)
      .where('complaints.next_due_at', 'is not', null)
      .$if(Boolean(f.dueBefore), (c) => c.where('complaints.next_due_at', '<', f.dueBefore!))
      .unionAll(
        eb
          .selectFrom('submissions as waiting')
          .select('waiting.id')
          .where('waiting.status', 'in', OPEN)
          .where('waiting.answer_due_at', 'is not', null)
          .$if(Boolean(f.dueBefore), (c) => c.where('waiting.answer_due_at', '<', f.dueBefore!)),
      )
  );
}

/** An item's deadline: a complaint's nearest step's, a suggestion's promised answer. */
const dueAt = sql<
  string | null
>`case when submissions.kind = 'complaint' then complaints.next_due_at else submissions.answer_due_at end`;

/** Submissions matching the filter within the scope, each with its complaint if it has one. */
async function filtered(db: Db, scope: Scope, f: InboxFilter, plan: SearchPlan = {}) {
  let q = db
    .selectFrom('submissions')
    .leftJoin('complaints', 'complaints.submission_id', 'submissions.id')
    .where(await submissionConditions(db, scope, f, plan));
  if (byDeadline(f)) q = q.where('submissions.id', 'in', waiting(f));
  return q;
}

/**
 * One page of the inbox, newest first (or, sorted by deadline, the nearest deadline first), after
 * `after` (keyset pagination over the sort key and id: a page never repeats or skips a row,
 * however many arrive meanwhile). A complaint's row says whether it is overdue at `now`.
 * @example listSubmissions(db, { all: true }, { kind: 'complaint' }, { limit: 50 }, new Date())
 */
export async function listSubmissions(
  db: Db,
  scope: Scope,
  f: InboxFilter,
  page: { after?: Position; limit: number },
  now: Date,
): Promise<Page<InboxItem>> {
  let q = (await filtered(db, scope, f, f.q ? await searchPlan(db, f.q) : {}))
    .select([
      'submissions.id',
      'submissions.number',
      'submissions.type',
      'submissions.kind',
      'submissions.status',
      'submissions.channel',
      'submissions.created_at',
      'submissions.name',
      'submissions.organization',
      'submissions.email',
      'submissions.phone',
      'submissions.score',
      'submissions.publish',
      'submissions.employee_id',
      'submissions.department_id',
      'submissions.subject',
      'submissions.erased_at',
    ])
    .select(['complaints.next_due_at', 'complaints.closed_at as complaint_closed_at', 'complaints.received_at'])
    .select(['submissions.answer_due_at', dueAt.as('due_at')])
    .select(sql<string>`substr(submissions.message, 1, ${EXCERPT + 1})`.as('excerpt'))
    .limit(page.limit + 1);
  if (f.sort === 'deadline') {
    q = q.orderBy(dueAt, 'asc').orderBy('submissions.id', 'asc');
    if (page.after) {
      const { at, id } = page.after;
      q = q.where(dueAt, '>=', at).where((eb) => eb.or([eb(dueAt, '>', at), eb('submissions.id', '>', id)]));
    }
  } else {
    q = q.orderBy('submissions.created_at', 'desc').orderBy('submissions.id', 'desc');
    if (page.after) {
      const { at, id } = page.after;
      // The plain range first lets any (…, created_at) index serve it; the OR settles ties.
      q = q
        .where('submissions.created_at', '<=', at)
        .where((eb) => eb.or([eb('submissions.created_at', '<', at), eb('submissions.id', '<', id)]));
    }
  }
  const rows = await q.execute();
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const ratings = shown.filter((r) => r.type === 'rating').map((r) => r.id);
  const [employees, departments, reviews, subjects, madeComplaints] = await Promise.all([
    lookup(
      db,
      'employees',
      shown.map((r) => r.employee_id),
    ),
    lookup(
      db,
      'departments',
      shown.map((r) => r.department_id),
    ),
    shown.length === 0
      ? []
      : db
          .selectFrom('reviews')
          .select(['submission_id', 'status'])
          .where(
            'submission_id',
            'in',
            shown.map((r) => r.id),
          )
          .execute(),
    subjectTitles(
      db,
      shown.filter((r) => r.employee_id === null).map((r) => r.subject),
    ),
    // The complaints ratings were made into: the inbox says so instead of «возможна жалоба».
    ratings.length === 0
      ? []
      : db
          .selectFrom('complaints')
          .innerJoin('submissions', 'submissions.id', 'complaints.submission_id')
          .select(['complaints.rating_id', 'submissions.number'])
          .where('complaints.rating_id', 'in', ratings)
          // Only those the reader may open: a handler is not told of another department's.
          .where(scopeCondition(scope))
          .execute(),
  ]);
  const complaintOf = new Map(madeComplaints.map((c) => [c.rating_id, c.number]));
  const reviewOf = new Map(reviews.map((r) => [r.submission_id, r.status]));
  const nowIso = now.toISOString();
  const items: InboxItem[] = shown.map((r) => {
    const e = r.employee_id ? employees.get(r.employee_id) : undefined;
    const d = r.department_id ? departments.get(r.department_id) : undefined;
    const due = r.complaint_closed_at || (r.answer_due_at && r.status === 'closed') ? null : r.due_at;
    return {
      id: r.id,
      number: r.number,
      type: r.type,
      kind: r.kind,
      status: r.status,
      channel: r.channel,
      createdAt: r.created_at,
      receivedAt: r.received_at ?? null,
      excerpt: excerpt(r.excerpt),
      erasedAt: r.erased_at,
      name: r.name,
      organization: r.organization,
      email: r.email,
      phone: r.phone,
      score: r.score,
      publish: r.type === 'rating' ? r.publish === 1 : null,
      employee: e ? { slug: e.slug, name: e.name } : null,
      department: d ? { id: d.id, name: d.name } : null,
      subjectTitle: r.employee_id === null && r.subject ? (subjects.get(r.subject) ?? null) : null,
      review: reviewOf.get(r.id) ?? null,
      complaintNumber: complaintOf.get(r.id) ?? null,
      nextDueAt: due,
      overdue: due !== null && due < nowIso,
    };
  });
  const last = shown[shown.length - 1];
  const at = (r: NonNullable<typeof last>) => (f.sort === 'deadline' ? (r.due_at ?? '') : r.created_at);
  return { items, nextCursor: more && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}

/**
 * How many submissions match the filter, in all and by kind, status and type: one grouped
 * count, which the (type, kind, status) indexes let both databases answer from an index.
 */
export async function countSubmissions(db: Db, scope: Scope, f: InboxFilter): Promise<InboxCounts> {
  // Submissions alone: joined to its complaints, even unused, the count read every row's
  // complaint (3.2 s instead of 80 ms at a million, scripts/bench-inbox.ts).
  let q = db.selectFrom('submissions').where(await submissionConditions(db, scope, f, {}));
  if (byDeadline(f)) q = q.where('submissions.id', 'in', waiting(f));
  const rows = await q
    .select(['submissions.type', 'submissions.kind', 'submissions.status', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['submissions.type', 'submissions.kind', 'submissions.status'])
    .execute();
  const counts: InboxCounts = { total: 0, byKind: {}, byStatus: {}, byType: {} };
  for (const r of rows) {
    const n = Number(r.n);
    counts.total += n;
    counts.byKind[r.kind] = (counts.byKind[r.kind] ?? 0) + n;
    counts.byStatus[r.status] = (counts.byStatus[r.status] ?? 0) + n;
    counts.byType[r.type] = (counts.byType[r.type] ?? 0) + n;
  }
  return counts;
}

/** The start of a message on one line, with «…» when there is more. */
function excerpt(head: string): string {
  const flat = head.slice(0, EXCERPT).replace(/\s+/g, ' ').trim();
  return head.length > EXCERPT ? `${flat}…` : flat;
}

/** The titles of rating subjects by slug («delivery» → «Качество доставки»), for the «Кому» column. */
async function subjectTitles(db: Db, slugs: Array<string | null>) {
  const wanted = [...new Set(slugs.filter((x): x is string => x !== null && x !== 'employee'))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('rating_subjects').select(['slug', 'title']).where('slug', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.slug, r.title]));
}

async function lookup<T extends 'employees' | 'departments'>(db: Db, table: T, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  const map = new Map<string, { id: string; name: string; slug: string }>();
  if (wanted.length === 0) return map;
  const rows =
    table === 'employees'
      ? await db.selectFrom('employees').select(['id', 'name', 'slug']).where('id', 'in', wanted).execute()
      : await db
          .selectFrom('departments')
          .select(['id', 'name', sql<string>`''`.as('slug')])
          .where('id', 'in', wanted)
          .execute();
  for (const r of rows) map.set(r.id, r);
  return map;
}
