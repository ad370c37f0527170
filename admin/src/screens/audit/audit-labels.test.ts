import { describe, expect, it } from 'vitest';
import { actionLabel, detailsText } from './audit-labels.ts';

describe('the audit log in words', () => {
  it('names the complaint process’s and the calendar’s actions, and their families', () => {
    expect(actionLabel('complaint.step')).toBe('Отмечен шаг этапа 1');
    expect(actionLabel('complaint.close')).toBe('Жалоба закрыта');
    expect(actionLabel('calendar.day_set')).toBe('Изменён день календаря');
    expect(actionLabel('complaint.*')).toBe('Процесс работы с жалобами');
    expect(actionLabel('calendar.*')).toBe('Рабочий календарь');
  });

  it('reads a complaint made by hand, a classification, a reply and a calendar day without codes or JSON', () => {
    expect(detailsText({ number: '2026-00042', origin: 'console', rating: null }, ['number'])).toBe(
      'источник: регистрация вручную',
    );
    expect(detailsText({ number: '2026-00042', field: 'justification', from: null, to: 'partly' }, ['number'])).toBe(
      '— → Частично обоснована; поле: обоснованность',
    );
    expect(detailsText({ to: 'client@example.ru', subject: 'Ваша жалоба', text: 'Исправили' })).toBe(
      'кому: client@example.ru; тема: Ваша жалоба; текст: Исправили',
    );
    expect(detailsText({ day: '2026-12-31', from: null, to: { type: 'off', note: 'Перенос' } })).toBe(
      '— → тип: Выходной, примечание: Перенос; день: 2026-12-31',
    );
    expect(detailsText({ from: { start: '09:00', end: '18:00' }, to: { start: '09:00', end: '17:00' } })).toBe(
      'начало: 09:00, конец: 18:00 → начало: 09:00, конец: 17:00',
    );
  });
});
