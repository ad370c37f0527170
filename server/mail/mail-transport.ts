// What a transport is: the messages it sends and how. The transports (transports/) implement it;
// transport.ts picks one by the configuration.

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/**
 * What a message written by the system carries: it was sent by a machine (RFC 3834), so a
 * client's out-of-office reply to an acknowledgement does not come back to the QMS as a letter,
 * and a vacation responder does not answer the QMS's own notifications; Exchange and Outlook,
 * which don't read RFC 3834, are asked the same by `X-Auto-Response-Suppress`.
 */
export const AUTOMATIC_HEADERS: Readonly<Record<string, string>> = {
  'Auto-Submitted': 'auto-generated',
  'X-Auto-Response-Suppress': 'OOF, AutoReply',
};

/**
 * The headers of a message by its template. A reply from the card is a person's answer to the
 * client, not a machine's: marked automatic, a helpdesk or a filter on the client's side may
 * set it aside unread, and the client's own auto-reply to it is welcome.
 * @example headersOf('complaint-reply') // {}
 */
export function headersOf(template: string): Readonly<Record<string, string>> {
  return template === 'complaint-reply' ? {} : AUTOMATIC_HEADERS;
}

/** One message as a transport sends it, built from an outbox row. */
export interface OutgoingMail {
  /** The outbox id: the idempotency key of a single send and the file name's tail. */
  id: string;
  /** `<…@…>`, the same on every try (message-id.ts): receivers drop a copy by it. */
  messageId: string;
  /** When the message was queued (ISO); the `.eml` file is named by it. */
  createdAt: string;
  /** The `Date` header: when it is sent. */
  date: Date;
  from: string;
  to: string[];
  replyTo: string[];
  subject: string;
  html: string;
  text: string;
  attachments: OutgoingAttachment[];
  /** Headers besides the standard ones (`headersOf` its template). */
  headers: Readonly<Record<string, string>>;
  /** The Message-ID of the message this one follows up (In-Reply-To and References); null for a first one. */
  inReplyTo: string | null;
}

/**
 * Sends messages somewhere. Failures are thrown as `MailSendError`. A transport that has a
 * batch API also offers `sendBatch`: all or nothing, under one idempotency key.
 */
export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<{ providerId: string }>;
  sendBatch?: (mails: OutgoingMail[], idempotencyKey: string) => Promise<{ providerIds: string[] }>;
  /** The largest batch `sendBatch` takes. */
  readonly batchMax?: number;
}
