import { describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { freshDbEachTest } from '../../test/support/fresh-db.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { seedDemoDirectory } from './demo-seed.ts';

describe.each(DB_KINDS)('the demo directory (%s)', (kind) => {
  const fresh = freshDbEachTest(kind);

  it('is added once when instances start together on an empty database, and none of them fails', async () => {
    const t = await fresh();
    const clock = fakeClock();
    const dbs = [t.db, t.openAnother(), t.openAnother(), t.openAnother()];
    const added = await Promise.all(dbs.map((db) => seedDemoDirectory(db, clock)));
    expect(added).toContain(true);
    const slugs = await t.db.selectFrom('employees').select('slug').orderBy('slug').execute();
    expect(slugs.map((e) => e.slug)).toEqual(['ivanov', 'petrova', 'sidorov']);
    expect(await seedDemoDirectory(t.db, clock)).toBe(false);
  });
});
