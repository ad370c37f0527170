import { describe, expect, it } from 'vitest';
import type { Period } from '../../../shared/report-periods.ts';
import type { Db } from '../../db/connection.ts';
import { mailConfig, manualClock } from '../../mail/testing/fixtures.ts';
import { DB_KINDS } from '../../../test/support/databases.ts';
import { freshDbEachTest } from '../../../test/support/fresh-db.ts';
import { createDigestScheduler } from './scheduler.ts';
import { madeOn } from './testing/made-on.ts';
import { weeklyControlFixture } from './testing/weekly-control-fixture.ts';

const config = mailConfig({ PUBLIC_URL: 'https://otklik.example.ru' });
// Monday 2 November 2026, Moscow time (UTC+3).
const MONDAY_0859 = '2026-11-02T05:59:00.000Z';
const MONDAY_0900 = '2026-11-02T06:00:00.000Z';

/** The digests in the outbox, oldest first: their subjects. */
async function digests(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['subject', 'recipients', 'template'])
    .orderBy('created_at')
    .execute();
  expect(rows.every((r) => r.template === 'weekly-digest')).toBe(true);
  expect(rows.every((r) => r.recipients === JSON.stringify(config.qmsEmail))).toBe(true);
  return rows.map((r) => r.subject);
}

const W44 = 'Otklik: контроль жалоб, неделя 44 (26.10–01.11.2026)';
const W45 = 'Otklik: контроль жалоб, неделя 45 (02.11–08.11.2026)';
const W46 = 'Otklik: контроль жалоб, неделя 46 (09.11–15.11.2026)';

for (const kind of DB_KINDS) {
  describe(`weekly digest scheduler (${kind})`, () => {
    const freshDb = freshDbEachTest(kind);
    // Installed in October, before every week these tests send.
    const fresh = async () => {
      const t = await freshDb();
      await madeOn(t.db, '2026-10-01T09:00:00.000Z');
      return t;
    };
    const clock = manualClock(MONDAY_0859);
    const built: string[] = [];
    const logs: string[] = [];
    const instance = (db: Db, build = async (p: Period) => weeklyControlFixture(p), holder?: string) =>
      createDigestScheduler({
        db,
        clock,
        config,
        build: async (p) => {
          built.push(p.key);
          return build(p);
        },
        onMailQueued: () => logs.push('kick'),
        log: (m) => logs.push(m),
        warn: (m) => logs.push(`warn: ${m}`),
        ...(holder && { holder }),
      });
    const reset = (iso: string) => {
      clock.set(iso);
      built.length = 0;
      logs.length = 0;
    };

    it('sends nothing before Monday 09:00 Moscow time, then one digest, however often and by whichever restart it looks', async () => {
      const { db } = await fresh();
      reset(MONDAY_0859);
      const first = instance(db);
      expect(await first.tick()).toBeNull();
      expect(await digests(db)).toEqual([]);
      expect(built).toEqual([]);

      clock.set(MONDAY_0900);
      expect(await first.tick()).toBe('2026-W44');
      expect(logs).toEqual(['weekly digest of 2026-W44 queued for smk@example.ru, quality@example.ru', 'kick']);
      clock.advance(30 * 60_000);
      expect(await first.tick()).toBeNull();
      await first.stop();
      // A restart: a new scheduler on the same database, later that week.
      clock.set('2026-11-05T10:00:00.000Z');
      expect(await instance(db).tick()).toBeNull();
      expect(await digests(db)).toEqual([W44]);
      expect(built).toEqual(['2026-W44']); // the mark spares building the report again
    });

    it('sends a missed Monday when the server is back, once, for the latest ended week only', async () => {
      const { db } = await fresh();
      reset(MONDAY_0900);
      expect(await instance(db).tick()).toBe('2026-W44');
      // Down from Monday 2 November 10:00 to Wednesday 18 November: the Mondays of 9 and 16 November missed.
      clock.set('2026-11-18T09:00:00.000Z');
      const back = instance(db);
      expect(await back.tick()).toBe('2026-W46');
      expect(await back.tick()).toBeNull();
      expect(await digests(db)).toEqual([W44, W46]);
      expect(built).toEqual(['2026-W44', '2026-W46']);
    });

    it('queues exactly one digest when two instances look at the same moment, and one again the next Monday', async () => {
      const { db, openAnother } = await fresh();
      reset(MONDAY_0900);
      // Both build the report before either writes: the race is decided by the mark's insert alone.
      const race = () => {
        let waiting = 0;
        let release!: () => void;
        const both = new Promise<void>((r) => {
          release = r;
          setTimeout(r, 2000);
        });
        return async (p: Period) => {
          if (++waiting === 2) release();
          await both;
          return weeklyControlFixture(p);
        };
      };
      let build = race();
      const a = instance(db, (p) => build(p), 'instance-a');
      const b = instance(openAnother(), (p) => build(p), 'instance-b');
      const first = await Promise.all([a.tick(), b.tick()]);
      expect(built).toEqual(['2026-W44', '2026-W44']);
      expect(first.filter((w) => w !== null)).toEqual(['2026-W44']);
      expect(logs.filter((l) => l.includes('weekly digest failed'))).toEqual([]);
      expect(await digests(db)).toEqual([W44]);

      reset('2026-11-09T06:00:00.000Z');
      build = race();
      const next = await Promise.all([b.tick(), a.tick()]);
      expect(next.filter((w) => w !== null)).toEqual(['2026-W45']);
      expect(await digests(db)).toEqual([W44, W45]);
      const marks = await db.selectFrom('job_leases').select(['name', 'holder']).orderBy('name').execute();
      expect(marks.map((m) => m.name)).toEqual(['digest:2026-W44', 'digest:2026-W45']);
      expect(marks.every((m) => ['instance-a', 'instance-b'].includes(m.holder))).toBe(true);
    });

    it('marks nothing when the report fails to build, and sends it at the next look', async () => {
      const { db } = await fresh();
      reset(MONDAY_0900);
      let fail = true;
      const s = instance(db, async (p) => {
        if (fail) throw new Error('database is busy');
        return weeklyControlFixture(p);
      });
      expect(await s.tick()).toBeNull();
      // A warning: an operator's LOG_LEVEL=warn keeps it.
      expect(logs).toEqual(['warn: weekly digest failed: database is busy']);
      expect(await digests(db)).toEqual([]);
      fail = false;
      clock.advance(30 * 60_000);
      expect(await s.tick()).toBe('2026-W44');
      expect(await digests(db)).toEqual([W44]);
    });

    it("does not mail a brand-new install the control of the week before it ran; the next week's goes", async () => {
      const { db } = await freshDb();
      // Installed on Friday 6 November, a Monday 2 November 09:00 digest long past.
      await madeOn(db, '2026-11-06T12:00:00.000Z');
      reset('2026-11-06T12:30:00.000Z');
      expect(await instance(db).tick()).toBeNull();
      expect(built).toEqual([]);
      // Installed in the last minutes of a Sunday: that week was Otklik's, if only just.
      await madeOn(db, '2026-11-08T20:59:00.000Z');
      reset('2026-11-09T06:00:00.000Z');
      expect(await instance(db).tick()).toBe('2026-W45');
      expect(await digests(db)).toEqual([W45]);
    });
  });
}
