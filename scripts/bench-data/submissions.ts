// The benchmark's submissions, oldest first, over three years of a growing company: feedback of the
// three kinds (each complaint with its stage 1 steps and outcome, complaint-life.ts) and ratings of
// employees and subjects, numbered per year in the application's two registers.
import { randomUUID } from 'node:crypto';
import { addWorkingDays, type WorkingCalendar } from '../../server/calendar/working-time.ts';
import { companyDayStart } from '../../server/company-day.ts';
import type { ReviewTable, SubmissionEventTable, SubmissionTable } from '../../server/db/schema.ts';
import { type ComplaintRow, complaintLife, type StepRow } from './complaint-life.ts';
import type { Directory } from './directory.ts';
import type { Random } from './random.ts';
import { COMPLAINT, fio, INNS, ORGS, RATING_COMMENTS, SUGGESTION, THANKS, tail, translit } from './vocabulary.ts';

export const FIRST_YEAR = 2024;
export const LAST_YEAR = 2026;

export type Row = Omit<SubmissionTable, 'status' | 'erased_at' | 'answer_due_at'> & { status: string };
export type Review = Omit<ReviewTable, 'reason' | 'decided_by'>;
export interface Item {
  row: Row;
  review?: Review;
  complaint?: { complaint: ComplaintRow; steps: StepRow[]; event?: SubmissionEventTable };
}

/** The registers' last numbers by `${sequence}:${year}`, for registration_counters. */
export type Counters = Map<string, number>;

const FEEDBACK_CHANNELS = ['phone', 'email', 'visit', 'letter', 'social', 'connect', 'quality_call', 'internal'];

