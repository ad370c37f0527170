import { CLOSE_TARGET_WORKING_DAYS, STEP_DEADLINES } from '../../../shared/complaint-process.ts';
import type { Count, MonthlyAnalysis, PeriodFigures, RatingSummary, Share } from '../../../shared/console-reports.ts';
import { parsePeriod, periodLabel } from '../../../shared/report-periods.ts';
import { companyTime } from '../../mail/templates/format.ts';
import { type Cell, type Column, type ReportFile, reportFileName, scopeName, type Table } from './table.ts';

const LIMIT_DAYS = 'workingDays' in STEP_DEADLINES['1.6'] ? STEP_DEADLINES['1.6'].workingDays : 14;

/** Both periods' rows of one list, matched by key: the current period's order, then keys only the previous one has. */
function matched<T extends Count>(cur: T[], prev: T[]) {
  const keys = [...new Set([...cur.map((c) => c.key), ...prev.map((p) => p.key)])];
  return keys.map((key) => {
    const c = cur.find((x) => x.key === key);
    const p = prev.find((x) => x.key === key);
    return { key, label: (c ?? p)!.label, c, p };
  });
}

/**
 * The monthly analysis as tables, the period beside the one before it wherever both are counted
 * the same way; ratings' monthly trend for the current period only.
 * @example monthlyTables(analysis).tables.map((t) => t.sheet)
 */
export function monthlyTables(m: MonthlyAnalysis): ReportFile {
  const [cur, prev] = [m.current, m.previous];
  const [cl, pl] = [cur.period.label, prev.period.label];
  // A month mid-sentence in lower case: «(для сравнения: ноябрь 2026)»; «IV квартал 2026», «2026 год» as they are.
  const inSentence = pl.replace(/^[А-ЯЁ](?=[а-яё]+ \d{4}$)/, (c) => c.toLowerCase());
  const title = `Анализ обращений. ${cl} (для сравнения: ${inSentence}). ${scopeName(m.department)}; данные на ${companyTime(m.asOf)}`;
  const pair = (key: string, type: Column['type'], what: string): Column[] => [
    { key: `c_${key}`, title: `${cl}: ${what}`, type },
    { key: `p_${key}`, title: `${pl}: ${what}`, type },
  ];
  const counts = (t: string, sheet: string, head: string, get: (f: PeriodFigures) => Count[], total?: true): Table => ({
    title: t,
    sheet,
    columns: [{ key: 'label', title: head, type: 'text', width: 30 }, ...pair('count', 'integer', 'количество')],
    rows: [
      ...matched(get(cur), get(prev)).map((r) => ({
        label: r.label,
        c_count: r.c?.count ?? 0,
        p_count: r.p?.count ?? 0,
      })),
      ...(total ? [{ label: 'Всего', c_count: cur.received.total, p_count: prev.received.total }] : []),
    ],
  });
  const shareRows = (group: string, get: (f: PeriodFigures) => Share[]) =>
    matched(get(cur), get(prev)).map((r) => ({
      group,
      label: r.label,
      c_count: r.c?.count ?? 0,
      c_share: r.c?.share ?? null,
      p_count: r.p?.count ?? 0,
      p_share: r.p?.share ?? null,
    }));
  const one = (group: string, label: string, get: (f: PeriodFigures) => Share) =>
    shareRows(group, (f) => [{ ...get(f), key: 'one', label }]);
  return {
    name: reportFileName('monthly', cur.period.key, m.department),
    title,
    tables: [
      counts('Поступило по видам', 'По видам', 'Вид', (f) => f.received.byKind, true),
      counts('Поступило по каналам', 'По каналам', 'Канал', (f) => f.received.byChannel),
      counts('Поступило по подразделениям', 'По подразделениям', 'Подразделение', (f) => f.received.byDepartment),
      {
        title: 'Закрытые жалобы: обоснованность, удовлетворённость и лояльность клиентов, сроки',
        sheet: 'Закрытые жалобы',
        columns: [
          { key: 'group', title: 'Показатель', type: 'text', width: 32 },
          { key: 'label', title: 'Значение', type: 'text', width: 34 },
          { key: 'c_count', title: `${cl}: жалоб`, type: 'integer' },
          { key: 'c_share', title: `${cl}: доля`, type: 'percent' },
          { key: 'p_count', title: `${pl}: жалоб`, type: 'integer' },
          { key: 'p_share', title: `${pl}: доля`, type: 'percent' },
        ],
        rows: [
          {
            group: 'Закрыто',
            label: 'всего',
            c_count: cur.closed.count,
            c_share: null,
            p_count: prev.closed.count,
            p_share: null,
          },
          ...shareRows('Обоснованность', (f) => f.closed.justification),
          ...shareRows('Удовлетворённость', (f) => f.closed.satisfied),
          ...shareRows('Лояльность', (f) => f.closed.loyal),
          ...shareRows('Удовлетворённость и лояльность', (f) => f.closed.combinations),
          ...one('Срок закрытия', `не дольше ${LIMIT_DAYS} рабочих дней (предел)`, (f) => f.closed.withinLimit),
          ...one(
            'Срок закрытия',
            `не дольше ${CLOSE_TARGET_WORKING_DAYS} рабочих дней (цель)`,
            (f) => f.closed.withinTarget,
          ),
        ],
      },
      {
        title: 'Срок от поступления жалобы до закрытия, рабочих дней',
        sheet: 'Сроки закрытия',
        columns: [
          { key: 'label', title: 'Показатель', type: 'text', width: 30 },
          ...pair('days', 'number', 'рабочих дней'),
        ],
        rows: [
          { label: 'Средний', c_days: cur.closed.averageDays, p_days: prev.closed.averageDays },
          { label: 'Медиана', c_days: cur.closed.medianDays, p_days: prev.closed.medianDays },
          { label: 'Предел', c_days: LIMIT_DAYS, p_days: LIMIT_DAYS },
          { label: 'Цель', c_days: CLOSE_TARGET_WORKING_DAYS, p_days: CLOSE_TARGET_WORKING_DAYS },
        ],
      },
      compliance(m, cl, pl),
      responsibles(m, cl, pl),
      ratings('Оценки сотрудников', 'Оценки сотрудников', 'Сотрудник', cur.ratings.employees, prev.ratings.employees, [
        cl,
        pl,
      ]),
      ratings(
        'Оценки подразделений',
        'Оценки подразделений',
        'Подразделение',
        cur.ratings.departments,
        prev.ratings.departments,
        [cl, pl],
      ),
      ratings('Оценки по темам', 'Оценки по темам', 'Тема', cur.ratings.subjects, prev.ratings.subjects, [cl, pl]),
      trend(cur),
    ],
  };
}

