import type { Generated } from 'kysely';
import type { Role } from '../../shared/console-types.ts';

/** Timestamps are ISO 8601 text in UTC on both SQLite and PostgreSQL, so they sort as text. */
type Iso = string;

export interface SubmissionTable {
  id: string;
  number: string;
  type: 'feedback' | 'rating';
  kind: string;
  status: Generated<string>;
  channel: string;
  message: string;
  name: string | null;
  organization: string | null;
  inn: string | null;
  phone: string | null;
  email: string | null;
  page: string | null;
  lang: string;
  consent_version: string | null;
  consent_at: Iso | null;
  consent_ip: string | null;
  consent_user_agent: string | null;
  idempotency_key: string | null;
  /** The first answer's JSON, returned again for a repeated idempotency key. */
  response: string;
  created_at: Iso;
  /** Ratings only: 1–5. */
  score: number | null;
  /** Ratings only: `employee` or a rating subject's slug. */
  subject: string | null;
  employee_id: string | null;
  department_id: string | null;
  /** Ratings only: 1 when the author allowed publication on the site. */
  publish: number | null;
  /** When its personal fields were erased (retention or a person's request, server/privacy/); null while kept. */
  erased_at: Iso | null;
  /**
   * A suggestion's promised answer (three working days after receipt), while it is one: the inbox
   * sorts and filters open suggestions by it beside complaints' `next_due_at`.
   */
  answer_due_at: Iso | null;
}

export interface AttachmentTable {
  id: string;
  submission_id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_at: Iso;
}

export interface RegistrationCounterTable {
  /** `messages` (`2026-00042`) or `ratings` (`О-2026-00007`): server/submissions/registration-number.ts. */
  sequence: string;
  year: number;
  value: number;
}

/** The browser a rating came from: its second rating of the same target within a day changes the first. */
export interface RatingRaterTable {
  submission_id: string;
  /** SHA-256 of the token the browser keeps (the `otklik_rater` cookie, the widget's localStorage). */
  rater: string;
}

/**
 * An outbox e-mail's sending state (migration 2026-12-16-outbox-bodies): the worker changes it
 * several times a message, so it is kept apart from the bodies, which it never changes.
 */
export interface OutboxStateTable {
  id: string;
  submission_id: string | null;
  template: string;
  /** JSON array of addresses. */
  recipients: string;
  reply_to: string | null;
  subject: string;
  /** JSON array of attachment ids sent with the message. */
  attachment_ids: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Iso;
  locked_until: Iso | null;
  last_error: string | null;
  provider_id: string | null;
  /**
   * Messages sent together in one provider batch share the id of their first message (the
   * leader), fixed before the first try, so a retry repeats the same batch under the same
   * idempotency key. A message with its own id here is always sent alone.
   */
  batch_key: string | null;
  created_at: Iso;
  sent_at: Iso | null;
  /** `<id@domain of MAIL_FROM>`, fixed before the first try: every retry carries the same one. */
  message_id: string | null;
}

/** An outbox e-mail's bodies, deleted with its state row. */
export interface OutboxBodyTable {
  id: string;
  html: string;
  text: string;
}

/** The view `outbox`: a message's state and bodies as one row, to read; writes go to the two tables. */
export interface OutboxTable extends OutboxStateTable, Omit<OutboxBodyTable, 'id'> {}

export interface DepartmentTable {
  id: string;
  name: string;
  responsible_name: string | null;
  responsible_email: string | null;
  /** The console user a new complaint of this department is assigned to. */
  responsible_user_id: string | null;
  created_at: Iso;
}

export interface RatingSlugTable {
  slug: string;
  owner: 'employee' | 'subject';
}

export interface EmployeeTable {
  id: string;
  slug: string;
  name: string;
  position: string | null;
  department_id: string | null;
  manager_name: string | null;
  manager_email: string;
  /** His own address: the console sends him his signature there. */
  email: string | null;
  /** 1 active, 0 no longer with the company. */
  active: number;
  created_at: Iso;
  updated_at: Iso;
}

export interface RatingSubjectTable {
  id: string;
  slug: string;
  title: string;
  /** The title for English pages and mail; the Russian one when null. */
  title_en: string | null;
  /** JSON array of addresses. */
  recipients: string;
  active: number;
  created_at: Iso;
}

export type { Role } from '../../shared/console-types.ts';

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** A handler's department: he sees only its submissions. */
  department_id: string | null;
  password_hash: string;
  must_change_password: number;
  active: number;
  created_at: Iso;
  updated_at: Iso;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Iso;
  last_seen_at: Iso;
  expires_at: Iso;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthThrottleTable {
  /** `user:<email>` or `ip:<address>`. */
  key: string;
  failures: number;
  window_start: Iso;
  locked_until: Iso | null;
}

export interface AuditLogTable {
  id: string;
  at: Iso;
  user_id: string | null;
  user_email: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON. */
  details: string;
  ip: string | null;
}

export interface SubmissionEventTable {
  id: string;
  submission_id: string;
  at: Iso;
  user_id: string | null;
  /** `comment`, `kind`, `department`, `employee`, `status`, `moderation`. */
  type: string;
  /** JSON: `{ text }` of a comment, or `{ from, to }` of a change. */
  data: string;
}

