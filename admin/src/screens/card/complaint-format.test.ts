import { describe, expect, it } from 'vitest';
import type { StepState } from '../../api/types.ts';
import { moscowDay, moscowInstant, stepState, workingTime } from './complaint-format.ts';

const HOUR = 3_600_000;
const open = (dueAt: string | null, workingMsLeft: number | null): StepState => ({
  step: '1.2',
  windowStartAt: '2026-11-23T07:00:00Z',
  dueAt,
  doneAt: null,
  doneBy: null,
  comment: null,
  workingMsLeft,
  workingMsLate: null,
});
const NOW = Date.parse('2026-11-23T17:00:00Z');

describe('deadlines in words', () => {
  it('says working time in working days of the company, then hours and minutes', () => {
    expect(workingTime(2.25 * HOUR, 540)).toBe('2 ч 15 мин');
    expect(workingTime(-1.5 * HOUR, 540)).toBe('1 ч 30 мин');
    // Not «27 ч», which reads as tomorrow night: three working days of nine hours.
    expect(workingTime(27 * HOUR, 540)).toBe('3\u00a0р.\u00a0д.');
    expect(workingTime(-95 * HOUR, 540)).toBe('10\u00a0р.\u00a0д. 5 ч');
    expect(workingTime(126 * HOUR + 20 * 60_000, 480)).toBe('15\u00a0р.\u00a0д. 6 ч 20 мин');
    expect(workingTime(59_000, 540)).toBe('меньше минуты');
  });

  it('tells done, left, soon, overdue and no deadline apart', () => {
    expect(
      stepState({ ...open(null, null), doneAt: '2027-01-12T07:05:00Z', doneBy: { id: 'u', name: 'Иванов' } }, NOW, 540),
    ).toEqual({ tone: 'done', text: 'Выполнено 12.01.2027 10:05 · Иванов' });
    expect(stepState(open('2026-11-24T10:00:00Z', 5 * HOUR), NOW, 540)).toEqual({ tone: 'open', text: 'Осталось 5 ч' });
    // Left unmarked when stage 1 closed: no time left is counted, nor any lateness.
    expect(stepState(open('2026-11-24T10:00:00Z', null), NOW, 540, '2026-11-25T10:00:00Z')).toEqual({
      tone: 'none',
      text: 'Не отмечен: этап 1 закрыт без него',
    });
    expect(stepState(open('2026-11-24T10:00:00Z', 0.5 * HOUR), NOW, 540).tone).toBe('soon');
    expect(stepState(open('2026-11-23T10:00:00Z', -1.5 * HOUR), NOW, 540)).toEqual({
      tone: 'overdue',
      text: 'Просрочено на 1 ч 30 мин',
    });
    expect(stepState(open(null, null), NOW, 540)).toEqual({ tone: 'none', text: 'Срок не задан' });
  });

  it('says how late a step was done, not only that it was', () => {
    const done = { doneAt: '2026-11-24T07:00:00Z', doneBy: { id: 'u', name: 'Иванов' } };
    expect(stepState({ ...open('2026-11-23T15:00:00Z', null), ...done, workingMsLate: HOUR }, NOW, 540)).toEqual({
      tone: 'late',
      text: 'Выполнено 24.11.2026 10:00 · Иванов — с опозданием на 1 ч',
    });
    // Due 18:00, done at 20:00 that evening: no working time lost, still after the deadline.
    const evening = { ...open('2026-11-23T15:00:00Z', null), doneAt: '2026-11-23T17:00:00Z', workingMsLate: 0 };
    expect(stepState(evening, NOW, 540)).toEqual({
      tone: 'late',
      text: 'Выполнено 23.11.2026 20:00 — после срока 23.11.2026 18:00',
    });
  });

  it('counts a deadline passed after hours as overdue though no working time is lost yet', () => {
    // Due 18:00, seen at 20:00 Moscow: the server's working time left is 0.
    expect(stepState(open('2026-11-23T15:00:00Z', 0), NOW, 540)).toEqual({
      tone: 'overdue',
      text: 'Просрочено: срок истёк 23.11.2026 18:00',
    });
    // Ahead, with no working time before it (a date agreed for a holiday, seen on a holiday).
    expect(stepState(open('2026-11-23T18:00:00Z', 0), NOW, 540)).toEqual({
      tone: 'soon',
      text: 'Срок 23.11.2026 21:00 — рабочего времени до него нет',
    });
    expect(stepState(open('2026-11-23T18:00:00Z', 30_000), NOW, 540).text).toBe('Осталось меньше минуты');
  });

  it('reads and writes dates as Moscow time', () => {
    expect(moscowDay('2026-11-30T21:30:00Z')).toBe('2026-12-01');
    expect(moscowInstant('2026-11-23T12:30')).toBe('2026-11-23T09:30:00.000Z');
  });
});
