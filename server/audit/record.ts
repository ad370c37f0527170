import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { newId } from '../ids.ts';

export interface AuditEntry {
  user: { id: string; email: string } | null;
  /** e.g. `auth.sign_in`, `auth.sign_in_failed`, `review.approve`, `submission.kind`, `user.create`. */
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Writes one line of the audit log; call it in the transaction of the change it records. */
export async function recordAudit(db: Db, clock: Clock, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: clock.now().toISOString(),
      user_id: entry.user?.id ?? null,
      user_email: entry.user?.email ?? null,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}
