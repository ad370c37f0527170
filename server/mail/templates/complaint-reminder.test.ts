import { describe, expect, it } from 'vitest';
import { complaintReminder } from './complaint-reminder.ts';

const reminder = (lang: string | null, reachable = true) =>
  complaintReminder(
    {
      kind: 'soon',
      number: '2026-00012',
      step: '1.3',
      dueAt: '2026-12-04T15:00:00.000Z',
      timing: { left: true, text: '2 ч 15 мин' },
      client: 'John Smith',
      department: 'ДКС',
      responsible: 'Бадыштова К.',
      link: 'https://otklik.example.ru/admin/submissions/x',
      lang,
      reachable,
    },
    'ООО «Пример»',
  );

describe('a reminder of a step', () => {
  it('says first, as the assignment letter does, that the client is to be answered in English', () => {
    const mail = reminder('en');
    expect(mail.html).toContain('<strong>Клиент обращался на английском языке: отвечайте ему по-английски.</strong>');
    expect(mail.text.split('\n').slice(0, 3)).toEqual([
      'Скоро срок: жалоба № 2026-00012, шаг 1.3',
      '',
      'Клиент обращался на английском языке: отвечайте ему по-английски.',
    ]);
    expect(mail.text).toContain('Осталось: 2 ч 15 мин рабочего времени');
    for (const body of [reminder('ru'), reminder(null), reminder('en', false)])
      expect(body.html + body.text).not.toContain('английском');
  });
});
