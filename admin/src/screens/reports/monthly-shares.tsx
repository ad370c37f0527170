import type { PeriodFigures, Share } from '../../api/types.ts';
import { ChartFigure, FigureTable } from './charts/chart-figure.tsx';
import { ShareBars } from './charts/share-bars.tsx';
import { change, num, pct } from './report-format.ts';

type Closed = PeriodFigures['closed'];
const GROUPS: Array<{
  by: keyof Pick<Closed, 'justification' | 'satisfied' | 'loyal' | 'combinations'>;
  title: string;
}> = [
  { by: 'justification', title: 'Обоснованность закрытых жалоб' },
  { by: 'satisfied', title: 'Удовлетворённость клиентов' },
  { by: 'loyal', title: 'Лояльность клиентов' },
  { by: 'combinations', title: 'Удовлетворённость и лояльность вместе' },
];

/** Keys in the current period's order, then the previous one's; «не указано» (none) always last, grey. */
function keysOf(a: Share[], b: Share[]) {
  const labels = new Map([...b, ...a].map((s) => [s.key, s.label]));
  const keys = [...labels.keys()].filter((k) => k !== 'none');
  if (labels.has('none')) keys.push('none');
  return keys.map((key, i) => ({ key, label: labels.get(key)!, cls: key === 'none' ? 'p-none' : `p${i}` }));
}

const countOf = (list: Share[], key: string) => list.find((s) => s.key === key);

/** Shares of the closed complaints: justification, satisfaction, loyalty and their combinations. */
export function MonthlyShares({ current, previous }: { current: PeriodFigures; previous: PeriodFigures }) {
  return (
    <section class="report-section">
      <h2>Закрытые жалобы: итоги</h2>
      <p class="muted">
        Закрыто жалоб: {num(current.closed.count)} (в предыдущем периоде {num(previous.closed.count)}).
      </p>
      {GROUPS.map((g) => {
        const cur = current.closed[g.by];
        const prev = previous.closed[g.by];
        const parts = keysOf(cur, prev);
        if (parts.length === 0) return null;
        const counts = (list: Share[]) => parts.map((p) => countOf(list, p.key)?.count ?? 0);
        return (
          <ChartFigure
            key={g.by}
            title={g.title}
            chart={
              <ShareBars
                parts={parts}
                rows={[
                  { label: current.period.label, parts: counts(cur) },
                  { label: previous.period.label, parts: counts(prev) },
                ]}
              />
            }
          >
            <FigureTable class="table report-table compare-table">
              <thead>
                <tr>
                  <th scope="col">Ответ</th>
                  <th scope="col" class="num">
                    {current.period.label}
                  </th>
                  <th scope="col" class="num">
                    {previous.period.label}
                  </th>
                  <th scope="col" class="num">
                    Изменение
                  </th>
                </tr>
              </thead>
              <tbody>
                {parts.map((p) => {
                  const c = countOf(cur, p.key);
                  const v = countOf(prev, p.key);
                  return (
                    <tr key={p.key}>
                      <th scope="row">{p.label}</th>
                      <td class="num strong" data-label={current.period.label}>
                        {pct(c?.share ?? null)} <span class="muted">({num(c?.count ?? 0)})</span>
                      </td>
                      <td class="num" data-label={previous.period.label}>
                        {pct(v?.share ?? null)} <span class="muted">({num(v?.count ?? 0)})</span>
                      </td>
                      <td class="num muted" data-label="Изменение">
                        {change(c?.share ?? null, v?.share ?? null, true)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </FigureTable>
          </ChartFigure>
        );
      })}
    </section>
  );
}
