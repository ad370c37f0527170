import type { Role } from '../server/db/schema.ts';

/** Every console role, as `users.role` holds it. */
export const ROLES: readonly Role[] = ['admin', 'qms', 'handler', 'viewer'];

const ALL = ROLES;
/** admin and QMS: the directory, moderation, the calendar, the audit log. */
const EDITORS: readonly Role[] = ['admin', 'qms'];
/** Who works on submissions and complaints; a handler on his department's only. */
const WORKERS: readonly Role[] = ['admin', 'qms', 'handler'];
const ADMIN: readonly Role[] = ['admin'];

export interface RoutePermission {
  /** Roles that get past the route's guards; every other signed-in role gets 403 `forbidden`. */
  roles: readonly Role[];
  /**
   * The route names one submission: a handler reaches only his department's, any other is a 404
   * as if it did not exist.
   */
  scoped?: true;
  /** Answers without a session (sign-in). */
  public?: true;
}

/**
 * Who may use each console API route: the one list the server's guards are tested against
 * (test/route-permissions.test.ts walks it against the real app, role by role, and fails when
 * the app has a route that is not listed here). The console's menus follow the same rules
 * (admin/src/permissions.ts); server/console/README.md describes the payloads.
 */
export const ROUTE_PERMISSIONS: Record<string, RoutePermission> = {
  'POST /api/admin/login': { roles: ALL, public: true },
  'POST /api/admin/logout': { roles: ALL },
  'GET /api/admin/me': { roles: ALL },
  'POST /api/admin/password': { roles: ALL },

  'GET /api/admin/users': { roles: ADMIN },
  'POST /api/admin/users': { roles: ADMIN },
  'PATCH /api/admin/users/:id': { roles: ADMIN },
  'POST /api/admin/users/:id/reset-password': { roles: ADMIN },
  'GET /api/admin/audit': { roles: EDITORS },
  'GET /api/admin/refusals': { roles: ['admin', 'qms', 'viewer'] },
  'GET /api/admin/persons': { roles: ADMIN },
  'POST /api/admin/persons/erase': { roles: ADMIN },

  'GET /api/admin/meta': { roles: ALL },
  // The list is filtered to the handler's department, not refused (checked apart).
  'GET /api/admin/submissions': { roles: ALL },
  'GET /api/admin/submissions/:id': { roles: ALL, scoped: true },
  'GET /api/admin/submissions/:id/attachments/:attachmentId': { roles: ALL, scoped: true },
  'PATCH /api/admin/submissions/:id': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/comments': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/steps/:step': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/steps/:step/undo': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/agreed-date': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/classification': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/responsible': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/survey': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/stage1/close': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/stage2/close': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/close': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/reopen': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/nonconformities': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/nonconformities/:nid': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/replies': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/calls': { roles: WORKERS, scoped: true },
  'POST /api/admin/submissions/:id/complaint': { roles: WORKERS, scoped: true },
  // A handler's complaint goes to his own department, whatever the body says.
  'POST /api/admin/complaints': { roles: WORKERS },

  'GET /api/admin/moderation': { roles: ALL },
  'POST /api/admin/moderation/:submissionId/approve': { roles: EDITORS },
  'POST /api/admin/moderation/:submissionId/reject': { roles: EDITORS },
  'POST /api/admin/moderation/:submissionId/unpublish': { roles: EDITORS },

  'GET /api/admin/departments': { roles: ALL },
  'POST /api/admin/departments': { roles: EDITORS },
  'PATCH /api/admin/departments/:id': { roles: EDITORS },
  'GET /api/admin/employees': { roles: ALL },
  'POST /api/admin/employees': { roles: EDITORS },
  'POST /api/admin/employees/import': { roles: EDITORS },
  'GET /api/admin/employees/:slug': { roles: ALL },
  'PATCH /api/admin/employees/:slug': { roles: EDITORS },
  'GET /api/admin/employees/:slug/signature': { roles: ALL },
  'GET /api/admin/employees/:slug/signature.html': { roles: ALL },
  'POST /api/admin/employees/:slug/signature/send': { roles: EDITORS },
  'GET /api/admin/subjects': { roles: ALL },
  'POST /api/admin/subjects': { roles: EDITORS },
  'PATCH /api/admin/subjects/:slug': { roles: EDITORS },

  'GET /api/admin/calendar': { roles: ALL },
  'PUT /api/admin/calendar/days/:day': { roles: EDITORS },
  'DELETE /api/admin/calendar/days/:day': { roles: EDITORS },
  'PUT /api/admin/calendar/hours': { roles: EDITORS },

  // A handler's figures are his department's, whatever he asks (checked in server/reports/routes.test.ts).
  'GET /api/admin/reports/weekly': { roles: ALL },
  'GET /api/admin/reports/monthly': { roles: ALL },
  'GET /api/admin/reports/weekly.csv': { roles: ALL },
  'GET /api/admin/reports/weekly.xlsx': { roles: ALL },
  'GET /api/admin/reports/monthly.csv': { roles: ALL },
  'GET /api/admin/reports/monthly.xlsx': { roles: ALL },
  'GET /api/admin/reports/inbox.csv': { roles: ALL },
  'GET /api/admin/reports/inbox.xlsx': { roles: ALL },
};
