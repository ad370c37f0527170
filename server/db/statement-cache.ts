import type SqliteDatabase from 'better-sqlite3';

/**
 * better-sqlite3 statements kept by their SQL text, the least recently used dropped past `max`.
 * Kysely hands the driver SQL text, not statements: preparing each anew was about 4 % of the submit
 * path (issue 12 «Speed»). A statement is safe to run again, inside a transaction or not, once its
 * last run returned; SQLite prepares it again by itself after a migration changes the schema.
 * Statements that are iterated (streamed) are not taken from here: one iterating is busy until done.
 */
export class StatementCache {
  readonly #statements = new Map<string, SqliteDatabase.Statement>();

  constructor(
    private readonly file: SqliteDatabase.Database,
    private readonly max = 500,
  ) {}

  get(sql: string): SqliteDatabase.Statement {
    let statement = this.#statements.get(sql);
    if (statement) {
      // Map keeps insertion order: taken out and put back, it is the most recently used.
      this.#statements.delete(sql);
    } else {
      statement = this.file.prepare(sql);
      if (this.#statements.size >= this.max) this.#statements.delete(this.#statements.keys().next().value!);
    }
    this.#statements.set(sql, statement);
    return statement;
  }

  get size(): number {
    return this.#statements.size;
  }
}
