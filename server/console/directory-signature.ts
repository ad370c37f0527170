import { recordAudit } from '../audit/record.ts';
import { ApiError } from '../http/api-error.ts';
import { insertOutboxMessage } from '../mail/outbox-store.ts';
import { employeeSignature } from '../mail/templates/employee-signature.ts';
import { signatureHtml } from '../ratings/signature.ts';
import type { Actor } from '../sessions/context.ts';
import type { ConsoleDeps } from './deps.ts';

/**
 * «Отправить подпись сотруднику»: queues an e-mail to the employee with his signature page
 * (`/s/:slug`, where he copies it), the instructions and a preview; audited in the same
 * transaction. 422 naming `email` when he has none, `active` when he no longer works here (his
 * page answers 404 then).
 */
export async function sendSignature(deps: ConsoleDeps, actor: Actor, slug: string, base: string) {
  const e = await deps.db
    .selectFrom('employees')
    .select(['id', 'slug', 'name', 'position', 'email', 'active'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!e) throw new ApiError(404, 'not_found');
  if (e.active !== 1) throw new ApiError(422, 'validation', { active: 'employeeInactive' });
  const to = e.email;
  if (!to) throw new ApiError(422, 'validation', { email: 'employeeEmail' });
  await deps.db.transaction().execute(async (trx) => {
    await insertOutboxMessage(trx, deps.clock, {
      template: 'employee-signature',
      submissionId: null,
      to: [to],
      replyTo: [actor.user.email],
      mail: employeeSignature(
        {
          name: e.name,
          pageUrl: `${base}/s/${encodeURIComponent(e.slug)}`,
          signatureHtml: signatureHtml(base, e),
          sender: actor.user.email,
        },
        deps.config.companyName,
      ),
    });
    await recordAudit(trx, deps.clock, {
      user: actor.user,
      action: 'directory.employee.signature_send',
      target: { type: 'employee', id: e.id },
      details: { slug: e.slug, to },
      ip: actor.ip,
    });
  });
  deps.onMailQueued?.();
  return { sentTo: to };
}
