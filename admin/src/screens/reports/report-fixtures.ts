import { STEP_TITLES, STEPS } from '../../../../shared/complaint-process.ts';
import type { MonthlyAnalysis, PeriodFigures, RatingSummary, WeeklyControl } from '../../api/types.ts';

// Typed payloads of the report screens' tests and screenshots: a payload that drifts from
// shared/console-reports.ts fails type checking here.

const d1 = { id: 'd1', name: 'ДКС' };
const d2 = { id: 'd2', name: 'ОПР' };

export const WEEKLY: WeeklyControl = {
  period: {
    key: '2026-W44',
    kind: 'week',
    from: '2026-10-26',
    to: '2026-11-01',
    label: 'Неделя 44: 26.10.2026 – 01.11.2026',
  },
  asOf: '2026-11-01T21:00:00Z',
  department: null,
  totals: { received: 17, open: 9, closed: 11, overdue: 3 },
  byDepartment: [
    { department: d1, received: 12, open: 6, closed: 8, overdue: 2 },
    { department: d2, received: 4, open: 2, closed: 3, overdue: 1 },
    { department: null, received: 1, open: 1, closed: 0, overdue: 0 },
  ],
  steps: STEPS.map((step, i) => ({
    step,
    title: STEP_TITLES[step],
    open: [1, 2, 3, 1, 1, 1][i]!,
    overdue: [0, 1, 2, 0, 0, 0][i]!,
    doneOnTime: [14, 12, 9, 7, 6, 10][i]!,
    doneLate: [1, 2, 3, 0, 1, 1][i]!,
  })),
  overdue: [
    {
      id: 's7',
      number: '2026-00007',
      receivedAt: '2026-10-20T08:15:00Z',
      department: d1,
      responsible: { id: 'u-handler', name: 'Бадыштова К.' },
      step: '1.3',
      dueAt: '2026-10-23T08:15:00Z',
      overdueWorkingMinutes: 3790,
      overdueText: '7 р. д. 1 ч 10 мин',
      client: 'ООО «Ромашка»',
    },
    {
      id: 's9',
      number: '2026-00009',
      receivedAt: '2026-10-29T12:00:00Z',
      department: d2,
      responsible: null,
      step: '1.2',
      dueAt: '2026-10-29T15:00:00Z',
      overdueWorkingMinutes: 960,
      overdueText: '2 р. д.',
      client: null,
    },
  ],
};

export const WEEKLY_EMPTY: WeeklyControl = {
  ...WEEKLY,
  totals: { received: 0, open: 0, closed: 0, overdue: 0 },
  byDepartment: [],
  steps: WEEKLY.steps.map((s) => ({ ...s, open: 0, overdue: 0, doneOnTime: 0, doneLate: 0 })),
  overdue: [],
};

const share = (key: string, label: string, count: number, whole: number) => ({
  key,
  label,
  count,
  share: whole ? count / whole : null,
});

const rating = (
  key: string,
  label: string,
  scores: RatingSummary['scores'],
  months: Array<[string, number, number | null]>,
): RatingSummary => {
  const count = scores.reduce((a, b) => a + b, 0);
  const sum = scores.reduce((a, c, i) => a + c * (i + 1), 0);
  return {
    key,
    label,
    count,
    average: count ? Math.round((sum / count) * 100) / 100 : null,
    scores,
    byMonth: months.map(([month, c, average]) => ({ month, count: c, average })),
  };
};

