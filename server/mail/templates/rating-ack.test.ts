import { describe, expect, it } from 'vitest';
import { ratingAck } from './rating-ack.ts';
import { deliveryTarget, employeeTarget, sampleRating } from './rating-samples.ts';

describe('thank-you to the client for a rating', () => {
  it('in Russian: the thanks, his score and his comment quoted', () => {
    const mail = ratingAck(sampleRating(), employeeTarget(), 'ООО «Пример»');
    expect(mail.subject).toBe('Спасибо за отзыв № 2026-00013');
    expect(mail.text).toContain(
      'Спасибо за отзыв № 2026-00013 о работе ООО «Пример». Каждую оценку читают руководитель и служба менеджмента качества.',
    );
    expect(mail.text).toContain('Ваша оценка (Иванов Иван, 01.12.2026 12:00 МСК):\n★★★★☆ 4 из 5 — хорошо');
    expect(mail.text).toContain('> Быстро ответил на письмо.\n> Спасибо!');
    expect(mail.html).toContain('Быстро ответил на письмо.<br>\nСпасибо!');
    expect(mail.html).toContain('★★★★☆');
    expect(mail.html).toContain('lang="ru"');
  });

  it('tells an unhappy client (one or two stars) where to turn, and no one else', () => {
    const sorry = 'Нам жаль, что Вы остались недовольны. Если вопрос ещё не решён, ответьте на это письмо';
    for (const score of [1, 2]) {
      const mail = ratingAck(sampleRating({ score }), employeeTarget(), 'ООО «Пример»');
      expect(mail.text).toContain(sorry);
      expect(mail.html).toContain(sorry);
    }
    for (const score of [3, 4, 5])
      expect(ratingAck(sampleRating({ score }), employeeTarget(), 'ООО «Пример»').text).not.toContain('Нам жаль');
    const en = ratingAck(sampleRating({ score: 1, lang: 'en' }), employeeTarget(), 'Example Ltd');
    expect(en.text).toContain('We are sorry you were not satisfied.');
  });

  it('in English when the client rated in English, the subject by its English title; no comment, nothing quoted', () => {
    const mail = ratingAck(
      sampleRating({ lang: 'en', score: 5, message: '' }),
      deliveryTarget({ titleEn: 'Delivery quality' }),
      'Example Ltd',
    );
    expect(mail.subject).toBe('Thank you for your review No. 2026-00013');
    // A service's rating goes to its own recipients: no manager is promised.
    expect(mail.text).toContain(
      'Thank you for your review No. 2026-00013 of the work of Example Ltd. Every score is read by the people responsible and by the quality management service.',
    );
    expect(mail.text + mail.html).not.toMatch(/manager/i);
    expect(mail.text).toContain(
      'Your score (Delivery quality, 1 December 2026 at 12:00 Moscow time):\n★★★★★ 5 of 5 — excellent',
    );
    // Without an English title, the Russian one.
    expect(ratingAck(sampleRating({ lang: 'en' }), deliveryTarget(), 'Example Ltd').text).toContain(
      'Your score (Качество доставки,',
    );
    expect(mail.text).toContain('This e-mail was sent automatically');
    expect(mail.text).not.toContain('Your comment');
    expect(mail.text).not.toContain('>');
    expect(mail.html).toContain('lang="en"');
  });

  it('tells an employee’s rater, in English too, that the employee’s manager reads it, and a service’s rater in Russian that those responsible do', () => {
    expect(ratingAck(sampleRating({ lang: 'en' }), employeeTarget(), 'Example Ltd').text).toContain(
      'Every score is read by the employee’s manager and by the quality management service.',
    );
    const delivery = ratingAck(sampleRating(), deliveryTarget(), 'ООО «Пример»');
    expect(delivery.text).toContain('Каждую оценку читают ответственные сотрудники и служба менеджмента качества.');
    expect(delivery.text).not.toContain('руководитель');
  });

  it('escapes his comment, the rated name and the company; the subject stays one line', () => {
    const xss = `<img src=x onerror=alert(1)> "&'`;
    const mail = ratingAck(
      sampleRating({ message: xss, number: '1\r\nBcc: x@y.z' }),
      employeeTarget({ name: xss }),
      xss,
    );
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;');
    expect(mail.subject).toBe('Спасибо за отзыв № 1 Bcc: x@y.z');
  });

  it('is no relay: his comment cut short with no link or address in it', () => {
    const mail = ratingAck(
      sampleRating({ message: `Скидки на cheap.example и spam@cheap.example! ${'Да. '.repeat(200)}` }),
      employeeTarget(),
      'ООО «Пример»',
    );
    for (const out of [mail.text, mail.html]) {
      expect(out).not.toContain('cheap.example');
      expect(out).toContain('Скидки на [ссылка скрыта] и [адрес скрыт]!');
    }
    expect(mail.text).toMatch(/Да?\.?…\n/);
  });
});
