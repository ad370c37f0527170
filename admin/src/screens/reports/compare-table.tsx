import { FigureTable } from './charts/chart-figure.tsx';
import type { PeriodFigures } from '../../api/types.ts';
import { change, num, pct } from './report-format.ts';

export interface CompareRow {
  key: string;
  label: string;
  current: number | null;
  previous: number | null;
}

/** The two periods as the charts' legend and the tables' headings name them. */
export const seriesOf = (current: PeriodFigures, previous: PeriodFigures) => [
  { label: current.period.label, cls: 's0' },
  { label: previous.period.label, cls: 's1' },
];

/**
 * A figure per row in the current and the previous period, with the change: the numbers of a
 * comparison chart, and the accessible version of it.
 */
export function CompareTable({
  head,
  rows,
  periods,
  digits = 0,
  share = false,
}: {
  head: string;
  rows: CompareRow[];
  periods: [string, string];
  digits?: number;
  /** The values are shares (0…1): shown in per cent, the change in percentage points. */
  share?: boolean;
}) {
  const show = (v: number | null) => (share ? pct(v) : num(v, v === null ? 0 : digits));
  return (
    <FigureTable class="table report-table compare-table">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">
            {periods[0]}
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
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td class="num strong" data-label={periods[0]}>
              {show(r.current)}
            </td>
            <td class="num" data-label={periods[1]}>
              {show(r.previous)}
            </td>
            <td class="num muted" data-label="Изменение">
              {change(r.current, r.previous, share, digits)}
            </td>
          </tr>
        ))}
      </tbody>
    </FigureTable>
  );
}
