// The yardstick of `npm run bench` (scripts/bench.ts): what the stack Otklik is built on can do at
// best on this machine. `POST /feedback` is a minimal intake: Hono, a zod check, and one
// better-sqlite3 transaction inserting the message and two outbox rows through statements prepared
// once, on the same pragmas as Otklik's SQLite (WAL, synchronous NORMAL). `GET /` is a bare Hono
// route. `GET /embed.js` answers the built loader with the headers Otklik gives it (CORS, cache,
// validators, the secure headers, a request id), as one plain object, the cheapest way through
// Hono: what that answer costs at best, beside the bare route's two bytes and one header. Not part
// of Otklik; run as a child process by the bench:
//
//   npx tsx scripts/bench-minimal-server.ts <data-dir>   → prints «listening on http://127.0.0.1:PORT»
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import SqliteDatabase from 'better-sqlite3';
import { Hono } from 'hono';
import { z } from 'zod';

const dir = process.argv[2];
if (!dir) throw new Error('usage: bench-minimal-server.ts <data-dir>');

const file = new SqliteDatabase(path.join(dir, 'minimal.sqlite'));
file.pragma('journal_mode = WAL');
file.pragma('synchronous = NORMAL');
file.exec(`
  CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, kind TEXT NOT NULL, message TEXT NOT NULL,
    name TEXT, email TEXT, phone TEXT, created_at TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, message_id TEXT NOT NULL, recipients TEXT NOT NULL,
    subject TEXT NOT NULL, text TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL);
`);
const insertMessage = file.prepare(
  'INSERT INTO messages (id, kind, message, name, email, phone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
const insertOutbox = file.prepare(
  'INSERT INTO outbox (id, message_id, recipients, subject, text, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
);

const schema = z.object({
  kind: z.enum(['thanks', 'complaint', 'suggestion']),
  message: z.string().trim().min(1).max(5000),
  name: z.string().max(200).optional(),
  email: z.string().email().optional(),
  phone: z.string().max(30).optional(),
  consent: z.literal(true),
});
type Message = z.infer<typeof schema>;

const store = file.transaction((m: Message) => {
  const id = randomUUID();
  const at = new Date().toISOString();
  insertMessage.run(id, m.kind, m.message, m.name ?? null, m.email ?? null, m.phone ?? null, at);
  insertOutbox.run(randomUUID(), id, '["smk@example.ru"]', `Feedback ${id}`, m.message, 'pending', at);
  if (m.email) insertOutbox.run(randomUUID(), id, JSON.stringify([m.email]), 'Received', m.message, 'pending', at);
  return { id, createdAt: at };
});

const loader = fs.readFileSync(path.resolve(import.meta.dirname, '../widget/dist/embed.js'));
const LOADER_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=300',
  'Content-Type': 'text/javascript; charset=utf-8',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  ETag: '"t_AU2PJhI5GDrGDCkqWrRKopTOGzYx"',
  'Last-Modified': new Date().toUTCString(),
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  Vary: 'Accept-Encoding',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
  'Content-Length': String(loader.length),
  'X-Request-Id': '',
};

const app = new Hono();
app.get('/', (c) => c.text('ok'));
app.get('/embed.js', () => {
  const headers = { ...LOADER_HEADERS };
  headers['X-Request-Id'] = randomUUID();
  return new Response(loader, { headers });
});
app.post('/feedback', async (c) => {
  const parsed = schema.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) return c.json({ error: 'validation' }, 422);
  return c.json(store(parsed.data), 201);
});

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
