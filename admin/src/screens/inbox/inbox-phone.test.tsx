import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import type { InboxItem } from '../../api/types.ts';
import { InboxTable } from './inbox-table.tsx';

afterEach(() => {
  document.body.innerHTML = '';
});

const ITEM: InboxItem = {
  id: 's1',
  number: '2026-00001',
  type: 'feedback',
  kind: 'complaint',
  status: 'new',
  channel: 'phone',
  createdAt: '2026-11-22T11:05:00Z',
  receivedAt: null,
  excerpt: 'Не перезвонили',
  erasedAt: null,
  name: 'Лоськова Галина',
  organization: null,
  email: null,
  phone: '+78632001122',
  score: null,
  publish: null,
  employee: null,
  subjectTitle: null,
  department: null,
  review: null,
  complaintNumber: null,
  nextDueAt: null,
  overdue: false,
};

it('shows the sender’s phone grouped as people write it, not as stored', () => {
  document.body.innerHTML = '<div id="t"></div>';
  render(<InboxTable items={[ITEM]} />, document.getElementById('t')!);
  const from = document.querySelector('td.c-from')!.textContent;
  expect(from).toContain('+7 863 200-11-22');
  expect(from).not.toContain('+78632001122');
});

it('lets a narrow column break an e-mail before its «@», not inside a word', () => {
  document.body.innerHTML = '<div id="t"></div>';
  render(<InboxTable items={[{ ...ITEM, email: 'anna.smirnova@example.ru' }]} />, document.getElementById('t')!);
  const email = [...document.querySelectorAll('td.c-from .sub')].find((e) => e.textContent?.includes('@'))!;
  expect(email.textContent).toBe('anna.smirnova@example.ru');
  expect(email.innerHTML).toBe('anna.smirnova<wbr>@example.ru');
});

it('repeats the channel under the date, for the widths that have no room for its column', () => {
  document.body.innerHTML = '<div id="t"></div>';
  render(<InboxTable items={[ITEM]} />, document.getElementById('t')!);
  expect(document.querySelector('td.c-date .date-channel')!.textContent).toBe('Телефон');
  expect(document.querySelector('th.c-channel')!.textContent).toBe('Канал');
});

it('marks a message addressed to no one, so that a phone’s card drops the bare «—»', () => {
  document.body.innerHTML = '<div id="t"></div>';
  const addressed = { ...ITEM, id: 's2', department: { id: 'd1', name: 'ДКС' } };
  render(<InboxTable items={[ITEM, addressed]} />, document.getElementById('t')!);
  expect([...document.querySelectorAll('td.c-to')].map((td) => [td.className, td.textContent])).toEqual([
    ['c-to none', '—'],
    ['c-to', 'ДКС'],
  ]);
});

it('says a row whose personal data was erased is so, not an anonymous message', () => {
  document.body.innerHTML = '<div id="t"></div>';
  const erased = { ...ITEM, name: null, phone: null, excerpt: '', erasedAt: '2026-12-07T00:10:00Z' };
  render(<InboxTable items={[erased]} />, document.getElementById('t')!);
  expect(document.querySelector('td.c-from')!.textContent).toBe('Персональные данные удалены');
  expect(document.querySelector('td.c-text')!.textContent).toBe('Текст удалён');
});
