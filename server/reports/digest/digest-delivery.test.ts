import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/databases.ts';
import { freshDbEachTest } from '../../../test/support/fresh-db.ts';
import { createOutboxWorker } from '../../mail/outbox-worker.ts';
import { bodyText, header, readMailDir } from '../../mail/testing/read-mime.ts';
import { mailConfig, manualClock } from '../../mail/testing/fixtures.ts';
import { createMailTransport } from '../../mail/transport.ts';
import { createDigestScheduler } from './scheduler.ts';
import { madeOn } from './testing/made-on.ts';
import { weeklyControlFixture } from './testing/weekly-control-fixture.ts';

for (const kind of DB_KINDS) {
  describe(`weekly digest delivered (${kind})`, () => {
    const fresh = freshDbEachTest(kind);
    let dataDir: string | undefined;
    afterEach(() => {
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('goes through the outbox worker to the QMS mailboxes as a real message, with the week in its subject', async () => {
      const { db } = await fresh();
      await madeOn(db, '2026-10-01T09:00:00.000Z');
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-digest-'));
      const config = mailConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://otklik.example.ru' });
      const clock = manualClock('2026-11-02T06:00:00.000Z'); // Monday 09:00 in Moscow
      const worker = createOutboxWorker({ db, transport: createMailTransport(config), clock, config });
      let kicked = 0;
      const digest = createDigestScheduler({
        db,
        clock,
        config,
        build: async (week) => weeklyControlFixture(week),
        onMailQueued: () => kicked++,
        log: () => {},
      });
      expect(await digest.tick()).toBe('2026-W44');
      expect(kicked).toBe(1);
      expect(await worker.runOnce()).toBe(1);

      const [mail, ...rest] = readMailDir(path.join(dataDir, 'mail'));
      expect(rest).toEqual([]);
      expect(header(mail!, 'to')).toBe('smk@example.ru, quality@example.ru');
      expect(header(mail!, 'from')).toBe('Otklik <otklik@example.ru>');
      expect(header(mail!, 'subject')).toBe('Otklik: контроль жалоб, неделя 44 (26.10–01.11.2026)');
      expect(bodyText(mail!, 'text/plain')).toContain('https://otklik.example.ru/admin/reports/weekly?week=2026-W44');
      expect(bodyText(mail!, 'text/html')).toContain('href="https://otklik.example.ru/admin/submissions/sub-1"');
      const row = await db.selectFrom('outbox').select(['status', 'template']).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'sent', template: 'weekly-digest' });
    });
  });
}
