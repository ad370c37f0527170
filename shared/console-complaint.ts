// A complaint's process as the console's card shows it (`Card.complaint`), what registering one
// by hand answers, and stage 2's nonconformities: built by server/complaints/, read by admin/.
// Types only: nothing here runs.

import type { CardUser } from './console-types.ts';
import type {
  ComplaintScope,
  Correction,
  CorrectionRecord,
  Importance,
  Justification,
  Step,
} from './complaint-process.ts';

/** One step of stage 1: its window, its deadline, and whether and by whom it was done. */
export interface StepState {
  step: Step;
  /** When the step's time began: the receipt, or (1.5) when 1.4 was done; null while unknown. */
  windowStartAt: string | null;
  /** null while it can't be known: 1.4 until a date is agreed, 1.5 until 1.4 is done. */
  dueAt: string | null;
  doneAt: string | null;
  doneBy: CardUser | null;
  comment: string | null;
  /**
   * Working time left until the deadline at the moment the card was built, in milliseconds;
   * negative when overdue; null when done or without a deadline.
   */
  workingMsLeft: number | null;
  /**
   * How late the step was done: the working time from its deadline to when it was done, in
   * milliseconds (0 when done after the deadline but in no working time); null when done in time,
   * not done, or without a deadline.
   */
  workingMsLate: number | null;
}

/** A row of stage 2's table «Список несоответствий по жалобе». */
export interface Nonconformity {
  id: string;
  department: { id: string; name: string } | null;
  process: string;
  product: string;
  description: string;
  task: string;
  assignee: string;
  /** `YYYY-MM-DD`. */
  dueDay: string | null;
  doneAt: string | null;
}

/** How many of the client's other messages a card lists, the newest; the inbox's search finds them all. */
export const RELATED_SHOWN = 20;

/** Another message of the same client (by ИНН, e-mail or phone), with how it ended. */
export interface RelatedMessage {
  id: string;
  number: string;
  type: 'feedback' | 'rating';
  kind: string;
  status: string;
  createdAt: string;
  excerpt: string;
  score: number | null;
  justification: Justification | null;
  satisfied: boolean | null;
  loyal: boolean | null;
  /** What matched: `inn`, `email` or `phone`. */
  matchedBy: 'inn' | 'email' | 'phone';
}

/** Everything of the complaint process on a complaint's card. */
export interface CardComplaint {
  receivedAt: string;
  origin: 'site' | 'console' | 'rating';
  /** The rating it was made from, when it was. */
  rating: { id: string; number: string } | null;
  registeredBy: CardUser | null;
  responsible: (CardUser & { email: string }) | null;
  contactPosition: string | null;
  situationDate: string | null;
  performer: string | null;
  scope: ComplaintScope;
  justification: Justification | null;
  importance: Importance;
  satisfied: boolean | null;
  loyal: boolean | null;
  outcomeSource: 'survey' | 'handler' | null;
  correction: Correction | null;
  correctionNote: string | null;
  correctionRecord: CorrectionRecord | null;
  steps: StepState[];
  /** The step 1.6 target (5 working days from receipt), shown beside its 14-day limit. */
  targetAt: string;
  /** The company's ordinary working day in minutes (540 for 09:00–18:00): time left is shown in such days. */
  workingDayMinutes: number;
  stage1ClosedAt: string | null;
  stage2ClosedAt: string | null;
  closedAt: string | null;
  surveySentAt: string | null;
  surveyAnsweredAt: string | null;
  nonconformities: Nonconformity[];
  /** The client's other messages, newest first. */
  related: RelatedMessage[];
  /** Whether the years the deadlines fall in have a production calendar (else weekends only). */
  calendarKnown: boolean;
}

/** `POST /api/admin/complaints`: what the registrar must tell the client at once. */
export interface RegisteredComplaint {
  id: string;
  number: string;
  /** The end of step 1.3: the date the client is promised an answer by. */
  answerBy: string;
  /** «Благодарим Вас за обращение…» with the number and that date, in the client's language. */
  tellClient: string;
  /** The client's language, which `tellClient` and his e-mails speak. */
  lang: 'ru' | 'en';
  /** Whether that acknowledgement was queued to the client's e-mail (`notifyClient`). */
  clientNotified: boolean;
}
