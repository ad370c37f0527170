// The console API's payloads that the server builds and the console app reads (GET /api/admin/me,
// GET /api/admin/submissions). Types only: nothing here runs.

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

/** Where the review of a rating stands. */
export type ReviewState = 'pending' | 'approved' | 'rejected';

/** A row of the inbox: one submission, feedback or rating. */
export interface InboxItem {
  id: string;
  number: string;
  type: 'feedback' | 'rating';
  kind: string;
  status: string;
  channel: string;
  createdAt: string;
  excerpt: string;
  name: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  score: number | null;
  /** Ratings: whether the author allowed publication; null for feedback. */
  publish: boolean | null;
  employee: { slug: string; name: string } | null;
  department: { id: string; name: string } | null;
  review: ReviewState | null;
}

/** How many submissions match the inbox's filter, in all and by kind, status and type. */
export interface InboxCounts {
  total: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
}
