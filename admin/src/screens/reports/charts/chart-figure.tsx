import { type ComponentChildren, createContext, type JSX } from 'preact';
import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';

/** The id of the figure's caption: a table in a figure is not named by the figure's caption by itself. */
const FigureCaption = createContext<string | undefined>(undefined);

/**
 * A table of a chart's numbers, named by its figure's caption (aria-labelledby), so a screen
 * reader's list of tables says which is which.
 */
export function FigureTable(props: JSX.HTMLAttributes<HTMLTableElement>) {
  return <table {...props} aria-labelledby={useContext(FigureCaption)} />;
}

/** The width the chart is drawn at, in CSS pixels: text stays 11 px on a phone and on a wide screen. */
const ChartWidth = createContext(480);
export const useChartWidth = () => useContext(ChartWidth);

/** The box's width as it changes (a turned phone, a resized window); 480 where nothing measures. */
function useBoxWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(480);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(
      () => box.clientWidth > 0 && setWidth(Math.max(260, Math.round(box.clientWidth))),
    );
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

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
  const [ref, width] = useBoxWidth();
  const captionId = useId();
  return (
    <figure class={`chart${wide ? ' wide' : ''}`}>
      <figcaption id={captionId}>{title}</figcaption>
      <div class="chart-body">
        <div class="chart-picture" aria-hidden="true" ref={ref}>
          <ChartWidth.Provider value={width}>{chart}</ChartWidth.Provider>
        </div>
        <div class="chart-table">
          <FigureCaption.Provider value={captionId}>{children}</FigureCaption.Provider>
        </div>
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

/**
 * A label cut to fit the chart's margin of `room` pixels (11 px text); the table keeps it whole.
 * A person's full name becomes the surname and initials («Петров-Водкин К. С.»), and where that
 * is still too long, the start of the surname and the first name («Константино… Анна»), so that
 * two people with one long surname stay two bars. Any other text keeps its start and its end.
 * @example clipText('Иванова Анна Сергеевна', 100) // 'Иванова А. С.'
 */
export function clipText(text: string, room: number) {
  const max = Math.floor(room / 6.6);
  if (text.length <= max) return text;
  if (/^[А-ЯЁ][а-яёА-ЯЁ-]+( [А-ЯЁ][а-яё]+){1,2}$/.test(text)) {
    const [surname = '', first = '', ...rest] = text.split(' ');
    const initials = [surname, ...[first, ...rest].map((w) => `${w[0]}.`)].join(' ');
    if (initials.length <= max) return initials;
    if (first.length + 5 <= max) return `${surname.slice(0, max - first.length - 2)}… ${first}`;
  }
  const end = Math.floor((max - 1) * 0.4);
  return `${text.slice(0, max - 1 - end)}…${text.slice(text.length - end)}`;
}
