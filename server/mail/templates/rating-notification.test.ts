import { describe, expect, it } from 'vitest';
import { ratingNotification, ratingSubject } from './rating-notification.ts';
import { deliveryTarget, employeeTarget, sampleRating } from './rating-samples.ts';

const XSS = `<img src=x onerror=alert(1)> "&'`;
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;';
const COMPANY = 'ООО «Пример»';

describe('rating message to a manager', () => {
  it('names the score and the employee in the subject; the QMS copy says it is one', () => {
    expect(ratingSubject(sampleRating(), employeeTarget())).toBe('Оценка 4 из 5 — Иванов Иван');
    expect(ratingSubject(sampleRating({ score: 2 }), deliveryTarget())).toBe('Оценка 2 из 5 — Качество доставки');
    expect(ratingSubject(sampleRating(), employeeTarget(), { copy: true })).toBe(
      'Копия СМК: Оценка 4 из 5 — Иванов Иван',
    );
    expect(ratingSubject(sampleRating({ lang: 'en' }), employeeTarget())).toBe('Оценка 4 из 5 — Иванов Иван');
  });

  it('shows the employee, the score, the comment with its line breaks, the consent, the contacts and the record', () => {
    const s = sampleRating({ created_at: '2026-12-01T21:30:00.000Z' });
    const mail = ratingNotification(s, employeeTarget(), COMPANY);
    for (const body of [mail.html, mail.text]) {
      for (const value of [
        'Иванов Иван',
        'Менеджер по продажам',
        'Отдел продаж',
        '★★★★☆',
        '4 из 5 — хорошо',
        'Быстро ответил на письмо.',
        'Спасибо!',
        'Публикация на сайте',
        'разрешена',
        'Лоськова Галина',
        'ООО «Ромашка»',
        'client@example.ru',
        '2026-00013',
        '02.12.2026 00:30 МСК',
        'https://example.ru/r/ivanov',
        'Reply-To',
      ]) {
        expect(body).toContain(value);
      }
      expect(body).not.toContain('не разрешена');
      expect(body).not.toContain('Копия');
    }
    expect(mail.html).toContain('Быстро ответил на письмо.<br>\nСпасибо!');
    expect(mail.text).toContain('> Быстро ответил на письмо.\n> Спасибо!');
    expect(mail.html).toMatch(/^<!DOCTYPE html>/);
    expect(mail.html).not.toMatch(/<style|class=/);
  });

  it('says in its text, as in its HTML, why its reader got it; a service’s responsible without «за неё»', () => {
    const manager = ratingNotification(sampleRating(), employeeTarget(), COMPANY);
    expect(manager.text).toContain('Вы получили это письмо как руководитель сотрудника.');
    const delivery = ratingNotification(sampleRating(), deliveryTarget(), COMPANY);
    const why =
      'Вы получили это письмо как ответственный за оценки «Качество доставки» или как служба менеджмента качества.';
    expect(delivery.text).toContain(why);
    expect(delivery.html).toContain(why);
  });

  it('says so when there is no comment, no consent to publish and no contacts', () => {
    const s = sampleRating({ message: '', publish: 0, name: null, organization: null, email: null });
    const mail = ratingNotification(s, employeeTarget({ position: null, department: null }), COMPANY);
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('без комментария');
      expect(body).toContain('не разрешена');
      expect(body).toContain('не оставил контактов');
      expect(body).not.toContain('Клиент: клиент');
      expect(body).not.toContain('Reply-To');
    }
  });

  it('as the QMS copy: names the manager who got the original, or says nobody did', () => {
    const mail = ratingNotification(sampleRating(), employeeTarget(), COMPANY, {
      copyOf: { managerName: 'Петров Пётр', managerEmail: 'petrov@example.ru' },
    });
    expect(mail.subject).toBe('Копия СМК: Оценка 4 из 5 — Иванов Иван');
    expect(mail.text).toContain('Руководителю (Петров Пётр <petrov@example.ru>) отправлено отдельное письмо.');
    expect(mail.html).toContain('Руководителю (Петров Пётр &lt;petrov@example.ru&gt;) отправлено отдельное письмо.');
    const orphan = ratingNotification(sampleRating(), employeeTarget(), COMPANY, {
      copyOf: { managerName: null, managerEmail: '' },
    });
    expect(orphan.text).toContain('Руководителю письмо не отправлено: у сотрудника не указан e-mail руководителя.');
  });

  it('of a rating its client changed: says so in the subject and first thing, with what it was before', () => {
    const s = sampleRating({ score: 5, message: 'Перезвонил, всё решили', number: 'О-2026-00001' });
    const previous = { score: 2, comment: 'Долго ждал\nответа', publish: true };
    const mail = ratingNotification(s, employeeTarget(), COMPANY, { previous });
    expect(mail.subject).toBe('Оценка изменена: 5 из 5 — Иванов Иван');
    expect(ratingSubject(s, employeeTarget(), { copy: true, changed: true })).toBe(
      'Копия СМК: Оценка изменена: 5 из 5 — Иванов Иван',
    );
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('Клиент изменил свою оценку № О-2026-00001 от 01.12.2026 12:00 МСК');
      expect(body).toContain('Была оценка: ★★☆☆☆ 2 из 5 — плохо');
      expect(body).toContain('Был комментарий: Долго ждал');
      expect(body).toContain('5 из 5 — отлично');
      expect(body).toContain('Перезвонил, всё решили');
      expect(body).not.toContain('Публикация на сайте была'); // allowed before and now
    }
    expect(mail.html).toContain('Долго ждал<br>\nответа');
    const withdrawn = ratingNotification(sampleRating({ publish: 0 }), employeeTarget(), COMPANY, {
      previous: { score: 4, comment: 'Быстро ответил на письмо.\nСпасибо!', publish: true },
    });
    expect(withdrawn.text).toContain('Публикация на сайте была: разрешена');
    expect(withdrawn.text).not.toContain('Был комментарий');
  });

  it('tells the manager to answer in English a client who rated on the English page and left his address', () => {
    const note = 'Клиент обращался на английском языке: отвечайте ему по-английски.';
    const en = ratingNotification(sampleRating({ lang: 'en', email: 'ann@client.example' }), employeeTarget(), COMPANY);
    expect(en.text.split('\n').slice(0, 3)).toEqual([en.subject, '', note]);
    expect(en.html).toContain(`<strong>${note}</strong>`);
    const copy = ratingNotification(
      sampleRating({ lang: 'en', email: 'ann@client.example' }),
      employeeTarget(),
      COMPANY,
      {
        copyOf: { managerName: null, managerEmail: 'boss@example.ru' },
      },
    );
    expect(copy.text).toContain(note);
    // With no address there is nobody to answer; a Russian client is answered in Russian.
    expect(ratingNotification(sampleRating({ lang: 'en', email: null }), employeeTarget(), COMPANY).text).not.toContain(
      'по-английски',
    );
    expect(ratingNotification(sampleRating({ email: 'a@b.ru' }), employeeTarget(), COMPANY).text).not.toContain(
      'по-английски',
    );
  });

  it('for a rating subject: the subject instead of an employee', () => {
    const mail = ratingNotification(sampleRating({ score: 2, subject: 'delivery' }), deliveryTarget(), COMPANY);
    expect(mail.text).toContain('Предмет оценки: Качество доставки');
    expect(mail.text).toContain('★★☆☆☆ 2 из 5 — плохо');
    expect(mail.text).not.toContain('Сотрудник');
  });

  it('escapes every user-supplied string in the HTML', () => {
    const s = sampleRating({ message: XSS, name: XSS, organization: XSS, email: XSS, page: XSS, number: XSS });
    for (const target of [
      employeeTarget({ name: XSS, position: XSS, department: XSS }),
      deliveryTarget({ title: XSS }),
    ]) {
      const mail = ratingNotification(s, target, XSS, {
        copyOf: { managerName: XSS, managerEmail: XSS },
        previous: { score: 5, comment: XSS, publish: false },
      });
      expect(mail.html).not.toContain('<img');
      expect(mail.html).not.toContain(`"&'`);
      // comment (and preheader), name, organisation, e-mail, page, number, the manager in the note,
      // what was rated (title tag, heading, field, footer), company…
      expect(mail.html.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(13);
      expect(mail.text).toContain(XSS);
    }
  });

  it('keeps line breaks out of the subject, so user text cannot add headers', () => {
    const subject = ratingSubject(
      sampleRating(),
      employeeTarget({ name: 'Иванов\r\nBcc: victim@example.com\r\n\r\n<b>x</b>' }),
    );
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe('Оценка 4 из 5 — Иванов Bcc: victim@example.com <b>x</b>');
  });
});
