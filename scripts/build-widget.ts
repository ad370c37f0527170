/**
 * Builds the embeddable widget into widget/dist and prints what each file costs:
 *   embed.js      the loader, a classic script (IIFE) every page loads
 *   w/<name>.js   one lazy ES module per widget (stable names), plus shared chunks (hashed)
 * Writes .br and .gz beside each file for the server to send precompressed; reports a size budget
 * of scripts/widget-sizes.ts that is exceeded (the size test fails on it).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { build, type InlineConfig, type Plugin } from 'vite';
import { BUDGETS, measure, sizeReport } from './widget-sizes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'widget/dist');

/** The lazy chunks, served at /w/<name>.js, each `widget/<name>/index.tsx`. */
const CHUNKS = {
  feedback: 'widget/feedback/index.tsx',
  rating: 'widget/rating/index.tsx',
  reviews: 'widget/reviews/index.tsx',
};

/**
 * Only Preact (node_modules) goes into the shared chunk; each widget chunk carries its own copy of
 * the project's code it uses (shared/ rules, limits and texts, another widget's field components).
 * Shared, that code cost the feedback form 217 B brotli more than a copy costs the rating widget:
 * the exports and imports between chunks, constants no longer inlined, and brotli compressing each
 * file on its own (measured with both widgets when the rating widget came). So an import from a
 * widget's folder, or from a module copied for it, resolves to a copy of that module marked with
 * `?copy=<widget>`; Vite's loaders and transforms ignore the query, the bundler sees another module.
 */
function copyPerWidget(): Plugin {
  return {
    name: 'otklik:copy-per-widget',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const widget = importer && (/[?&]copy=(\w+)/.exec(importer)?.[1] ?? /\/widget\/(\w+)\//.exec(importer)?.[1]);
      if (!widget || !(widget in CHUNKS)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // Shared: Preact; left alone: the widget's own modules, and queries such as `?inline` CSS.
      if (
        !resolved ||
        resolved.external ||
        /[\\/]node_modules[\\/]|\?/.test(resolved.id) ||
        resolved.id.includes(`/widget/${widget}/`)
      )
        return resolved;
      return { ...resolved, id: `${resolved.id}?copy=${widget}` };
    },
  };
}

/**
 * Preact's internal properties (`_children`, `_dom`, …, published as `__k`, `__e`, …) renamed to
 * one letter: 68 B brotli of every widget. Only where Preact is: nothing else reads them (no
 * preact/hooks, no devtools), and Preact's own `__html` keeps its name. Names are chosen per chunk,
 * so all of Preact must be in one chunk (the build fails otherwise).
 */
const PREACT_INTERNALS = /\.__[a-zA-Z]?\b/;

/**
 * The widgets' own property names, renamed in their chunks (129 B brotli of the feedback form, 61 B
 * of the rating widget): their state, the controllers' members, the props their components pass each other, the keys of
 * their texts. Only names that mean nothing outside the widget: never one the DOM, Preact, the
 * loader's contract (`base`, `root`, `launcher`, `open`) or the server's answers use, nor one a
 * component spreads onto an element. A name left out only costs bytes; one that is also a DOM
 * property or a server field would break the widget (test/e2e-*.test.ts run this build).
 * Renamed never to a name Preact's chunk uses (its one-letter internals are on the same components).
 */
const OWN_PROPS =
  /^(announcement|notice|sending|accepted|pickFiles|removeFile|setFiles|announce|messages|dirty|privacyUrl|termsUrl|onPick|onRemove|maxFileMb|multiline|kindLegend|consentBefore|consentPrivacy|consentAnd|consentTerms|chooseFiles|filesHint|noFile|numberLabel|networkError|onAnother|fieldErrors|texts|settings|initial)$/;

/**
 * Terser over the bundler's own output, each chunk once it is final: its compressor finds what
 * oxc's leaves (measured: 114 B brotli of the feedback form's 12 KB, embed.js included), and only
 * its safe transforms are asked for. In the widgets' own chunks, anonymous functions that don't
 * use `this` become arrows (6 B each; the loader needs ES2021 anyway: `??=`, `import()`); Preact's
 * chunk and the loader came out smaller without (9 B, 7 B).
 */
function terserAfterwards(): Plugin {
  return {
    name: 'otklik:terser-afterwards',
    async generateBundle(options, bundle) {
      // Preact's chunk first: the widgets' renamed properties avoid every name it uses.
      const chunks = Object.values(bundle)
        .filter((c) => c.type === 'chunk')
        .sort((a, b) => Number(PREACT_INTERNALS.test(b.code)) - Number(PREACT_INTERNALS.test(a.code)));
      if (chunks.filter((c) => PREACT_INTERNALS.test(c.code)).length > 1)
        throw new Error("Preact's internals in more than one chunk: their short names would differ");
      const preactNames: string[] = [];
      for (const chunk of chunks) {
        const preact = PREACT_INTERNALS.test(chunk.code);
        const arrows = options.format === 'es' && !preact;
        const out = await minify(chunk.code, {
          module: options.format === 'es',
          ecma: arrows ? 2020 : 5,
          compress: { passes: 3, unsafe_arrows: arrows },
          mangle: {
            properties: preact ? { regex: /^__[a-zA-Z]?$/ } : { regex: OWN_PROPS, reserved: preactNames },
          },
        });
        if (preact) preactNames.push(...new Set([...out.code!.matchAll(/\.([\w$]+)/g)].map((m) => m[1]!)));
        chunk.code = out.code!;
      }
    },
  };
}

/**
 * Terser's pass is slow by design (seconds on a busy machine), and the bundler then printed
 * «[PLUGIN_TIMINGS] … profile the build» in the middle of `npm start`, which read as a fault.
 */
const QUIET = { bundlerTimings: false, pluginTimings: false };

const common: InlineConfig = {
  configFile: false,
  envDir: false,
  root,
  publicDir: false,
  logLevel: 'warn',
  mode: 'production',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
};

rmSync(dist, { recursive: true, force: true });

await build({
  ...common,
  build: {
    outDir: dist,
    emptyOutDir: false,
    sourcemap: false,
    // Terser alone: 10 B brotli less than after oxc's minifier (the chunks are smaller with both).
    minify: false,
    copyPublicDir: false,
    rolldownOptions: { plugins: [terserAfterwards()], checks: QUIET },
    lib: { entry: 'widget/embed.ts', formats: ['iife'], name: 'otklik', fileName: () => 'embed.js' },
  },
});

await build({
  ...common,
  plugins: [copyPerWidget(), terserAfterwards()],
  // The classic JSX runtime: h() is in Preact's core already, while preact/jsx-runtime brings a
  // second vnode factory (170 B brotli of the form's budget). Tests and tsc keep the automatic
  // runtime of tsconfig.json; both make the same vnode trees, and the browser tests in test/ run
  // this build. Vite injects the import into every module of the chunk, .ts included; where it
  // goes unused the bundler drops it.
  oxc: {
    jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' },
    jsxInject: `import { h, Fragment } from 'preact'`,
  },
  build: {
    outDir: path.join(dist, 'w'),
    emptyOutDir: false,
    sourcemap: false,
    minify: true,
    copyPublicDir: false,
    // Chunks load from the Otklik server into someone else's page: no preload helper that would
    // resolve paths against the page's origin.
    modulePreload: false,
    rolldownOptions: {
      checks: QUIET,
      input: CHUNKS,
      preserveEntrySignatures: 'exports-only',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'shared-[hash].js', // Preact, which every widget shares
      },
    },
  },
});

