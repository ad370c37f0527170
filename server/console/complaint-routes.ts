import { Hono } from 'hono';
import type { Card } from '../../shared/console-card.ts';
import { assignResponsible, responsibleById } from '../complaints/assignment.ts';
import { CLASSIFICATION_FIELDS, classify } from '../complaints/classification.ts';
import { closeComplaint, closeStage1, closeStage2, reopenComplaint } from '../complaints/closing.ts';
import { recordCall, replyByEmail, sendSurvey } from '../complaints/contact.ts';
import { complaintFromRating } from '../complaints/from-rating.ts';
import { addNonconformity, NONCONFORMITY_FIELDS, setNonconformityDone } from '../complaints/nonconformities.ts';
import { REGISTRATION_FIELDS, registerComplaint } from '../complaints/register.ts';
import { isStep, markStepDone, setAgreedDate, undoStep } from '../complaints/steps.ts';
import { type LockedComplaint, lockComplaint } from '../complaints/store.ts';
import type { Db } from '../db/connection.ts';
import { hasControls } from '../../shared/text-rules.ts';
import { ApiError } from '../http/api-error.ts';
import { FORM_BODY, limitBody } from '../http/body-limit.ts';
import { anyFields } from '../http/validate.ts';
import { type Actor, actorOf, type ConsoleEnv, requireRole } from '../sessions/context.ts';
import { visibleCard } from './card.ts';
import type { ConsoleDeps } from './deps.ts';
import { scopeCondition, scopeOf, visibleFirst, visibleSubmission } from './scope.ts';

const small = limitBody(FORM_BODY);
const writers = requireRole('admin', 'qms', 'handler');

type Action = (
  trx: Db,
  actor: Actor,
  c: LockedComplaint,
  body: Record<string, unknown>,
  params: Record<string, string>,
) => Promise<unknown>;

/**
 * The complaint process on the card, under `/api/admin/submissions/:id/…`: steps, the agreed
 * date, classification, the responsible person, replies, calls, the survey, stage 2 and
 * closing. Each answers the card as it is after the change. Editors act on every complaint, a
 * handler on his department's (any other is a 404, as everywhere).
 */
