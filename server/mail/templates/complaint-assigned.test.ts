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
  deadlines: { '1.1': '2026-12-01T10:00:00.000Z' },
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
});
