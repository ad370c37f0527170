import { describe, expect, it } from 'vitest';
import { complaintReply } from './complaint-reply.ts';

describe('the handler’s reply to the client', () => {
  it('in English calls what the client sent his message and this letter an e-mail', () => {
    const mail = complaintReply(
      { number: '2026-00012', lang: 'en', text: 'We have replaced the part.', from: 'Anna Petrova' },
      'Example Ltd',
    );
    expect(mail.subject).toBe('Reply to your message No. 2026-00012');
    expect(mail.text).toContain('Example Ltd · quality management service. You may reply to this e-mail.');
    expect(mail.text + mail.html).not.toMatch(/this message/i);
  });
});
