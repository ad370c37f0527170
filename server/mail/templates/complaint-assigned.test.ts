import { describe, expect, it } from 'vitest';
import { type AssignedComplaint, complaintAssigned } from './complaint-assigned.ts';

const complaint = (overrides: Partial<AssignedComplaint> = {}): AssignedComplaint => ({
  number: '2026-00012',
  client: 'Ann Smith',
  phone: null,
  email: 'ann@client.example',
  message: 'The delivery came a day late.',
  lang: 'en',
  receivedAt: '2026-12-01T09:00:00.000Z',
  steps: [
    { step: '1.1', dueAt: '2026-12-01T10:00:00.000Z', doneAt: null },
    { step: '1.2', dueAt: '2026-12-01T12:00:00.000Z', doneAt: null },
    { step: '1.3', dueAt: '2026-12-04T15:00:00.000Z', doneAt: null },
    { step: '1.4', dueAt: null, doneAt: null },
  ],
  now: '2026-12-01T09:05:00.000Z',
  link: 'https://otklik.example/console/complaints/1',
  ...overrides,
});

describe('complaint put in the responsible person’s hands', () => {
  it('tells him first to answer in English a client who wrote in English, when he left a way to answer', () => {
    const note = 'Клиент обращался на английском языке: отвечайте ему по-английски.';
    const mail = complaintAssigned(complaint(), 'ООО «Пример»');
    expect(mail.text.split('\n').slice(0, 3)).toEqual([mail.subject, '', note]);
    expect(mail.html).toContain(`<strong>${note}</strong>`);
    expect(complaintAssigned(complaint({ email: null, phone: '+79515113523' }), 'ООО «Пример»').text).toContain(note);
    expect(complaintAssigned(complaint({ email: null }), 'ООО «Пример»').text).not.toContain('по-английски');
    expect(complaintAssigned(complaint({ lang: 'ru' }), 'ООО «Пример»').text).not.toContain('по-английски');
  });

  it('lists the deadlines of the steps still to do, those past said so, when it is handed over late', () => {
    const fresh = complaintAssigned(complaint(), 'ООО «Пример»');
    expect(fresh.text).toContain('1.1 Приём претензии ответственным в работу: до 01.12.2026 13:00 МСК');
    expect(fresh.text).toContain('1.3');
    expect(fresh.text).not.toContain('просрочено');
    expect(fresh.html).toContain('Примите её в работу до 01.12.2026 13:00 МСК');
    const late = complaintAssigned(
      complaint({
        steps: [
          { step: '1.1', dueAt: '2026-12-01T10:00:00.000Z', doneAt: '2026-12-01T09:30:00.000Z' },
          { step: '1.2', dueAt: '2026-12-01T12:00:00.000Z', doneAt: null },
          { step: '1.3', dueAt: '2026-12-04T15:00:00.000Z', doneAt: null },
        ],
        now: '2026-12-03T09:00:00.000Z',
      }),
      'ООО «Пример»',
    );
    expect(late.text).not.toContain('1.1 ');
    expect(late.text).toContain('1.2 Первый контакт с клиентом: до 01.12.2026 15:00 МСК — просрочено');
    expect(late.text).toMatch(/1\.3 [^\n]+: до 04\.12\.2026 18:00 МСК\n/);
    expect(late.html).toContain('Шаг 1.2 «Первый контакт с клиентом» до 01.12.2026 15:00 МСК — просрочено');
  });
});