export interface ReviewTable {
  submission_id: string;
  /** `unpublished`: approved, then taken down; `published_at` keeps when it was published. */
  status: 'pending' | 'approved' | 'rejected' | 'unpublished';
  text: string;
  redacted: number;
  /** Why it was rejected, or taken down; `decided_by` and `decided_at` are the latest decision's. */
  reason: string | null;
  decided_by: string | null;
  decided_at: Iso | null;
  published_at: Iso | null;
  created_at: Iso;
}

/** A consent text as it was shown, per version and language (privacy/consent-texts.ts). */
export interface ConsentTextTable {
  version: string;
  lang: 'ru' | 'en';
  /** The page's text as rendered then (escaped by the page's template). */
  html: string;
  first_shown_at: Iso;
}

/** The company's change to the shipped production calendar for one day. */
export interface CalendarDayTable {
  /** `YYYY-MM-DD` in the company's time zone. */
  day: string;
  type: 'off' | 'work' | 'short';
  note: string | null;
  updated_at: Iso;
}

export interface SettingTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: Iso;
}

export interface ComplaintTable {
  submission_id: string;
  received_at: Iso;
  /** When the submission last became a complaint: registered, made of a rating, found to be one (again). */
  opened_at: Iso;
  origin: 'site' | 'console' | 'rating';
  rating_id: string | null;
  registered_by: string | null;
  responsible_user_id: string | null;
  contact_position: string | null;
  situation_date: string | null;
  performer: string | null;
  scope: Generated<'external' | 'internal'>;
  justification: 'justified' | 'partly' | 'unjustified' | null;
  importance: Generated<'high' | 'normal'>;
  satisfied: number | null;
  loyal: number | null;
  outcome_source: 'survey' | 'handler' | null;
  correction: string | null;
  correction_note: string | null;
  correction_record: string | null;
  next_due_at: Iso | null;
  stage1_closed_at: Iso | null;
  stage2_closed_at: Iso | null;
  closed_at: Iso | null;
  survey_token: string | null;
  survey_sent_at: Iso | null;
  survey_answered_at: Iso | null;
  updated_at: Iso;
}

export interface ComplaintStepTable {
  complaint_id: string;
  step: string;
  window_start_at: Iso | null;
  due_at: Iso | null;
  done_at: Iso | null;
  done_by: string | null;
  comment: string | null;
}

export interface ComplaintNoticeTable {
  complaint_id: string;
  step: string;
  kind: 'soon' | 'overdue' | 'escalation';
  at: Iso;
}

export interface NonconformityTable {
  id: string;
  complaint_id: string;
  department_id: string | null;
  process: string;
  product: string;
  description: string;
  task: string;
  assignee: string;
  due_day: string | null;
  done_at: Iso | null;
  created_at: Iso;
}

/** A fixed-window counter: `ip:<address>`, `employee:<id>`, `ack:<e-mail>`… (server/abuse/counters.ts). */
export interface RateCounterTable {
  key: string;
  window_start: Iso;
  hits: number;
}

/** How many requests were refused for one reason on one day (company-agnostic UTC day); never their content. */
export interface RefusalTable {
  /** YYYY-MM-DD (UTC). */
  day: string;
  reason: string;
  count: number;
}

/** A proof-of-work solution already used: its signature, kept until the challenge expires. */
export interface PowSpentTable {
  signature: string;
  expires_at: Iso;
}

/** Which instance runs a once-across-instances job until when, and when it last finished. */
export interface JobLeaseTable {
  name: string;
  holder: string;
  until: Iso;
  last_run: Iso | null;
}

/** A month of the period analysis kept counted (server/reports/month-store.ts). */
export interface ReportMonthTable {
  /** `YYYY-MM` in the company's time zone. */
  month: string;
  /** '' for the whole company, otherwise the department's id. */
  department_id: string;
  /** The month's first instant and the first after it. */
  starts: Iso;
  ends: Iso;
  /** The working calendar it was counted on. */
  calendar: string;
  /** Who counts it now: only that count may store its figures. */
  token: string;
  /** 1 once a write touched the month after the count began (set by triggers). */
  stale: number;
  /** JSON of MonthFigures; null while being counted. */
  figures: string | null;
}

export interface Database {
  submissions: SubmissionTable;
  attachments: AttachmentTable;
  registration_counters: RegistrationCounterTable;
  rating_raters: RatingRaterTable;
  /** A view (read only): outbox_state joined with outbox_bodies. */
  outbox: OutboxTable;
  outbox_state: OutboxStateTable;
  outbox_bodies: OutboxBodyTable;
  departments: DepartmentTable;
  rating_slugs: RatingSlugTable;
  employees: EmployeeTable;
  rating_subjects: RatingSubjectTable;
  users: UserTable;
  sessions: SessionTable;
  auth_throttle: AuthThrottleTable;
  audit_log: AuditLogTable;
  submission_events: SubmissionEventTable;
  reviews: ReviewTable;
  calendar_days: CalendarDayTable;
  settings: SettingTable;
  consent_texts: ConsentTextTable;
  complaints: ComplaintTable;
  complaint_steps: ComplaintStepTable;
  complaint_notices: ComplaintNoticeTable;
  nonconformities: NonconformityTable;
  rate_counters: RateCounterTable;
  refusals: RefusalTable;
  pow_spent: PowSpentTable;
  job_leases: JobLeaseTable;
  report_months: ReportMonthTable;
}
