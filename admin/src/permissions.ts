import type { User } from './api/types.ts';

// What the UI offers each role; the server enforces the same rules whatever the UI shows.
const is = (user: User, ...roles: User['role'][]) => roles.includes(user.role);

/** Kind, department and employee of a submission; the directory; moderation. */
export const canEdit = (user: User) => is(user, 'admin', 'qms');
/** A submission's status and internal comments: a handler does this for his department. */
export const canHandle = (user: User) => is(user, 'admin', 'qms', 'handler');
export const canModerate = (user: User) => is(user, 'admin', 'qms');
export const canSeeDirectory = (user: User) => is(user, 'admin', 'qms');
export const canSeeAudit = (user: User) => is(user, 'admin', 'qms');
export const canManageUsers = (user: User) => is(user, 'admin');