export function complaintActions(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const wake = () => deps.onMailQueued?.();

  /** Runs one change of a visible complaint in a transaction, then answers its card. */
  async function run(
    user: ConsoleEnv['Variables']['user'],
    params: Record<string, string>,
    actor: Actor,
    body: Record<string, unknown>,
    action: Action,
  ): Promise<Card> {
    const s = await visibleSubmission(deps.db, user, params.id ?? '');
    await deps.db.transaction().execute(async (trx) => {
      const complaint = await lockComplaint(trx, s.id);
      // A complaint found to be a suggestion or a thanks keeps its record, unused: its steps stay
      // as they were, out of the deadlines and the reports, until it is made a complaint again.
      // Checked under the lock, so a change of kind at the same moment can't slip between.
      if (complaint.kind !== 'complaint') throw new ApiError(422, 'validation', { kind: 'notComplaint' });
      await action(trx, actor, complaint, body, params);
    });
    wake();
    return visibleCard(deps.db, user, s.id, deps.clock.now());
  }

  /** A change of a visible complaint, taking only the `known` fields. */
  const route = (path: string, known: readonly string[], action: Action) =>
    app.post(path, writers, small, anyFields(known), async (c) =>
      c.json(await run(c.var.user, c.req.param(), actorOf(c, deps.config.trustProxy), c.req.valid('json'), action)),
    );

  route('/:id/steps/:step', ['at', 'comment'], async (trx, actor, complaint, body, params) => {
    const step = params.step ?? '';
    if (!isStep(step)) throw new ApiError(404, 'not_found');
    await markStepDone(trx, deps.clock, actor, complaint, step, body);
  });
  route('/:id/steps/:step/undo', ['reason'], async (trx, actor, complaint, body, params) => {
    const step = params.step ?? '';
    if (!isStep(step)) throw new ApiError(404, 'not_found');
    await undoStep(trx, deps.clock, actor, complaint, step, body);
  });
  route('/:id/agreed-date', ['day'], (trx, actor, complaint, body) =>
    setAgreedDate(trx, deps.clock, actor, complaint, body.day),
  );
  route('/:id/classification', CLASSIFICATION_FIELDS, (trx, actor, complaint, body) =>
    classify(trx, deps.clock, actor, complaint, body),
  );
  route('/:id/responsible', ['responsibleUserId'], async (trx, actor, complaint, body) => {
    const id = body.responsibleUserId;
    if (id !== null && (typeof id !== 'string' || hasControls(id)))
      throw new ApiError(422, 'validation', { responsibleUserId: 'responsible' });
    const to = id === null ? null : await responsibleById(trx, id, complaint.department_id);
    await assignResponsible(trx, deps, actor, complaint, to);
  });
  route('/:id/survey', [], (trx, actor, complaint) => sendSurvey(trx, deps, actor, complaint));
  route('/:id/stage1/close', ['at'], (trx, actor, complaint, body) =>
    closeStage1(trx, deps.clock, actor, complaint, body),
  );
  route('/:id/stage2/close', [], (trx, actor, complaint) => closeStage2(trx, deps.clock, actor, complaint));
  route('/:id/close', ['at'], (trx, actor, complaint, body) => closeComplaint(trx, deps.clock, actor, complaint, body));
  route('/:id/reopen', ['reason'], (trx, actor, complaint, body) => reopenComplaint(trx, deps, actor, complaint, body));
  route('/:id/nonconformities', NONCONFORMITY_FIELDS, (trx, actor, complaint, body) =>
    addNonconformity(trx, deps.clock, actor, complaint, body),
  );
  route('/:id/nonconformities/:nid', ['done'], (trx, actor, complaint, body, params) =>
    setNonconformityDone(trx, deps.clock, actor, complaint, params.nid ?? '', body.done),
  );

  /** A reply by e-mail or a call: any submission may have one; a complaint's step 1.2 may be marked with it. */
  const contact = (path: string, known: readonly string[], fn: typeof replyByEmail) =>
    app.post(path, writers, small, visibleFirst(deps.db), anyFields(known), async (c) => {
      const s = c.var.submission;
      const body = c.req.valid('json');
      const actor = actorOf(c, deps.config.trustProxy);
      await deps.db.transaction().execute((trx) => fn(trx, deps, actor, s, body));
      wake();
      return c.json(await visibleCard(deps.db, c.var.user, s.id, deps.clock.now()));
    });
  contact('/:id/replies', ['text', 'firstContact'], replyByEmail);
  contact('/:id/calls', ['summary', 'at', 'firstContact'], recordCall);

  app.post('/:id/complaint', writers, small, async (c) => {
    const s = await visibleSubmission(deps.db, c.var.user, c.req.param('id'));
    const made = await complaintFromRating(
      deps.db,
      deps,
      actorOf(c, deps.config.trustProxy),
      s,
      scopeCondition(scopeOf(c.var.user)),
    );
    wake();
    return c.json(made, 201);
  });

  return app;
}

/** `POST /api/admin/complaints`: a complaint registered by hand (editors and handlers). */
export function complaintRegistration(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.post('/', writers, small, anyFields(REGISTRATION_FIELDS), async (c) => {
    const actor = actorOf(c, deps.config.trustProxy);
    const body = c.req.valid('json');
    // A handler registers complaints of his own department only: another named is refused, not moved.
    if (actor.user.role === 'handler') {
      const own = actor.user.departmentId ?? undefined;
      if (body.departmentId && body.departmentId !== own)
        throw new ApiError(422, 'validation', { departmentId: 'ownDepartment' });
      body.departmentId = own;
    }
    const answer = await registerComplaint(deps.db, deps, actor, body);
    deps.onMailQueued?.();
    return c.json(answer, 201);
  });
  return app;
}
