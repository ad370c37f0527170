import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Db, dbKind } from '../db/connection.ts';
import { searchWords } from '../search/words.ts';

/**
 * The text the PostgreSQL trigram index covers, exactly as migration 2026-11-25-search writes
 * it: the planner uses the index only for the same expression. server/console/inbox.test.ts checks it does.
 */
const PG_SEARCH_TEXT = sql`(
  submissions.number || E'\n' || submissions.message || E'\n' || coalesce(submissions.name, '') || E'\n' ||
  coalesce(submissions.organization, '') || E'\n' || coalesce(submissions.email, '') || E'\n' || coalesce(submissions.phone, '')
)`;

/**
 * PostgreSQL's stemmed words of a submission: a tsvector column a trigger keeps (migration
 * 2026-12-04-search-words), GIN-indexed. Stored, not an expression index, so checking a row while
 * walking the newest submissions costs a microsecond instead of a to_tsvector call.
 */
const PG_WORDS = sql`submissions.search_words`;
/**
 * Each word once: «спасибо спасибо спасибо» needs «спасибо» no more than once, but PostgreSQL
 * takes the three for independent conditions and guesses 0.6 % of the rows for a word in 18 %,
 * then reads every match and sorts them instead of walking the newest (260 ms against 15 ms).
 */
const pgWordsQuery = (text: string) => {
  const distinct = [...new Map(text.split(' ').map((w) => [w.toLowerCase(), w])).values()].join(' ');
  return sql`plainto_tsquery('russian'::regconfig, ${distinct})`;
};

/** The shortest query searched as a substring: trigram indexes need three characters. */
export const MIN_SUBSTRING = 3;

