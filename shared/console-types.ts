// The console API's payloads that the server builds and the console app reads: the session
// (POST /api/admin/login, GET /api/admin/me), the inbox (GET /api/admin/submissions) and
// GET /api/admin/meta here; the card, the moderation queue, the audit log and the users in the
// console-*.ts files beside it. Types only: nothing here runs.

import type { Department, Employee, Subject } from './directory.ts';

/** A console user as the card names him: who commented, changed or decided. */
export interface CardUser {
  id: string;
  name: string;
}

/** Console roles: admin (users and all), qms (submissions, moderation, directory), handler (his
 * department's submissions), viewer (reads). */
export type Role = 'admin' | 'qms' | 'handler' | 'viewer';

/** The signed-in console user, as the API gives him and every console route sees him. */
export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** A handler's department: he sees only its submissions. */
  departmentId: string | null;
  mustChangePassword: boolean;
}

/** `POST /login` and `GET /me`: who is signed in, and the token every change must send as X-CSRF-Token. */
export interface SessionAnswer {
  user: ConsoleUser;
  csrfToken: string;
}

/** What a submission is: a feedback message or a rating. */
export type SubmissionType = 'feedback' | 'rating';

/** Where the review of a rating stands. */
export type ReviewState = 'pending' | 'approved' | 'rejected' | 'unpublished';

/** One page of a list; `nextCursor` is the `cursor` that asks for the next one, null on the last. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A row of the inbox: one submission, feedback or rating. */
export interface InboxItem {
  id: string;
  number: string;
  type: SubmissionType;
  kind: string;
  status: string;
  channel: string;
  createdAt: string;
  /**
   * A complaint's receipt (the call, the visit, the letter), which a hand registration may place
   * before `createdAt`; null for what is not a complaint.
   */
  receivedAt: string | null;
  excerpt: string;
  /** When the client's personal data was erased on request (his words and contacts are gone); null otherwise. */
  erasedAt: string | null;
  name: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  score: number | null;
  /** Ratings: whether the author allowed publication; null for feedback. */
  publish: boolean | null;
  employee: { slug: string; name: string } | null;
  /** A rating of a subject (no employee): its title, «Качество доставки»; null otherwise. */
  subjectTitle: string | null;
  department: { id: string; name: string } | null;
  review: ReviewState | null;
  /** A rating made into a complaint: that complaint's number; null otherwise. */
  complaintNumber: string | null;
  /** An open complaint's nearest deadline, an open suggestion's promised answer; null otherwise. */
  nextDueAt: string | null;
  /** Whether that deadline has passed. */
  overdue: boolean;
}

/** How many submissions match the inbox's filter, in all and by kind, status and type. */
export interface InboxCounts {
  total: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
}

/** `GET /submissions`: a page of the inbox, newest first, and the counts of the whole filter. */
export interface InboxPage extends Page<InboxItem> {
  counts: InboxCounts;
}

/** `GET /meta`: the directory and the codes the inbox's filters and the card's choices offer. */
export interface ConsoleMeta {
  departments: Array<Pick<Department, 'id' | 'name' | 'responsibleName' | 'responsibleEmail' | 'responsibleUserId'>>;
  /** Former employees too (`active: false`): old submissions still name them. */
  employees: Array<Pick<Employee, 'id' | 'slug' | 'name' | 'position' | 'departmentId' | 'active'>>;
  subjects: Array<Pick<Subject, 'slug' | 'title'>>;
  /** Active console users who may be responsible for a complaint: admins, the QMS, handlers. */
  handlers: Array<Pick<ConsoleUser, 'id' | 'name' | 'role' | 'departmentId'>>;
  /** Bare codes in the server's order, as are `kinds`, `statuses` and `channels`: the console names them. */
  types: readonly SubmissionType[];
  kinds: readonly string[];
  statuses: readonly string[];
  channels: readonly string[];
}
