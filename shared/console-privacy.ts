// A person's personal data in the console (admins only): GET /api/admin/persons?email=…|phone=…
// and POST /api/admin/persons/erase, built by server/privacy/, read by admin/.

/** What the inbox and its exports say in place of an erased client's name and words. */
export const ERASED_WORDS = { name: 'Персональные данные удалены', text: 'Текст удалён' } as const;

/** One submission of the person as `npm run cli -- export` writes it, with its history. */
export interface PersonSubmission {
  id: string;
  number: string;
  createdAt: string;
  type: 'feedback' | 'rating';
  name: string | null;
  email: string | null;
  erasedAt: string | null;
  attachments: { id: string; filename: string; mime: string; size: number; sha256: string }[];
  /** The other fields of its type (kind, message, phone, score, comment…), the consent record, the history. */
  [field: string]: unknown;
}

/** An e-mail to the person or about him, from the outbox. */
export interface PersonEmail {
  id: string;
  submissionId: string | null;
  template: string;
  to: string[];
  subject: string;
  text: string;
  status: 'pending' | 'sent' | 'failed';
  createdAt: string;
  sentAt: string | null;
}

/** Everything stored about one person, found by his e-mail or phone (E.164). */
export interface PersonExportAnswer {
  key: { email: string } | { phone: string };
  submissions: PersonSubmission[];
  emails: PersonEmail[];
}

/** What an erase changed: rows of each kind. */
export interface PersonEraseAnswer {
  submissions: number;
  attachments: number;
  outbox: number;
  events: number;
}
