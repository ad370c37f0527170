// Charts small enough to sit in a table's row, beside the numbers they draw (hidden from screen
// readers: the row says the same in words).

/** Bars of a rating's average by month (0…5), oldest first; a month without ratings is a gap. */
export function TrendBars({ values }: { values: Array<number | null> }) {
  const w = Math.max(values.length * 10, 20);
  return (
    <svg class="mini" viewBox={`0 0 ${w} 20`} width={w * 1.4} height="28" aria-hidden="true" focusable="false">
      <line x1="0" x2={w} y1="19.5" y2="19.5" class="chart-axis" />
      {values.map((v, i) =>
        v === null ? null : (
          <rect key={i} x={i * 10 + 1} y={19 - (v / 5) * 18} width="8" height={(v / 5) * 18} class="s0" />
        ),
      )}
    </svg>
  );
}

/** How many gave 1…5 stars, as one stacked bar (red to green). */
export function ScoreBar({ scores }: { scores: number[] }) {
  const total = scores.reduce((a, b) => a + b, 0);
  let at = 0;
  return (
    <svg
      class="mini"
      viewBox="0 0 100 10"
      width="100"
      height="12"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="100" height="10" class="chart-empty" />
      {total > 0 &&
        scores.map((c, i) => {
          const x = at;
          at += (c / total) * 100;
          return c ? <rect key={i} x={x} width={(c / total) * 100} height="10" class={`score-${i + 1}`} /> : null;
        })}
    </svg>
  );
}
