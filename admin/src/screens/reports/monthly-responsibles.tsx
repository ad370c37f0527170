import type { Part, PeriodFigures, ResponsibleFigures } from '../../api/types.ts';
import { BarChart } from './charts/bar-chart.tsx';
import { ChartFigure, FigureTable } from './charts/chart-figure.tsx';
import { seriesOf } from './compare-table.tsx';
import { CLOSE_TARGET_WORKING_DAYS } from '../../../../shared/complaint-process.ts';
import { CLOSE_LIMIT_DAYS } from './monthly-deadlines.tsx';
import { change, num, pct } from './report-format.ts';

/** A share with its count, as the other shares read: «88 % (7)»; «—» with nothing to share. */
const part = (p: Part) => (p.share === null ? '—' : `${pct(p.share)} (${num(p.count)})`);

const COLUMNS: Array<{ title: string; cell: (r: ResponsibleFigures) => string }> = [
  { title: 'Закрыто жалоб', cell: (r) => num(r.closed) },
  { title: `За ${CLOSE_LIMIT_DAYS} р. д.`, cell: (r) => part(r.withinLimit) },
  { title: `За ${CLOSE_TARGET_WORKING_DAYS} р. д.`, cell: (r) => part(r.withinTarget) },
  { title: 'Удовлетворены', cell: (r) => part(r.satisfied) },
  { title: 'Лояльны', cell: (r) => part(r.loyal) },
  { title: 'Сроков шагов', cell: (r) => num(r.due) },
  { title: 'В срок', cell: (r) => part(r.onTime) },
];

/**
 * «По ответственным» (seed 004: the figures of handling in the responsible persons' bonuses):
 * each person's complaints closed in the period and how, and the steps' deadlines met, by the
 * complaints he is responsible for now.
 */
export function MonthlyResponsibles({ current, previous }: { current: PeriodFigures; previous: PeriodFigures }) {
  const rows = current.responsibles;
  const before = new Map(previous.responsibles.map((r) => [r.key, r]));
  const earlier = previous.period.label;
  return (
    <section class="report-section">
      <h2>По ответственным</h2>
      {rows.length === 0 ? (
        <p class="empty">За период нет закрытых жалоб и сроков шагов.</p>
      ) : (
        <ChartFigure
          wide
          title="Доля сроков шагов, выполненных в срок, по ответственным"
          chart={
            <BarChart
              rows={rows.map((r) => ({
                label: r.label,
                values: [r.onTime.share, before.get(r.key)?.onTime.share ?? null],
              }))}
              series={seriesOf(current, previous)}
              max={1}
              format={pct}
            />
          }
        >
          <FigureTable class="table report-table responsibles-table">
            <thead>
              <tr>
                <th scope="col">Ответственный</th>
                {COLUMNS.map((c) => (
                  <th scope="col" class="num" key={c.title}>
                    {c.title}
                  </th>
                ))}
                <th scope="col" class="num">
                  В срок: {earlier}
                </th>
                <th scope="col" class="num">
                  Изменение
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const b = before.get(r.key)?.onTime.share ?? null;
                return (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    {COLUMNS.map((c) => (
                      <td class="num" data-label={c.title} key={c.title}>
                        {c.cell(r)}
                      </td>
                    ))}
                    <td class="num" data-label={`В срок: ${earlier}`}>
                      {pct(b)}
                    </td>
                    <td class="num muted" data-label="Изменение">
                      {change(r.onTime.share, b, true)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </FigureTable>
        </ChartFigure>
      )}
    </section>
  );
}
