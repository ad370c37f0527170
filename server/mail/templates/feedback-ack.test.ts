import { describe, expect, it } from 'vitest';
import { ackText } from '../../../shared/i18n.ts';
import { sampleSubmission } from '../testing/fixtures.ts';
import { feedbackAck } from './feedback-ack.ts';

describe('acknowledgement to the client', () => {
  it('in Russian: the registration promise and his own message quoted', () => {
    const mail = feedbackAck(sampleSubmission(), 'ООО «Пример»');
    expect(mail.subject).toBe('Ваше обращение № 2026-00012 зарегистрировано');
    expect(mail.text).toContain(ackText('ru', 'ООО «Пример»', '2026-00012'));
    expect(mail.text).toContain('> Программа загружается 3–4 минуты.\n> Вторая строка.');
    expect(mail.html).toContain('ООО «Пример». Ответ будет подготовлен');
    expect(mail.html).toContain('Программа загружается 3–4 минуты.<br>\nВторая строка.');
    expect(mail.html).toContain('lang="ru"');
  });

  it('in English when the client wrote in English', () => {
    const mail = feedbackAck(sampleSubmission({ lang: 'en', kind: 'thanks' }), 'Example Ltd');
    expect(mail.subject).toBe('Your message No. 2026-00012 has been registered');
    expect(mail.text).toContain(ackText('en', 'Example Ltd', '2026-00012'));
    expect(mail.text).toContain('Your message (thanks, 01.12.2026 12:00 Moscow time):');
    expect(mail.html).toContain('lang="en"');
  });

  it('escapes the client message and the company name', () => {
    const xss = `<img src=x onerror=alert(1)> "&'`;
    const mail = feedbackAck(sampleSubmission({ message: xss, number: `1\r\nBcc: x@y.z` }), xss);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;');
    expect(mail.subject).toBe('Ваше обращение № 1 Bcc: x@y.z зарегистрировано');
  });
});
