import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What `npm run build` makes and every page needs: the widgets' loader and the console's page. */
const BUILT = ['widget/dist/embed.js', 'admin/dist/index.html'];

/** What the build is made from: code, styles and pages, not tests, test helpers or notes. */
const SOURCES = ['widget', 'admin/src', 'admin/index.html', 'shared'];
const BUILT_FROM = /\.(ts|tsx|css|html)$/;
const SKIPPED = new Set(['dist', 'node_modules', 'testing']);

export interface BuildState {
  /** Built files that are not there (the server would answer 404 for the widgets and the console). */
  missing: string[];
  /** A source file changed after the build (an update pulled without `npm run build`), if any. */
  newerSource: string | null;
}

/**
 * Whether the widgets and the console are built, and built from the code at hand. `npm run serve`
 * doesn't build: without a build it started, answered /readyz, and served 404 for `/embed.js` and
 * `/admin/`, with one line from serveStatic as the only sign.
 * @example const { missing } = buildState(); if (missing.length) stop the start
 */
export function buildState(root = ROOT): BuildState {
  const missing = BUILT.filter((file) => !fs.existsSync(path.join(root, file)));
  if (missing.length > 0) return { missing, newerSource: null };
  const built = Math.min(...BUILT.map((file) => fs.statSync(path.join(root, file)).mtimeMs));
  return { missing, newerSource: newest(root, SOURCES, built) };
}

/** The first source file found modified after `since`, relative to `root`. */
function newest(root: string, entries: string[], since: number): string | null {
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) continue;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      const children = fs
        .readdirSync(full)
        .filter((name) => !SKIPPED.has(name))
        .map((name) => path.join(entry, name));
      const found = newest(root, children, since);
      if (found) return found;
    } else if (BUILT_FROM.test(entry) && !entry.includes('.test.') && stat.mtimeMs > since) return entry;
  }
  return null;
}
