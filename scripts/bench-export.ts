// Times the inbox export (GET /api/admin/reports/inbox.csv|xlsx) over the bench's submissions on
// SQLite: the real export routes behind a real HTTP server in this process, downloaded by a client
// that drops the bytes. Prints the time to the first byte and to the end, the file's size, the
// process's peak RSS during the download and the longest event-loop stall. Prints figures; not a test.
//
//   npx tsx scripts/bench-export.ts [--rows 200000] [--format csv|xlsx]
//
// The database is the one scripts/bench-inbox.ts fills (scripts/bench-data/), reused when it was
// filled the same way, kept for the next run. Run once to fill, then once per format: the fill
// itself grows the heap, so a figure is only fair from a process that did not fill.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { ConsoleUser } from '../shared/console-types.ts';
import { loadConfig } from '../server/env.ts';
import { reportExportRoutes } from '../server/reports/export/export-routes.ts';
import type { ConsoleEnv } from '../server/sessions/context.ts';
import { NOW, openSqlite } from './bench-data/databases.ts';

const { values: opts } = parseArgs({
  options: { rows: { type: 'string', default: '200000' }, format: { type: 'string', default: 'csv' } },
});
const MB = 2 ** 20;
const qms: ConsoleUser = {
  id: 'bench',
  email: 'bench@example.ru',
  name: 'Bench',
  role: 'qms',
  departmentId: null,
  mustChangePassword: false,
};

function exportServer(b: Awaited<ReturnType<typeof openSqlite>>) {
  const deps = { db: b.db, clock: { now: () => NOW }, config: loadConfig({ NODE_ENV: 'test' }) };
  const app = new Hono<ConsoleEnv>();
  app.use('*', async (c, next) => {
    c.set('user', qms);
    await next();
  });
  const unused = () => Promise.reject(new Error('not benched'));
  app.route('/', reportExportRoutes(deps, { weekly: unused, monthly: unused }));
  return new Promise<http.Server>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0 }, () => resolve(server as http.Server));
  });
}

/** Downloads the file, counting its bytes and noting when the first of them came. */
function download(url: string) {
  const start = performance.now();
  return new Promise<{ firstByte: number; end: number; bytes: number; status: number }>((resolve, reject) => {
    http
      .get(url, (res) => {
        let firstByte = 0;
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          firstByte ||= performance.now() - start;
          bytes += chunk.byteLength;
        });
        res.on('end', () => resolve({ firstByte, end: performance.now() - start, bytes, status: res.statusCode ?? 0 }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const b = await openSqlite({ rows: Number(opts.rows), reuse: true, keep: true });
const server = await exportServer(b);
global.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
let peakHeap = 0;
let peakBuffers = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
}, 20);
const stalls = monitorEventLoopDelay({ resolution: 10 });
stalls.enable();
const { port } = server.address() as AddressInfo;
const r = await download(`http://127.0.0.1:${port}/inbox.${opts.format}`);
stalls.disable();
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(
  [
    `inbox.${opts.format}, ${Number(opts.rows).toLocaleString('en')} submissions: HTTP ${r.status}, ${(r.bytes / MB).toFixed(1)} MB`,
    `  first byte ${(r.firstByte / 1000).toFixed(2)} s, end ${(r.end / 1000).toFixed(2)} s`,
    `  RSS ${(before / MB).toFixed(0)} MB before, peak ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(0)} MB); peak JS heap ${(peakHeap / MB).toFixed(0)} MB, buffers ${(peakBuffers / MB).toFixed(0)} MB`,
    `  longest event-loop stall ${(stalls.max / 1e6).toFixed(0)} ms (p99 ${(stalls.percentile(99) / 1e6).toFixed(0)} ms)`,
  ].join('\n'),
);
server.close();
await b.close();
