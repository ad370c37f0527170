import type { Count, PeriodFigures } from '../../api/types.ts';
import { BarChart } from './charts/bar-chart.tsx';
import { ChartFigure } from './charts/chart-figure.tsx';
import { CompareTable, seriesOf } from './compare-table.tsx';
import { pairCounts } from './report-format.ts';

const GROUPS = [
  { by: 'byKind', title: 'По видам', head: 'Вид' },
  { by: 'byChannel', title: 'По каналам', head: 'Канал' },
  { by: 'byDepartment', title: 'По подразделениям', head: 'Подразделение' },
] as const;

/** What came in: by kind, channel and department, beside the previous period. */
export function MonthlyReceived({ current, previous }: { current: PeriodFigures; previous: PeriodFigures }) {
  const series = seriesOf(current, previous);
  const periods: [string, string] = [current.period.label, previous.period.label];
  return (
    <section class="report-section">
      <h2>Поступило обращений и оценок</h2>
      <p class="muted">Жалоба учитывается в месяце, когда её получили, даже если зарегистрировали позже.</p>
      {GROUPS.map((g) => {
        const rows = pairCounts(current.received[g.by] as Count[], previous.received[g.by] as Count[]);
        if (rows.length === 0) return null;
        return (
          <ChartFigure
            key={g.by}
            title={g.title}
            chart={
              <BarChart rows={rows.map((r) => ({ label: r.label, values: [r.current, r.previous] }))} series={series} />
            }
          >
            <CompareTable head={g.head} rows={rows} periods={periods} />
          </ChartFigure>
        );
      })}
    </section>
  );
}
