import { describe, expect, it } from 'vitest';
import { overdueFixture, weeklyControlFixture } from '../../reports/digest/testing/weekly-control-fixture.ts';
import { DIGEST_OVERDUE_ROWS, digestSubject, weeklyDigest } from './weekly-digest.ts';

const XSS = `<img src=x onerror=alert(1)> "&'`;
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;';
const config = { publicUrl: 'https://otklik.example.ru', port: 8787, companyName: 'ООО «Пример»' };

describe('weekly digest to the QMS', () => {
  it('names the week and its days in the subject, across a New Year too', () => {
    expect(digestSubject(weeklyControlFixture('2026-W44'))).toBe(
      'Otklik: контроль жалоб, неделя 44 (26.10–01.11.2026)',
    );
    expect(digestSubject(weeklyControlFixture('2026-W53'))).toBe(
      'Otklik: контроль жалоб, неделя 53 (28.12.2026–03.01.2027)',
    );
    expect(digestSubject(weeklyControlFixture('2027-W01'))).toBe('Otklik: контроль жалоб, неделя 1 (04.01–10.01.2027)');
  });

  it('gives the totals, departments, steps and overdue complaints linked to their cards, in HTML and in text', () => {
    const mail = weeklyDigest(weeklyControlFixture('2026-W44'), config);
    expect(mail.subject).toBe('Otklik: контроль жалоб, неделя 44 (26.10–01.11.2026)');
    // The HTML's long words carry soft hyphens, so a phone breaks them at a syllable.
    expect(mail.html).toContain('работо\u00adспо\u00adсоб\u00adно\u00adсти');
    for (const body of [mail.html.replaceAll('\u00ad', ''), mail.text]) {
      for (const value of [
        'Неделя 44: 26.10.2026 – 01.11.2026',
        'Данные на конец недели: 01.11.2026 24:00 МСК',
        'Поступило за неделю',
        'Техподдержка',
        'Без подразделения',
        '1.3',
        'Выработка коррекции и согласование с клиентом',
        '2026-00042',
        'Петрова Анна',
        'не назначен',
        '2 р. д. 3 ч 10 мин',
        '45 мин',
        'https://otklik.example.ru/admin/submissions/sub-1',
        'https://otklik.example.ru/admin/submissions/sub-2',
        'https://otklik.example.ru/admin/reports/weekly?week=2026-W44',
        'ООО «Пример»',
      ]) {
        expect(body).toContain(value);
      }
    }
    expect(mail.html).toContain(
      '№ <a href="https://otklik.example.ru/admin/submissions/sub-1" style="color:#1d4ed8;">2026-00042</a> · шаг 1.3 · просрочка <b>2 р. д. 3 ч 10 мин</b>',
    );
    expect(mail.html).toMatch(/^<!DOCTYPE html>/);
    expect(mail.html).not.toMatch(/<style|class=/);
    // The totals 7 / 5 / 3 / 2 and the support department's row 4 / 3 / 2 / 1.
    expect(mail.text).toContain('Поступило за неделю: 7\nВ работе на конец недели: 5\nЗакрыто за неделю: 3');
    expect(mail.text).toContain('- Техподдержка: 4 / 3 / 2 / 1');
    // A complaint stuck at 1.1 is overdue at the next steps too: said, so «0 в работе, 4 просрочено» reads right.
    for (const body of [mail.html, mail.text]) expect(body).toContain('просрочена и на следующих');
    expect(mail.text).toContain('Просроченные жалобы: 2');
  });

  it('says so when a week had no complaints and none is overdue', () => {
    const mail = weeklyDigest(
      weeklyControlFixture('2026-W45', {
        totals: { received: 0, open: 0, closed: 0, overdue: 0 },
        byDepartment: [],
        overdue: [],
      }),
      config,
    );
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('Жалоб за неделю не было.');
      expect(body).toContain('Просроченных жалоб нет.');
    }
  });

  it('escapes every department, client and responsible name, and keeps each on its line in the text', () => {
    const hostile = `${XSS}\nВторая строка`;
    const control = weeklyControlFixture('2026-W44', {
      byDepartment: [{ department: { id: 'd', name: hostile }, received: 1, open: 1, closed: 0, overdue: 1 }],
      overdue: [
        overdueFixture({
          id: 'a"><script>alert(1)</script>',
          number: XSS,
          client: hostile,
          department: { id: 'd', name: hostile },
          responsible: { id: 'u', name: hostile },
          overdueText: XSS,
        }),
      ],
    });
    const mail = weeklyDigest(control, config);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<script');
    expect(mail.html.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(6);
    expect(mail.html).toContain('/admin/submissions/a%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    // No line of the text begins with the hostile name's second line.
    expect(mail.text.split('\n').some((l) => l.startsWith('Вторая строка'))).toBe(false);
    expect(mail.text).toContain(`Клиент: ${XSS} Вторая строка`);
  });

  it('lists the longest overdue first as given, up to its limit, and sends the rest to the console', () => {
    const many = Array.from({ length: DIGEST_OVERDUE_ROWS + 3 }, (_, i) =>
      overdueFixture({ id: `s${i}`, number: `2026-${String(i).padStart(5, '0')}` }),
    );
    const mail = weeklyDigest(weeklyControlFixture('2026-W44', { overdue: many }), config);
    expect(mail.html).toContain(`Просроченные жалобы: ${DIGEST_OVERDUE_ROWS + 3}`);
    expect(mail.html).toContain(`/admin/submissions/s${DIGEST_OVERDUE_ROWS - 1}"`);
    expect(mail.html).not.toContain(`/admin/submissions/s${DIGEST_OVERDUE_ROWS}"`);
    for (const body of [mail.html, mail.text]) expect(body).toContain('…и ещё 3 — в отчёте в консоли.');
  });

  it('links to the local port when PUBLIC_URL is not set', () => {
    const mail = weeklyDigest(weeklyControlFixture('2026-W44'), { ...config, publicUrl: undefined });
    expect(mail.text).toContain('http://localhost:8787/admin/reports/weekly?week=2026-W44');
  });
});
