// Re-runs issue 14 §2's load findings against a real server process and prints the figures:
// 10 parallel 50 MB JSON bodies (with a Content-Length, then chunked), 20 multipart uploads of
// 45 MB that never finish, and the server's RSS idle afterwards; /healthz is timed all along.
//   npx tsx scripts/redteam-bodies.ts
// The server runs as `npm start` would (test/support/server-process.ts), CAPTCHA=off RATE_LIMIT=0.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { startServer } from '../test/support/server-process.ts';

const MB = 1024 * 1024;

/** The process listening on the port: the server itself, not the tsx wrapper that started it. */
function listenerPid(port: string): number {
  const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const m = /pid=(\d+)/.exec(out);
  if (!m) throw new Error(`no process listens on ${port}: ${out}`);
  return Number(m[1]);
}

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

/** /healthz timed every 100 ms from a process of its own, so the load this script makes doesn't delay the probe. */
const PROBE = `
const http = require('node:http');
const tick = () => {
  const t = performance.now();
  const req = http.get(process.argv[1] + '/healthz', { agent: false }, (res) => {
    res.resume();
    res.on('end', () => { console.log((performance.now() - t).toFixed(1)); setTimeout(tick, 100); });
  });
  req.on('error', () => { console.log('-1'); setTimeout(tick, 100); });
};
tick();`;

/** Samples the server's RSS and /healthz's latency until stopped. */
function watch(url: string, pid: number) {
  const latencies: number[] = [];
  const started = performance.now();
  const probe = spawn(process.execPath, ['-e', PROBE, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  probe.stdout.setEncoding('utf8');
  probe.stdout.on('data', (d: string) => {
    for (const line of d.split('\n')) if (line.trim()) latencies.push(Number(line));
  });
  const ready = new Promise((resolve) => probe.stdout.once('data', resolve));
  let maxRss = rssMb(pid);
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb(pid));
  }, 50);
  return {
    /** Resolves once the probe has answered once: the load starts under a running probe. */
    ready,
    stop: async () => {
      // At least two seconds of probes, however fast the load was refused.
      await new Promise((r) => setTimeout(r, Math.max(0, 2000 - (performance.now() - started))));
      clearInterval(sampler);
      probe.kill();
      await new Promise((r) => probe.once('exit', r));
      const failed = latencies.filter((l) => l < 0).length;
      const sorted = latencies.filter((l) => l >= 0).sort((a, b) => a - b);
      return {
        maxRss,
        healthzMax: sorted.at(-1) ?? Number.NaN,
        healthzP50: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
        healthzP95: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN,
        probes: sorted.length,
        failed,
      };
    },
  };
}

interface Outcome {
  status: number;
  /** Milliseconds from the start to the answer (or the connection's end). */
  at: number;
  /** Milliseconds from the last byte sent to the answer. */
  afterLastByte: number;
  sent: number;
}

/**
 * One POST whose body `chunks` yields; stops sending once answered. `finish` false leaves the
 * body unfinished and the socket open, as a stalled client does.
 */
