import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ParsedSearch } from './search-terms.ts';

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

const likePattern = (t: string) => `%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

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

/** PostgreSQL: up to this many submissions with the query's words, they are listed by id; a word more common is in the statistics (migration 2026-12-04-search-words). */
const RARE_WORDS = 1000;

/** What PostgreSQL's plan adds to a search: the few submissions having a rare word (see SearchPlan). */
export interface PostgresPlan {
  wordIds?: string[];
}

/**
 * PostgreSQL's plan: when a word of the query is unknown to the statistics, it looks up to
 * RARE_WORDS submissions having the query's words, through their index alone (forced: the
 * planner's estimate is what this corrects), well under a ms for a rare word. Takes a
 * connection, not a transaction (it opens its own).
 */
export async function postgresPlan(db: Db, s: ParsedSearch): Promise<PostgresPlan> {
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

/** PostgreSQL's condition: its word index (or the plan's ids), then the trigram index. */
export function postgresCondition(s: ParsedSearch, plan: PostgresPlan): RawBuilder<SqlBool> {
  // Words first: PostgreSQL checks an OR's terms in order, and a row that has the words is
  // then never put through the ILIKE, which lower-cases its whole text (most of the time taken).
  const ors: RawBuilder<unknown>[] = [];
  if (plan.wordIds) {
    if (plan.wordIds.length > 0) ors.push(sql`submissions.id IN (${sql.join(plan.wordIds)})`);
  } else if (s.words.length > 0) ors.push(sql`${PG_WORDS} @@ ${pgWordsQuery(s.text)}`);
  ors.push(...s.substrings.map((t) => pgSubstring(t)));
  return ors.length > 0 ? sql<SqlBool>`(${sql.join(ors, sql` OR `)})` : sql<SqlBool>`1 = 0`;
}
