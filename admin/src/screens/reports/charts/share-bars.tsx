import { clipText, Legend, useChartWidth } from './chart-figure.tsx';

export interface ShareRow {
  label: string;
  /** The parts of the whole, in the legend's order; their counts make 100 %. */
  parts: number[];
}

const BAR = 22;

/**
 * Stacked 100 % bars: one per row (the current and the previous period, or a step), split into
 * the legend's parts. A row whose whole is 0 is drawn as an empty outline. `written`: the parts
 * whose share is written in the bar (all by default); a compliance chart writes only «в срок»,
 * where «100%» on a bar all «не выполнено» read as full compliance.
 */
export function ShareBars({
  rows,
  parts,
  written,
}: {
  rows: ShareRow[];
  parts: Array<{ label: string; cls: string }>;
  written?: number[];
}) {
  const width = useChartWidth();
  const gutter = Math.min(130, Math.round(width * 0.3));
  const height = rows.length * (BAR + 8) + 4;
  const span = width - gutter - 4;
  return (
    <>
      <svg
        class="share-bars"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        aria-hidden="true"
        focusable="false"
      >
        {rows.map((r, i) => {
          const total = r.parts.reduce((a, b) => a + b, 0);
          const y = 4 + i * (BAR + 8);
          let at = gutter;
          return (
            <g key={r.label}>
              <text x={gutter - 6} y={y + BAR / 2 + 4} text-anchor="end" class="chart-label">
                {clipText(r.label, gutter - 8)}
              </text>
              <rect x={gutter} y={y} width={span} height={BAR} class="chart-empty" />
              {total > 0 &&
                r.parts.map((count, p) => {
                  const w = (count / total) * span;
                  const x = at;
                  at += w;
                  return count === 0 ? null : (
                    <g key={parts[p]!.label}>
                      <rect x={x} y={y} width={w} height={BAR} class={parts[p]!.cls} />
                      {w > 34 && (written?.includes(p) ?? true) && (
                        <text x={x + w / 2} y={y + BAR / 2 + 4} text-anchor="middle" class="chart-in">
                          {Math.round((count / total) * 100)}%
                        </text>
                      )}
                    </g>
                  );
                })}
            </g>
          );
        })}
      </svg>
      <Legend items={parts} />
    </>
  );
}
