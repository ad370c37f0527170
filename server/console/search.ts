import type { Expression, SqlBool } from 'kysely';
import { type Db, dbKind } from '../db/connection.ts';
import { type PostgresPlan, postgresCondition, postgresPlan } from './search-postgres.ts';
import { sqliteCondition, sqlitePlan, type SqlitePlan } from './search-sqlite.ts';
import { parseSearch } from './search-terms.ts';

export { searchTerms } from './search-terms.ts';

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
export type SearchPlan = SqlitePlan & PostgresPlan;

/**
 * The plan for a search (see SearchPlan), from the database's indexes: SQLite's in search-sqlite.ts,
 * PostgreSQL's in search-postgres.ts. Takes a connection, not a transaction (it opens its own).
 */
export async function searchPlan(db: Db, q: string): Promise<SearchPlan> {
  const s = parseSearch(q);
  return dbKind(db) === 'postgres' ? postgresPlan(db, s) : sqlitePlan(db, s);
}

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
  const s = parseSearch(q);
  return dbKind(db) === 'postgres' ? postgresCondition(s, plan) : sqliteCondition(s, plan);
}
