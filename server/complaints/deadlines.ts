import { STEP_DEADLINES, STEPS, type Step } from '../../shared/complaint-process.ts';
import { addWorkingDays, addWorkingHours, type WorkingCalendar, workingMsBetween } from '../calendar/working-time.ts';

/** A step's window and deadline as stored: ISO instants, null while unknown. */
export interface StepTimes {
  step: Step;
  windowStartAt: string | null;
  dueAt: string | null;
}

/**
 * The deadlines a complaint gets when it is received: 1.1, 1.2, 1.3 and 1.6 counted from the
 * receipt on the working calendar; 1.4 waits for the date agreed with the client and 1.5 for 1.4.
 * @example initialDeadlines(cal, new Date('2026-12-30T14:30:00Z'))[0] // 1.1 due 2027-01-11 09:30 Moscow
 */
export function initialDeadlines(cal: WorkingCalendar, receivedAt: Date): StepTimes[] {
  const start = receivedAt.toISOString();
  return STEPS.map((step) => {
    const rule = STEP_DEADLINES[step];
    if (rule.from !== 'received') return { step, windowStartAt: null, dueAt: null };
    return { step, windowStartAt: start, dueAt: deadlineFrom(cal, step, receivedAt)!.toISOString() };
  });
}

/**
 * A step's deadline counted from the start of its window by its rule (working hours or days); null
 * for 1.4, whose deadline is the day agreed with the client.
 * @example deadlineFrom(cal, '1.6', new Date('2026-12-02T07:00:00Z')) // 14 working days later, at the close
 */
export function deadlineFrom(cal: WorkingCalendar, step: Step, start: Date): Date | null {
  const rule = STEP_DEADLINES[step];
  if ('workingHours' in rule) return addWorkingHours(cal, start, rule.workingHours);
  if ('workingDays' in rule) return addWorkingDays(cal, start, rule.workingDays);
  return null;
}

/** The deadline of a step counted from another step's completion (1.5 from 1.4), if any. */
export function deadlineAfterDone(cal: WorkingCalendar, step: Step, doneAt: Date): StepTimes | null {
  const rule = STEP_DEADLINES[step];
  if (rule.from !== 'done') return null;
  return { step, windowStartAt: doneAt.toISOString(), dueAt: deadlineFrom(cal, step, doneAt)!.toISOString() };
}

/** The steps that wait for this one to be done. */
export function dependentSteps(step: Step): Step[] {
  return STEPS.filter((s) => {
    const rule = STEP_DEADLINES[s];
    return rule.from === 'done' && rule.step === step;
  });
}

/** The earliest deadline among steps not yet done: what the inbox sorts by; null when none is open. */
export function nextDue(steps: ReadonlyArray<{ dueAt: string | null; doneAt: string | null }>): string | null {
  let min: string | null = null;
  for (const s of steps) if (s.dueAt && !s.doneAt && (min === null || s.dueAt < min)) min = s.dueAt;
  return min;
}

/**
 * What every client is promised at receipt (seed 004): an answer by the close of the third working
 * day after the day it came, step 1.3's deadline. A suggestion is due by it too.
 * @example answerDue(cal, new Date('2026-11-23T09:00:00Z')).toISOString() // '2026-11-26T15:00:00.000Z'
 */
export function answerDue(cal: WorkingCalendar, receivedAt: Date): Date {
  const rule = STEP_DEADLINES['1.3'];
  return addWorkingDays(cal, receivedAt, 'workingDays' in rule ? rule.workingDays : 3);
}

const HOUR = 3_600_000;

/** Working hours in one ordinary working day of the calendar (09:00–18:00: 9). */
function dayHours(cal: WorkingCalendar): number {
  const minutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return h * 60 + m;
  };
  return (minutes(cal.hours.end) - minutes(cal.hours.start)) / 60;
}

/**
 * When a step not done is due each notice: «soon» once three quarters of its window have passed in
 * working time (by the clock when it holds none), «overdue» at its deadline, «escalation» a working day after it.
 * @example noticeMoments(cal, { windowStartAt: '2026-12-01T06:00:00Z', dueAt: '2026-12-01T09:00:00Z' }).soon // 08:15 UTC
 */
export function noticeMoments(
  cal: WorkingCalendar,
  step: { windowStartAt: string; dueAt: string },
): { soon: Date; overdue: Date; escalation: Date } {
  const start = new Date(step.windowStartAt);
  const due = new Date(step.dueAt);
  const windowHours = Math.max(0, workingMsBetween(cal, start, due)) / HOUR;
  // A window with no working time in it (1.4 agreed for a holiday, on a holiday): three quarters of
  // it by the clock, not its start — «Скоро срок» went out the moment the date was agreed.
  const soon =
    windowHours > 0
      ? addWorkingHours(cal, start, windowHours * 0.75)
      : new Date(start.getTime() + Math.max(0, due.getTime() - start.getTime()) * 0.75);
  return {
    soon,
    overdue: due,
    escalation: addWorkingHours(cal, due, dayHours(cal)),
  };
}
