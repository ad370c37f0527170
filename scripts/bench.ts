// `npm run bench`: Otklik's speed against the limit of its stack, in one run on this machine
// (README «Speed»). Every figure comes from autocannon, 20 connections for 6 s, against servers in
// processes of their own on 127.0.0.1; what counts is the ratio to the yardsticks of the same run,
// since absolute figures move with whatever else the machine is doing.
//
//   npm run bench                       widget sizes, submit (SQLite, PostgreSQL), GETs, outbox
//   npm run bench -- --profile DIR      also writes the Otklik servers' CPU profiles (.cpuprofile) in DIR
//   npm run bench -- --no-pg            without PostgreSQL
//
// The GETs run in rounds, each route once a round, and each figure is the route's median: this
// machine's speed drifts by half within a minute (other machines share its cores), and a
// yardstick measured a minute before its subject made ratios of 0.4× and 0.8× of the same code.
//
// PostgreSQL: a scratch database on postgres://postgres@127.0.0.1:5432 (BENCH_PG_URL), skipped with
// a message when that server does not answer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scratchPostgres } from '../test/support/scratch-postgres.ts';
import {
  COMPLAINT,
  type FakeResendProcess,
  type Load,
  load,
  type OtklikServer,
  REFUSED,
  startFakeResendProcess,
  startMinimal,
  quantile,
  startOtklik,
} from './bench-load.ts';
import { type Delays, deliveryDelays, waitForEmptyOutbox } from './bench-outbox.ts';
import { sizeReport } from './widget-sizes.ts';

const { values: opts } = parseArgs({
  options: { profile: { type: 'string' }, 'no-pg': { type: 'boolean', default: false } },
});
const ROOT = path.resolve(import.meta.dirname, '..');
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DRAIN_SUBMISSIONS = 1500;
const GET_ROUNDS = 3;
const profileDir = opts.profile ? path.resolve(opts.profile) : undefined;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => (Number.isNaN(n) ? '—' : `${Math.round(n)} ms`);

function printSizes() {
  const report = sizeReport(path.join(ROOT, 'widget/dist'));
  console.log('\nWidget sizes (raw / brotli):');
  console.log(`  embed.js            ${kb(report.loader.raw)} / ${kb(report.loader.brotli)}`);
  for (const w of report.widgets) {
    const raw = w.files.reduce((sum, f) => sum + f.raw, 0);
    console.log(`  ${`${w.widget} widget`.padEnd(20)}${kb(raw)} / ${kb(w.brotli)} (budget ${kb(w.budget)})`);
  }
}

function table(title: string, rows: Load[], yardsticks: Load[]) {
  console.log(`\n${title}`);
  console.log(
    `  ${'route'.padEnd(34)}${'req/s'.padStart(8)}${'p50'.padStart(8)}${'p99'.padStart(8)}  ${yardsticks.map((y) => `× ${y.name}`).join('  ')}`,
  );
  for (const r of rows) {
    const ratios = yardsticks.map((y) => (r === y ? '' : `${(r.rps / y.rps).toFixed(2)}×`).padEnd(y.name.length + 2));
    const bad = r.bad > 0 ? `  (${r.bad} not 2xx or failed)` : '';
    console.log(
      `  ${r.name.padEnd(34)}${String(Math.round(r.rps)).padStart(8)}${ms(r.p50).padStart(8)}${ms(r.p99).padStart(8)}  ${ratios.join('  ')}${bad}`,
    );
  }
}

const delayLine = (label: string, d: Delays, mails: number) =>
  `  ${label}: ${d.matched} of ${mails} e-mails timed, p50 ${ms(d.p50)}, p99 ${ms(d.p99)}, max ${ms(d.max)}`;

/** Each route loaded once a round, `GET_ROUNDS` rounds; each route's figures are its rounds' medians. */
async function interleaved<const R extends readonly { name: string; url: string }[]>(
  routes: R,
): Promise<{ [K in keyof R]: Load }> {
  const rounds = routes.map(() => [] as Load[]);
  for (let round = 0; round < GET_ROUNDS; round++)
    for (const [i, route] of routes.entries()) rounds[i]!.push(await load(route.name, route.url));
  const median = (loads: Load[], key: 'rps' | 'p50' | 'p99') =>
    quantile(
      loads.map((l) => l[key]),
      0.5,
    );
  const medians = routes.map((route, i) => ({
    name: route.name,
    rps: median(rounds[i]!, 'rps'),
    p50: median(rounds[i]!, 'p50'),
    p99: median(rounds[i]!, 'p99'),
    bad: rounds[i]!.reduce((sum, l) => sum + l.bad, 0),
  }));
  return medians as { [K in keyof R]: Load };
}

