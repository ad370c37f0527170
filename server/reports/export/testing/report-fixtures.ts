import { STEP_TITLES, STEPS } from '../../../../shared/complaint-process.ts';
import type { MonthlyAnalysis, PeriodFigures, WeeklyControl } from '../../../../shared/console-reports.ts';

// Hand-made reports for the files' tests: the files are pure functions of these payloads, so the
// tests need no database. A client's name that a spreadsheet would take for a formula is among them.

export const HOSTILE = "=cmd|' /C calc'!A0";

export function weeklyFixture(): WeeklyControl {
  const dks = { id: 'dep-dks', name: 'ДКС' };
  return {
    period: {
      key: '2026-W44',
      kind: 'week',
      from: '2026-10-26',
      to: '2026-11-01',
      label: 'Неделя 44: 26.10.2026 – 01.11.2026',
    },
    asOf: '2026-11-01T21:00:00.000Z',
    department: null,
    totals: { received: 7, open: 5, closed: 3, overdue: 2 },
    byDepartment: [
      { department: dks, received: 5, open: 4, closed: 2, overdue: 2 },
      { department: null, received: 2, open: 1, closed: 1, overdue: 0 },
    ],
    steps: STEPS.map((step, i) => ({
      step,
      title: STEP_TITLES[step],
      open: i,
      overdue: i === 1 ? 2 : 0,
      doneOnTime: 6 - i,
      doneLate: i % 2,
    })),
    overdue: [
      {
        id: 'sub-1',
        number: 'Ж-2026-0042',
        receivedAt: '2026-10-27T07:15:00.000Z',
        department: dks,
        responsible: { id: 'u1', name: 'Петрова Анна' },
        step: '1.2',
        dueAt: '2026-10-27T10:15:00.000Z',
        overdueWorkingMinutes: 2350,
        overdueText: '4 р. д. 3 ч 10 мин',
        client: HOSTILE,
      },
      {
        id: 'sub-2',
        number: 'Ж-2026-0043',
        receivedAt: '2026-10-30T12:00:00.000Z',
        department: dks,
        responsible: null,
        step: '1.2',
        dueAt: '2026-10-30T15:00:00.000Z',
        overdueWorkingMinutes: 45,
        overdueText: '45 мин',
        client: 'ООО «Ромашка»; склад №2',
      },
    ],
  };
}

function figures(key: string, label: string, from: string, to: string, scale: number): PeriodFigures {
  const share = (key: string, label: string, count: number, of: number) => ({
    key,
    label,
    count,
    share: of ? count / of : null,
  });
  const closed = 4 * scale;
  return {
    period: { key, kind: 'month', from, to, label },
    received: {
      total: 10 * scale,
      byKind: [
        { key: 'complaint', label: 'Жалоба', count: 6 * scale },
        { key: 'thanks', label: 'Благодарность', count: 3 * scale },
        { key: 'rating', label: 'Оценка', count: scale },
      ],
      byChannel: [{ key: 'site', label: 'Сайт', count: 10 * scale }],
      byDepartment: [{ key: 'dep-dks', label: 'ДКС', count: 10 * scale }],
    },
    closed: {
      count: closed,
      justification: [
        share('justified', 'Обоснована', scale, closed),
        share('unjustified', 'Не обоснована', 3 * scale, closed),
      ],
      satisfied: [share('yes', 'Да', 3 * scale, closed), share('none', 'Не указано', scale, closed)],
      loyal: [share('yes', 'Да', 2 * scale, closed), share('no', 'Нет', 2 * scale, closed)],
      combinations: [share('satisfied_loyal', 'Удовлетворён и лоялен', 2 * scale, closed)],
      averageDays: 4.5 * scale,
      medianDays: 3.2,
      withinLimit: share('limit', 'до 14 р. д.', closed, closed),
      withinTarget: share('target', 'до 5 р. д.', scale, closed),
    },
    compliance: STEPS.map((step) => ({
      step,
      title: STEP_TITLES[step],
      due: 3,
      onTime: 2,
      late: 1,
      notDone: 0,
      share: 2 / 3,
    })),
    responsibles: [
      {
        key: 'u-olga',
        label: 'Смирнова Ольга',
        closed,
        withinLimit: { count: closed, share: 1 },
        withinTarget: { count: scale, share: scale / closed },
        satisfied: { count: 3 * scale, share: 0.75 },
        loyal: { count: 2 * scale, share: 0.5 },
        due: 6 * scale,
        onTime: { count: 4 * scale, share: 4 / 6 },
      },
      {
        key: 'none',
        label: 'Ответственный не назначен',
        closed: 0,
        withinLimit: { count: 0, share: null },
        withinTarget: { count: 0, share: null },
        satisfied: { count: 0, share: null },
        loyal: { count: 0, share: null },
        due: 2,
        onTime: { count: 0, share: 0 },
      },
    ],
    ratings: {
      employees: [
        {
          key: 'ivanov',
          label: 'Иванов Иван',
          count: 3,
          average: 4.33,
          scores: [0, 0, 1, 0, 2],
          byMonth: [{ month: key, count: 3, average: 4.33 }],
        },
      ],
      departments: [],
      subjects: [],
    },
  };
}

export function monthlyFixture(): MonthlyAnalysis {
  return {
    asOf: '2026-11-01T09:30:00.000Z',
    department: { id: 'dep-dks', name: 'ДКС' },
    current: figures('2026-10', 'Октябрь 2026', '2026-10-01', '2026-10-31', 2),
    previous: figures('2026-09', 'Сентябрь 2026', '2026-09-01', '2026-09-30', 1),
  };
}
