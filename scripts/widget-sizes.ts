import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What the widget may cost, in brotli bytes (STYLE.md habit 7: every kilobyte is counted). */
export const BUDGETS = {
  /** embed.js, on every page of the site. */
  loader: 2048,
  /** Everything each widget downloads: the loader, w/<name>.js and all it imports (Preact's shared chunk). */
  widgets: {
    /** The feedback form «Оставьте отзыв о нашей работе», inline or in its dialog. */
    feedback: 12288,
    /** The rating «Расскажите моему руководителю, как я работаю!» / «Оцените качество доставки». */
    rating: 12288,
    /** The published reviews «Смотрите все отзывы о работе сотрудников». */
    reviews: 12288,
  },
};

/** A widget with a budget: its chunk is `w/<name>.js`. */
export type WidgetName = keyof typeof BUDGETS.widgets;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

/** Sizes of one built file, compressed as a server would: gzip -9 and brotli at its highest quality. */
export function measure(dist: string, file: string): FileSize {
  const bytes = readFileSync(path.join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * Relative modules a built ES module imports, statically or dynamically.
 * @example importsOf('import{h as e}from"./preact-Xy12.js";import("./lazy.js")') // ['./preact-Xy12.js', './lazy.js']
 */
export function importsOf(code: string): string[] {
  const found = code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g);
  return [...new Set([...found].map((m) => m[1]!))];
}

/**
 * A chunk and every chunk it imports, transitively, as paths relative to `dist`. Dynamic imports
 * count too: the widget downloads them sooner or later.
 * @example chunkClosure('widget/dist', 'w/feedback.js') // ['w/feedback.js', 'w/shared-Xy12.js']
 */
export function chunkClosure(dist: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const spec of importsOf(code)) visit(path.posix.join(path.posix.dirname(file), spec));
  };
  visit(entry);
  return [...seen];
}

/** What one widget downloads, measured against its budget. */
export interface WidgetSize {
  widget: WidgetName;
  /** The files, loader first. */
  files: FileSize[];
  brotli: number;
  budget: number;
}

export interface SizeReport {
  loader: FileSize;
  widgets: WidgetSize[];
  failures: string[];
}

/**
 * Everything a widget downloads: the loader and the closure of its chunk. Every chunk it may import
 * counts, English texts included: the English widget downloads them.
 * @example widgetSize('widget/dist', 'rating').brotli // 11165
 */
export function widgetSize(dist: string, widget: WidgetName): WidgetSize {
  const files = [measure(dist, 'embed.js'), ...chunkClosure(dist, `w/${widget}.js`).map((f) => measure(dist, f))];
  return { widget, files, brotli: files.reduce((sum, f) => sum + f.brotli, 0), budget: BUDGETS.widgets[widget] };
}

/** Measures the built widget in `dist` against BUDGETS. */
export function sizeReport(dist: string): SizeReport {
  const loader = measure(dist, 'embed.js');
  const widgets = (Object.keys(BUDGETS.widgets) as WidgetName[]).map((name) => widgetSize(dist, name));
  const failures: string[] = [];
  if (loader.brotli > BUDGETS.loader)
    failures.push(`embed.js is ${loader.brotli} B brotli, over its budget of ${BUDGETS.loader} B`);
  for (const w of widgets) {
    if (w.brotli > w.budget)
      failures.push(`the ${w.widget} widget downloads ${w.brotli} B brotli, over its budget of ${w.budget} B`);
  }
  return { loader, widgets, failures };
}
