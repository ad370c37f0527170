// Fills a database already migrated to the console's schema, in two passes around the later
// migrations: the directory and the submissions first (the search migrations then index a full
// table, as on an installation upgrading with a million rows), the complaints' process after.
import type { WorkingCalendar } from '../../server/calendar/working-time.ts';
import type { Directory } from './directory.ts';
import type { Random } from './random.ts';
import type { Sink } from './sinks.ts';
import { type Counters, type Item, submissions } from './submissions.ts';

const BATCH = 5000;

/** What the second pass writes: each complaint's row and steps, and the registers' counters. */
export interface Pending {
  complaints: NonNullable<Item['complaint']>[];
  counters: Counters;
}

export async function fillSubmissions(
  sink: Sink,
  r: Random,
  count: number,
  now: Date,
  dir: Directory,
  cal: WorkingCalendar,
): Promise<Pending> {
  await sink.insert('departments', dir.rows.departments);
  await sink.insert('users', dir.rows.users);
  await sink.insert('rating_slugs', [
    ...dir.rows.employees.map((e) => ({ slug: e.slug, owner: 'employee' })),
    ...dir.rows.subjects.map((s) => ({ slug: s.slug, owner: 'subject' })),
  ]);
  await sink.insert('employees', dir.rows.employees);
  await sink.insert('rating_subjects', dir.rows.subjects);
  const pending: Pending = { complaints: [], counters: new Map() };
  let batch: Item[] = [];
  const flush = async () => {
    await sink.insert(
      'submissions',
      batch.map((b) => b.row),
    );
    await sink.insert(
      'reviews',
      batch.flatMap((b) => (b.review ? [b.review] : [])),
    );
    await sink.insert(
      'submission_events',
      batch.flatMap((b) => (b.complaint?.event ? [b.complaint.event] : [])),
    );
    batch = [];
  };
  for (const item of submissions(r, count, now, dir, cal, pending.counters)) {
    batch.push(item);
    if (item.complaint) pending.complaints.push(item.complaint);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  return pending;
}

/** The second pass, once the complaints' tables exist (migrations up to the latest). */
export async function fillComplaints(sink: Sink, dir: Directory, pending: Pending): Promise<void> {
  for (const d of dir.departments)
    await sink.run(`UPDATE departments SET responsible_user_id = '${d.handlerId}' WHERE id = '${d.id}'`);
  const { complaints } = pending;
  for (let i = 0; i < complaints.length; i += BATCH) {
    const part = complaints.slice(i, i + BATCH);
    await sink.insert(
      'complaints',
      part.map((c) => c.complaint),
    );
    await sink.insert(
      'complaint_steps',
      part.flatMap((c) => c.steps),
    );
  }
  await sink.insert(
    'registration_counters',
    [...pending.counters].map(([key, value]) => {
      const [sequence, year] = key.split(':') as [string, string];
      return { sequence, year: Number(year), value };
    }),
  );
}
