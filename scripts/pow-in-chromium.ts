// How the widgets' proof of work (widget/shared/proof-of-work.ts) behaves in Chromium: the time
// to solve the worst challenge (its number is the last one tried) and the longest main-thread
// task meanwhile (PerformanceObserver 'longtask': a task over 50 ms is one a person can feel
// while typing). Beside it, for the choice made in widget/README.md: the same digests in one
// unbroken loop, and in a Web Worker (a blob: one, which many sites' CSP would refuse).
// Prints figures; not a test.
//
//   npx tsx scripts/pow-in-chromium.ts [--maxnumber 50000] [--runs 3]
import http from 'node:http';
import { parseArgs } from 'node:util';
import { createChallenge } from 'altcha-lib';
import { build } from 'vite';
import { launchBrowser } from '../test/support/browser.ts';

const { values: opts } = parseArgs({
  options: { maxnumber: { type: 'string', default: '50000' }, runs: { type: 'string', default: '3' } },
});
const maxnumber = Number(opts.maxnumber);
const runs = Number(opts.runs);

// The module as the widget's chunk has it, as a script defining `otklikPow.proofOfWork`.
const bundled = await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    write: false,
    minify: true,
    lib: { entry: 'widget/shared/proof-of-work.ts', formats: ['iife'], name: 'otklikPow' },
  },
});
const script = (Array.isArray(bundled) ? bundled[0]! : bundled) as { output: Array<{ code?: string }> };
const solverCode = script.output[0]!.code!;

const page = `<!doctype html><meta charset="utf-8"><script>${solverCode}</script><script>
const tasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });
const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const unbroken = async () => {
  const c = await (await fetch('/api/v1/challenge')).json();
  const encoder = new TextEncoder();
  for (let n = 0; n <= c.maxnumber; n++)
    if (hex(await crypto.subtle.digest('SHA-256', encoder.encode(c.salt + n))) === c.challenge) return n;
};
const worker = async () => {
  const c = await (await fetch('/api/v1/challenge')).json();
  const source = 'onmessage = async (e) => { const c = e.data, encoder = new TextEncoder();' +
    'const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");' +
    'for (let n = 0; n <= c.maxnumber; n++) if (hex(await crypto.subtle.digest("SHA-256", encoder.encode(c.salt + n))) === c.challenge) return postMessage(n); }';
  const w = new Worker(URL.createObjectURL(new Blob([source])));
  return new Promise((resolve) => { w.onmessage = (e) => { w.terminate(); resolve(e.data); }; w.postMessage(c); });
};
const solvers = { widget: () => otklikPow.proofOfWork('/', 0)(true), unbroken, worker };
window.measure = async (name) => {
  tasks.length = 0;
  const t0 = performance.now();
  const result = await solvers[name]();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100)); // let the observer report
  return { ms, longest: Math.max(0, ...tasks), solved: result !== undefined && result !== null };
};
</script>`;

const server = http.createServer(async (req, res) => {
  if (req.url === '/api/v1/challenge') {
    const challenge = await createChallenge({ hmacKey: 'pow-in-chromium', maxnumber, number: maxnumber });
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(challenge));
    return;
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(page);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as { port: number };

const browser = await launchBrowser();
const tab = await browser.newPage();
await tab.goto(`http://127.0.0.1:${port}/`);
console.log(`Chromium, the worst challenge of maxnumber ${maxnumber} (every number tried), ${runs} runs each:`);
for (const name of ['widget', 'unbroken', 'worker']) {
  type Result = { ms: number; longest: number; solved: boolean };
  const results: Result[] = [];
  for (let i = 0; i < runs; i++)
    results.push(
      await tab.evaluate((n) => (window as unknown as { measure(n: string): Promise<Result> }).measure(n), name),
    );
  if (results.some((r) => !r.solved)) throw new Error(`${name} did not solve a challenge`);
  const ms = results.map((r) => r.ms.toFixed(0)).join(', ');
  const longest = results.map((r) => (r.longest ? r.longest.toFixed(0) : '< 50')).join(', ');
  console.log(`  ${name.padEnd(9)} solved in ${ms} ms; longest main-thread task ${longest} ms`);
}
await browser.close();
server.close();
