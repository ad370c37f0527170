import { describe, expect, it } from 'vitest';
import { sampleSubmission } from '../testing/fixtures.ts';
import { feedbackNotification, notificationSubject } from './feedback-notification.ts';

const XSS = `<img src=x onerror=alert(1)> "&'`;
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;';
const file = { filename: 'акт.pdf', mime: 'application/pdf', size: 1536, sha256: 'ab'.repeat(32) };

describe('notification to the QMS', () => {
  it('names the kind in Russian, the number and the organisation (or the name) in the subject', () => {
    expect(notificationSubject(sampleSubmission())).toBe('Жалоба № 2026-00012 — ООО «Ромашка»');
    expect(notificationSubject(sampleSubmission({ kind: 'thanks', organization: null }))).toBe(
      'Благодарность № 2026-00012 — Лоськова Галина',
    );
    expect(
      notificationSubject(sampleSubmission({ kind: 'suggestion', organization: null, name: null, lang: 'en' })),
    ).toBe('Предложение № 2026-00012');
  });

  it('cuts the preview line between characters, never inside an emoji', () => {
    const angry = `${'Ж'.repeat(119)}😡 конец`;
    const { html } = feedbackNotification(sampleSubmission({ message: angry }), [], 'ООО «Пример»');
    expect(html).toContain(`mso-hide:all;">${'Ж'.repeat(119)}😡</div>`);
    expect(html).not.toContain('\uFFFD');
    expect(Buffer.from(html, 'utf8').toString('utf8')).not.toContain('\uFFFD');
  });

  it('tells the QMS, first thing, to answer in English a client who wrote in English and can be answered', () => {
    const note = 'Клиент обращался на английском языке: отвечайте ему по-английски.';
    const en = feedbackNotification(sampleSubmission({ lang: 'en' }), [], 'ООО «Пример»');
    expect(en.text.split('\n').slice(0, 3)).toEqual([en.subject, '', note]);
    expect(en.html).toContain(`<strong>${note}</strong>`);
    // His English words are marked English for a screen reader in the Russian message; a Russian client's are not.
    const english = feedbackNotification(sampleSubmission({ lang: 'en', message: 'Late again' }), [], 'ООО «Пример»');
    expect(english.html).toContain('<span lang="en">Late again</span>');
    expect(feedbackNotification(sampleSubmission(), [], 'ООО «Пример»').html).not.toContain('lang="en"');
    // A client of the English form who wrote in Russian: his words are Russian.
    const inRussian = sampleSubmission({ lang: 'en', message: 'Монтаж нормальный, но долго' });
    expect(feedbackNotification(inRussian, [], 'ООО «Пример»').html).not.toContain('lang="en"');
    const phoneOnly = sampleSubmission({ lang: 'en', email: null, phone: '+79515113523' });
    expect(feedbackNotification(phoneOnly, [], 'ООО «Пример»').text).toContain(note);
    const unreachable = sampleSubmission({ lang: 'en', email: null, phone: null });
    expect(feedbackNotification(unreachable, [], 'ООО «Пример»').text).not.toContain('по-английски');
    expect(feedbackNotification(sampleSubmission(), [], 'ООО «Пример»').text).not.toContain('по-английски');
  });

  it('says the date the client was promised, as his acknowledgement does; none for a thanks', () => {
    const answerBy = '2026-12-09T15:00:00.000Z';
    const complaint = feedbackNotification(sampleSubmission(), [], 'ООО «Пример»', null, answerBy);
    expect(complaint.text).toContain('Ответить клиенту до: 09.12.2026 18:00 МСК');
    expect(complaint.html).toContain('Ответить клиенту до');
    const idea = feedbackNotification(sampleSubmission({ kind: 'suggestion' }), [], 'ООО «Пример»', null, answerBy);
    expect(idea.text).toContain('Рассмотреть до: 09.12.2026 18:00 МСК');
    const thanks = feedbackNotification(sampleSubmission({ kind: 'thanks' }), [], 'ООО «Пример»', null, answerBy);
    expect(thanks.text).not.toMatch(/Ответить клиенту до|Рассмотреть до/);
  });

  it('lists every field, in HTML and in plain text, with the time in Moscow and the files with their hashes', () => {
    const s = sampleSubmission({ created_at: '2026-12-01T21:30:00.000Z', consent_at: '2026-12-01T21:30:00.000Z' });
    const mail = feedbackNotification(s, [file], 'ООО «Пример»');
    for (const body of [mail.html, mail.text]) {
      for (const value of [
        'Жалоба',
        '2026-00012',
        '02.12.2026 00:30 МСК',
        'Сайт',
        'Программа загружается 3–4 минуты.',
        'Вторая строка.',
        'Лоськова Галина',
        '6165456519',
        '+7 951 511-35-23', // stored as +79515113523, shown grouped
        'client@example.ru',
        'https://example.ru/contacts',
        'акт.pdf',
        'application/pdf',
        '1,5 КБ (1536 байт)',
        'ab'.repeat(32),
        '2026-11-22',
        '203.0.113.7',
        'Mozilla/5.0 (X11; Linux x86_64)',
      ]) {
        expect(body).toContain(value);
      }
    }
    expect(mail.html).toContain('ООО «Ромашка»');
    expect(mail.html).toContain('минуты.<br>\nВторая строка.');
    expect(mail.html).toMatch(/^<!DOCTYPE html>/);
    expect(mail.html).not.toMatch(/<style|class=/);
  });

  it('escapes every user-supplied string in the HTML', () => {
    const s = sampleSubmission({
      message: XSS,
      name: XSS,
      organization: XSS,
      inn: XSS,
      phone: XSS,
      email: XSS,
      page: XSS,
      channel: XSS,
      kind: XSS,
      number: XSS,
      consent_version: XSS,
      consent_ip: XSS,
      consent_user_agent: XSS,
    });
    const mail = feedbackNotification(s, [{ ...file, filename: XSS, mime: XSS, sha256: XSS }], XSS);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain(`"&'`);
    // name, organisation, inn, phone, e-mail, page, channel, kind (twice: field and title), number
    // (in the title), message, consent ×3, file name, type and hash, company, title tag, preheader…
    expect(mail.html.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(17);
    expect(mail.text).toContain(XSS);
  });

  it('keeps line breaks out of the subject, so user text cannot add headers', () => {
    const s = sampleSubmission({ organization: 'Ромашка\r\nBcc: victim@example.com\r\n\r\n<b>body</b>' });
    const subject = feedbackNotification(s, [], 'ООО «Пример»').subject;
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe('Жалоба № 2026-00012 — Ромашка Bcc: victim@example.com <b>body</b>');
  });
});
