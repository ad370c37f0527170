import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ParsedSearch } from './search-terms.ts';

/** An FTS5 query matching each term as a phrase: with the trigram tokenizer, as a substring. */
const ftsQuery = (terms: string[]) => terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');

/** An FTS5 query needing every word (words are letters and digits: nothing to escape). */
const wordsQuery = (words: string[]) => words.map((w) => `"${w}"`).join(' ');

/** SQLite: the rowids each index finds for the search (from a rowid on: FTS5 seeks to it). */
function sqliteMatches(s: ParsedSearch, from?: number): RawBuilder<unknown>[] {
  const found: RawBuilder<unknown>[] = [];
  // A literal: with a bound parameter FTS5 doesn't seek to the rowid but reads every match (measured).
  const since = from && Number.isSafeInteger(from) ? sql` AND rowid >= ${sql.lit(from)}` : sql``;
  if (s.substrings.length > 0)
    found.push(sql`SELECT rowid FROM submissions_fts WHERE submissions_fts MATCH ${ftsQuery(s.substrings)}${since}`);
  if (s.words.length > 0)
    found.push(sql`SELECT rowid FROM submissions_words WHERE submissions_words MATCH ${wordsQuery(s.words)}${since}`);
  return found;
}

/** Matches above which walking the newest submissions beats fetching every match (measured at 1M rows). */
const SCAN_FROM = 5000;

/** What SQLite's plan says of a search: whether to walk the newest submissions, and from which rowid (see SearchPlan). */
export interface SqlitePlan {
  scan?: boolean;
  recentFrom?: number;
}

/**
 * SQLite's plan: counts the matches in the FTS indexes up to SCAN_FROM and notes the rowid from
 * which each common one's newest matches start, a few ms.
 */
export async function sqlitePlan(db: Db, s: ParsedSearch): Promise<SqlitePlan> {
  let n = 0;
  let from = 0;
  for (const found of sqliteMatches(s)) {
    const { rows } = await sql<{ n: number; oldest: number | null }>`SELECT count(*) AS n, min(rowid) AS oldest
      FROM (${found} ORDER BY rowid DESC LIMIT ${SCAN_FROM + 1})`.execute(db);
    const count = Number(rows[0]?.n ?? 0);
    n += count;
    if (count > SCAN_FROM) from = Math.max(from, Number(rows[0]?.oldest));
  }
  if (n <= SCAN_FROM) return { scan: false };
  return from > 0 ? { scan: true, recentFrom: from } : { scan: true };
}

/** SQLite's condition: the rowids its FTS5 tables find, looked up or walked as the plan says. */
export function sqliteCondition(s: ParsedSearch, plan: SqlitePlan): RawBuilder<SqlBool> {
  const found = sqliteMatches(s);
  if (found.length === 0) return sql<SqlBool>`1 = 0`;
  const all = sql.join(found, sql` UNION `);
  if (!plan.scan) return sql<SqlBool>`submissions.rowid IN (${all})`;
  // A unary + keeps SQLite from using the rowid for the lookup: it then walks an index in order.
  // SQLite builds an IN's set when first asked: the whole set only for a row older than recentFrom.
  const t = plan.recentFrom;
  if (!t) return sql<SqlBool>`+submissions.rowid IN (${all})`;
  const recent = sql.join(sqliteMatches(s, t), sql` UNION `);
  return sql<SqlBool>`((+submissions.rowid >= ${t} AND +submissions.rowid IN (${recent}))
    OR (+submissions.rowid < ${t} AND +submissions.rowid IN (${all})))`;
}
