import { type CreateEmailOptions, type ErrorResponse, Resend } from 'resend';
import type { Clock } from '../../clock.ts';
import { MailSendError, retryAfterMs } from '../mail-error.ts';
import type { MailTransport, OutgoingMail } from '../mail-transport.ts';

/** Statuses that say «not now» or «not this account», not «never this message». */
const RETRYABLE_4XX = new Set([401, 403, 408, 409, 429]);

/**
 * A Resend failure as a `MailSendError`. Permanent: a 4xx that judges the message itself
 * (validation, a bad attachment), and reusing an idempotency key with another payload.
 * Temporary: network failures, 5xx, 408/409/429 (429 with its `Retry-After`), and 401/403,
 * which are the account's problem: once the operator fixes the key or the domain, the queue
 * must flow again by itself.
 */
export function resendError(
  error: ErrorResponse | null,
  headers: Record<string, string> | null,
  now: Date,
): MailSendError {
  const status = error?.statusCode ?? undefined;
  const code = error?.name;
  const permanent =
    code === 'invalid_idempotent_request' ||
    (status !== undefined && status >= 400 && status < 500 && !RETRYABLE_4XX.has(status));
  const provider = status === undefined || status >= 500 || status === 401 || status === 403 || status === 429;
  return new MailSendError(
    `Resend ${status ?? 'unreachable'} ${code ?? ''}: ${error?.message ?? 'no answer'}`.replace(/\s+/g, ' '),
    {
      permanent,
      scope: provider ? 'provider' : 'message',
      status,
      code,
      retryAfterMs: retryAfterMs(headers?.['retry-after'], now),
    },
  );
}

function payload(mail: OutgoingMail): CreateEmailOptions {
  return {
    from: mail.from,
    to: mail.to,
    replyTo: mail.replyTo.length > 0 ? mail.replyTo : undefined,
    subject: mail.subject,
    // Resend makes its own Message-ID unless given one: ours is the same on every retry.
    headers: {
      'Message-ID': mail.messageId,
      ...(mail.inReplyTo && { 'In-Reply-To': mail.inReplyTo, References: mail.inReplyTo }),
      ...mail.headers,
    },
    html: mail.html,
    text: mail.text,
    attachments:
      mail.attachments.length === 0
        ? undefined
        : mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  };
}

/**
 * Sends through Resend's HTTP API. Every request carries an idempotency key (the outbox id, or
 * the batch's key), so a retry after a lost answer is not delivered twice. Resend's batch
 * endpoint takes up to 100 messages without attachments.
 */
export function createResendTransport(options: {
  apiKey: string;
  baseUrl?: string;
  clock: Clock;
  timeoutMs?: number;
}): MailTransport {
  // Passed explicitly so that env.ts stays the only reader of RESEND_BASE_URL.
  const resend = new Resend(options.apiKey, {
    baseUrl: (options.baseUrl ?? 'https://api.resend.com').replace(/\/+$/, ''),
  });
  const signal = () => AbortSignal.timeout(options.timeoutMs ?? 30_000);
  return {
    name: 'resend',
    batchMax: 100,
    async send(mail) {
      const { data, error, headers } = await resend.emails.send(payload(mail), {
        idempotencyKey: mail.id,
        signal: signal(),
      });
      if (!data) throw resendError(error, headers, options.clock.now());
      return { providerId: data.id };
    },
    async sendBatch(mails, idempotencyKey) {
      const { data, error, headers } = await resend.batch.send(mails.map(payload), {
        idempotencyKey,
        signal: signal(),
      });
      if (!data) throw resendError(error, headers, options.clock.now());
      if (data.data.length !== mails.length)
        throw new MailSendError(`Resend batch answered ${data.data.length} ids for ${mails.length} messages`);
      return { providerIds: data.data.map((d) => d.id) };
    },
  };
}
