// The audit log, GET /api/admin/audit: built by server/audit/routes.ts, read by admin/. Types only.

import type { Page } from './console-types.ts';

/** One line of the audit log: who did what to what, when and from where. */
export interface AuditItem {
  id: string;
  at: string;
  /** Who acted; null when nobody was signed in (a failed sign-in). */
  user: { id: string; email: string | null } | null;
  /** `auth.sign_in`, `review.approve`, `submission.status`, … */
  action: string;
  target: { type: string; id: string } | null;
  /** What the action concerned or changed; the keys depend on the action, `{}` when there is nothing. */
  details: Record<string, unknown>;
  ip: string | null;
}

/** `GET /audit`: a page of the log, newest first. */
export type AuditPage = Page<AuditItem>;
