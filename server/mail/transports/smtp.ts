import nodemailer from 'nodemailer';
import { MailSendError } from '../mail-error.ts';
import type { MailTransport } from '../mail-transport.ts';
import { toNodemailer } from './mime-message.ts';

interface SmtpFailure {
  message?: string;
  code?: string;
  responseCode?: number;
  permanent?: boolean;
}

/**
 * An SMTP failure as a `MailSendError`. 5xx replies are permanent (RFC 5321, 503 excepted), except those about
 * logging in (530, 534, 535, 538) and nodemailer's EAUTH: wrong credentials are fixed by the
 * operator, and the queued messages must then go without anyone re-queueing them.
 */
export function smtpError(err: unknown): MailSendError {
  const e = (err ?? {}) as SmtpFailure;
  const code = e.responseCode;
  const auth = e.code === 'EAUTH' || code === 530 || code === 534 || code === 535 || code === 538;
  const permanent = !auth && (e.permanent ?? (code !== undefined && code >= 500 && code < 600 && code !== 503));
  // No reply code: the server was not reached. 421: it is shutting the session down.
  const provider = auth || code === undefined || code === 421;
  return new MailSendError(`SMTP: ${e.message ?? String(err)}`, {
    permanent,
    scope: provider ? 'provider' : 'message',
    status: code,
    code: e.code,
    cause: err,
  });
}

/** Sends through the company's own mail server (`SMTP_URL`, e.g. smtps://user:pass@mail.example.ru). */
export function createSmtpTransport(options: { url: string }): MailTransport {
  // nodemailer waits up to 10 minutes on a silent socket by default; the outbox lease is shorter.
  const transporter = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    name: 'smtp',
    async send(mail) {
      try {
        const info = await transporter.sendMail(toNodemailer(mail));
        return { providerId: info.messageId };
      } catch (err) {
        throw smtpError(err);
      }
    },
  };
}
