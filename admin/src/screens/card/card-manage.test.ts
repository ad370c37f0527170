import { describe, expect, it } from 'vitest';
import { settableStatuses } from './card-manage.tsx';

const ALL = [
  { value: 'new', label: 'Новое' },
  { value: 'in_progress', label: 'В работе' },
  { value: 'closed', label: 'Закрыто' },
];
const values = (current: string, complaint: boolean, closed: boolean) =>
  settableStatuses(ALL, current, { complaint, closed }).map((s) => s.value);

// The server's rule (server/console/card-changes.ts), seen from the select.
describe('the statuses «Работа с обращением» offers', () => {
  it('offers any status for a message that is not a complaint', () => {
    expect(values('new', false, false)).toEqual(['new', 'in_progress', 'closed']);
  });

  it('leaves «Закрыто» to an open complaint’s process', () => {
    expect(values('in_progress', true, false)).toEqual(['new', 'in_progress']);
  });

  it('offers a closed complaint no change at all: its process opens it again', () => {
    expect(values('closed', true, true)).toEqual(['closed']);
  });
});
