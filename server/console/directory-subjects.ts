import type { Selectable } from 'kysely';
import { validate } from '../../shared/rules.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { RatingSubjectTable } from '../db/schema.ts';
import { DirectoryError, saveSubject } from '../directory/store.ts';
import { ApiError } from '../http/api-error.ts';
import { recordAudit } from '../audit/record.ts';
import type { Actor } from '../sessions/context.ts';
import { subjectCreate, subjectPatch } from '../../shared/directory-schema.ts';

const shape = (s: Selectable<RatingSubjectTable>) => ({
  id: s.id,
  slug: s.slug,
  title: s.title,
  titleEn: s.title_en,
  recipients: JSON.parse(s.recipients) as string[],
  active: s.active === 1,
  createdAt: s.created_at,
});

export async function listSubjects(db: Db) {
  return (await db.selectFrom('rating_subjects').selectAll().orderBy('title').execute()).map(shape);
}

async function findSubject(db: Db, slug: string) {
  const row = await db.selectFrom('rating_subjects').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new ApiError(404, 'not_found');
  return shape(row);
}

/** Adds a rating subject such as delivery; a slug already in use (a subject's or an employee's) is a 422. */
export async function createSubject(db: Db, clock: Clock, actor: Actor, input: Record<string, unknown>) {
  const r = validate(subjectCreate, input);
  if (!r.success) throw new ApiError(422, 'validation', r.errors);
  if (await db.selectFrom('rating_slugs').select('slug').where('slug', '=', r.data.slug).executeTakeFirst())
    throw new ApiError(422, 'validation', { slug: 'slugTaken' });
  try {
    await saveSubject(db, clock, {
      slug: r.data.slug,
      title: r.data.title,
      titleEn: r.data.titleEn ?? null,
      recipients: r.data.recipients ?? [],
    });
  } catch (err) {
    if (err instanceof DirectoryError) throw new ApiError(422, 'validation', { slug: 'slugTaken' });
    throw err;
  }
  const created = await findSubject(db, r.data.slug);
  // saveSubject keeps its own transaction (it claims the slug): the audit line follows it.
  await recordAudit(db, clock, {
    user: actor.user,
    action: 'directory.subject.create',
    target: { type: 'subject', id: created.id },
    details: r.data,
    ip: actor.ip,
  });
  return created;
}

/** Changes a subject's title, recipients or whether it can be rated. */
export async function updateSubject(db: Db, clock: Clock, actor: Actor, slug: string, input: Record<string, unknown>) {
  const r = validate(subjectPatch, input);
  if (!r.success) throw new ApiError(422, 'validation', r.errors);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('rating_subjects').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!before) throw new ApiError(404, 'not_found');
    const old = shape(before);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (r.data.title !== undefined && r.data.title !== old.title) changes.title = { from: old.title, to: r.data.title };
    if (r.data.titleEn !== undefined && r.data.titleEn !== old.titleEn)
      changes.titleEn = { from: old.titleEn, to: r.data.titleEn };
    if (r.data.recipients !== undefined && JSON.stringify(r.data.recipients) !== JSON.stringify(old.recipients))
      changes.recipients = { from: old.recipients, to: r.data.recipients };
    if (r.data.active !== undefined && r.data.active !== old.active)
      changes.active = { from: old.active, to: r.data.active };
    if (Object.keys(changes).length === 0) return;
    await trx
      .updateTable('rating_subjects')
      .set({
        ...(changes.title && { title: r.data.title }),
        ...(changes.titleEn && { title_en: r.data.titleEn ?? null }),
        ...(changes.recipients && { recipients: JSON.stringify(r.data.recipients) }),
        ...(changes.active && { active: r.data.active ? 1 : 0 }),
      })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(trx, clock, {
      user: actor.user,
      action: 'directory.subject.update',
      target: { type: 'subject', id: before.id },
      details: { slug, changes },
      ip: actor.ip,
    });
  });
  return findSubject(db, slug);
}
