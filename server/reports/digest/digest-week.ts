import { type Period, parsePeriod, periodKeyOf } from '../../../shared/report-periods.ts';
import { dayNumber, dayText, localDayNumber, zonedInstant } from '../../calendar/zone-time.ts';
import { COMPANY_TIME_ZONE } from '../../company-time.ts';

/** Monday, 09:00 company time: when the QMS gets the control of the week that ended at midnight. */
export const DIGEST_HOUR = 9;

/**
 * The week whose digest is due at `now`, or null: from Monday 09:00 (company time) to the end of
 * that Sunday it is the week before. So a server down on Monday sends it when it is back that
 * week, and a server down longer sends only the latest ended week's, never a backlog; between
 * Monday 00:00 and 09:00 nothing is due (the week just ended waits for 09:00).
 * @example dueDigestWeek(new Date('2026-11-04T12:00:00Z'))?.key // '2026-W44'
 */
export function dueDigestWeek(now: Date): Period | null {
  const today = localDayNumber(COMPANY_TIME_ZONE, now.getTime());
  // Day 0 (1 January 1970) was a Thursday: Monday is 0 here.
  const monday = today - ((today + 3) % 7);
  const sendAt = zonedInstant(COMPANY_TIME_ZONE, monday, DIGEST_HOUR * 60);
  if (sendAt === null || now.getTime() < sendAt) return null;
  return parsePeriod(periodKeyOf('week', dayText(monday - 1)));
}

/** The name of the row in `job_leases` that says a week's digest was queued: `digest:2026-W44`. */
export const digestMark = (week: Period): string => `digest:${week.key}`;

/**
 * When a week ends: the Monday after it, 00:00 company time.
 * @example new Date(weekEnd(parsePeriod('2026-W44')!)).toISOString() // '2026-11-01T21:00:00.000Z'
 */
export const weekEnd = (week: Period): number => zonedInstant(COMPANY_TIME_ZONE, dayNumber(week.to) + 1, 0)!;
