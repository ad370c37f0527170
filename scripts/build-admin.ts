/**
 * Builds the QMS console (admin/, a Preact single-page app) into admin/dist and prints what each
 * file costs. The server answers admin/dist/index.html for every /admin/* path that is not a file
 * and serves admin/dist/assets/* (hashed, cached for good), precompressed where a .br or .gz lies
 * beside the file. No budget like the widget's: the console is a working tool loaded once a day,
 * but the report keeps its weight in sight.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { measure } from './widget-sizes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const admin = path.join(root, 'admin');
const dist = path.join(admin, 'dist');

rmSync(dist, { recursive: true, force: true });

await build({
  configFile: false,
  envDir: false,
  root: admin,
  base: '/admin/',
  publicDir: false,
  logLevel: 'warn',
  mode: 'production',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: dist,
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
    // The console's browsers are the staff's: current Chrome, Edge, Firefox, Safari.
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});

const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) => path.relative(dist, path.join(d.parentPath, d.name)).replaceAll(path.sep, '/'))
  .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));

const row = (name: string, raw: string, gzip: string, brotli: string) =>
  `  ${name.padEnd(34)}${raw.padStart(10)}${gzip.padStart(10)}${brotli.padStart(10)}`;
console.log('\nOtklik console — admin/dist');
console.log(row('file', 'raw B', 'gzip B', 'brotli B'));
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const file of files) {
  const s = measure(dist, file);
  console.log(row(file, String(s.raw), String(s.gzip), String(s.brotli)));
  total.raw += s.raw;
  total.gzip += s.gzip;
  total.brotli += s.brotli;
}
console.log(row('total', String(total.raw), String(total.gzip), String(total.brotli)), '\n');

// The hashed assets go precompressed, as they were measured (index.html is tiny and never cached).
for (const file of files.filter((f) => f.startsWith('assets/'))) {
  const bytes = readFileSync(path.join(dist, file));
  writeFileSync(
    path.join(dist, `${file}.br`),
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  writeFileSync(path.join(dist, `${file}.gz`), gzipSync(bytes, { level: 9 }));
}
