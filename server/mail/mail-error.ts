/**
 * Why a transport could not send. `permanent`: the provider refused the message itself (a bad
 * address, a rejected attachment) and the same request will never succeed, so retrying is
 * pointless. `retryAfterMs`: the provider said when to come back (HTTP 429 `Retry-After`).
 * `scope: 'provider'`: the provider or the account failed (unreachable, 5xx, rate limit, bad
 * credentials), not this message, so the messages after it would fail the same way.
 */
export class MailSendError extends Error {
  readonly permanent: boolean;
  readonly scope: 'message' | 'provider';
  readonly retryAfterMs: number | undefined;
  /** HTTP status or SMTP reply code, when there was one. */
  readonly status: number | undefined;
  /** The provider's error name (Resend) or nodemailer's code (SMTP). */
  readonly code: string | undefined;

  constructor(
    message: string,
    options: {
      permanent?: boolean;
      scope?: 'message' | 'provider';
      retryAfterMs?: number;
      status?: number;
      code?: string;
      cause?: unknown;
    } = {},
  ) {
    super(withoutMailboxes(message), { cause: options.cause });
    this.name = 'MailSendError';
    this.permanent = options.permanent ?? false;
    this.scope = options.scope ?? 'message';
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
    this.code = options.code;
  }
}

/**
 * A provider's error text with every address's mailbox masked: it goes to the log and to the
 * outbox's `last_error`, where no client's address may be (an SMTP server's «550 <anna@…>:
 * Recipient address rejected» named him). The domain stays, to tell which provider refused.
 * @example withoutMailboxes('550 5.1.1 <anna.smirnova@example.net>: rejected') // '550 5.1.1 <***@example.net>: rejected'
 */
export function withoutMailboxes(text: string): string {
  return text.replace(/[^\s<>"'(),;:@[\]]+@(?=[^\s<>"'(),;:@[\]]+\.[^\s<>"'(),;:@[\]]+)/gu, '***@');
}

/** Any failure as a `MailSendError`; an unknown error counts as temporary and the message's own. */
export function asMailSendError(err: unknown): MailSendError {
  if (err instanceof MailSendError) return err;
  return new MailSendError(err instanceof Error ? err.message : String(err), { cause: err });
}

/**
 * Milliseconds to wait from a `Retry-After` value: delay-seconds or an HTTP date (RFC 9110
 * §10.2.3). Undefined when absent or unreadable.
 * @example retryAfterMs('2', new Date()) // 2000
 */
export function retryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // HTTP dates, in all three of their historic forms, begin with the day's name.
  const at = /^[A-Za-z]/.test(v) ? Date.parse(v) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
