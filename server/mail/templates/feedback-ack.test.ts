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

  it('tells how many files arrived and their size, never their names', () => {
    const photos = [{ size: 2_400_000 }, { size: 1_165_000 }];
    const mail = feedbackAck(sampleSubmission(), 'ООО «Пример»', null, { files: photos });
    expect(mail.text).toContain('Получено файлов: 2, всего 3,4 МБ.');
    expect(mail.html).toContain('Получено файлов: 2, всего 3,4 МБ.');
    const en = feedbackAck(sampleSubmission({ lang: 'en' }), 'Example Ltd', null, { files: [{ size: 245_000 }] });
    expect(en.text).toContain('Files received: 1 (239 KB).');
    expect(feedbackAck(sampleSubmission(), 'ООО «Пример»').text).not.toContain('Получено файлов');
  });

  it('in English when the client wrote in English', () => {
    const mail = feedbackAck(sampleSubmission({ lang: 'en', kind: 'thanks' }), 'Example Ltd');
    expect(mail.subject).toBe('Your message No. 2026-00012 has been registered');
    expect(mail.text).toContain(ackText('en', 'Example Ltd', '2026-00012', undefined, 'thanks'));
    expect(mail.text).toContain('Your message (thanks, 1 December 2026 at 12:00 Moscow time):');
    expect(mail.html).toContain('lang="en"');
  });

  it('in English names what he sent «message» throughout, the e-mail itself an e-mail, and writes no date by numbers', () => {
    const due = '2026-12-04T15:00:00.000Z';
    const mail = feedbackAck(sampleSubmission({ lang: 'en', kind: 'complaint' }), 'Example Ltd', due);
    expect(mail.text).toContain(
      'Thank you for your message. It has been registered under No. 2026-00012 and passed to the quality management service of Example Ltd.',
    );
    expect(mail.text).toContain('The answer is due by 4 December 2026.');
    expect(mail.text).toContain('Example Ltd · quality management service. This e-mail was sent automatically');
    for (const out of [mail.subject, mail.text, mail.html]) {
      expect(out).not.toMatch(/request|this message|\d\d\.\d\d\.\d{4}/i);
    }
  });

  it('thanks for a thanks and promises a suggestion its consideration, keeping the seed’s words for a complaint', () => {
    const due = '2026-12-04T15:00:00.000Z';
    const complaint = feedbackAck(sampleSubmission({ kind: 'complaint' }), 'ООО «Пример»', due);
    expect(complaint.text).toContain(
      'Благодарим Вас за обращение. Ваш запрос № 2026-00012 зарегистрирован и передан в службу менеджмента качества ООО «Пример». Ответ будет подготовлен и предоставлен Вам в течение трёх рабочих дней, не считая день получения обращения. Срок ответа — до 4 декабря 2026 г.',
    );
    const thanks = feedbackAck(sampleSubmission({ kind: 'thanks' }), 'ООО «Пример»', due);
    expect(thanks.text).toContain('Благодарим Вас за тёплые слова! Ваша благодарность № 2026-00012');
    expect(thanks.text + thanks.html).not.toMatch(/Ответ будет подготовлен|Срок ответа|рабочих дней/);
    const suggestion = feedbackAck(sampleSubmission({ kind: 'suggestion' }), 'ООО «Пример»', due);
    expect(suggestion.text).toContain('Ваше предложение № 2026-00012 зарегистрировано');
    expect(suggestion.text).toContain('Срок рассмотрения — до 4 декабря 2026 г.');
    expect(suggestion.text).not.toContain('Ответ будет подготовлен');
    for (const kind of ['thanks', 'suggestion', 'complaint']) {
      const en = feedbackAck(sampleSubmission({ kind, lang: 'en', message: 'Hello', name: 'Ann' }), 'Example Ltd', due);
      expect(en.subject + en.text + en.html.replace(/<style[\s\S]*?<\/style>/g, '')).not.toMatch(/[а-яё]/i);
    }
  });

  it('escapes the client message and the company name', () => {
    const xss = `<img src=x onerror=alert(1)> "&'`;
    const mail = feedbackAck(sampleSubmission({ message: xss, number: `1\r\nBcc: x@y.z` }), xss);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;');
    expect(mail.subject).toBe('Ваше обращение № 1 Bcc: x@y.z зарегистрировано');
  });

  it('is no relay: the company’s text and the number, the message cut short with no link or address in it', () => {
    const payload = `Вы выиграли! Заберите приз на https://prize.example/claim или пишите win@prize.example. ${'Очень выгодно. '.repeat(40)}`;
    const mail = feedbackAck(sampleSubmission({ message: payload, name: 'www.prize.example' }), 'ООО «Пример»');
    expect(mail.text).toContain(ackText('ru', 'ООО «Пример»', '2026-00012'));
    for (const out of [mail.text, mail.html]) {
      expect(out).not.toMatch(/prize\.example|https?:|<a /);
      expect(out).toContain('[ссылка скрыта] или пишите [адрес скрыт]');
    }
    expect(mail.text).toMatch(/\S…\n/);
    const quoted = mail.text
      .split('\n')
      .filter((l) => l.startsWith('> '))
      .map((l) => l.slice(2))
      .join('\n');
    expect(Array.from(quoted).length).toBeLessThanOrEqual(301);
  });
});
