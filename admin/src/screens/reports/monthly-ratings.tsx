import type { PeriodFigures, RatingSummary } from '../../api/types.ts';
import { BarChart } from './charts/bar-chart.tsx';
import { ChartFigure, FigureTable } from './charts/chart-figure.tsx';
import { ScoreBar, TrendBars } from './charts/mini-charts.tsx';
import { seriesOf } from './compare-table.tsx';
import { num } from './report-format.ts';

type Group = keyof PeriodFigures['ratings'];
const GROUPS: Array<{ by: Group; title: string; head: string }> = [
  { by: 'departments', title: 'Оценки по подразделениям', head: 'Подразделение' },
  { by: 'employees', title: 'Оценки по сотрудникам', head: 'Сотрудник' },
  { by: 'subjects', title: 'Оценки по предметам', head: 'Предмет оценки' },
];
const MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const monthShort = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;

/** Ratings per department, employee and subject: average, count, scores 1–5, trend by month. */
export function MonthlyRatings({ current, previous }: { current: PeriodFigures; previous: PeriodFigures }) {
  const any = GROUPS.some((g) => current.ratings[g.by].length > 0);
  const periods: [string, string] = [current.period.label, previous.period.label];
  return (
    <section class="report-section">
      <h2>Оценки</h2>
      {!any && <p class="empty">Оценок за период нет.</p>}
      {GROUPS.map((g) => {
        const rows = current.ratings[g.by];
        if (rows.length === 0) return null;
        const before = new Map(previous.ratings[g.by].map((r) => [r.key, r]));
        const table = <RatingTable head={g.head} rows={rows} before={before} periods={periods} />;
        return (
          <ChartFigure
            key={g.by}
            wide
            title={`${g.title}: средняя оценка`}
            chart={
              <BarChart
                rows={rows.map((r) => ({ label: r.label, values: [r.average, before.get(r.key)?.average ?? null] }))}
                series={seriesOf(current, previous)}
                max={5}
                format={(v) => num(v, 2)}
              />
            }
          >
            {table}
          </ChartFigure>
        );
      })}
    </section>
  );
}

function RatingTable({
  head,
  rows,
  before,
  periods,
}: {
  head: string;
  rows: RatingSummary[];
  before: Map<string, RatingSummary>;
  periods: [string, string];
}) {
  return (
    <FigureTable class="table report-table ratings-table">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">
            Средняя
          </th>
          <th scope="col" class="num">
            Оценок
          </th>
          <th scope="col">Оценки 1–5 ★</th>
          <th scope="col">По месяцам</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const b = before.get(r.key);
          return (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td class="num" data-label="Средняя">
                <span class="strong">{num(r.average, r.average === null ? 0 : 2)}</span>
                <span class="sub">
                  {periods[1]}: {num(b?.average ?? null, b?.average == null ? 0 : 2)}
                </span>
              </td>
              <td class="num" data-label="Оценок">
                <span class="strong">{num(r.count)}</span>
                <span class="sub">
                  {periods[1]}: {num(b?.count ?? 0)}
                </span>
              </td>
              <td data-label="Оценки 1–5 ★">
                <ScoreBar scores={r.scores} />
                <span class="sub scores">
                  {r.scores.map((c, i) => (
                    <span key={i}>
                      {i + 1}★ {num(c)}
                    </span>
                  ))}
                </span>
              </td>
              <td data-label="По месяцам">
                <TrendBars values={r.byMonth.map((m) => m.average)} />
                <span class="sub months">
                  {r.byMonth.map((m) => (
                    <span key={m.month}>
                      {monthShort(m.month)}: {num(m.average, m.average === null ? 0 : 2)} ({num(m.count)})
                    </span>
                  ))}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </FigureTable>
  );
}