/** The submit load against one Otklik server, then the submission → provider delay of its e-mails. */
async function submitRun(name: string, server: OtklikServer, fake: FakeResendProcess, databaseUrl?: string) {
  fake.reset();
  const result = await load(name, `${server.url}/api/v1/feedback`, { method: 'POST', body: COMPLAINT });
  const outbox = await waitForEmptyOutbox({ dataDir: server.dataDir, databaseUrl });
  const report = await fake.report();
  const batches = report.arrivals.filter((a) => a.via === 'batch').length;
  const line = delayLine('submission → provider', deliveryDelays(report.arrivals, outbox.created), outbox.total);
  return { result, line: `${line}; ${report.requests} requests to Resend, ${batches} e-mails in batches` };
}

/** A backlog piled up while the provider holds its answers, then timed as it drains. */
async function drainRun(server: OtklikServer, fake: FakeResendProcess) {
  fake.hold(true);
  fake.reset();
  await load('backlog', `${server.url}/api/v1/feedback`, {
    method: 'POST',
    body: COMPLAINT,
    amount: DRAIN_SUBMISSIONS,
  });
  const released = Date.now();
  fake.hold(false);
  await waitForEmptyOutbox({ dataDir: server.dataDir });
  const { arrivals, requests } = await fake.report();
  const last = Math.max(...arrivals.map((a) => a.at));
  const seconds = (last - released) / 1000;
  return `  drain of a backlog: ${arrivals.length} e-mails in ${seconds.toFixed(2)} s after the provider answered = ${Math.round(arrivals.length / seconds)} e-mails/s, ${requests} requests (batches of up to 100)`;
}

const started = Date.now();
printSizes();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-bench-'));
const fake = await startFakeResendProcess();
const minimal = await startMinimal(tmp);
const serverEnv = (extra: Record<string, string> = {}) => ({
  MAIL_TRANSPORT: 'resend',
  RESEND_API_KEY: fake.apiKey,
  RESEND_BASE_URL: fake.url,
  DEMO: '0',
  ...extra,
});
const notes: string[] = [];
try {
  const minimalPost = await load('minimal POST (sqlite)', `${minimal.url}/feedback`, {
    method: 'POST',
    body: COMPLAINT,
  });

  const sqlite = await startOtklik(serverEnv(), profileDir);
  let submitSqlite: Load;
  let refused: Load;
  let bare: Load;
  let bareFile: Load;
  let gets: Load[];
  try {
    const run = await submitRun('Otklik POST feedback (SQLite)', sqlite, fake);
    submitSqlite = run.result;
    // The same route refused at validation: the HTTP layer, middleware and checks without any write.
    refused = await load('Otklik POST refused, 422', `${sqlite.url}/api/v1/feedback`, {
      method: 'POST',
      body: REFUSED,
      status: 422,
    });
    notes.push(`SQLite ${run.line}`);
    let embed: Load;
    let reviews: Load;
    [bare, bareFile, embed, reviews] = await interleaved([
      { name: 'bare Hono GET /', url: `${minimal.url}/` },
      { name: 'bare Hono, embed.js', url: `${minimal.url}/embed.js` },
      { name: 'Otklik GET /embed.js', url: `${sqlite.url}/embed.js` },
      { name: 'Otklik GET /api/v1/reviews', url: `${sqlite.url}/api/v1/reviews` },
    ]);
    gets = [embed, reviews];
    notes.push(await drainRun(sqlite, fake));
  } finally {
    await sqlite.stop();
  }

  const submits = [minimalPost, submitSqlite, refused];
  if (opts['no-pg']) notes.push('PostgreSQL: skipped (--no-pg)');
  else {
    const scratch = await scratchPostgres(PG_URL, 'otklik_bench').catch((err: Error) => {
      notes.push(`PostgreSQL: skipped, ${PG_URL} does not answer (${err.message})`);
      return null;
    });
    if (scratch) {
      const server = await startOtklik(serverEnv({ DATABASE_URL: scratch.url }), profileDir);
      try {
        const run = await submitRun('Otklik POST feedback (PostgreSQL)', server, fake, scratch.url);
        submits.push(run.result);
        notes.push(`PostgreSQL ${run.line}`);
      } finally {
        await server.stop();
        await scratch.drop();
      }
    }
  }

  console.log(
    `\nautocannon, ${os.cpus().length} cores, 20 connections × 6 s per line; ratios are req/s to the yardstick`,
  );
  table('Submit path (a typical complaint as JSON):', submits, [minimalPost, bare]);
  table(
    `GETs, the median of ${GET_ROUNDS} rounds (each route once a round):`,
    [bare, bareFile, ...gets],
    [bare, bareFile],
  );
  console.log('\nOutbox into the fake Resend:');
  for (const n of notes) console.log(n);
  console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s.`);
} finally {
  await minimal.stop();
  await fake.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
