import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../server/mail/outbox-worker.ts';
import { manualClock, mailConfig, submitWithMail } from '../server/mail/testing/fixtures.ts';
import { recordingTransport } from '../server/mail/testing/recording-transport.ts';
import { DB_KINDS, openTestDb, type TestDb } from './support/databases.ts';

const file = {
  filename: 'scan.pdf',
  mime: 'application/pdf',
  content: new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3]),
};

describe.each(DB_KINDS)('two instances sending one outbox on %s', (kind) => {
  let t: TestDb;
  afterEach(async () => t?.close());

  it('send each of 50 queued messages exactly once', async () => {
    t = await openTestDb(kind);
    const clock = manualClock();
    const config = mailConfig();
    for (let i = 0; i < 25; i++) {
      await submitWithMail(
        t.db,
        { config, clock },
        { number: `2026-${String(i + 1).padStart(5, '0')}` },
        i % 3 === 0 ? [file] : [],
      );
    }
    const queued = await t.db.selectFrom('outbox').select('id').execute();
    expect(queued).toHaveLength(50);

    // Two pools, as two server instances have; transports that never deduplicate and are slow
    // enough for the runs to interleave; small claims so that they race many times.
    const instances = [t.db, t.openAnother()].map((db) => {
      const transport = recordingTransport({ delayMs: 3, batch: true });
      return { transport, worker: createOutboxWorker({ db, transport, clock, config, claimLimit: 4 }) };
    });
    const pending = async () =>
      (await t.db.selectFrom('outbox').select('id').where('status', '=', 'pending').execute()).length;
    await Promise.all(
      instances.map(async ({ worker }) => {
        for (let i = 0; i < 500 && (await pending()) > 0; i++) await worker.runOnce();
      }),
    );

    const sentIds = instances.flatMap((x) => x.transport.sent.map((m) => m.id));
    expect(sentIds).toHaveLength(50);
    expect(new Set(sentIds)).toEqual(new Set(queued.map((q) => q.id)));
    expect(instances.every((x) => x.transport.sent.length > 0)).toBe(true);
    const rows = await t.db.selectFrom('outbox').select(['status', 'provider_id']).execute();
    expect(rows.every((r) => r.status === 'sent' && r.provider_id?.startsWith('rec-'))).toBe(true);
  });
});
