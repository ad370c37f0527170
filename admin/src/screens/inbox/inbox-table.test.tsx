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
  receivedAt: null,
  excerpt: 'Привезли вовремя',
  erasedAt: null,
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
  complaintNumber: null,
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

  it('dates a complaint by its receipt, and says when it was registered when that was later', () => {
    document.body.innerHTML = '<div id="t"></div>';
    const complaint = { type: 'feedback' as const, kind: 'complaint', score: null, publish: null, review: null };
    render(
      <InboxTable
        items={[
          // A letter of 20 November registered on 5 December.
          rating({ ...complaint, id: 'a', createdAt: '2026-12-05T20:13:00Z', receivedAt: '2026-11-20T09:00:00Z' }),
          // A call registered ten minutes after it came: one date is enough.
          rating({ ...complaint, id: 'b', createdAt: '2026-12-04T09:10:00Z', receivedAt: '2026-12-04T09:00:00Z' }),
          rating({ id: 'c' }),
        ]}
      />,
      document.getElementById('t')!,
    );
    const dates = [...document.querySelectorAll('td.c-date')].map((td) =>
      [...td.querySelectorAll('time')].map((t) => t.textContent),
    );
    expect(dates).toEqual([['20.11.2026 12:00', '05.12.2026 23:13'], ['04.12.2026 12:00'], ['22.11.2026 14:05']]);
    expect(document.querySelector('td.c-date .registered-at')!.textContent).toBe('зарегистрирована 05.12.2026 23:13');
  });
});
