import { describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { freshDbEachTest } from '../../test/support/fresh-db.ts';
import { preparedQuery } from './prepared-query.ts';

for (const kind of DB_KINDS) {
  describe(`a prepared query (${kind})`, () => {
    const fresh = freshDbEachTest(kind);

    it('is built once and runs with each call’s arguments, the values that are not arguments kept', async () => {
      const { db } = await fresh();
      const at = '2026-12-04T10:00:00.000Z';
      await db
        .insertInto('job_leases')
        .values([
          { name: 'digest:2026-W48', holder: 'a', until: at, last_run: at },
          { name: 'digest:2026-W49', holder: 'b', until: at, last_run: at },
          { name: 'reminders', holder: 'a', until: at, last_run: null },
        ])
        .execute();
      let builds = 0;
      const leasesOf = preparedQuery<{ holder: string; limit: number }, { name: string }>((q, arg) => {
        builds++;
        return q
          .selectFrom('job_leases')
          .select('name')
          .where('holder', '=', arg('holder'))
          .where('last_run', 'is not', null)
          .where('name', 'like', 'digest:%')
          .orderBy('name')
          .limit(arg('limit'));
      });
      expect(await leasesOf(db, { holder: 'a', limit: 10 })).toEqual([{ name: 'digest:2026-W48' }]);
      expect(await leasesOf(db, { holder: 'b', limit: 10 })).toEqual([{ name: 'digest:2026-W49' }]);
      expect(await leasesOf(db, { holder: 'c', limit: 10 })).toEqual([]);
      await db.updateTable('job_leases').set({ holder: 'b' }).execute();
      expect(await leasesOf(db, { holder: 'b', limit: 1 })).toEqual([{ name: 'digest:2026-W48' }]);
      // Inside a transaction too: the same compiled statement.
      await db.transaction().execute(async (trx) => {
        expect(await leasesOf(trx, { holder: 'b', limit: 5 })).toHaveLength(2);
      });
      expect(builds).toBe(1);
    });
  });
}