/** `count` submissions from 1 January of FIRST_YEAR to 31 December of LAST_YEAR (company time), `now` being the data's present. */
export function* submissions(
  r: Random,
  count: number,
  now: Date,
  dir: Directory,
  cal: WorkingCalendar,
  counters: Counters,
): Generator<Item> {
  const yearStarts = Array.from({ length: LAST_YEAR - FIRST_YEAR + 2 }, (_, k) =>
    Date.parse(companyDayStart(`${FIRST_YEAR + k}-01-01`)),
  );
  const from = yearStarts[0]!;
  const span = yearStarts.at(-1)! - from;
  let year = FIRST_YEAR;
  for (let i = 0; i < count; i++) {
    // A growing company: a quarter of the submissions in the first year, two fifths in the last.
    const at = new Date(from + span * ((i + r.next() * 0.5) / count) ** 0.75);
    while (at.getTime() >= yearStarts[year - FIRST_YEAR + 1]!) year++;
    const createdAt = at.toISOString();
    const old = now.getTime() - at.getTime() > 30 * 86400_000;
    const status = old
      ? r.chance(0.92)
        ? 'closed'
        : r.pick(['in_progress', 'new'])
      : r.pick(['new', 'new', 'in_progress', 'closed']);
    const person = r.chance(0.75) ? fio(r) : null;
    const feedback = r.chance(0.45);
    const sequence = feedback ? 'messages' : 'ratings';
    const n = (counters.get(`${sequence}:${year}`) ?? 0) + 1;
    counters.set(`${sequence}:${year}`, n);
    const base = {
      id: randomUUID(),
      number: `${feedback ? '' : 'О-'}${year}-${String(n).padStart(5, '0')}`,
      status,
      created_at: createdAt,
      lang: 'ru',
      page: 'https://example.ru/contacts',
      consent_version: '2026-11-22',
      consent_at: createdAt,
      consent_ip: `10.${i % 250}.${(i >> 8) % 250}.${(i >> 16) % 250}`,
      consent_user_agent: 'Mozilla/5.0',
      idempotency_key: null,
      response: '{}',
      name: person,
      email: r.chance(0.55)
        ? `${person ? translit(person.split(' ')[0]!) : 'client'}${i % 997}@${r.pick(['mail.ru', 'yandex.ru', 'gmail.com', 'example.ru'])}`
        : null,
    };
    if (feedback) {
      const kind = r.pick(['complaint', 'complaint', 'complaint', 'thanks', 'thanks', 'suggestion']);
      const bank = kind === 'complaint' ? COMPLAINT : kind === 'thanks' ? THANKS : SUGGESTION;
      const message = [r.pick(bank), r.chance(0.5) ? r.pick(bank) : '', tail(r)].filter(Boolean).join(' ');
      const employee = r.chance(0.3) ? r.pick(dir.employees) : null;
      const department = employee
        ? dir.departments.find((d) => d.id === employee.departmentId)!
        : r.chance(kind === 'complaint' ? 0.9 : 0.5)
          ? r.pick(dir.departments)
          : null;
      const channel = r.chance(0.75) ? 'site' : r.pick(FEEDBACK_CHANNELS);
      const organization = r.chance(0.5) ? r.pick(ORGS) : null;
      const row: Row = {
        ...base,
        type: 'feedback',
        kind,
        channel,
        message,
        organization,
        inn: organization ? INNS[organization]! : null,
        phone: r.chance(0.6) ? `+79${String(Math.floor(r.next() * 1e9)).padStart(9, '0')}` : null,
        score: null,
        subject: null,
        employee_id: employee?.id ?? null,
        department_id: department?.id ?? null,
        publish: null,
        // What the intake stores; the migration of 2026-12-20 reads a suggestion's deadline from it.
        response: JSON.stringify({ answerBy: addWorkingDays(cal, at, 3).toISOString() }),
      };
      if (kind !== 'complaint') {
        yield { row };
        continue;
      }
      const life = complaintLife(r, cal, now, {
        submissionId: row.id,
        receivedAt: at,
        channel,
        responsibleId: department?.handlerId ?? null,
        registrarId: channel === 'site' ? null : dir.qmsId,
      });
      row.status = life.status;
      // A few complaints were passed on to another department: they count in their current one.
      const before = department && r.chance(0.03) ? r.pick(dir.departments.filter((d) => d !== department)) : null;
      const event = before
        ? {
            id: randomUUID(),
            submission_id: row.id,
            at: new Date(at.getTime() + 3600_000).toISOString(),
            user_id: dir.qmsId,
            type: 'department',
            data: JSON.stringify({ from: before.id, to: department!.id }),
          }
        : undefined;
      yield { row, complaint: { ...life, event } };
      continue;
    }
    const employee = r.chance(0.7) ? r.pick(dir.employees) : null;
    const comment = r.chance(0.4)
      ? `${r.pick(RATING_COMMENTS)}${r.chance(0.3) ? ` ${r.pick(RATING_COMMENTS)}` : ''}`
      : '';
    const publish = r.chance(0.3) ? 1 : 0;
    const row: Row = {
      ...base,
      type: 'rating',
      kind: 'rating',
      channel: employee ? 'signature' : 'site',
      message: comment,
      organization: r.chance(0.3) ? r.pick(ORGS) : null,
      inn: null,
      phone: null,
      score: r.pick([5, 5, 5, 5, 4, 4, 3, 2, 1]),
      subject: employee ? 'employee' : r.pick(dir.subjects),
      employee_id: employee?.id ?? null,
      department_id: employee?.departmentId ?? null,
      publish,
    };
    if (!publish) {
      yield { row };
      continue;
    }
    const decision = old ? (r.chance(0.88) ? 'approved' : 'rejected') : r.pick(['pending', 'pending', 'approved']);
    const decidedAt = decision === 'pending' ? null : new Date(at.getTime() + 86400_000).toISOString();
    yield {
      row,
      review: {
        submission_id: row.id,
        status: decision as Review['status'],
        text: comment,
        redacted: 0,
        created_at: createdAt,
        decided_at: decidedAt,
        published_at: decision === 'approved' ? decidedAt : null,
      },
    };
  }
}
