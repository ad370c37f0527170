import { describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { freshDbEachTest } from '../../test/support/fresh-db.ts';
import { fixMessageIds } from './message-id.ts';
import { insertOutboxMessage, markSent } from './outbox-store.ts';

const clock = { now: () => new Date('2026-12-07T09:00:00.000Z') };
const message = (n: number) => ({
  template: 'test',
  submissionId: null,
  to: [`qms${n}@example.ru`],
  replyTo: [],
  mail: { subject: `Письмо ${n}`, html: `<p>${n}</p>`, text: `${n}` },
});

for (const kind of DB_KINDS) {
  describe(`a round's results, each in one statement (${kind})`, () => {
    const fresh = freshDbEachTest(kind);

    it('gives each message its own Message-ID and provider id, and leaves the others as they were', async () => {
      const { db } = await fresh();
      const ids: string[] = [];
      for (let n = 0; n < 4; n++) ids.push(await insertOutboxMessage(db, clock, message(n)));
      const [a, b, c, other] = ids as [string, string, string, string];
      // c already has one (an earlier try): it keeps it.
      await db.updateTable('outbox_state').set({ message_id: '<earlier@example.ru>' }).where('id', '=', c).execute();
      const claimed = await db.selectFrom('outbox').selectAll().where('id', 'in', [a, b, c]).orderBy('id').execute();

      const fixed = await fixMessageIds(db, claimed, 'Otklik <otklik@example.ru>');
      expect(fixed.map((r) => r.message_id)).toEqual([
        `<${a}@example.ru>`,
        `<${b}@example.ru>`,
        '<earlier@example.ru>',
      ]);

      await markSent(
        db,
        [
          { id: a, providerId: 're_a' },
          { id: b, providerId: 're_b' },
          { id: c, providerId: 're_c' },
        ],
        clock.now(),
        null,
      );
      const rows = await db
        .selectFrom('outbox')
        .select(['id', 'status', 'provider_id', 'message_id', 'sent_at'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        {
          id: a,
          status: 'sent',
          provider_id: 're_a',
          message_id: `<${a}@example.ru>`,
          sent_at: clock.now().toISOString(),
        },
        {
          id: b,
          status: 'sent',
          provider_id: 're_b',
          message_id: `<${b}@example.ru>`,
          sent_at: clock.now().toISOString(),
        },
        {
          id: c,
          status: 'sent',
          provider_id: 're_c',
          message_id: '<earlier@example.ru>',
          sent_at: clock.now().toISOString(),
        },
        { id: other, status: 'pending', provider_id: null, message_id: null, sent_at: null },
      ]);
    });
    it('keeps every message and its bodies when the bodies move to a table of their own and back', async () => {
      const t = await fresh();
      const db = t.db;
      const ids = [await insertOutboxMessage(db, clock, message(1)), await insertOutboxMessage(db, clock, message(2))];
      await markSent(db, [{ id: ids[0]!, providerId: 're_1' }], clock.now(), null);
      const read = () =>
        db
          .selectFrom('outbox')
          .select(['id', 'subject', 'html', 'text', 'status', 'provider_id'])
          .orderBy('id')
          .execute();
      const before = await read();
      expect(before.map((m) => m.html)).toEqual(['<p>1</p>', '<p>2</p>']);
      await t.migrateTo('2026-12-15-search-words-gaps');
      expect(await read()).toEqual(before); // one table again
      await t.migrateTo();
      expect(await read()).toEqual(before);
      expect(await db.selectFrom('outbox_bodies').select('id').orderBy('id').execute()).toEqual(
        ids.map((id) => ({ id })),
      );
      // A message deleted takes its bodies with it.
      await db.deleteFrom('outbox_state').where('id', '=', ids[1]!).execute();
      expect(await db.selectFrom('outbox_bodies').select('id').execute()).toEqual([{ id: ids[0] }]);
    });
    it('names the same columns in the view outbox on both databases: the state, then the bodies', async () => {
      const t = await fresh();
      await insertOutboxMessage(t.db, clock, message(1));
      const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
      const state = await t.db.selectFrom('outbox_state').selectAll().executeTakeFirstOrThrow();
      expect(Object.keys(row)).toEqual([...Object.keys(state), 'html', 'text']);
      await t.migrateTo('2026-12-16-outbox-bodies');
      await t.migrateTo();
      expect(Object.keys(await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow())).toEqual(
        Object.keys(row),
      );
    });
  });
}
