// The console API's inbox payloads (GET /console/api/submissions): the server's inbox query builds
// them and the console app reads them. Types only: nothing here runs.

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
