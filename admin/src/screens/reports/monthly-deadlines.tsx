import { CLOSE_TARGET_WORKING_DAYS, STEP_DEADLINES } from '../../../../shared/complaint-process.ts';
import type { PeriodFigures } from '../../api/types.ts';
import { BarChart } from './charts/bar-chart.tsx';
import { ChartFigure, FigureTable } from './charts/chart-figure.tsx';
import { ShareBars } from './charts/share-bars.tsx';
import { CompareTable, seriesOf } from './compare-table.tsx';
import { change, num, pct } from './report-format.ts';

/** The seed's limit for closing (step 1.6), in working days. */
const deadline = STEP_DEADLINES['1.6'];
export const CLOSE_LIMIT_DAYS = 'workingDays' in deadline ? deadline.workingDays : 14;

const PARTS = [
  { label: 'В срок', cls: 's-closed' },
  { label: 'С опозданием', cls: 's-late' },
  { label: 'Не выполнено', cls: 's-overdue' },
];

/** Working days to close against the limit and the aim; deadline compliance per step. */
export function MonthlyDeadlines({ current, previous }: { current: PeriodFigures; previous: PeriodFigures }) {
  const periods: [string, string] = [current.period.label, previous.period.label];
  const c = current.closed;
  const p = previous.closed;
  const prevStep = new Map(previous.compliance.map((s) => [s.step, s]));
  return (
    <section class="report-section">
      <h2>Сроки</h2>
      <ChartFigure
        title={`Срок закрытия в рабочих днях: предел ${CLOSE_LIMIT_DAYS}, цель ${CLOSE_TARGET_WORKING_DAYS}`}
        chart={
          <BarChart
            rows={[
              { label: 'Средний', values: [c.averageDays, p.averageDays] },
              { label: 'Медиана', values: [c.medianDays, p.medianDays] },
            ]}
            series={seriesOf(current, previous)}
            marks={[
              { value: CLOSE_TARGET_WORKING_DAYS, label: `цель ${CLOSE_TARGET_WORKING_DAYS}` },
              { value: CLOSE_LIMIT_DAYS, label: `предел ${CLOSE_LIMIT_DAYS}` },
            ]}
            format={(v) => num(v, 1)}
          />
        }
      >
        <CompareTable
          head="Рабочих дней до закрытия"
          periods={periods}
          digits={1}
          rows={[
            { key: 'avg', label: 'Средний срок', current: c.averageDays, previous: p.averageDays },
            { key: 'median', label: 'Медиана', current: c.medianDays, previous: p.medianDays },
          ]}
        />
        <CompareTable
          head="Доля закрытых"
          periods={periods}
          share
          rows={[
            {
              key: 'limit',
              label: `За ${CLOSE_LIMIT_DAYS} р. д. и быстрее`,
              current: c.withinLimit.share,
              previous: p.withinLimit.share,
            },
            {
              key: 'target',
              label: `За ${CLOSE_TARGET_WORKING_DAYS} р. д. и быстрее`,
              current: c.withinTarget.share,
              previous: p.withinTarget.share,
            },
          ]}
        />
      </ChartFigure>
      <ChartFigure
        wide
        title="Соблюдение сроков по шагам"
        chart={
          <ShareBars
            parts={PARTS}
            written={[0]}
            rows={current.compliance.map((s) => ({
              label: `Шаг ${s.step}`,
              parts: [s.onTime, s.late, s.notDone],
            }))}
          />
        }
      >
        <FigureTable class="table report-table compliance-table">
          <thead>
            <tr>
              <th scope="col">Шаг</th>
              <th scope="col" class="num">
                Сроков
              </th>
              {PARTS.map((x) => (
                <th scope="col" class="num" key={x.label}>
                  {x.label}
                </th>
              ))}
              <th scope="col" class="num">
                Доля в срок
              </th>
              <th scope="col" class="num">
                {periods[1]}
              </th>
              <th scope="col" class="num">
                Изменение
              </th>
            </tr>
          </thead>
          <tbody>
            {current.compliance.map((s) => {
              const before = prevStep.get(s.step)?.share ?? null;
              return (
                <tr key={s.step}>
                  <th scope="row">
                    {s.step} {s.title}
                  </th>
                  <td class="num" data-label="Сроков">
                    {num(s.due)}
                  </td>
                  <td class="num" data-label="В срок">
                    {num(s.onTime)}
                  </td>
                  <td class="num" data-label="С опозданием">
                    {num(s.late)}
                  </td>
                  <td class="num" data-label="Не выполнено">
                    {num(s.notDone)}
                  </td>
                  <td class="num strong" data-label="Доля в срок">
                    {pct(s.share)}
                  </td>
                  <td class="num" data-label={periods[1]}>
                    {pct(before)}
                  </td>
                  <td class="num muted" data-label="Изменение">
                    {change(s.share, before, true)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </FigureTable>
      </ChartFigure>
    </section>
  );
}
