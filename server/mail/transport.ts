import path from 'node:path';
import { type Clock, systemClock } from '../clock.ts';
import type { Config } from '../env.ts';
import { createFileTransport } from './transports/file.ts';
import { createResendTransport } from './transports/resend.ts';
import { createSmtpTransport } from './transports/smtp.ts';

export { MailSendError } from './mail-error.ts';

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** One message as a transport sends it, built from an outbox row. */
export interface OutgoingMail {
  /** The outbox id: the idempotency key of a single send and the file name's tail. */
  id: string;
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

/**
 * The transport `MAIL_TRANSPORT` names: `file` (the default, `.eml` files under the data folder),
 * `resend` or `smtp`. The clock only serves to read `Retry-After` dates.
 */
export function createMailTransport(config: Config, deps: { clock?: Clock } = {}): MailTransport {
  switch (config.mailTransport) {
    case 'resend':
      if (!config.resendApiKey) throw new Error('RESEND_API_KEY is required when MAIL_TRANSPORT=resend');
      return createResendTransport({
        apiKey: config.resendApiKey,
        baseUrl: config.resendBaseUrl,
        clock: deps.clock ?? systemClock,
      });
    case 'smtp':
      if (!config.smtpUrl) throw new Error('SMTP_URL is required when MAIL_TRANSPORT=smtp');
      return createSmtpTransport({ url: config.smtpUrl });
    case 'file':
      return createFileTransport({ dir: path.join(config.dataDir, 'mail') });
  }
}
