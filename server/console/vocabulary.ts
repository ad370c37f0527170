import { FEEDBACK_KINDS } from '../../shared/feedback-schema.ts';

/** What a submission is: a feedback message or a rating. */
export const TYPES = ['feedback', 'rating'] as const;

/** Kinds the inbox filters by: the feedback form's three, and `rating` (every rating has it). */
export const KINDS = [...FEEDBACK_KINDS, 'rating'] as const;

/** Where a submission is in its handling. */
export const STATUSES = ['new', 'in_progress', 'closed'] as const;

/**
 * Ways a submission reaches the QMS: the site and e-mail signatures today, the rest when the
 * QMS registers messages received by phone, visit, letter, e-mail, social network, 1С-Коннект,
 * quality call, or from another department (internal).
 */
export const CHANNELS = [
  'site',
  'signature',
  'phone',
  'visit',
  'letter',
  'email',
  'social',
  'connect',
  'quality_call',
  'internal',
] as const;
