// A flood from one IP against real servers: starts Otklik as `npm start` runs it (CAPTCHA=off so
// the requests are cheap to make, RATE_LIMIT=30, TRUST_PROXY=1 so X-Forwarded-For names the
// client), fires --requests posts from one address, and prints how many were taken and refused,
// and whether another address still gets through. Prints figures; not a test.
//
//   npx tsx scripts/flood.ts [--requests 10000] [--concurrency 50]
//   npx tsx scripts/flood.ts --instances 2 --database postgres://postgres@127.0.0.1:5432/test
//
// With --database, a fresh database is made on that server for the run (and dropped after), and
// --instances servers share it, the requests going to each in turn as a load balancer sends them.
import { parseArgs } from 'node:util';
import { scratchPostgres } from '../test/support/scratch-postgres.ts';
import { type RunningServer, startServer } from '../test/support/server-process.ts';

const { values: opts } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '50' },
    instances: { type: 'string', default: '1' },
    database: { type: 'string' },
    'rate-limit': { type: 'string', default: '30' },
  },
});
const requests = Number(opts.requests);
const concurrency = Number(opts.concurrency);
const instances = Number(opts.instances);
if (instances > 1 && !opts.database) throw new Error('--instances > 1 needs --database (PostgreSQL)');

const FLOODER = '203.0.113.66';
const OTHER = '198.51.100.7';

const post = (server: RunningServer, ip: string, i: number) =>
  fetch(`${server.url}/api/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ kind: 'thanks', message: `Сообщение ${i}`, consent: true }),
  }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });

const scratch = opts.database ? await scratchPostgres(opts.database, 'otklik_flood') : null;
const env = {
  CAPTCHA: 'off',
  RATE_LIMIT: opts['rate-limit']!,
  TRUST_PROXY: '1',
  DEMO: '0',
  ...(scratch ? { DATABASE_URL: scratch.url } : {}),
};
// The first server migrates the database; the others start on it once it has.
const servers = [await startServer(env)];
for (let i = 1; i < instances; i++) servers.push(await startServer(env));
try {
  const statuses = new Map<number, number>();
  let next = 0;
  // Halfway through, while the flood goes on, another address posts to every instance.
  let other: Array<{ status: number; ms: number }> = [];
  const otherPosts = () =>
    Promise.all(
      servers.map(async (s, i) => {
        const t0 = performance.now();
        const status = await post(s, OTHER, i);
        return { status, ms: performance.now() - t0 };
      }),
    );
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        if (i === Math.floor(requests / 2)) other = await otherPosts();
        const status = await post(servers[i % servers.length]!, FLOODER, i).catch(() => 0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const db = scratch ? 'PostgreSQL' : 'SQLite';
  console.log(
    `${requests} posts from ${FLOODER} to ${servers.length} instance(s) on ${db}, RATE_LIMIT=${env.RATE_LIMIT}:`,
  );
  console.log(`  taken (201):   ${statuses.get(201) ?? 0}`);
  console.log(`  refused (429): ${statuses.get(429) ?? 0}`);
  const others = [...statuses].filter(([s]) => s !== 201 && s !== 429);
  console.log(
    `  other answers: ${others.length ? others.map(([s, n]) => `${s || 'network error'} × ${n}`).join(', ') : 'none'}`,
  );
  console.log(`  in ${seconds.toFixed(1)} s, ${(requests / seconds).toFixed(0)} requests/s`);
  const otherText = other.map((o, i) => `instance ${i + 1} → ${o.status} in ${o.ms.toFixed(0)} ms`).join(', ');
  console.log(`another IP (${OTHER}) halfway through the flood: ${otherText}`);
  if ((statuses.get(201) ?? 0) !== Number(env.RATE_LIMIT) || other.some((o) => o.status !== 201)) process.exitCode = 1;
} finally {
  for (const s of servers) await s.stop();
  await scratch?.drop();
}
