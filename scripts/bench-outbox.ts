// What `npm run bench` reads back from the server's database: the outbox rows the submissions queued,
// to wait for the queue to empty and to time each message from its submission to the provider.
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Arrival } from './bench-fake-resend.ts';
import { quantile } from './bench-load.ts';

interface OutboxState {
  total: number;
  unsent: number;
  /** created_at (ms) by outbox id: the moment the submission was stored, in the same transaction. */
  created: Map<string, number>;
}

/** Reads the outbox of a server's database: SQLite in its data folder, or PostgreSQL. */
export async function readOutbox(where: { dataDir: string; databaseUrl?: string }): Promise<OutboxState> {
  let rows: Array<{ id: string; created_at: string; status: string }>;
  if (where.databaseUrl) {
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      rows = (await client.query('SELECT id, created_at, status FROM outbox')).rows;
    } finally {
      await client.end();
    }
  } else {
    const file = new SqliteDatabase(path.join(where.dataDir, 'otklik.sqlite'), { readonly: true });
    try {
      rows = file.prepare('SELECT id, created_at, status FROM outbox').all() as typeof rows;
    } finally {
      file.close();
    }
  }
  return {
    total: rows.length,
    unsent: rows.filter((r) => r.status !== 'sent').length,
    created: new Map(rows.map((r) => [r.id, Date.parse(r.created_at)])),
  };
}

/** Waits until every queued message was sent (or `timeoutMs` passed); returns the last state. */
export async function waitForEmptyOutbox(
  where: { dataDir: string; databaseUrl?: string },
  timeoutMs = 60_000,
): Promise<OutboxState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await readOutbox(where);
    if (state.unsent === 0 || Date.now() > until) return state;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface Delays {
  matched: number;
  p50: number;
  p99: number;
  max: number;
}

/** Submission → provider delay of each message, matched by its Message-ID `<outbox-id@domain>`. */
export function deliveryDelays(arrivals: Arrival[], created: Map<string, number>): Delays {
  const first = new Map<string, number>();
  for (const a of arrivals) {
    const id = /^<([^@>]+)@/.exec(a.messageId ?? '')?.[1];
    if (id && !first.has(id)) first.set(id, a.at);
  }
  const delays: number[] = [];
  for (const [id, at] of first) {
    const c = created.get(id);
    if (c !== undefined) delays.push(at - c);
  }
  return {
    matched: delays.length,
    p50: quantile(delays, 0.5),
    p99: quantile(delays, 0.99),
    max: delays.length ? Math.max(...delays) : Number.NaN,
  };
}