const report = sizeReport(dist);
const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) => path.relative(dist, path.join(d.parentPath, d.name)).replaceAll(path.sep, '/'))
  .sort((a, b) => (a === 'embed.js' ? -1 : b === 'embed.js' ? 1 : a.localeCompare(b)));

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`.padStart(10);
const row = (name: string, raw: string, gzip: string, brotli: string, note = '') =>
  `  ${name.padEnd(28)}${raw.padStart(10)}${gzip.padStart(10)}${brotli.padStart(10)}  ${note}`;
const verdict = (size: number, budget: number) => `${size <= budget ? 'ok  ' : 'OVER'} budget ${budget} B`;

console.log('\nOtklik widget — widget/dist');
console.log(row('file', 'raw B', 'gzip B', 'brotli B'));
for (const file of files) {
  const s = measure(dist, file);
  const note = file === 'embed.js' ? verdict(s.brotli, BUDGETS.loader) : '';
  console.log(row(file, String(s.raw), String(s.gzip), String(s.brotli), note));
}
console.log();
for (const w of report.widgets) {
  console.log(`  ${w.widget} widget downloads ${w.files.map((f) => f.file).join(' + ')}`);
  console.log(`  = ${w.brotli} B brotli (${kb(w.brotli).trim()})  ${verdict(w.brotli, w.budget)}\n`);
}

// Served as they were measured: the server sends these precompressed files to browsers that take them.
for (const file of files) {
  const bytes = readFileSync(path.join(dist, file));
  writeFileSync(
    path.join(dist, `${file}.br`),
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  writeFileSync(path.join(dist, `${file}.gz`), gzipSync(bytes, { level: 9 }));
}

// Over budget is reported here and fails test/widget-size.test.ts; it doesn't stop `npm start`.
for (const failure of report.failures) console.error(`✗ ${failure} (test/widget-size.test.ts fails)`);
