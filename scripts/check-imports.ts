// Checks the direction of imports (`npm run lint`): no circle among the server's files or among its
// folders, the arrows `widget → shared ← server`, `admin → shared`, with shared importing neither, and
// no widget reaching into another's folder (what they share lives in widget/shared/).
// Type-only imports count: a type circle ties two files together as much as a value circle does.
// A small script rather than madge: madge sees files only, and the folder circles are the ones that grow.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { importProblems, TREES } from './import-rules.ts';

const root = resolve(import.meta.dirname, '..');
const importPattern = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every source file of the project, relative to its root. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** The project files a file imports (packages left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2];
    if (spec?.startsWith('.')) found.push(relative(root, resolve(root, dirname(file), spec)));
  }
  return found;
}

const files = TREES.flatMap(sourceFiles);
const problems = importProblems(new Map(files.map((f) => [f, importsOf(f)])));
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`imports: ${files.length} files, no circles, arrows one way`);
