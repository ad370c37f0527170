import { workingTimeText } from '../../../../shared/working-time-text.ts';
import type { StepState } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';

// The company's deadlines are Moscow time, whatever the computer's zone (as in format.ts).
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Moscow',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const MINUTE = 60_000;

/** The Moscow day of an instant, as a date input holds it. @example moscowDay('2026-11-24T15:00:00Z') // '2026-11-24' */
export const moscowDay = (iso: string) => DAY.format(new Date(iso));

/**
 * A `datetime-local` value read as Moscow time: Moscow has kept UTC+3 all year since 2014.
 * @example moscowInstant('2026-11-22T14:05') // '2026-11-22T11:05:00.000Z'
 */
export const moscowInstant = (local: string) => new Date(`${local}:00+03:00`).toISOString();

/**
 * Working time as staff read it: whole working days of `dayMinutes` first, as the reports say it.
 * @example workingTime(27 * 3_600_000, 540) // '3 р. д.'
 */
export function workingTime(ms: number, dayMinutes: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  // «14 р. д.» kept on one line in a narrow column: a line broke between «р.» and «д.».
  return minutes < 1
    ? 'меньше минуты'
    : workingTimeText(minutes, dayMinutes).replace(/(\d+) р\. д\./, '$1\u00a0р.\u00a0д.');
}

export type StepTone = 'done' | 'late' | 'open' | 'soon' | 'overdue' | 'none';

/**
 * Where a step stands, in words (the colour only repeats it): done (in time or how late), time
 * left, overdue, or no deadline yet. Its instants carry their year, as the «Срок» beside them
 * does: a mark of «28.12» read in January is of either year. `now` tells an overdue step from
 * one due this minute when no working time lies between (a deadline passed at 18:00, seen at 20:00: the server's time left is 0).
 * `dayMinutes`: the company's working day (CardComplaint.workingDayMinutes).
 * @example stepState({ …, dueAt, workingMsLeft: -5_400_000 }, now, 540).text // 'Просрочено на 1 ч 30 мин'
 */
export function stepState(
  s: StepState,
  now: number,
  dayMinutes: number,
  /** When stage 1 was closed: a step left unmarked then runs no deadline. */
  stage1ClosedAt: string | null = null,
): { tone: StepTone; text: string } {
  if (s.doneAt) {
    const done = `Выполнено ${formatDateTime(s.doneAt)}${s.doneBy ? ` · ${s.doneBy.name}` : ''}`;
    if (s.workingMsLate === null) return { tone: 'done', text: done };
    // Done after a deadline of 18:00 that same evening: no working time late, yet late.
    const late =
      s.workingMsLate >= MINUTE
        ? `с опозданием на ${workingTime(s.workingMsLate, dayMinutes)}`
        : `после срока ${formatDateTime(s.dueAt!)}`;
    return { tone: 'late', text: `${done} — ${late}` };
  }
  if (stage1ClosedAt) return { tone: 'none', text: 'Не отмечен: этап 1 закрыт без него' };
  if (!s.dueAt || s.workingMsLeft === null) return { tone: 'none', text: 'Срок не задан' };
  const ms = s.workingMsLeft;
  if (ms <= -MINUTE) return { tone: 'overdue', text: `Просрочено на ${workingTime(ms, dayMinutes)}` };
  if (ms < MINUTE && Date.parse(s.dueAt) <= now)
    return { tone: 'overdue', text: `Просрочено: срок истёк ${formatDateTime(s.dueAt)}` };
  // Due at a time no working time leads to (1.4 agreed for a holiday, seen on a holiday): not
  // «меньше минуты» for days on end.
  if (ms <= 0) return { tone: 'soon', text: `Срок ${formatDateTime(s.dueAt)} — рабочего времени до него нет` };
  return { tone: ms < 60 * MINUTE ? 'soon' : 'open', text: `Осталось ${workingTime(ms, dayMinutes)}` };
}
