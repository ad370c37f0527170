import { STEPS, type Step } from '../../shared/complaint-process.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { insertOutboxMessage } from '../mail/outbox-store.ts';
import { complaintAssigned } from '../mail/templates/complaint-assigned.ts';
import { complaintReminder, type NoticeKind } from '../mail/templates/complaint-reminder.ts';
import { cardLink } from '../mail/links.ts';
import { feedbackAck } from '../mail/templates/feedback-ack.ts';
import { headerValue } from '../mail/templates/subject.ts';
import { handles } from './handles.ts';
import { recordNotice } from './store.ts';

type Deps = { clock: Clock; config: Config };

/** The client as the responsible reads him: the organisation and the person to ask for (step 1.2's first contact). */
const clientOf = (s: { organization: string | null; name: string | null }) =>
  [s.organization?.trim(), s.name?.trim()].filter(Boolean).join(', ') || null;

/** Tells the responsible person, in the caller's transaction, that a complaint is his. */
export async function enqueueAssignedMail(
  trx: Db,
  deps: Deps,
  submissionId: string,
  responsible: { email: string },
): Promise<void> {
  const s = await trx
    .selectFrom('submissions')
    .innerJoin('complaints', 'complaints.submission_id', 'submissions.id')
    .select([
      'submissions.number',
      'submissions.name',
      'submissions.organization',
      'submissions.phone',
      'submissions.email',
      'submissions.lang',
    ])
    .select(['submissions.message', 'complaints.received_at'])
    .where('submissions.id', '=', submissionId)
    .executeTakeFirstOrThrow();
  const steps = await trx
    .selectFrom('complaint_steps')
    .select(['step', 'due_at', 'done_at'])
    .where('complaint_id', '=', submissionId)
    .execute();
  const byStep = new Map(steps.map((r) => [r.step, r]));
  const now = deps.clock.now().toISOString();
  // The letter lists the steps already overdue as «просрочено»: it is their overdue notice, which
  // the reminders (reminders.ts) then don't send again a minute later.
  const overdue = steps.filter((r) => r.due_at !== null && r.done_at === null && r.due_at <= now);
  for (const r of overdue)
    await recordNotice(trx, { complaintId: submissionId, step: r.step, kind: 'overdue', at: now });
  await insertOutboxMessage(trx, deps.clock, {
    template: 'complaint-assigned',
    submissionId,
    to: [responsible.email],
    // Not the client: a handler's answer to this notice («не наш отдел») is for the QMS, and the
    // client is answered from the card, where the reply is recorded (step 1.2).
    replyTo: deps.config.qmsEmail,
    mail: complaintAssigned(
      {
        number: s.number,
        client: clientOf(s),
        phone: s.phone,
        email: s.email,
        message: s.message,
        lang: s.lang,
        receivedAt: s.received_at,
        steps: STEPS.map((step) => ({
          step,
          dueAt: byStep.get(step)?.due_at ?? null,
          doneAt: byStep.get(step)?.done_at ?? null,
        })),
        now,
        link: cardLink(deps.config, submissionId),
      },
      deps.config.companyName,
    ),
  });
}

/**
 * Queues a reminder (to the responsible, or the QMS when nobody is) or an escalation (to the QMS);
 * with `onlyToResponsible`, nothing when nobody is. Whether an e-mail was queued.
 */
export async function enqueueNoticeMail(
  trx: Db,
  deps: Deps,
  notice: {
    submissionId: string;
    step: Step;
    kind: NoticeKind;
    dueAt: string;
    /** Working time left before the deadline, or past it («2 ч 15 мин»). */
    timing?: { left: boolean; text: string };
  },
  opts: { onlyToResponsible?: boolean } = {},
): Promise<boolean> {
  const s = await trx
    .selectFrom('submissions')
    .innerJoin('complaints', 'complaints.submission_id', 'submissions.id')
    .leftJoin('users', 'users.id', 'complaints.responsible_user_id')
    .leftJoin('departments', 'departments.id', 'submissions.department_id')
    .select(['submissions.number', 'submissions.name', 'submissions.organization', 'departments.name as department'])
    .select(['submissions.lang', 'submissions.email', 'submissions.phone'])
    .select([
      'users.name as responsible_name',
      'users.email as responsible_email',
      'users.active as responsible_active',
      'users.role as responsible_role',
      'users.department_id as responsible_department_id',
      'submissions.department_id',
    ])
    .where('submissions.id', '=', notice.submissionId)
    .executeTakeFirstOrThrow();
  // Only one who can open its card: a name left on a complaint he can no longer reach would tell
  // him of its client and warn no one who could act (the QMS is told instead).
  const canOpen =
    s.responsible_role !== null &&
    s.responsible_active !== null &&
    handles(
      { role: s.responsible_role, department_id: s.responsible_department_id, active: s.responsible_active },
      s.department_id,
    );
  const responsible = canOpen ? s.responsible_email : null;
  if (opts.onlyToResponsible && !responsible) return false;
  const to = notice.kind === 'escalation' || !responsible ? deps.config.qmsEmail : [responsible];
  await insertOutboxMessage(trx, deps.clock, {
    template: `complaint-${notice.kind}`,
    submissionId: notice.submissionId,
    to,
    // A responsible's answer to his reminder reaches the QMS, not the sending address.
    replyTo: to === deps.config.qmsEmail ? [] : deps.config.qmsEmail,
    mail: complaintReminder(
      {
        kind: notice.kind,
        number: s.number,
        step: notice.step,
        dueAt: notice.dueAt,
        timing: notice.timing,
        client: clientOf(s),
        department: s.department,
        responsible: s.responsible_name,
        link: cardLink(deps.config, notice.submissionId),
        lang: s.lang,
        reachable: Boolean(s.email || s.phone),
      },
      deps.config.companyName,
    ),
  });
  return true;
}

/**
 * E-mails the client of a complaint registered by hand, or made of his rating, the acknowledgement
 * a site's client gets (the number and the date of the answer; replies go to the QMS), in the
 * caller's transaction. A registrar's message — his words, perhaps with notes for colleagues — is
 * not quoted. Whether it was queued: not without an address.
 */
export async function acknowledgeRegistered(
  trx: Db,
  deps: Deps,
  submissionId: string,
  answerBy: string,
  /** The client's own words to quote, and when he sent them (a rating's comment); never a registrar's notes. */
  said?: { message: string; at: string },
): Promise<boolean> {
  const s = await trx.selectFrom('submissions').selectAll().where('id', '=', submissionId).executeTakeFirstOrThrow();
  if (!s.email) return false;
  await insertOutboxMessage(trx, deps.clock, {
    template: 'feedback-ack',
    submissionId,
    to: [headerValue(s.email)],
    replyTo: deps.config.qmsEmail,
    mail: feedbackAck(s, deps.config.companyName, answerBy, said ? { said } : { quote: false }),
  });
  return true;
}