function figures(key: string, label: string, n: number): PeriodFigures {
  const closed = 10 * n;
  return {
    period: { key, kind: 'month', from: `${key}-01`, to: `${key}-30`, label },
    received: {
      total: 42 * n,
      byKind: [
        { key: 'complaint', label: 'Жалоба', count: 20 * n },
        { key: 'thanks', label: 'Благодарность', count: 12 * n },
        { key: 'suggestion', label: 'Предложение', count: 4 * n },
        { key: 'rating', label: 'Оценка', count: 6 * n },
      ],
      byChannel: [
        { key: 'site', label: 'Сайт', count: 30 * n },
        { key: 'phone', label: 'Телефон', count: 12 * n },
      ],
      byDepartment: [
        { key: 'd1', label: 'ДКС', count: 28 * n },
        { key: 'd2', label: 'ОПР', count: 14 * n },
      ],
    },
    closed: {
      count: closed,
      justification: [
        share('justified', 'Обоснованная', 4 * n, closed),
        share('partly', 'Частично обоснованная', 2 * n, closed),
        share('unjustified', 'Необоснованная', 3 * n, closed),
        share('none', 'Не указано', n, closed),
      ],
      satisfied: [
        share('yes', 'Да', 7 * n, closed),
        share('no', 'Нет', 2 * n, closed),
        share('none', 'Не указано', n, closed),
      ],
      loyal: [
        share('yes', 'Да', 6 * n, closed),
        share('no', 'Нет', 3 * n, closed),
        share('none', 'Не указано', n, closed),
      ],
      combinations: [
        share('satisfied_loyal', 'Удовлетворён и лоялен', 5 * n, closed),
        share('satisfied_not_loyal', 'Удовлетворён, не лоялен', 2 * n, closed),
        share('not_satisfied_loyal', 'Не удовлетворён, лоялен', n, closed),
        share('not_satisfied_not_loyal', 'Не удовлетворён и не лоялен', n, closed),
        share('none', 'Не указано', n, closed),
      ],
      averageDays: n === 1 ? 6.4 : 8.1,
      medianDays: n === 1 ? 5 : 7.5,
      withinLimit: share('within_limit', 'За 14 р. д.', 9 * n, closed),
      withinTarget: share('within_target', 'За 5 р. д.', 5 * n, closed),
    },
    compliance: STEPS.map((step, i) => {
      const [onTime, late, notDone] = [
        [9, 1, 0],
        [8, 2, 0],
        [6, 3, 1],
        [5, 0, 0],
        [4, 1, 0],
        [8, 1, 1],
      ][i]!.map((x) => x * n) as [number, number, number];
      const due = onTime + late + notDone;
      return { step, title: STEP_TITLES[step], due, onTime, late, notDone, share: due ? onTime / due : null };
    }),
    responsibles: [
      {
        key: 'u2',
        label: 'Смирнова Ольга',
        closed: 8 * n,
        withinLimit: { count: 7 * n, share: 7 / 8 },
        withinTarget: { count: 4 * n, share: 0.5 },
        satisfied: { count: 6 * n, share: 0.75 },
        loyal: { count: 5 * n, share: 5 / 8 },
        due: 40 * n,
        onTime: { count: 34 * n, share: 0.85 },
      },
      {
        key: 'none',
        label: 'Ответственный не назначен',
        closed: 2 * n,
        withinLimit: { count: 2 * n, share: 1 },
        withinTarget: { count: n, share: 0.5 },
        satisfied: { count: n, share: 0.5 },
        loyal: { count: n, share: 0.5 },
        due: 6 * n,
        onTime: { count: 6 * n, share: 1 },
      },
    ],
    ratings: {
      employees: [rating('ivanov', 'Иванов Иван', [0, 1, 1, 2 * n, 4], [[key, 4 + 2 * n, 4.1]])],
      departments: [
        rating('d1', 'ДКС', [0, 0, 1, 2, 3 * n], [[key, 3 + 3 * n, 4.5]]),
        rating('d2', 'ОПР', [1, 1, 0, n, 0], [[key, 2 + n, 2.7]]),
      ],
      subjects: [rating('delivery', 'Качество доставки', [0, 1, 0, 1, n], [[key, 2 + n, 3.9]])],
    },
  };
}

export const MONTHLY: MonthlyAnalysis = {
  asOf: '2026-10-31T21:00:00Z',
  department: null,
  current: figures('2026-10', 'Октябрь 2026', 1),
  previous: figures('2026-09', 'Сентябрь 2026', 2),
};

const none = (f: PeriodFigures): PeriodFigures => ({
  ...f,
  received: { total: 0, byKind: [], byChannel: [], byDepartment: [] },
  closed: {
    ...f.closed,
    count: 0,
    justification: [],
    satisfied: [],
    loyal: [],
    combinations: [],
    averageDays: null,
    medianDays: null,
    withinLimit: share('within_limit', 'За 14 р. д.', 0, 0),
    withinTarget: share('within_target', 'За 5 р. д.', 0, 0),
  },
  compliance: f.compliance.map((s) => ({ ...s, due: 0, onTime: 0, late: 0, notDone: 0, share: null })),
  ratings: { employees: [], departments: [], subjects: [] },
});

export const MONTHLY_EMPTY: MonthlyAnalysis = { ...MONTHLY, current: none(MONTHLY.current) };
