import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../api/types.ts';
import { InboxTable } from './inbox-table.tsx';

const rating = (extra: Partial<InboxItem>): InboxItem => ({
  id: 's1',
  number: '2026-00001',
  type: 'rating',
  kind: 'rating',
  status: 'new',
  channel: 'site',
  createdAt: '2026-11-22T11:05:00Z',
  excerpt: 'Привезли вовремя',
  name: null,
  organization: null,
  email: null,
  phone: null,
  score: 5,
  publish: true,
  employee: null,
  subjectTitle: null,
  department: null,
  review: 'pending',
  nextDueAt: null,
  overdue: false,
  ...extra,
});

/** The «Кому» cell of each row. */
function toColumn(items: InboxItem[]) {
  document.body.innerHTML = '<div id="t"></div>';
  render(<InboxTable items={items} />, document.getElementById('t')!);
  return [...document.querySelectorAll('td.c-to')].map((td) => td.textContent);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the inbox table', () => {
  it('says in «Кому» whom or what a rating is about: the employee, or the service by its title', () => {
    expect(
      toColumn([
        rating({ id: 'a', employee: { slug: 'ivanov', name: 'Иванов Иван' }, department: { id: 'd1', name: 'ДКС' } }),
        rating({ id: 'b', subjectTitle: 'Качество доставки' }),
        rating({ id: 'c', subjectTitle: 'Качество доставки', department: { id: 'd2', name: 'Логистика' } }),
        rating({ id: 'd', type: 'feedback', kind: 'complaint', score: null, publish: null, review: null }),
      ]),
    ).toEqual(['Иванов ИванДКС', 'Качество доставки', 'Качество доставкиЛогистика', '—']);
  });
});
