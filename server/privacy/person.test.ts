import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonExportAnswer } from '../../shared/console-privacy.ts';
import fs from 'node:fs';
import path from 'node:path';
import { deliverAll } from '../mail/testing/deliver-all.ts';
import { migrations } from '../db/migrations/index.ts';
import { afterMigrations } from '../db/migrate.ts';
import { forgetOldPages } from '../db/connection.ts';
import { consoleHarness, type Harness } from '../console/testing/harness.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { personEraseCommand, personExportCommand } from './cli-commands.ts';
import { optimizeSearch } from './search-optimize.ts';
import { CLIENT, clientComplaint } from './testing/client-complaint.ts';
import { sendDueDigest } from '../reports/digest/send-digest.ts';
import { madeOn } from '../reports/digest/testing/made-on.ts';
import { overdueFixture, weeklyControlFixture } from '../reports/digest/testing/weekly-control-fixture.ts';

let h: Harness;
afterEach(async () => h?.close());

const PERSONAL = /Лоськов|Галина|galina|6165456519|79515113523/;

for (const kind of DB_KINDS) {
  describe(`a person's data on request (${kind})`, () => {
    async function seed() {
      h = await consoleHarness(kind);
      await h.directory();
      const complaint = await clientComplaint(h, 'Программа Лоськовой загружается 3–4 минуты');
      const rating = await h.rating({
        comment: 'Иванов помог Галине',
        name: 'Галина',
        email: 'Galina@Example.ru',
        publish: true,
      });
      // A moderator's reason names her: erased with her, in the history and the audit.
      const moderator = await h.as('qms');
      const rejected = await moderator.request(`/api/admin/moderation/${rating.id}/reject`, {
        method: 'POST',
        json: { reason: 'В отзыве телефон Галины 8 951 511-35-23' },
      });
      if (rejected.status !== 200) throw new Error(`reject: ${rejected.status} ${await rejected.text()}`);
      const other = await h.feedback({ kind: 'thanks', message: 'Спасибо от Петра', email: 'petr@example.ru' });
      return { complaint, rating, other };
    }

    const auditLines = (action: string) =>
      h.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

    it('exports everything stored about a person found by e-mail or by a phone typed any way, and audits it masked', async () => {
      const { complaint, rating, other } = await seed();
      const byEmail = JSON.parse(
        await personExportCommand(h.db, h.clock, ['--email', 'GALINA@example.ru']),
      ) as PersonExportAnswer;
      expect(byEmail.submissions.map((s) => s.id).sort()).toEqual([complaint.id, rating.id].sort());
      const c = byEmail.submissions.find((s) => s.id === complaint.id)!;
      expect(c).toMatchObject({
        name: CLIENT.name,
        phone: CLIENT.phone,
        inn: CLIENT.inn,
        organization: CLIENT.organization,
      });
      expect(c.attachments).toEqual([
        expect.objectContaining({ filename: 'акт Лоськовой.pdf', size: expect.any(Number) }),
      ]);
      expect(JSON.stringify(c.history)).toContain('Галина, мы исправили загрузку.');
      expect(c.complaint).toMatchObject({ contactPosition: 'главный бухгалтер' });
      // His rating's review as the site would show it, and why it was not published.
      expect(byEmail.submissions.find((s) => s.id === rating.id)!.review).toEqual({
        status: 'rejected',
        text: 'Иванов помог Галине',
        author: 'Галина',
        publishedAt: null,
        reason: 'В отзыве телефон Галины 8 951 511-35-23',
      });
      expect(c.review).toBeNull();
      expect(byEmail.emails.some((m) => m.template === 'complaint-reply' && m.to.includes(CLIENT.email))).toBe(true);
      expect(byEmail.emails.every((m) => m.submissionId !== other.id)).toBe(true);

      const partOfAddress = JSON.parse(await personExportCommand(h.db, h.clock, ['--email', 'alina@example.ru']));
      expect(partOfAddress).toMatchObject({ submissions: [], emails: [] });

      const byPhone = JSON.parse(
        await personExportCommand(h.db, h.clock, ['--phone', '8 (951) 511-35-23']),
      ) as PersonExportAnswer;
      expect(byPhone.submissions.map((s) => s.id)).toEqual([complaint.id]);

      const lines = await auditLines('privacy.person_export');
      expect(lines).toHaveLength(3);
      expect(JSON.parse(lines[0]!.details)).toMatchObject({ key: 'g*****@example.ru', submissions: 2, via: 'cli' });
      // No hash beside the mask: a phone's was undone by trying the million numbers the mask leaves open.
      expect(JSON.parse(lines[2]!.details)).toEqual({ key: '+7******3523', submissions: 1, emails: 3, via: 'cli' });
      expect(lines.map((l) => l.details).join()).not.toMatch(PERSONAL);
    });

    it('erases a person everywhere only with --yes, keeps the figures and other people, and audits the counts', async () => {
      const { complaint, rating, other } = await seed();
      // Every e-mail delivered, as the default transport does: a `.eml` copy in the mail folder each.
      await deliverAll(h);
      const mailDir = path.join(h.config.dataDir, 'mail');
      const copies = () => fs.readdirSync(mailDir).map((n) => fs.readFileSync(path.join(mailDir, n), 'utf8'));
      expect(copies().filter((c) => c.includes(CLIENT.email)).length).toBeGreaterThan(0);
      const dry = await personEraseCommand(h.db, h.clock, h.config, ['--email', CLIENT.email]);
      expect(dry).toMatchObject({ failed: true });
      expect(dry.text).toContain('2 submission(s)');
      expect((await h.db.selectFrom('attachments').select('id').execute()).length).toBe(1);

      const done = await personEraseCommand(h.db, h.clock, h.config, ['--email', CLIENT.email, '--yes']);
      expect(done.failed).toBe(false);
      expect(done.text).toMatch(/2 submission\(s\), 1 file\(s\)/);
      expect(done.text).toMatch(/\(\d+ \.eml copies deleted from the mail folder\)/);
      // His copies are gone with him; the other client's stay.
      expect(copies().join()).not.toMatch(PERSONAL);
      expect(copies().some((c) => c.includes('petr@example.ru'))).toBe(true);

      const rows = await h.db
        .selectFrom('submissions')
        .selectAll()
        .where('id', 'in', [complaint.id, rating.id])
        .execute();
      expect(rows.map((r) => [r.number !== '', r.kind, r.erased_at !== null])).toEqual(
        expect.arrayContaining([
          [true, 'complaint', true],
          [true, 'rating', true],
        ]),
      );
      expect(rows.find((r) => r.id === rating.id)!.score).toBe(5);
      expect(JSON.stringify(rows)).not.toMatch(PERSONAL);
      expect(await h.db.selectFrom('attachments').select('id').execute()).toEqual([]);
      expect(await h.db.selectFrom('reviews').select('submission_id').execute()).toEqual([]);
      const mails = await h.db.selectFrom('outbox').selectAll().execute();
      expect(JSON.stringify(mails.filter((m) => m.submission_id !== other.id))).not.toMatch(PERSONAL);
      expect(mails.some((m) => m.submission_id === other.id && m.recipients.includes('petr@example.ru'))).toBe(true);
      expect(JSON.stringify(await h.db.selectFrom('submission_events').select('data').execute())).not.toMatch(PERSONAL);
      // Stage 2's rows stay for the reports, without the words about her case.
      const stage2 = await h.db.selectFrom('nonconformities').selectAll().execute();
      expect(stage2.map((n) => [n.process, n.description, n.task])).toEqual([['Внедрение', '', '']]);

      const admin = await h.as('admin');
      const search = await admin.request(
        '/api/admin/submissions?q=%D0%9B%D0%BE%D1%81%D1%8C%D0%BA%D0%BE%D0%B2%D0%BE%D0%B9',
      );
      expect(((await search.json()) as { items: unknown[] }).items).toEqual([]);
      // The inbox says which rows were erased, so that they are not taken for anonymous messages.
      const inbox = (await (await admin.request('/api/admin/submissions')).json()) as {
        items: { id: string; erasedAt: string | null }[];
      };
      expect(inbox.items.find((i) => i.id === complaint.id)!.erasedAt).toBe(h.clock.now().toISOString());
      expect(inbox.items.find((i) => i.id === other.id)!.erasedAt).toBeNull();
      // So does its export, as the inbox's row says it, with nothing of him in it.
      const csv = await (await admin.request('/api/admin/reports/inbox.csv')).text();
      expect(csv).not.toMatch(PERSONAL);
      const erasedLine = csv.split('\r\n').find((l) => l.startsWith(rows[0]!.number))!;
      expect(erasedLine).toContain('Персональные данные удалены');
      expect(erasedLine).toContain('Текст удалён');

      const after = JSON.parse(
        await personExportCommand(h.db, h.clock, ['--email', CLIENT.email]),
      ) as PersonExportAnswer;
      expect(after).toMatchObject({ submissions: [], emails: [] });
      if (kind === 'sqlite') {
        // Not in the file's bytes either (free pages, space between rows, the search indexes'
        // entries and inner keys, the WAL), which every backup copies.
        const file = h.testDb.file!;
        const bytes = () =>
          [file, `${file}-wal`]
            .filter((f) => fs.existsSync(f))
            .map((f) => fs.readFileSync(f).toString('utf8'))
            .join();
        expect(bytes()).not.toMatch(PERSONAL);
        for (const t of ['submissions_fts', 'submissions_words']) {
          const option = await sql<{
            v: number;
          }>`SELECT v FROM ${sql.table(`${t}_config`)} WHERE k = 'secure-delete'`.execute(h.db);
          expect(option.rows, t).toEqual([{ v: 1 }]);
        }
        expect(await optimizeSearch(h.db)).toMatch(/^Search indexes rewritten in \d+\.\d s\.$/);
        expect(bytes()).not.toMatch(PERSONAL);
      }
      const [line] = await auditLines('privacy.person_erase');
      expect(JSON.parse(line!.details)).toMatchObject({ key: 'g*****@example.ru', submissions: 2, attachments: 1 });
      expect(JSON.stringify(await h.db.selectFrom('audit_log').selectAll().execute())).not.toMatch(PERSONAL);
    });

    it('blanks, when migrated, what an older erase left: moderators’ reasons, stage 2’s words, hashes', async () => {
      const { complaint, rating } = await seed();
      await personEraseCommand(h.db, h.clock, h.config, ['--email', CLIENT.email, '--yes']);
      // What the erase of an older version left behind.
      const said = 'Галина 8 951 511-35-23';
      await h.db
        .updateTable('submission_events')
        .set({ data: JSON.stringify({ from: 'pending', to: 'rejected', reason: said }) })
        .where('submission_id', '=', rating.id)
        .where('type', '=', 'moderation')
        .execute();
      await h.db
        .updateTable('audit_log')
        .set({ details: JSON.stringify({ number: complaint.number, id: 'n1', description: said, done: false }) })
        .where('target_id', '=', complaint.id)
        .where('action', '=', 'complaint.nonconformity')
        .execute();
      await h.db.updateTable('nonconformities').set({ description: said, task: said }).execute();
      await h.db
        .updateTable('audit_log')
        .set({ details: JSON.stringify({ key: 'g*****@example.ru', sha256: 'edc8cc12281d186d', submissions: 2 }) })
        .where('action', '=', 'privacy.person_erase')
        .execute();
      const names = Object.keys(migrations).sort();
      await h.testDb.migrateTo(names[names.indexOf('2026-12-24-erased-words') - 1]!);
      await h.testDb.migrateTo();
      const left = await Promise.all([
        h.db.selectFrom('submission_events').select('data').execute(),
        h.db.selectFrom('audit_log').select('details').execute(),
        h.db.selectFrom('nonconformities').select(['process', 'description', 'task']).execute(),
      ]);
      expect(JSON.stringify(left)).not.toMatch(/Галина|511-35-23|edc8cc12281d186d/);
      expect(left[2]).toEqual([{ process: 'Внедрение', description: '', task: '' }]);
    });

    // SQLite's file only: PostgreSQL keeps no file of its own to rewrite.
    if (kind === 'sqlite')
      it('rewrites, once migrated, a file that kept in free pages what an older version erased', async () => {
        await seed();
        // An erase as versions before 2026-12-22-secure-delete did it: freed bytes left as they were.
        await sql`PRAGMA secure_delete = OFF`.execute(h.db);
        for (const t of ['submissions_fts', 'submissions_words'])
          await sql.raw(`INSERT INTO ${t}(${t}, rank) VALUES('secure-delete', 0)`).execute(h.db);
        await personEraseCommand(h.db, h.clock, h.config, ['--email', CLIENT.email, '--yes']);
        const file = h.testDb.file!;
        const bytes = () => fs.readFileSync(file).toString('utf8');
        expect(bytes()).toMatch(PERSONAL);
        await sql`PRAGMA secure_delete = ON`.execute(h.db);

        const names = Object.keys(migrations).sort();
        await h.testDb.migrateTo(names[names.indexOf('2026-12-24-erased-words') - 1]!);
        await h.testDb.migrateTo();
        expect(await afterMigrations(h.db)).toMatchObject({ rewritten: true });
        await forgetOldPages(h.db);
        expect(bytes()).not.toMatch(PERSONAL);
        // Done once: nothing to do on a later start.
        expect(await afterMigrations(h.db)).toBeNull();
      });

    it('takes his name out of the weekly digests that listed his complaint: a sent one pruned, an unsent one kept for the QMS', async () => {
      const { complaint } = await seed();
      await madeOn(h.db, '2026-10-01T00:00:00.000Z');
      // Two Mondays' digests, each listing his overdue complaint beside another client's.
      const digest = (monday: string) =>
        sendDueDigest(h.db, {
          clock: { now: () => new Date(monday) },
          config: h.config,
          holder: 'test',
          build: async (week) =>
            weeklyControlFixture(week, {
              overdue: [
                overdueFixture({ id: complaint.id, number: complaint.number, client: CLIENT.organization }),
                overdueFixture({ id: 'other', number: '2026-09999', client: 'ООО «Василёк»' }),
              ],
            }),
        });
      expect(await digest('2026-11-23T06:00:00.000Z')).not.toBeNull();
      await deliverAll(h);
      expect(await digest('2026-11-30T06:00:00.000Z')).not.toBeNull();
      const digests = () =>
        h.db.selectFrom('outbox').selectAll().where('template', '=', 'weekly-digest').orderBy('created_at').execute();
      const [sent, unsent] = await digests();
      expect([sent!.status, unsent!.status]).toEqual(['sent', 'pending']);
      expect(unsent!.html).toContain(CLIENT.organization);

      // His export lists both, with the lines about him alone: the rest is other clients' data.
      const mine = JSON.parse(
        await personExportCommand(h.db, h.clock, ['--email', CLIENT.email]),
      ) as PersonExportAnswer;
      const listed = mine.emails.filter((m) => m.template === 'weekly-digest');
      expect(listed).toHaveLength(2);
      for (const m of listed) {
        expect(m.text).toContain(`- № ${complaint.number},`);
        expect(m.text).toContain(CLIENT.organization);
        expect(m.text).not.toContain('Василёк');
        expect(m.to).toEqual([]);
      }

      const dry = await personEraseCommand(h.db, h.clock, h.config, ['--email', CLIENT.email]);
      expect(dry.text).toContain('and his name in 2 weekly digest(s)');
      await personEraseCommand(h.db, h.clock, h.config, ['--email', CLIENT.email, '--yes']);
      const [sentAfter, unsentAfter] = await digests();
      expect(sentAfter).toMatchObject({ status: 'sent', text: '', html: '', recipients: '[]' });
      expect(unsentAfter!.status).toBe('pending');
      for (const body of [unsentAfter!.text, unsentAfter!.html]) {
        expect(body).not.toMatch(/Ромашка/);
        expect(body).toContain('данные удалены');
        expect(body).toContain('Василёк');
        expect(body).toContain(complaint.number);
      }
    });

    it('takes his name out of a digest built while he was being erased', async () => {
      const { complaint } = await seed();
      await madeOn(h.db, '2026-10-01T00:00:00.000Z');
      await sendDueDigest(h.db, {
        clock: { now: () => new Date('2026-11-30T06:00:00.000Z') },
        config: h.config,
        holder: 'test',
        build: async (week) => {
          const control = weeklyControlFixture(week, {
            overdue: [overdueFixture({ id: complaint.id, number: complaint.number, client: CLIENT.organization })],
          });
          // The erase commits after the week was read and before the digest is queued.
          await personEraseCommand(h.db, h.clock, h.config, ['--email', CLIENT.email, '--yes']);
          return control;
        },
      });
      const digest = await h.db
        .selectFrom('outbox')
        .selectAll()
        .where('template', '=', 'weekly-digest')
        .executeTakeFirstOrThrow();
      expect(digest.text).toContain(`№ ${complaint.number}`);
      expect(digest.text + digest.html).not.toMatch(/Ромашка/);
      expect(digest.text).toContain('данные удалены');
    });

    it('offers both to admins only in the console, a change with the CSRF token', async () => {
      const { complaint } = await seed();
      const qms = await h.as('qms');
      expect((await qms.request(`/api/admin/persons?email=${CLIENT.email}`)).status).toBe(403);
      expect(
        (await qms.request('/api/admin/persons/erase', { method: 'POST', json: { email: CLIENT.email } })).status,
      ).toBe(403);

      const admin = await h.as('admin');
      const res = await admin.request(`/api/admin/persons?phone=${encodeURIComponent('+7 951 511-35-23')}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as PersonExportAnswer).submissions.map((s) => s.id)).toEqual([complaint.id]);
      expect((await admin.request('/api/admin/persons?phone=12')).status).toBe(422);
      // A control character is no address: 422 naming it, never PostgreSQL's 500 on a NUL.
      for (const email of ['a\u0000@b.ru', 'a@b.ru\u0007'])
        expect(
          await (await admin.request('/api/admin/persons/erase', { method: 'POST', json: { email } })).json(),
        ).toMatchObject({ error: { code: 'validation', fields: { email: expect.any(String) } } });
      // A misspelt field is named, not dropped: «phone_» would have erased by the e-mail alone.
      const typo = await admin.request('/api/admin/persons/erase', {
        method: 'POST',
        json: { email: CLIENT.email, phone_: '+7 951 511-35-23' },
      });
      expect([typo.status, (await typo.json()).error.fields]).toEqual([422, { phone_: 'Такого поля нет' }]);

      const forged = await h.app.request('/api/admin/persons/erase', {
        method: 'POST',
        headers: { cookie: admin.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ email: CLIENT.email }),
      });
      expect(forged.status).toBe(403);
      const erase = await admin.request('/api/admin/persons/erase', { method: 'POST', json: { email: CLIENT.email } });
      expect(erase.status).toBe(200);
      expect(await erase.json()).toMatchObject({ submissions: 2, attachments: 1 });
      const [line] = await auditLines('privacy.person_erase');
      expect(line).toMatchObject({ user_email: admin.user.email });
      expect(JSON.parse(line!.details)).toMatchObject({ via: 'console' });
    });
  });
}