/** Deadline compliance per step, both periods side by side. */
function compliance(m: MonthlyAnalysis, cl: string, pl: string): Table {
  const figures = [
    ['due', 'integer', 'сроков наступило'],
    ['onTime', 'integer', 'в срок'],
    ['late', 'integer', 'с опозданием'],
    ['notDone', 'integer', 'не выполнено'],
    ['share', 'percent', 'доля в срок'],
  ] as const;
  const columns: Column[] = [
    { key: 'step', title: 'Шаг', type: 'code', width: 6 },
    { key: 'title', title: 'Название', type: 'text', width: 44 },
    ...figures.map(([k, type, what]) => ({ key: `c_${k}`, title: `${cl}: ${what}`, type })),
    ...figures.map(([k, type, what]) => ({ key: `p_${k}`, title: `${pl}: ${what}`, type })),
  ];
  const rows = m.current.compliance.map((c) => {
    const p = m.previous.compliance.find((x) => x.step === c.step);
    const row: Record<string, Cell> = { step: c.step, title: c.title };
    for (const [k] of figures) {
      row[`c_${k}`] = c[k];
      row[`p_${k}`] = p ? p[k] : null;
    }
    return row;
  });
  return { title: 'Соблюдение сроков по шагам первого этапа', sheet: 'Соблюдение сроков', columns, rows };
}

/**
 * Each responsible person's handling in the current period (seed 004: the figures of the
 * responsible persons' bonuses), with the previous period's share of deadlines met.
 */
