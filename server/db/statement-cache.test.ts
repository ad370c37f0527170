import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StatementCache } from './statement-cache.ts';

let file: SqliteDatabase.Database | undefined;
afterEach(() => file?.close());

describe('the statement cache', () => {
  it('prepares a statement once and keeps only the most recently used ones', () => {
    file = new SqliteDatabase(':memory:');
    const cache = new StatementCache(file, 2);
    const a = cache.get('SELECT 1 AS n');
    expect(cache.get('SELECT 1 AS n')).toBe(a);
    const b = cache.get('SELECT 2 AS n');
    cache.get('SELECT 1 AS n'); // a is now the most recently used: b goes first
    cache.get('SELECT 3 AS n');
    expect(cache.size).toBe(2);
    expect(cache.get('SELECT 1 AS n')).toBe(a);
    expect(cache.get('SELECT 2 AS n')).not.toBe(b);
  });

  it('gives the right rows after a migration changed the table under a kept statement', () => {
    file = new SqliteDatabase(':memory:');
    const cache = new StatementCache(file);
    file.exec('CREATE TABLE t (x INTEGER)');
    cache.get('INSERT INTO t (x) VALUES (?)').run(1);
    expect(cache.get('SELECT * FROM t').all()).toEqual([{ x: 1 }]);
    file.exec('ALTER TABLE t ADD COLUMN y TEXT');
    cache.get('INSERT INTO t (x) VALUES (?)').run(2);
    expect(cache.get('SELECT * FROM t').all()).toEqual([
      { x: 1, y: null },
      { x: 2, y: null },
    ]);
  });
});
