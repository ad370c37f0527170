import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../shared/report-periods.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { monthlyAnalysis } from './monthly-analysis.ts';
import { weeklyControl } from './weekly-control.ts';

// The reports read a million submissions (issue 11: each under 1 s on SQLite): every query on
// the big tables must reach its rows through an index, never by reading the whole table.
const BIG = ['submissions', 'complaints', 'complaint_steps'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-plans-'));
const file = new SqliteDatabase(path.join(dir, 'plans.sqlite'));
const queries: Array<{ sql: string; parameters: readonly unknown[] }> = [];
const db = new Kysely<Database>({
  dialect: new SqliteDialect({ database: file }),
  log: (e) => {
    if (e.level === 'query') queries.push({ sql: e.query.sql, parameters: e.query.parameters });
  },
});
afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The lines of SQLite's plan that read a big table whole. */
function fullScans(sql: string, parameters: readonly unknown[]): string[] {
  const plan = file.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as Array<{ detail: string }>;
  return plan
    .map((p) => p.detail)
    .filter((d) => BIG.some((t) => new RegExp(`^SCAN ${t}\\b(?! USING (COVERING )?INDEX)`).test(d)));
}

describe('the reports on SQLite', () => {
  it('read the big tables through indexes only', async () => {
    await migrateToLatest(db);
    const now = new Date('2026-12-02T09:00:00Z');
    queries.length = 0;
    await weeklyControl(db, now, parsePeriod('2026-W48')!, null);
    await weeklyControl(db, now, parsePeriod('2026-W48')!, { id: 'd', name: 'ДКС' });
    await monthlyAnalysis(db, now, parsePeriod('2026')!, null);
    await monthlyAnalysis(db, now, parsePeriod('2026-11')!, { id: 'd', name: 'ДКС' });
    const scans = queries.flatMap((q) => fullScans(q.sql, q.parameters).map((s) => `${s} in ${q.sql}`));
    for (const q of queries)
      console.log(
        q.sql,
        '\n  ',
        (file.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as Array<{ detail: string }>)
          .map((p) => p.detail)
          .join(' | '),
      );
    expect(scans).toEqual([]);
  });
});

describe('the kept months a write marks stale (SQLite)', () => {
  it('are found through an index, not by reading every kept month for each row written', async () => {
    await migrateToLatest(db);
    const triggers = file
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_months_%_insert'`)
      .all() as Array<{ name: string; sql: string }>;
    expect(triggers.map((t) => t.name).sort()).toEqual([
      'report_months_complaint_steps_insert',
      'report_months_complaints_insert',
      'report_months_receipt_insert',
      'report_months_submissions_insert',
    ]);
    for (const t of triggers) {
      // The trigger's own statement, its NEW.… value as a parameter.
      const update = /BEGIN\s+(UPDATE report_months[^;]+);/.exec(t.sql)![1]!.replace(/NEW\.\w+/g, '?');
      const plan = file
        .prepare(`EXPLAIN QUERY PLAN ${update}`)
        .all('2026-12-05T09:00:00.000Z', '2026-12-05T09:00:00.000Z');
      expect(plan.map((p) => (p as { detail: string }).detail)).toEqual([
        expect.stringMatching(/^SEARCH report_months USING INDEX report_months_open \(stale=\? AND ends>\?\)$/),
      ]);
    }
  });
});
