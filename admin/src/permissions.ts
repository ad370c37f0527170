import type { ConsoleUser } from './api/types.ts';

// What the UI offers each role; the server enforces the same rules whatever the UI shows.
const is = (user: ConsoleUser, ...roles: ConsoleUser['role'][]) => roles.includes(user.role);

/** Kind, department and employee of a submission; the directory; moderation. */
export const canEdit = (user: ConsoleUser) => is(user, 'admin', 'qms');
/**
 * A submission's status and internal comments, the complaint process, registering a complaint by
 * hand: a handler does these for his department.
 */
export const canHandle = (user: ConsoleUser) => is(user, 'admin', 'qms', 'handler');
export const canModerate = (user: ConsoleUser) => is(user, 'admin', 'qms');
export const canSeeDirectory = (user: ConsoleUser) => is(user, 'admin', 'qms');
export const canSeeAudit = (user: ConsoleUser) => is(user, 'admin', 'qms');
/** What the public forms refused, by day and reason: counts only, so viewers may read them too. */
export const canSeeRefusals = (user: ConsoleUser) => is(user, 'admin', 'qms', 'viewer');
export const canManageUsers = (user: ConsoleUser) => is(user, 'admin');
/** A person's data on his request (152-ФЗ): export and erase. */
export const canManagePersonalData = (user: ConsoleUser) => is(user, 'admin');
/** The working calendar: every role reads it (deadlines are counted on it), admin and QMS change it. */
export const canEditCalendar = (user: ConsoleUser) => is(user, 'admin', 'qms');
