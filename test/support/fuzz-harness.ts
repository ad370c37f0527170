import type fc from 'fast-check';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { DbKind } from '../../server/db/connection.ts';
import type { Database } from '../../server/db/schema.ts';
import { seedDemoDirectory } from '../../server/directory/demo-seed.ts';
import { buildTestApp } from './test-app.ts';

/**
 * How much the fuzz suites try. The default run is bounded and repeatable (a fixed seed);
 * `FUZZ_RUNS=5000 npx vitest run test/fuzz-` runs longer, `FUZZ_SEED=…` explores elsewhere.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261204);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 25);

/** fast-check's settings for one property; `share` scales the runs for cheap or costly properties. */
export const fuzzParams = (share = 1): fc.Parameters<unknown> => ({
  seed: FUZZ_SEED,
  numRuns: Math.max(1, Math.round(FUZZ_RUNS * share)),
});

/** What a request of the fuzzer is: everything a client controls. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Tables whose row counts a refused request must leave as they were. */
export const STORED_TABLES = [
  'submissions',
  'attachments',
  'outbox',
  'complaints',
  'complaint_steps',
  'reviews',
  'rating_raters',
  'submission_events',
  'departments',
  'employees',
  'rating_subjects',
  'users',
  'audit_log',
  'nonconformities',
  'calendar_days',
] as const satisfies readonly (keyof Database)[];

/** The app on a fresh database with the demo directory (ivanov, petrova, sidorov; the delivery subject). */
export async function fuzzApp(kind: DbKind) {
  const t = await buildTestApp(kind, { RATE_LIMIT: '0', CAPTCHA: 'off' });
  await seedDemoDirectory(t.db, t.clock);
  let tried = 0;
  // One round trip for every table: a request's check costs two queries, not thirty.
  const countQuery = sql<Record<string, number | string>>`select ${sql.join(
    STORED_TABLES.map((table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`),
  )}`;
  const counts = async (): Promise<Record<string, number>> => {
    const { rows } = await countQuery.execute(t.db);
    return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
  };

  /**
   * Sends one request and checks what every answer must be: no 5xx; a 4xx in the error shape
   * (or, on a page a person posts to, a page); and after a 4xx nothing stored, but for the table
   * `records` names. Returns the answer.
   */
  async function hit(
    req: FuzzRequest,
    opts: { page?: boolean; records?: (typeof STORED_TABLES)[number] } = {},
  ): Promise<Response> {
    const before = await counts();
    const res = await t.app.request(req.path, {
      method: req.method,
      headers: req.headers,
      body: req.body as BodyInit | undefined,
    });
    tried++;
    const text = await res.clone().text();
    const what = `${describe(req)}\n→ ${res.status} ${text.slice(0, 300)}`;
    expect(res.status, what).toBeLessThan(500);
    if (res.status >= 400) {
      const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
      if (isJson || !opts.page) expect(errorShape(text), what).toBe(true);
      const after = await counts();
      // A refusal may leave a record of itself where that is the point (a failed sign-in in the audit log).
      if (opts.records) after[opts.records] = before[opts.records]!;
      expect(after, `a refused request stored something: ${what}`).toEqual(before);
    }
    return res;
  }

  return { ...t, hit, counts, tried: () => tried };
}

export type FuzzApp = Awaited<ReturnType<typeof fuzzApp>>;

/** `{"error":{"code","message","fields"}}` with a code and a message as texts and fields as an object. */
export function errorShape(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; fields?: unknown } };
    const e = body.error;
    return (
      typeof e?.code === 'string' &&
      typeof e.message === 'string' &&
      e.message !== '' &&
      typeof e.fields === 'object' &&
      e.fields !== null &&
      !Array.isArray(e.fields)
    );
  } catch {
    return false;
  }
}

/** A request as a report shows it: escapes visible, long bodies cut. */
export function describe(req: FuzzRequest): string {
  const body =
    req.body === undefined
      ? ''
      : typeof req.body === 'string'
        ? JSON.stringify(req.body.length > 400 ? `${req.body.slice(0, 400)}… (${req.body.length} chars)` : req.body)
        : `<${req.body.length} bytes> ${JSON.stringify(Buffer.from(req.body.subarray(0, 300)).toString('utf8'))}`;
  const path = req.path.length > 300 ? `${req.path.slice(0, 300)}… (${req.path.length} chars)` : req.path;
  return `${req.method} ${path} ${JSON.stringify(req.headers ?? {})} ${body}`;
}

/** Prints how many cases a suite tried, for the closing note and a person reading the log. */
export function reportTried(suite: string, kind: DbKind, n: number) {
  console.log(`[fuzz] ${suite} on ${kind}: ${n} requests tried (seed ${FUZZ_SEED}, FUZZ_RUNS ${FUZZ_RUNS})`);
}
