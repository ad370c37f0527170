import { type Expression, type SqlBool, sql } from 'kysely';
import { type Db, dbKind } from '../db/connection.ts';

/**
 * The text the PostgreSQL trigram index covers, exactly as migration 2026-11-25-search writes
 * it: the planner uses the index only for the same expression. server/console/inbox.test.ts checks it does.
 */
const PG_SEARCH_TEXT = sql`(
  submissions.number || E'\n' || submissions.message || E'\n' || coalesce(submissions.name, '') || E'\n' ||
  coalesce(submissions.organization, '') || E'\n' || coalesce(submissions.email, '') || E'\n' || coalesce(submissions.phone, '')
)`;

/** The shortest query searched as a substring: trigram indexes need three characters. */
export const MIN_SUBSTRING = 3;

/**
 * What a search box's text is looked for as: the text itself, and for something that looks
 * like a phone number its digits too (stored phones are E.164, `+79515113523`, while people
 * type «8 (951) 511-35-23»). Control characters are dropped: the indexed text joins its fields
 * with newlines, and no query should span two of them.
 */
export function searchTerms(q: string): string[] {
  const text = q
    .replace(/[\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return [];
  const terms = [text];
  if (/^[\d\s()+-]+$/.test(text)) {
    let digits = text.replace(/\D/g, '');
    if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
    if (digits.length >= MIN_SUBSTRING && digits !== text) terms.push(digits);
  }
  return terms;
}

/** An FTS5 query matching each term as a phrase: with the trigram tokenizer, as a substring. */
const ftsQuery = (terms: string[]) => terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');

const likePattern = (t: string) => `%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The search's terms that a trigram index can serve; none means «match exactly» (see below). */
const substringTerms = (q: string) => searchTerms(q).filter((t) => [...t].length >= MIN_SUBSTRING);

/**
 * How the inbox's page should meet the search on SQLite. `lookup`: fetch each match by rowid and
 * sort them, quick for a few thousand matches. `scan`: walk the submissions newest first (by the
 * filters' index) and keep those in the match set, quick when matches are common, since a page
 * fills after a few thousand rows. Counting the matches in the FTS index alone costs a few ms.
 * PostgreSQL's planner weighs this itself from the trigram index's statistics.
 */
export async function searchPlan(db: Db, q: string): Promise<'lookup' | 'scan'> {
  const terms = substringTerms(q);
  if (dbKind(db) === 'postgres' || terms.length === 0) return 'lookup';
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM submissions_fts WHERE submissions_fts MATCH ${ftsQuery(terms)}`.execute(db);
  return Number(rows[0]?.n ?? 0) > SCAN_FROM ? 'scan' : 'lookup';
}

/** Matches above which walking the newest submissions beats fetching every match (measured at 1M rows). */
const SCAN_FROM = 5000;

/**
 * The condition «a submission's number, message, name, organisation, e-mail or phone contains
 * the query», case-insensitively, served by an index on both databases: SQLite's FTS5 trigram
 * table, PostgreSQL's pg_trgm GIN index. A query under three characters can't use a trigram
 * index; it matches a registration number exactly instead (no phone or e-mail is that short,
 * and a condition on them would read every row).
 * @example db.selectFrom('submissions').where(searchCondition(db, 'жалоба'))
 */
export function searchCondition(db: Db, q: string, plan: 'lookup' | 'scan' = 'lookup'): Expression<SqlBool> {
  const terms = substringTerms(q);
  if (terms.length === 0) return sql<SqlBool>`submissions.number = ${q.trim()}`;
  if (dbKind(db) === 'postgres') {
    const ors = terms.map((t) => sql`${PG_SEARCH_TEXT} ILIKE ${likePattern(t)}`);
    return sql<SqlBool>`(${sql.join(ors, sql` OR `)})`;
  }
  // A unary + keeps SQLite from using the rowid for the lookup: it then walks an index in order.
  const rowid = plan === 'scan' ? sql`+submissions.rowid` : sql`submissions.rowid`;
  return sql<SqlBool>`${rowid} IN (SELECT rowid FROM submissions_fts WHERE submissions_fts MATCH ${ftsQuery(terms)})`;
}