/** A search box's text on one line: the indexed text joins its fields with newlines, and no query should span two. */
const oneLine = (q: string) =>
  q
    .replace(/[\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * What a search box's text is looked for as: the text itself, and for something that looks
 * like a phone number its digits too (stored phones are E.164, `+79515113523`, while people
 * type «8 (951) 511-35-23»). Control characters are dropped.
 */
export function searchTerms(q: string): string[] {
  const text = oneLine(q);
  if (!text) return [];
  const terms = [text];
  if (/^[\d\s()+-]+$/.test(text)) {
    let digits = text.replace(/\D/g, '');
    if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
    if (digits.length >= MIN_SUBSTRING && digits !== text) terms.push(digits);
  }
  return terms;
}

/** A search's two halves: substrings for the trigram index (three characters or more), words for the word index. */
function parse(q: string) {
  const text = oneLine(q);
  return {
    text,
    substrings: searchTerms(text).filter((t) => [...t].length >= MIN_SUBSTRING),
    words: searchWords(text),
  };
}

/**
 * The words of a query that any text containing it has whole: those with a space on both sides
 * («ООО ООО ООО» → «ООО»), letters and digits only. PostgreSQL's parser splits at spaces, so such
 * a word is a word of the submission too, and in its `search_words`.
 */
function innerWords(term: string): string {
  return term
    .split(' ')
    .slice(1, -1)
    .filter((w) => /^[\p{L}\p{N}]+$/u.test(w))
    .join(' ');
}

/**
 * PostgreSQL: a substring, through the trigram index. A phrase of common trigrams («2026 2026
 * 2026», a common word repeated) has every row pass the trigram index and be read: its inner words,
 * which the row must have, are looked up in the word index too, which passes only the rows that
 * have them (none, or few). Stop words are not in the word index: those alone don't narrow.
 */
function pgSubstring(term: string): RawBuilder<SqlBool> {
  const like = sql<SqlBool>`${PG_SEARCH_TEXT} ILIKE ${likePattern(term)}`;
  const inner = innerWords(term);
  if (!inner) return like;
  const words = pgWordsQuery(inner);
  return sql<SqlBool>`((numnode(${words}) = 0 OR ${PG_WORDS} @@ ${words}) AND ${like})`;
}

/** An FTS5 query matching each term as a phrase: with the trigram tokenizer, as a substring. */
const ftsQuery = (terms: string[]) => terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');

/** An FTS5 query needing every word (words are letters and digits: nothing to escape). */
const wordsQuery = (words: string[]) => words.map((w) => `"${w}"`).join(' ');

const likePattern = (t: string) => `%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * How the inbox's page should meet the search. SQLite, `scan`: walk the submissions newest first
 * (by the filters' index) and keep those in the match set, quick when matches are common, since a
 * page fills after a few hundred rows; otherwise fetch each match by rowid and sort them, quick
 * for a few thousand. Building the match set of a common word costs tens of ms, so `recentFrom`
 * splits it at a rowid: the walk, which meets the newest (mostly the last inserted) rows first,
 * checks those against the few thousand matches from there on, and the whole set is built only if
 * it reaches an older row. PostgreSQL weighs this itself, except for rare words: a word its
 * statistics don't know is guessed at thousands of rows, and the planner would walk the whole
 * table looking for them, so `wordIds` hands it the few submissions that have the words.
 */
export interface SearchPlan {
  scan?: boolean;
  recentFrom?: number;
  wordIds?: string[];
}

/** SQLite: the rowids each index finds for the search (from a rowid on: FTS5 seeks to it). */
function sqliteMatches(s: ReturnType<typeof parse>, from?: number): RawBuilder<unknown>[] {
  const found: RawBuilder<unknown>[] = [];
  // A literal: with a bound parameter FTS5 doesn't seek to the rowid but reads every match (measured).
  const since = from && Number.isSafeInteger(from) ? sql` AND rowid >= ${sql.lit(from)}` : sql``;
  if (s.substrings.length > 0)
    found.push(sql`SELECT rowid FROM submissions_fts WHERE submissions_fts MATCH ${ftsQuery(s.substrings)}${since}`);
  if (s.words.length > 0)
    found.push(sql`SELECT rowid FROM submissions_words WHERE submissions_words MATCH ${wordsQuery(s.words)}${since}`);
  return found;
}

/**
 * The plan for a search (see SearchPlan): on SQLite it counts the matches in the FTS indexes, up
 * to the threshold and notes the rowid from which each common one's newest matches start, a few
 * ms; on PostgreSQL, when a word of the query is unknown to the
 * statistics, it looks up to RARE_WORDS submissions having the query's words, through their index
 * alone (forced: the planner's estimate is what this corrects), well under a ms for a rare word.
 * Takes a connection, not a transaction (it opens its own).
 */
export async function searchPlan(db: Db, q: string): Promise<SearchPlan> {
  const s = parse(q);
  if (dbKind(db) === 'postgres') {
    if (s.words.length === 0) return {};
    // Words the statistics know are estimated well (and looking up a common one costs tens of ms).
    const { rows: stats } = await sql<{ known: boolean }>`SELECT NOT EXISTS (
      SELECT 1 FROM unnest(tsvector_to_array(to_tsvector('russian'::regconfig, ${s.text}))) AS w
      WHERE w <> ALL (coalesce((SELECT most_common_elems::text::text[] FROM pg_stats WHERE schemaname = current_schema()
        AND tablename = 'submissions' AND attname = 'search_words'), '{}'))) AS known`.execute(db);
    if (stats[0]?.known) return {};
    const rows = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      await sql`SET LOCAL enable_indexscan = off`.execute(trx);
      return trx
        .selectFrom('submissions')
        .select('id')
        .where(sql<SqlBool>`${PG_WORDS} @@ ${pgWordsQuery(s.text)}`)
        .limit(RARE_WORDS + 1)
        .execute();
    });
    return rows.length > RARE_WORDS ? {} : { wordIds: rows.map((r) => r.id) };
  }
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

/** PostgreSQL: up to this many submissions with the query's words, they are listed by id; a word more common is in the statistics (migration 2026-12-04-search-words). */
const RARE_WORDS = 1000;

/** Matches above which walking the newest submissions beats fetching every match (measured at 1M rows). */
const SCAN_FROM = 5000;

/**
 * The condition «the submission matches the search», served by indexes on both databases:
 * - a case-insensitive substring (three characters or more) of its number, message, name,
 *   organisation, e-mail or phone: SQLite's FTS5 trigram table, PostgreSQL's pg_trgm GIN index;
 * - or every word of the query, in any form, among the words of its message, name, organisation
 *   and ИНН: Russian words stemmed (Snowball), stop words («и», «с», «не») dropped, short words
 *   («1С», «ИП») and numbers whole. SQLite: the FTS5 table of stems the application writes;
 *   PostgreSQL: the GIN-indexed `search_words` tsvector (its `russian` configuration).
 * A query that is neither (one stop word, punctuation) matches nothing.
 * @example db.selectFrom('submissions').where(searchCondition(db, 'жалобы'))
 */
export function searchCondition(db: Db, q: string, plan: SearchPlan = {}): Expression<SqlBool> {
  const s = parse(q);
  if (dbKind(db) === 'postgres') {
    // Words first: PostgreSQL checks an OR's terms in order, and a row that has the words is
    // then never put through the ILIKE, which lower-cases its whole text (most of the time taken).
    const ors: RawBuilder<unknown>[] = [];
    if (plan.wordIds) {
      if (plan.wordIds.length > 0) ors.push(sql`submissions.id IN (${sql.join(plan.wordIds)})`);
    } else if (s.words.length > 0) ors.push(sql`${PG_WORDS} @@ ${pgWordsQuery(s.text)}`);
    ors.push(...s.substrings.map((t) => pgSubstring(t)));
    return ors.length > 0 ? sql<SqlBool>`(${sql.join(ors, sql` OR `)})` : sql<SqlBool>`1 = 0`;
  }
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
