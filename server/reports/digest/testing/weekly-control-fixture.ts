import { STEP_TITLES, STEPS } from '../../../../shared/complaint-process.ts';
import type { OverdueComplaint, WeeklyControl } from '../../../../shared/console-reports.ts';
import { type Period, parsePeriod, periodLabel } from '../../../../shared/report-periods.ts';
import { companyDayStart, nextDay } from '../../../company-day.ts';

/** Test support: an overdue complaint of the control's list. */
export function overdueFixture(overrides: Partial<OverdueComplaint> = {}): OverdueComplaint {
  return {
    id: 'sub-1',
    number: '2026-00042',
    receivedAt: '2026-10-26T07:00:00.000Z',
    department: { id: 'dep-support', name: 'Техподдержка' },
    responsible: { id: 'u-1', name: 'Петрова Анна' },
    step: '1.3',
    dueAt: '2026-10-29T07:00:00.000Z',
    overdueWorkingMinutes: 1210,
    overdueText: '2 р. д. 3 ч 10 мин',
    client: 'ООО «Ромашка»',
    ...overrides,
  };
}

/**
 * Test support: a typed weekly control of a week, with hand-set figures (the real builder,
 * server/reports/weekly-control.ts, is tested against the database on its own).
 */
export function weeklyControlFixture(
  week: Period | string = '2026-W44',
  overrides: Partial<WeeklyControl> = {},
): WeeklyControl {
  const p = typeof week === 'string' ? parsePeriod(week)! : week;
  // The Monday after the week, 00:00 in Moscow: the instant a past week is counted at.
  const end = companyDayStart(nextDay(p.to));
  return {
    period: { ...p, label: periodLabel(p) },
    asOf: end,
    department: null,
    totals: { received: 7, open: 5, closed: 3, overdue: 2 },
    byDepartment: [
      { department: { id: 'dep-support', name: 'Техподдержка' }, received: 4, open: 3, closed: 2, overdue: 1 },
      { department: null, received: 3, open: 2, closed: 1, overdue: 1 },
    ],
    steps: STEPS.map((step, i) => ({
      step,
      title: STEP_TITLES[step],
      open: i === 2 ? 3 : 0,
      overdue: i === 2 ? 1 : 0,
      doneOnTime: i + 1,
      doneLate: i === 0 ? 1 : 0,
    })),
    overdue: [
      overdueFixture(),
      overdueFixture({
        id: 'sub-2',
        number: '2026-00043',
        department: null,
        responsible: null,
        step: '1.1',
        overdueText: '45 мин',
        client: null,
      }),
    ],
    ...overrides,
  };
}
