import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What the widget may cost, in brotli bytes (STYLE.md habit 7: every kilobyte is counted). */
export const BUDGETS = {
  /** embed.js, on every page of the site. */
  loader: 2048,
  /** Everything the feedback form downloads: the loader, w/feedback.js and all it imports. */
  form: 12288,
};

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
 * count too: the form downloads them sooner or later.
 * @example chunkClosure('widget/dist', 'w/feedback.js') // ['w/feedback.js', 'w/preact-Xy12.js']
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

export interface SizeReport {
  loader: FileSize;
  /** The files of the feedback form, loader first. */
  form: FileSize[];
  formBrotli: number;
  failures: string[];
}

/** Measures the built widget in `dist` against BUDGETS. */
export function sizeReport(dist: string): SizeReport {
  const loader = measure(dist, 'embed.js');
  // Every chunk the form may import counts, English texts included: the English form downloads them.
  const form = [loader, ...chunkClosure(dist, 'w/feedback.js').map((f) => measure(dist, f))];
  const formBrotli = form.reduce((sum, f) => sum + f.brotli, 0);
  const failures: string[] = [];
  if (loader.brotli > BUDGETS.loader) failures.push(`embed.js is ${loader.brotli} B brotli, over its budget of ${BUDGETS.loader} B`);
  if (formBrotli > BUDGETS.form) failures.push(`the feedback form downloads ${formBrotli} B brotli, over its budget of ${BUDGETS.form} B`);
  return { loader, form, formBrotli, failures };
}
