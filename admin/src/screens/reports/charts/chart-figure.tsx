import type { ComponentChildren } from 'preact';

/**
 * A chart with its numbers beside it. The drawing is hidden from screen readers (aria-hidden) and
 * the table is its accessible version: every chart of the reports is built so, none has role="img"
 * with a summary, so a listener always gets the same table the picture was drawn from. On a
 * phone the table goes under the picture.
 */
export function ChartFigure({
  title,
  chart,
  children,
  wide = false,
}: {
  title: string;
  /** A wide table: the picture above it, not beside. */
  wide?: boolean;
  chart: ComponentChildren;
  /** The table of the chart's numbers. */
  children: ComponentChildren;
}) {
  return (
    <figure class={`chart${wide ? ' wide' : ''}`}>
      <figcaption>{title}</figcaption>
      <div class="chart-body">
        <div class="chart-picture" aria-hidden="true">
          {chart}
        </div>
        <div class="chart-table">{children}</div>
      </div>
    </figure>
  );
}

/** The colour key under a chart (hidden with it: the table's headings say the same). */
export function Legend({ items }: { items: Array<{ label: string; cls: string }> }) {
  return (
    <ul class="chart-legend">
      {items.map((i) => (
        <li key={i.label}>
          <span class={`swatch ${i.cls}`} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** A label cut to fit the chart's margin; the table keeps it whole. */
export const clipText = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
