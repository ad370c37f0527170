import { describe, expect, it } from 'vitest';
import { META } from '../../testing/helpers.tsx';
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
    // A person's data erased in the console is no manual registration (152-ФЗ requests are read here).
    expect(detailsText({ submissions: 5, via: 'console' })).toBe('обращений: 5; через: консоль');
    expect(detailsText({ submissions: 5, via: 'cli' })).toBe('обращений: 5; через: командную строку');
    expect(detailsText({ report: 'inbox', filter: {}, rows: 14 })).toBe('отчёт: входящие; отбор: —; строк: 14');
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

  it('reads a report export and the survey without English or codes', () => {
    expect(actionLabel('report.export')).toBe('Выгрузка отчёта');
    expect(actionLabel('report.*')).toBe('Выгрузка отчётов');
    expect(detailsText({ report: 'weekly', format: 'xlsx', period: '2026-W49', department: null, overdue: 3 })).toBe(
      'отчёт: еженедельный контроль; формат: XLSX; период: 2026-W49; просроченных: 3',
    );
    const survey = { action: 'complaint.survey' };
    expect(detailsText({ sent: true }, [], survey)).toBe('опрос отправлен клиенту');
    expect(detailsText({ sent: false, satisfied: true, loyal: false }, [], survey)).toBe(
      'ответ клиента: удовлетворён: да; лоялен: нет',
    );
  });
});

describe('the audit log names, not ids and codes', () => {
  const dks = 'd1';
  it('names departments, employees and users by their names, in every shape a line has', () => {
    expect(
      detailsText({ number: '2026-00001', from: null, to: dks }, ['number'], {
        meta: META,
        action: 'submission.department',
      }),
    ).toBe('— → ДКС');
    expect(detailsText({ from: 'ivanov', to: null }, [], { meta: META, action: 'submission.employee' })).toBe(
      'Иванов Иван → —',
    );
    expect(
      detailsText({ email: 'dks@example.ru', name: 'Ксения', role: 'handler', departmentId: dks }, [], { meta: META }),
    ).toBe('e-mail: dks@example.ru; имя: Ксения; роль: Ответственный подразделения; подразделение: ДКС');
    expect(
      detailsText({ email: 'x@example.ru', changes: { departmentId: { from: 'd1', to: 'd2' } } }, [], { meta: META }),
    ).toBe('e-mail: x@example.ru; подразделение: ДКС → ОПР');
    expect(
      detailsText({ name: 'ДКС', changes: { responsible_user_id: { from: null, to: 'u-handler' } } }, [], {
        meta: META,
      }),
    ).toBe('имя: ДКС; ответственный по умолчанию: — → Бадыштова К.');
    // Not (yet) known to the console: a short id, never the whole uuid.
    expect(detailsText({ departmentId: '05efba60-1c2d-4e5f-8a9b-0c1d2e3f4a5b' }, [], { meta: META })).toBe(
      'подразделение: 05efba60…',
    );
  });

  it('says why a sign-in failed and when a lock came in Russian, and hides ids of events', () => {
    expect(detailsText({ email: 'a@b.ru', reason: 'wrong_password' })).toBe('e-mail: a@b.ru; причина: неверный пароль');
    expect(detailsText({ email: 'a@b.ru', reason: 'unknown_email' })).toBe(
      'e-mail: a@b.ru; причина: нет такого пользователя',
    );
    expect(detailsText({ reason: 'inactive' })).toBe('причина: учётная запись отключена');
    expect(detailsText({ scope: 'ip', address: '192.0.2.66' })).toBe('по: IP-адресу; адрес: 192.0.2.66');
    expect(detailsText({ scope: 'user', during: 'password_change' })).toBe('по: учётной записи; при: смене пароля');
    expect(
      detailsText({ number: '2026-00001', id: '0193-aaaa-bbbb', description: 'Нет регламента', done: false }, [
        'number',
      ]),
    ).toBe('описание: Нет регламента; выполнено: нет');
  });
});
