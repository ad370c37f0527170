import type { HistoryEvent } from '../../shared/console-card.ts';
import { text, validate } from '../../shared/rules.ts';
import type { Actor } from '../sessions/context.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import { newId } from '../ids.ts';
import { recordAudit } from '../audit/record.ts';

const commentSchema = { text: text({ max: 5000, required: true, lines: true }) };

/** The fields a comment may carry. */
export const COMMENT_FIELDS = Object.keys(commentSchema);

/** Adds an internal comment (never shown to the client); returns the history event. */
export async function addComment(
  db: Db,
  clock: Clock,
  actor: Actor,
  submission: { id: string; number: string },
  input: Record<string, unknown>,
): Promise<HistoryEvent> {
  const parsed = validate(commentSchema, input);
  if (!parsed.success) throw new ApiError(422, 'validation', parsed.errors);
  const event = {
    id: newId(),
    submission_id: submission.id,
    at: clock.now().toISOString(),
    user_id: actor.user.id,
    type: 'comment',
    data: JSON.stringify({ text: parsed.data.text }),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('submission_events').values(event).execute();
    await recordAudit(trx, clock, {
      user: actor.user,
      action: 'submission.comment',
      target: { type: 'submission', id: submission.id },
      details: { number: submission.number, eventId: event.id },
      ip: actor.ip,
    });
  });
  return {
    id: event.id,
    at: event.at,
    user: { id: actor.user.id, name: actor.user.name },
    type: 'comment',
    data: { text: parsed.data.text },
  };
}
