// A submission's card, GET /api/admin/submissions/:id (also the answer of its PATCH), and the
// history event POST …/comments answers with: built by server/console/card.ts, read by admin/.
// Types only: nothing here runs.

import type { Step } from './complaint-process.ts';
import type { CardComplaint } from './console-complaint.ts';
import type { CardUser, ReviewState, SubmissionType } from './console-types.ts';
import type { Department, Employee } from './directory.ts';

/** A file the client attached, without its bytes (those are at `…/attachments/:attachmentId`). */
export interface AttachmentMeta {
  id: string;
  filename: string;
  /** The type recognised from the content, not the one the browser claimed. */
  mime: string;
  size: number;
  sha256: string;
}

/** The consent to personal data processing the client gave: all null when none was asked. */
export interface ConsentRecord {
  /** The version of the consent text he saw. */
  version: string | null;
  at: string | null;
  ip: string | null;
  userAgent: string | null;
  /** When the submission's personal data were erased (retention or the person's request); absent or null while kept. */
  erasedAt?: string | null;
}

/** An e-mail about the submission, from the outbox: sent, waiting for a retry, or failed. */
export interface OutboxMail {
  id: string;
  /** Which message it is (`feedback-ack`, `rating-notification`, …). */
  template: string;
  to: string[];
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

/** A change of a field: kind and status by code, the department by id, the employee by slug; null for none. */
export interface FieldChange {
  from: string | null;
  to: string | null;
}

/** A moderator's decision on a review, as the history keeps it. */
export type ModerationChange =
  | { from: 'pending'; to: 'approved'; redacted: boolean }
  | { from: 'pending'; to: 'rejected'; reason: string }
  | { from: 'approved'; to: 'unpublished'; reason: string };

/** A rating's score, comment and publication consent at one moment. */
export interface RatingVersion {
  score: number;
  comment: string;
  publish: boolean;
}

/** What a history event records, told apart by its type. */
export type HistoryChange =
  | { type: 'comment'; data: { text: string } }
  | { type: 'kind' | 'status' | 'department' | 'employee'; data: FieldChange }
  | { type: 'moderation'; data: ModerationChange }
  /** Its client changed the rating from the same browser within a day (server/ratings/change.ts). */
  | { type: 'rating'; data: { from: RatingVersion; to: RatingVersion } }
  | ComplaintChange;

/** The complaint process's events (server/complaints/). */
export type ComplaintChange =
  /** The complaint was opened: from the site, by hand, or from a rating (its number). */
  | { type: 'complaint'; data: { origin: 'site' | 'console' | 'rating'; rating: string | null } }
  /** A step of stage 1 was marked done (`at` may be earlier than the event, e.g. a call made before). */
  | { type: 'step'; data: { step: Step; at: string; comment: string | null } }
  /** A step's mark taken back: the step, when it had been marked done, and why. */
  | { type: 'step_undone'; data: { step: Step; at: string; reason: string } }
  /** The date agreed with the client for step 1.4. */
  | { type: 'agreed'; data: FieldChange }
  /** A field of the classification: `justification`, `satisfied`, … with its codes (booleans as 'true'/'false'). */
  | { type: 'classification'; data: FieldChange & { field: string } }
  /** The responsible person, by name. */
  | { type: 'responsible'; data: FieldChange }
  /** An e-mail to the client: its address, subject and text. */
  | { type: 'reply'; data: { to: string; subject: string; text: string } }
  /** A phone call with the client: when, and what was said. */
  | { type: 'call'; data: { at: string; summary: string } }
  | { type: 'stage'; data: { stage: 1 | 2; closed: boolean } }
  /** A closed complaint (or its stage 1) opened again: when they had been closed, and why. */
  | { type: 'reopened'; data: { closedAt: string | null; stage1ClosedAt: string; reason: string } }
  | { type: 'survey'; data: { sent: boolean; satisfied?: boolean; loyal?: boolean } }
  | { type: 'nonconformity'; data: { id: string; description: string; done: boolean } };

/** One event of a submission's history: an internal comment, a change or a moderation decision. */
export type HistoryEvent = { id: string; at: string; user: CardUser | null } & HistoryChange;

/** The review of a rating whose author allowed publication: where it stands and what was decided. */
export interface CardReview {
  status: ReviewState;
  /** What is (or would be) published: the comment, or the moderator's edited copy; '' for the score alone. */
  text: string;
  redacted: boolean;
  /** Why it was rejected. */
  reason: string | null;
  decidedBy: CardUser | null;
  decidedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
}

/** Everything the console's card shows of one submission. */
export interface Card {
  id: string;
  number: string;
  type: SubmissionType;
  kind: string;
  status: string;
  channel: string;
  createdAt: string;
  /** The feedback message, or the rating's comment ('' when there is none). */
  message: string;
  name: string | null;
  organization: string | null;
  inn: string | null;
  phone: string | null;
  email: string | null;
  /** The page the client wrote from, as his browser gave it. */
  page: string | null;
  lang: string;
  score: number | null;
  /** Ratings: whether the author allowed publication; null for feedback. */
  publish: boolean | null;
  /** Ratings: who or what was rated, `employee` (its title null) or a rating subject; null for feedback. */
  subject: { slug: string; title: string | null } | null;
  employee: Pick<Employee, 'id' | 'slug' | 'name' | 'position' | 'active'> | null;
  department: Pick<Department, 'id' | 'name' | 'responsibleName' | 'responsibleEmail'> | null;
  consent: ConsentRecord;
  attachments: AttachmentMeta[];
  /** Oldest first. */
  emails: OutboxMail[];
  /** Oldest first. */
  history: HistoryEvent[];
  /** Ratings published with consent have one; null otherwise. */
  review: CardReview | null;
  /** A complaint's process; null for other kinds. */
  complaint: CardComplaint | null;
  /** A rating that was made into a complaint: that complaint. */
  complaintFromRating: { id: string; number: string } | null;
  /** A rating's complaint went to a department the reader can't see: made, but not his to open or name. */
  complaintElsewhere: boolean;
  /** A suggestion's date of answer promised to the client when it came; null for other kinds. */
  answerBy: string | null;
}
