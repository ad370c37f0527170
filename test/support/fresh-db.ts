import { afterEach } from 'vitest';
import type { DbKind } from '../../server/db/connection.ts';
import { openTestDb, type TestDb } from './databases.ts';

/**
 * A fresh database for each test of a `describe`, closed after it.
 * @example const fresh = freshDbEachTest(kind); it('…', async () => { const { db } = await fresh(); });
 */
export function freshDbEachTest(kind: DbKind): () => Promise<TestDb> {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  return async () => {
    t = await openTestDb(kind);
    return t;
  };
}
