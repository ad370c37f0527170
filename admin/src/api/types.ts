// The console API's payloads as the UI reads them (README: «Console API»). Fields the contract
// leaves open are optional here, and the screens show what is there. The inbox's rows and counts
// are the server's own types, from shared/.

import type { ConsoleUser, InboxCounts, InboxItem, ReviewState, Role } from '../../../shared/console-types.ts';

export type { InboxCounts, InboxItem, ReviewState, Role };

export type User = ConsoleUser;

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Department {
  id: string;
  name: string;
  responsibleName: string | null;
  responsibleEmail: string | null;
}

export interface Employee {
  id?: string;
  slug: string;
  name: string;
  position: string | null;
  departmentId: string | null;
  /** The department, where the directory API gives it. */
  department?: { id: string; name: string } | string | null;
  managerEmail?: string | null;
  managerName?: string | null;
  active: boolean;
}

export interface Subject {
  slug: string;
  title: string;
  recipients?: string[];
  active?: boolean;
}

/** A code list of /meta: plain codes, or codes with their titles. */
export type CodeList = Array<
  string | { code?: string; value?: string; id?: string; slug?: string; title?: string; name?: string; label?: string }
>;

export interface Meta {
  departments: Department[];
  employees: Employee[];
  subjects: Subject[];
  kinds: CodeList;
  statuses: CodeList;
  channels: CodeList;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  counts?: InboxCounts;
}

export interface Attachment {
  id: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
}

export interface OutboxMail {
  id: string;
  template: string;
  to: string | string[];
  subject: string;
  status: string;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
}

export interface HistoryEvent {
  id: string;
  at: string;
  user: { id: string; name: string } | null;
  type: string;
  data: Record<string, unknown> | null;
}

/** The review of a rating as the card gives it: a state, or the state with its decision. */
export type CardReview =
  | ReviewState
  | {
      status: ReviewState;
      text?: string | null;
      reason?: string | null;
      decidedAt?: string | null;
      publishedAt?: string | null;
      redacted?: boolean;
    }
  | null;

export interface Card {
  id: string;
  number: string;
  type: 'feedback' | 'rating';
  kind: string;
  status: string;
  channel: string;
  createdAt: string;
  message?: string | null;
  comment?: string | null;
  name?: string | null;
  organization?: string | null;
  inn?: string | null;
  phone?: string | null;
  email?: string | null;
  page?: string | null;
  lang?: string | null;
  score?: number | null;
  subject?: string | { slug: string; title: string | null } | null;
  publish?: boolean | null;
  employee: { slug: string; name: string; position?: string | null } | null;
  department: { id: string; name: string } | null;
  attachments?: Attachment[];
  consent?: { version: string | null; at: string | null; ip: string | null; userAgent: string | null } | null;
  emails?: OutboxMail[];
  history?: HistoryEvent[];
  review?: CardReview;
}

export interface ModerationItem {
  submissionId: string;
  number: string;
  score: number;
  comment: string;
  text?: string | null;
  author: { name: string | null; organization: string | null; email: string | null };
  employee: { slug: string; name: string; position: string | null } | null;
  subject: string | { slug: string; title: string } | null;
  createdAt: string;
}

export interface ModerationPage {
  items: ModerationItem[];
  nextCursor: string | null;
  total: number;
}

export interface ImportResult {
  created: number;
  updated: number;
  errors: Array<{ line: number; problems: string[] }>;
}

export interface ConsoleUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  department: string | { id: string; name: string } | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface AuditRow {
  id: string;
  at: string;
  user: { id: string; email: string } | null;
  action: string;
  target: { type: string; id: string } | null;
  details: Record<string, unknown> | string | null;
  ip: string | null;
}

export interface AuditPage {
  items: AuditRow[];
  nextCursor: string | null;
}