function responsibles(m: MonthlyAnalysis, cl: string, pl: string): Table {
  const parts = [
    ['withinLimit', `закрыто за ${LIMIT_DAYS} р. д.`],
    ['withinTarget', `закрыто за ${CLOSE_TARGET_WORKING_DAYS} р. д.`],
    ['satisfied', 'клиент удовлетворён'],
    ['loyal', 'клиент лоялен'],
  ] as const;
  const before = new Map(m.previous.responsibles.map((r) => [r.key, r]));
  return {
    title: `По ответственным: закрытые жалобы и сроки шагов (${cl})`,
    sheet: 'По ответственным',
    columns: [
      { key: 'label', title: 'Ответственный', type: 'text', width: 28 },
      { key: 'closed', title: `${cl}: закрыто жалоб`, type: 'integer' },
      ...parts.flatMap(([k, what]): Column[] => [
        { key: `${k}_n`, title: `${cl}: ${what}`, type: 'integer' },
        { key: `${k}_s`, title: `${cl}: ${what}, доля`, type: 'percent' },
      ]),
      { key: 'due', title: `${cl}: сроков шагов`, type: 'integer' },
      { key: 'onTime_n', title: `${cl}: в срок`, type: 'integer' },
      { key: 'onTime_s', title: `${cl}: доля в срок`, type: 'percent' },
      { key: 'p_onTime_s', title: `${pl}: доля в срок`, type: 'percent' },
    ],
    rows: m.current.responsibles.map((r) => ({
      label: r.label,
      closed: r.closed,
      ...Object.fromEntries(
        parts.flatMap(([k]) => [
          [`${k}_n`, r[k].count],
          [`${k}_s`, r[k].share],
        ]),
      ),
      due: r.due,
      onTime_n: r.onTime.count,
      onTime_s: r.onTime.share,
      p_onTime_s: before.get(r.key)?.onTime.share ?? null,
    })),
  };
}

/** One kind of ratings: count, average and the five scores, with the previous period's count and average. */
function ratings(
  title: string,
  sheet: string,
  head: string,
  cur: RatingSummary[],
  prev: RatingSummary[],
  [cl, pl]: [string, string],
): Table {
  return {
    title,
    sheet,
    columns: [
      { key: 'label', title: head, type: 'text', width: 28 },
      { key: 'count', title: `${cl}: оценок`, type: 'integer' },
      { key: 'average', title: `${cl}: средняя`, type: 'number' },
      ...[1, 2, 3, 4, 5].map((n) => ({ key: `s${n}`, title: `${cl}: ${n} ★`, type: 'integer' as const })),
      { key: 'p_count', title: `${pl}: оценок`, type: 'integer' },
      { key: 'p_average', title: `${pl}: средняя`, type: 'number' },
    ],
    rows: matched(cur, prev).map((r) => ({
      label: r.label,
      count: r.c?.count ?? 0,
      average: r.c?.average ?? null,
      ...Object.fromEntries([0, 1, 2, 3, 4].map((i) => [`s${i + 1}`, r.c?.scores[i] ?? 0])),
      p_count: r.p?.count ?? 0,
      p_average: r.p?.average ?? null,
    })),
  };
}

/** Ratings by month of the current period: employees, departments and subjects. */
function trend(f: PeriodFigures): Table {
  const groups = [
    ['Сотрудник', f.ratings.employees],
    ['Подразделение', f.ratings.departments],
    ['Тема', f.ratings.subjects],
  ] as const;
  const month = (key: string) => {
    const p = parsePeriod(key);
    return p ? periodLabel(p) : key;
  };
  return {
    title: `Оценки по месяцам: ${f.period.label}`,
    sheet: 'Оценки по месяцам',
    columns: [
      { key: 'group', title: 'Кого оценили', type: 'text', width: 16 },
      { key: 'label', title: 'Название', type: 'text', width: 28 },
      { key: 'month', title: 'Месяц', type: 'text', width: 16 },
      { key: 'count', title: 'Оценок', type: 'integer' },
      { key: 'average', title: 'Средняя', type: 'number' },
    ],
    rows: groups.flatMap(([group, list]) =>
      list.flatMap((r) =>
        r.byMonth.map((b) => ({ group, label: r.label, month: month(b.month), count: b.count, average: b.average })),
      ),
    ),
  };
}
