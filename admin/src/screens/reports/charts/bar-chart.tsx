import { clipText, Legend, useChartWidth } from './chart-figure.tsx';

export interface BarRow {
  label: string;
  /** One value per series; null draws no bar. */
  values: Array<number | null>;
}

interface Props {
  rows: BarRow[];
  /** The series' names and colour classes (`s0` the current period, `s1` the previous one). */
  series: Array<{ label: string; cls: string }>;
  /** The scale's end; the largest value when not given. */
  max?: number;
  /** Upright lines at values (the 14-day limit, the 5-day aim). */
  marks?: Array<{ value: number; label: string }>;
  format?: (v: number) => string;
}

const VALUE = 44;
const BAR = 12;

/**
 * Horizontal bars, one group per row (a kind, a channel, a department), one bar per series.
 * Plain SVG scaled to its box: the reports need this, a stacked share bar and small trends, and
 * drawing them costs less than any chart library.
 */
export function BarChart({ rows, series, max, marks = [], format = String }: Props) {
  const width = useChartWidth();
  const gutter = Math.min(150, Math.round(width * 0.3));
  const top = marks.length ? 16 : 4;
  const group = series.length * BAR + 10;
  const height = top + rows.length * group + 4;
  const all = rows.flatMap((r) => r.values.filter((v): v is number => v !== null));
  const end = Math.max(max ?? 0, ...all, ...marks.map((m) => m.value), 1);
  const x = (v: number) => gutter + (v / end) * (width - gutter - VALUE);
  return (
    <>
      <svg
        class="bar-chart"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        aria-hidden="true"
        focusable="false"
      >
        {rows.map((r, i) => {
          const y0 = top + i * group + 5;
          return (
            <g key={r.label}>
              <text x={gutter - 6} y={y0 + (series.length * BAR) / 2 + 4} text-anchor="end" class="chart-label">
                {/* The whole name on hover: the cut one may not be enough to tell two apart. */}
                <title>{r.label}</title>
                {clipText(r.label, gutter - 8)}
              </text>
              {r.values.map((v, s) =>
                v === null ? null : (
                  <g key={s}>
                    <rect
                      x={gutter}
                      y={y0 + s * BAR}
                      width={Math.max(x(v) - gutter, v > 0 ? 1 : 0)}
                      height={BAR - 2}
                      class={series[s]!.cls}
                    />
                    <text x={x(v) + 4} y={y0 + s * BAR + BAR - 3} class="chart-value">
                      {format(v)}
                    </text>
                  </g>
                ),
              )}
            </g>
          );
        })}
        {marks.map((m) => (
          <g key={m.label}>
            <line x1={x(m.value)} x2={x(m.value)} y1={top - 2} y2={height} class="chart-mark" />
            <text x={x(m.value)} y={11} text-anchor="middle" class="chart-mark-label">
              {m.label}
            </text>
          </g>
        ))}
        <line x1={gutter} x2={gutter} y1={top - 2} y2={height} class="chart-axis" />
      </svg>
      {series.length > 1 && <Legend items={series} />}
    </>
  );
}
