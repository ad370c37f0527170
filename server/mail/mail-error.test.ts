import { describe, expect, it } from 'vitest';
import { asMailSendError, MailSendError, retryAfterMs, withoutMailboxes } from './mail-error.ts';

describe('Retry-After', () => {
  const now = new Date('2026-12-01T09:00:00.000Z');
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs(' 120 ', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 08:00:00 GMT', now)).toBe(0);
  });
  it('ignores what is absent or unreadable', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-1', now)).toBeUndefined();
  });
});

describe('a send error as the log and the outbox keep it', () => {
  it('masks every mailbox, keeping the domain and the rest of the text', () => {
    const smtp = new MailSendError(
      "SMTP: Can't send mail - all recipients were rejected: 550 5.1.1 <pii.leak.person@example.net>: Recipient address rejected",
    );
    expect(smtp.message).toBe(
      "SMTP: Can't send mail - all recipients were rejected: 550 5.1.1 <***@example.net>: Recipient address rejected",
    );
    expect(asMailSendError(new Error('to: anna@example.ru, "Иван" ivan.p@mail.example.ru; bad')).message).toBe(
      'to: ***@example.ru, "Иван" ***@mail.example.ru; bad',
    );
    expect(withoutMailboxes('Resend 422: daily quota exceeded (100 e-mails)')).toBe(
      'Resend 422: daily quota exceeded (100 e-mails)',
    );
  });
});
