// Test support: ratings and their reviews rows written straight into the database, as the
// intake and the moderation would leave them, so the reviews' tests need neither the console
// API nor e-mail.
import type { Db } from '../db/connection.ts';
import type { ReviewTable } from '../db/schema.ts';
import { saveEmployee, saveSubject } from '../directory/store.ts';
import { newId } from '../ids.ts';

let seq = 0;

export interface RatingFixture {
  employeeId?: string | null;
  /** `employee` (the default when an employee is given) or a subject's slug. */
  subject?: string;
  score: number;
  comment?: string;
  name?: string | null;
  organization?: string | null;
  email?: string | null;
  publish?: boolean;
  createdAt?: string;
}

/** A rating as the intake stores it, with the pending reviews row when it allows publication. */
export async function addRating(db: Db, f: RatingFixture): Promise<string> {
  const id = newId();
  const createdAt = f.createdAt ?? '2026-11-20T09:00:00.000Z';
  const publish = f.publish ?? true;
  await db
    .insertInto('submissions')
    .values({
      id,
      number: `2026-T${String(++seq).padStart(5, '0')}-${id.slice(0, 4)}`,
      type: 'rating',
      kind: 'rating',
      channel: 'site',
      message: f.comment ?? '',
      name: f.name ?? null,
      organization: f.organization ?? null,
      inn: null,
      phone: null,
      email: f.email ?? null,
      page: null,
      lang: 'ru',
      consent_version: null,
      consent_at: null,
      consent_ip: null,
      consent_user_agent: null,
      idempotency_key: null,
      response: '{}',
      created_at: createdAt,
      score: f.score,
      subject: f.subject ?? (f.employeeId ? 'employee' : 'delivery'),
      employee_id: f.employeeId ?? null,
      department_id: null,
      publish: publish ? 1 : 0,
    })
    .execute();
  if (publish) {
    await db
      .insertInto('reviews')
      .values({ submission_id: id, status: 'pending', text: f.comment ?? '', redacted: 0, created_at: createdAt })
      .execute();
  }
  return id;
}

/** What a moderator's decision leaves in the reviews row (upserted: a forged row for a rating without consent too). */
export async function decide(
  db: Db,
  id: string,
  status: ReviewTable['status'],
  publishedAt: string,
  text?: string,
): Promise<void> {
  const changes = {
    status,
    published_at: status === 'approved' ? publishedAt : null,
    decided_at: publishedAt,
    ...(text !== undefined && { text, redacted: 1 }),
  };
  const updated = await db.updateTable('reviews').set(changes).where('submission_id', '=', id).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db
      .insertInto('reviews')
      .values({ submission_id: id, text: text ?? '', redacted: 0, created_at: publishedAt, ...changes })
      .execute();
  }
}

/** A published review taken down, as the console's «Снять с публикации» leaves it. */
export async function takeDown(db: Db, id: string, at: string, reason = 'Клиент отозвал согласие на публикацию') {
  await db
    .updateTable('reviews')
    .set({ status: 'unpublished', reason, decided_at: at })
    .where('submission_id', '=', id)
    .execute();
}

/** A rating approved for publication at `publishedAt`. */
export async function publishedRating(db: Db, f: RatingFixture & { publishedAt: string }): Promise<string> {
  const id = await addRating(db, { ...f, publish: true });
  await decide(db, id, 'approved', f.publishedAt);
  return id;
}

const clock = { now: () => new Date('2026-11-01T09:00:00.000Z') };

/** An employee in the directory, as HR's import adds him; `active: false` when he has left. */
export async function addEmployee(
  db: Db,
  slug: string,
  name: string,
  position: string | null = null,
  active = true,
): Promise<string> {
  const { id } = await saveEmployee(db, clock, {
    slug,
    name,
    position: position ?? undefined,
    managerEmail: 'boss@example.ru',
    active,
  });
  return id;
}

/** The delivery rating subject, whose title the page shows on its reviews. */
export const addDelivery = (db: Db) =>
  saveSubject(db, clock, { slug: 'delivery', title: 'Качество доставки', recipients: ['commercial@example.ru'] });
