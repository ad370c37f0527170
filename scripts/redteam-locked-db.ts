// Issue 14 §5, re-run: a real server on SQLite while another process holds the file's write lock
// for 10 s (as the CLI or a backup would). Measures GET /f, /healthz and /embed.js meanwhile, and
// what submissions get: one during the long lock, one during a short lock of 1 s. Prints figures.
//
//   npm run build && npx tsx scripts/redteam-locked-db.ts [--hold 10] [--submissions 10]
//
// The widget's files must be built (`npm run build`) for /embed.js to answer 200.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';

const { values: opts } = parseArgs({
  options: { hold: { type: 'string', default: '10' }, submissions: { type: 'string', default: '10' } },
});
const HOLD_MS = Number(opts.hold) * 1000;
/** Submissions sent at once as the lock is taken: each waits for it on its own. */
const WAITING = Number(opts.submissions);
const PATHS = ['/f', '/healthz', '/embed.js'];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DEMO: '0', CAPTCHA: 'off', RATE_LIMIT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (d) => log.push(String(d)));
  child.stderr?.on('data', (d) => log.push(String(d)));
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {}
    await sleep(100);
  }
  child.kill();
  throw new Error(`the server did not start:\n${log.join('')}`);
}

async function timed(url: string, init?: RequestInit) {
  const started = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started, retryAfter: res.headers.get('retry-after') };
}

const submission = (base: string, n: number) =>
  timed(`${base}/api/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({
      kind: 'complaint',
      message: `Red-team message ${n}: the database is locked by another process`,
      email: 'client@example.ru',
      consent: true,
    }),
  });

/** Requests the pages every 100 ms until `until`; returns each path's latencies. */
async function probe(base: string, until: number) {
  const seen = new Map<string, { ms: number[]; statuses: Set<number> }>(
    PATHS.map((p) => [p, { ms: [], statuses: new Set() }]),
  );
  while (performance.now() < until) {
    for (const p of PATHS) {
      const r = await timed(`${base}${p}`);
      seen.get(p)!.ms.push(r.ms);
      seen.get(p)!.statuses.add(r.status);
    }
    await sleep(100);
  }
  return seen;
}

const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-redteam-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(dataDir, port);
  const other = new SqliteDatabase(path.join(dataDir, 'otklik.sqlite'));
  try {
    await submission(base, 0); // warm: the first request compiles templates
    const idle = await probe(base, performance.now() + 1000);
    console.log(`Otklik on SQLite, ${base}; another process holds the write lock for ${HOLD_MS / 1000} s\n`);
    console.log('path          unlocked p50   locked p50    locked p95    locked max   statuses while locked');

    other.exec('BEGIN IMMEDIATE');
    const lockedAt = performance.now();
    const during = Promise.all(Array.from({ length: WAITING }, (_, i) => submission(base, i + 1)));
    const seen = await probe(base, lockedAt + HOLD_MS);
    other.exec('COMMIT');
    for (const p of PATHS) {
      const s = seen.get(p)!;
      console.log(
        `${p.padEnd(12)}  ${fmt(pct(idle.get(p)!.ms, 0.5)).padStart(12)}  ${fmt(pct(s.ms, 0.5)).padStart(12)}  ${fmt(pct(s.ms, 0.95)).padStart(12)}  ${fmt(Math.max(...s.ms)).padStart(12)}   ${[...s.statuses].join(', ')} (${s.ms.length} requests)`,
      );
    }
    const long = await during;
    const groups = new Map<number, Array<Awaited<ReturnType<typeof timed>>>>();
    for (const r of long) groups.set(r.status, [...(groups.get(r.status) ?? []), r]);
    const byStatus = [...groups];
    console.log(
      `\n${WAITING} submissions sent as the ${HOLD_MS / 1000} s lock was taken: ${byStatus
        .map(
          ([status, rs]) =>
            `${rs!.length} × ${status} (after ${fmt(Math.min(...rs!.map((r) => r.ms)))}–${fmt(Math.max(...rs!.map((r) => r.ms)))}${rs![0]!.retryAfter ? `, Retry-After: ${rs![0]!.retryAfter}` : ''})`,
        )
        .join(', ')}`,
    );

    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('COMMIT'), 1000);
    const short = await submission(base, WAITING + 1);
    console.log(`submission during a 1 s lock: ${short.status} after ${fmt(short.ms)}`);

    const stored = other.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number };
    const acknowledged = 1 + [...long, short].filter((r) => r.status === 201).length;
    console.log(`acknowledged (201): ${acknowledged}; stored: ${stored.n}`);
  } finally {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
