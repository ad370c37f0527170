// The moderation queue, GET /api/admin/moderation, and the answer of its decisions (POST
// …/:submissionId/approve and …/reject): built by server/console/moderation.ts, read by admin/.
// Types only: nothing here runs.

import type { Page } from './console-types.ts';
import type { Employee } from './directory.ts';

/** A rating's review waiting for a moderator's decision. */
export interface ModerationItem {
  submissionId: string;
  number: string;
  score: number;
  /** The author's comment as he wrote it ('' when he wrote none). */
  comment: string;
  /** The text to publish: the comment until a moderator edits it. */
  text: string;
  author: { name: string | null; organization: string | null; email: string | null };
  /** The employee rated; null when a rating subject was. */
  employee: Pick<Employee, 'slug' | 'name' | 'position'> | null;
  /** `employee`, or the slug of the rating subject rated (`delivery`). */
  subject: string;
  /** The rating subject's title («Качество доставки»); null for an employee. */
  subjectTitle: string | null;
  createdAt: string;
}

/** `GET /moderation`: a page of the queue, oldest first, and how many wait in all. */
export interface ModerationPage extends Page<ModerationItem> {
  total: number;
}

/** A moderator's decision as stored: the answer of approve and reject. */
export interface ModerationDecision {
  submissionId: string;
  status: 'approved' | 'rejected';
  /** The published text (approved), or the text left unpublished (rejected). */
  text: string;
  redacted: boolean;
  reason: string | null;
  decidedAt: string;
  publishedAt: string | null;
}