function post(url: string, headers: Record<string, string>, chunks: () => Iterable<Buffer>, finish: boolean) {
  return new Promise<Outcome>((resolve) => {
    const started = performance.now();
    let lastByte = started;
    let sent = 0;
    let answered = false;
    const u = new URL(url);
    const req = http.request({
      host: u.hostname,
      port: u.port,
      path: u.pathname,
      method: 'POST',
      headers,
      agent: false,
    });
    const settle = (status: number) => {
      if (answered) return;
      answered = true;
      const now = performance.now();
      resolve({ status, at: now - started, afterLastByte: now - lastByte, sent });
      req.destroy();
    };
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => settle(res.statusCode ?? 0));
      res.on('error', () => settle(res.statusCode ?? 0));
    });
    req.on('error', () => settle(0));
    req.on('close', () => settle(0));
    const it = chunks()[Symbol.iterator]();
    const pump = () => {
      for (;;) {
        if (answered) return;
        const next = it.next();
        if (next.done) {
          lastByte = performance.now();
          if (finish) req.end();
          return;
        }
        sent += next.value.length;
        if (!req.write(next.value)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

/** A 50 MB JSON array of numbers, a megabyte at a time. */
function* jsonArray(size: number) {
  const item = Buffer.from('1,'.repeat(MB / 2));
  yield Buffer.from('[');
  for (let n = 0; n < size / MB; n++) yield item;
  yield Buffer.from('1]');
}

const BOUNDARY = 'redteamBoundary7MA4YWxkTrZu0gW';
const random = randomBytes(MB);

/** Five files of 9 MB (a PDF's header, then noise) and the form's fields, without the final boundary. */
function* unfinishedUpload() {
  const field = (name: string, value: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  yield Buffer.from(field('kind', 'complaint') + field('message', 'Красная команда') + field('consent', 'on'));
  for (let f = 0; f < 5; f++) {
    yield Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="scan-${f}.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    for (let m = 0; m < 9; m++) yield random;
    if (f < 4) yield Buffer.from('\r\n');
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const counts = (outcomes: Outcome[]) => {
  const by = new Map<number, number>();
  for (const o of outcomes) by.set(o.status, (by.get(o.status) ?? 0) + 1);
  return [...by].map(([s, n]) => `${n}× ${s || 'dropped'}`).join(', ');
};

async function main() {
  const server = await startServer({ CAPTCHA: 'off', RATE_LIMIT: '0', DEMO: '0' });
  try {
    const port = new URL(server.url).port;
    const pid = listenerPid(port);
    await fetch(`${server.url}/healthz`);
    await new Promise((r) => setTimeout(r, 1000));
    const rssStart = rssMb(pid);
    console.log(`server pid ${pid}, RSS at start ${fmt(rssStart)} MB`);

    const feedback = `${server.url}/api/v1/feedback`;
    for (const declared of [true, false]) {
      const w = watch(server.url, pid);
      await w.ready;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (declared) headers['content-length'] = String(50 * MB + 3);
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, () => post(feedback, headers, () => jsonArray(50 * MB), true)),
      );
      const seen = await w.stop();
      console.log(
        `10 × 50 MB JSON (${declared ? 'Content-Length' : 'chunked'}): ${counts(outcomes)}; ` +
          `answered within ${fmt(Math.max(...outcomes.map((o) => o.at)))} ms, ` +
          `the client had sent ≤ ${fmt(Math.max(...outcomes.map((o) => o.sent)) / MB, 1)} MB of 50 when answered; ` +
          `/healthz max ${fmt(seen.healthzMax)} ms (median ${fmt(seen.healthzP50)}, p95 ${fmt(seen.healthzP95)} ms, ${seen.probes} probes, ${seen.failed} failed); ` +
          `RSS max ${fmt(seen.maxRss)} MB (+${fmt(seen.maxRss - rssStart)})`,
      );
    }

    const before = rssMb(pid);
    const w = watch(server.url, pid);
    await w.ready;
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(
          feedback,
          { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'transfer-encoding': 'chunked' },
          unfinishedUpload,
          false,
        ),
      ),
    );
    const seen = await w.stop();
    const dropped = outcomes.map((o) => o.afterLastByte);
    console.log(
      `20 × 45 MB unfinished multipart: ${counts(outcomes)}; sent ${fmt(outcomes.reduce((s, o) => s + o.sent, 0) / MB)} MB in all; ` +
        `dropped ${fmt(Math.min(...dropped) / 1000, 1)}–${fmt(Math.max(...dropped) / 1000, 1)} s after their last byte; ` +
        `/healthz max ${fmt(seen.healthzMax)} ms (median ${fmt(seen.healthzP50)}, p95 ${fmt(seen.healthzP95)} ms, ${seen.probes} probes, ${seen.failed} failed); ` +
        `RSS max ${fmt(seen.maxRss)} MB (+${fmt(seen.maxRss - before)} over ${fmt(before)} before)`,
    );

    await new Promise((r) => setTimeout(r, 5000));
    const tmp = `${server.dataDir}/tmp`;
    const left = fs.existsSync(tmp) ? fs.readdirSync(tmp, { recursive: true }).length : 0;
    console.log(`idle 5 s later: RSS ${fmt(rssMb(pid))} MB; entries left under DATA_DIR/tmp: ${left}`);
    console.log(
      'issue 14 (before): /healthz up to 4.3 s and RSS 1.5 GB under the JSON bodies; +1.2 GB for 300 s under the uploads; 723 MB idle after',
    );
  } finally {
    await server.stop();
  }
}

await main();
