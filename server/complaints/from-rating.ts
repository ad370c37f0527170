import type { Expression, SqlBool } from 'kysely';
import { LOW_SCORE } from '../../shared/complaint-process.ts';
import type { Actor } from '../sessions/context.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import type { Clock } from '../clock.ts';
import { type Db, dbKind } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import { nextRegistrationNumber } from '../submissions/registration-number.ts';
import { closeRating } from '../audit/history.ts';
import { insertSubmission, type SubmissionRow } from '../submissions/store.ts';
import { acknowledgeRegistered } from './mail.ts';
import { openComplaint } from './open.ts';
import { complaintOfRating, logComplaintEvent } from './store.ts';

/**
 * Makes a complaint of a one- or two-star rating: a new complaint with its own registration
 * number, the rating's comment, contacts, employee and department, linked to the rating and
 * received when the rating was; the rating, its work handed on, is closed, and the client who
 * gave an address gets the complaint's acknowledgement. A rating becomes a complaint once; asking
 * again answers that one, when the asker may open it (`visible`, his scope on `submissions`), and
 * a 409 naming none when it has gone to another department.
 */
export async function complaintFromRating(
  db: Db,
  deps: { clock: Clock; config: Config },
  actor: Actor,
  asked: SubmissionRow,
  visible: Expression<SqlBool>,
): Promise<{ id: string; number: string }> {
  const low = (r: SubmissionRow) => r.type === 'rating' && r.score !== null && r.score <= LOW_SCORE;
  if (!low(asked)) throw new ApiError(422, 'validation', { score: 'lowRating' });
  return db.transaction().execute(async (trx) => {
    // The rating as it is now, locked on PostgreSQL: two clicks at once would both find no
    // complaint yet, and its client may have changed it (1 → 5 ★) since the card was read. The
    // second waits for the first and finds its complaint; a changed rating is checked and copied
    // as changed. SQLite has one writer, this transaction.
    let current = trx.selectFrom('submissions').selectAll().where('id', '=', asked.id);
    if (dbKind(trx) === 'postgres') current = current.forUpdate();
    const rating = await current.executeTakeFirstOrThrow();
    const made = await complaintOfRating(trx, rating.id, visible);
    if (made) {
      if (!made.visible) throw new ApiError(409, 'conflict', { score: 'ratingTaken' }, { says: 'ratingTaken' });
      return { id: made.id, number: made.number };
    }
    if (!low(rating)) throw new ApiError(422, 'validation', { score: 'lowRating' });
    const now = deps.clock.now();
    const id = newId();
    const number = await nextRegistrationNumber(trx, now);
    // Not the rating's number: the complaint may go to a department whose handler can't open the
    // rating (the card links it for a reader who may).
    const message = rating.message.trim() || `Оценка ${rating.score} из 5 без комментария.`;
    await insertSubmission(
      trx,
      {
        ...rating,
        id,
        number,
        type: 'feedback',
        kind: 'complaint',
        message,
        status: 'new',
        idempotency_key: null,
        response: '{}',
        created_at: now.toISOString(),
        score: null,
        subject: null,
        publish: null,
      },
      [],
    );
    const cal = await loadCalendar(trx);
    const { deadlines } = await openComplaint(trx, deps, cal, {
      submissionId: id,
      receivedAt: new Date(rating.created_at),
      origin: 'rating',
      ratingId: rating.id,
      departmentId: rating.department_id,
      registeredBy: actor.user.id,
    });
    await logComplaintEvent(
      trx,
      deps.clock,
      actor,
      { submission_id: id, number },
      { type: 'complaint', data: { origin: 'rating', rating: rating.number } },
    );
    // The rating's work goes on as the complaint: it closes, unless its review still waits for a
    // moderator, whose decision closes it then (console/moderation-decisions.ts).
    const review = await trx
      .selectFrom('reviews')
      .select('status')
      .where('submission_id', '=', rating.id)
      .executeTakeFirst();
    if (review?.status !== 'pending') await closeRating(trx, deps.clock, actor, rating);
    // The client is told of his complaint as of any (seed 004): its number and the answer's date,
    // his comment quoted with its time so he knows it is his rating; not with a date already past.
    const answerBy = deadlines['1.3']!;
    const said = rating.message.trim() ? { message: rating.message, at: rating.created_at } : undefined;
    if (Date.parse(answerBy) > now.getTime()) await acknowledgeRegistered(trx, deps, id, answerBy, said);
    return { id, number };
  });
}
