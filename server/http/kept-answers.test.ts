import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { keptAnswers } from './kept-answers.ts';

let t: TestDb | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A setting written as a write of any table would be: the kept answers only know that one happened. */
const write = (db: TestDb['db'], value: string) =>
  db
    .insertInto('settings')
    .values({ key: 'kept-answers-test', value, updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();

describe.each(DB_KINDS)('answers kept until the database changes, on %s', (kind) => {
  it(
    kind === 'sqlite'
      ? 'serves a kept answer until this process or another one writes, and keeps answers apart by key'
      : 'keeps nothing: other instances write without telling this one',
    async () => {
      t = await openTestDb(kind);
      const kept = keptAnswers(t.db);
      let made = 0;
      const make = (key: string) => kept(key, async () => `${key} #${++made}`);
      expect(await make('a')).toBe('a #1');
      if (kind === 'postgres') {
        expect(await make('a')).toBe('a #2');
        return;
      }
      expect(await make('a')).toBe('a #1');
      expect(await make('b')).toBe('b #2');
      await write(t.db, 'one');
      expect(await make('a')).toBe('a #3');
      expect(await make('a')).toBe('a #3');
      // Another connection stands for another process (the CLI) writing the same file.
      await write(t.openAnother(), 'two');
      expect(await make('a')).toBe('a #4');
      expect(await make('b')).toBe('b #5');
      // A transaction rolled back changed nothing, but is not worth telling apart.
      await t.db
        .transaction()
        .execute(async (trx) => {
          await write(trx, 'three');
          throw new Error('rolled back');
        })
        .catch(() => {});
      expect(await make('a')).toBe('a #6');
    },
  );

  it('keeps at most the number of answers it is given, dropping the oldest', async () => {
    t = await openTestDb('sqlite');
    const kept = keptAnswers(t.db, 2);
    let made = 0;
    const make = (key: string) => kept(key, async () => `${key} #${++made}`);
    await make('a');
    await make('b');
    await make('c');
    expect(await make('b')).toBe('b #2');
    expect(await make('a')).toBe('a #4');
  });
});
