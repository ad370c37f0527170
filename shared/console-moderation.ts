// The moderation lists, GET /api/admin/moderation (the queue, or `?list=published`), and the answer
// of its decisions (POST …/:submissionId/approve, …/reject and …/unpublish): built by
// server/console/moderation*.ts, read by admin/. Types only: nothing here runs.

import type { Page, ReviewState } from './console-types.ts';
import type { Employee } from './directory.ts';

/** Which list: the reviews awaiting a decision, or those published now (to take one down). */
export type ModerationList = 'pending' | 'published';

/** A rating's review awaiting a moderator's decision, or published. */
export interface ModerationItem {
  submissionId: string;
  number: string;
  /** `pending` in the queue, `approved` in the published list. */
  status: ReviewState;
  score: number;
  /** The author's comment as he wrote it ('' when he wrote none). */
  comment: string;
  /** The text to publish (the comment until a moderator edits it), or the text published. */
  text: string;
  /** Whether the published text is a moderator's edited copy. */
  redacted: boolean;
  author: { name: string | null; organization: string | null; email: string | null };
  /** How the site names the author once published («Анна С., ООО «Ромашка»», «Клиент»). */
  publicAuthor: string;
  /** The employee rated; null when a rating subject was. */
  employee: Pick<Employee, 'slug' | 'name' | 'position'> | null;
  /** `employee`, or the slug of the rating subject rated (`delivery`). */
  subject: string;
  /** The rating subject's title («Качество доставки»); null for an employee. */
  subjectTitle: string | null;
  createdAt: string;
  /** When it was published; null in the queue. */
  publishedAt: string | null;
}

/** `GET /moderation`: a page of a list, and how many it holds in all. */
export interface ModerationPage extends Page<ModerationItem> {
  total: number;
}

/** A moderator's decision as stored: the answer of approve, reject and unpublish. */
export interface ModerationDecision {
  submissionId: string;
  status: 'approved' | 'rejected' | 'unpublished';
  /** The published text (approved), or the text left unpublished (rejected, taken down). */
  text: string;
  redacted: boolean;
  /** Why it was rejected or taken down. */
  reason: string | null;
  decidedAt: string;
  /** When it was published: now (approved), earlier (taken down), or null (rejected). */
  publishedAt: string | null;
}
