// Bulk writers for the fill, past Kysely: on SQLite prepared statements run in one transaction per
// batch; on PostgreSQL one INSERT … SELECT FROM unnest() per batch, an array parameter per column
// (however many rows, far from the 65,535-parameter limit, and no SQL text to build per row).
import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';

/** Rows of one table, each an object of column → value (the schema's row types are interfaces). */
export type Rows = ReadonlyArray<object>;

export interface Sink {
  /** Inserts rows of one table, all with the same columns (the first row's). */
  insert(table: string, rows: Rows): Promise<void>;
  run(statement: string): Promise<void>;
}

export function sqliteSink(raw: SqliteDatabase.Database): Sink {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const statement = (table: string, cols: string[]) => {
    const key = `${table}(${cols.join(',')})`;
    let s = statements.get(key);
    if (!s) {
      s = raw.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      statements.set(key, s);
    }
    return s;
  };
  const insertAll = raw.transaction((s: SqliteDatabase.Statement, rows: Rows) => {
    for (const row of rows) s.run(row);
  });
  return {
    insert: async (table, rows) => {
      if (rows.length > 0) insertAll(statement(table, Object.keys(rows[0]!)), rows);
    },
    run: async (text) => {
      raw.exec(text);
    },
  };
}

/** Columns stored as integers; every other one is sent as text and cast by the column's type. */
const INTEGER_COLUMNS = new Set([
  'score',
  'publish',
  'redacted',
  'active',
  'must_change_password',
  'satisfied',
  'loyal',
  'year',
  'value',
]);

export function postgresSink(client: pg.Client): Sink {
  return {
    insert: async (table, rows) => {
      if (rows.length === 0) return;
      const cols = Object.keys(rows[0]!);
      const arrays = cols.map((c) => rows.map((r) => (r as Record<string, unknown>)[c] ?? null));
      const casts = cols.map((c, i) => `$${i + 1}::${INTEGER_COLUMNS.has(c) ? 'int' : 'text'}[]`);
      await client.query(`INSERT INTO ${table} (${cols.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`, arrays);
    },
    run: async (text) => {
      await client.query(text);
    },
  };
}
