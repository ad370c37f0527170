import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '../../shared/console-card.ts';
import { consoleHarness, type Harness } from '../console/testing/harness.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { createRetentionScheduler } from './scheduler.ts';
import { personErase } from './person-requests.ts';
import { runRetention } from './retention.ts';
import { CLIENT, clientComplaint } from './testing/client-complaint.ts';

let h: Harness;
afterEach(async () => h?.close());

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const HOUR = 3_600_000;

for (const kind of DB_KINDS) {
  describe(`retention of personal data (${kind})`, () => {
    const setClock = (iso: string) => (h.clock as unknown as { set(iso: string): void }).set(iso);

    async function card(id: string): Promise<Card> {
      const qms = await h.as('qms');
      const res = await qms.request(`/api/admin/submissions/${id}`);
      expect(res.status).toBe(200);
      return res.json();
    }

    async function found(q: string): Promise<string[]> {
      const qms = await h.as('qms');
      const res = await qms.request(`/api/admin/submissions?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
    }

    it('erases a complaint closed longer ago than the period, keeps its figures, and leaves open and recent ones whole', async () => {
      h = await consoleHarness(kind);
      setClock('2026-02-02T09:00:00.000Z');
      const old = await clientComplaint(h, 'Программа Лоськовой загружается 3–4 минуты');
      // A mark taken back and the complaint opened again, each with a reason quoting the client.
      const qms = await h.as('qms');
      const post = (path: string, json: unknown = {}) =>
        qms.request(`/api/admin/submissions/${old.id}/${path}`, { method: 'POST', json });
      expect((await post('steps/1.1')).status).toBe(200);
      expect((await post('steps/1.1/undo', { reason: 'Лоськова Галина: звонок был не ей' })).status).toBe(200);
      await h.db
        .updateTable('complaints')
        .set({ stage1_closed_at: h.clock.now().toISOString() })
        .where('submission_id', '=', old.id)
        .execute();
      expect((await post('reopen', { reason: 'Галина перезвонила: повторилось' })).status).toBe(200);
      await old.close();
      const open = await clientComplaint(h, 'Открытая жалоба Лоськовой');
      setClock('2028-12-01T09:00:00.000Z');
      const recent = await clientComplaint(h, 'Недавняя жалоба Лоськовой');
      await recent.close();
      await h.db.updateTable('outbox_state').set({ status: 'sent', sent_at: '2026-02-02T10:00:00.000Z' }).execute();

      const key = () =>
        h.db.selectFrom('submissions').select('idempotency_key').where('id', '=', old.id).executeTakeFirstOrThrow();
      await h.db
        .updateTable('submissions')
        .set({ idempotency_key: 'feedback:k-1~0123456789abcdef' })
        .where('id', '=', old.id)
        .execute();
      setClock(new Date(Date.parse('2026-02-02T09:00:00.000Z') + 3 * YEAR + DAY).toISOString());
      const summary = await runRetention(h.db, h.clock, 3 * 365);
      // The key names the message by a hash of its fields: it goes with them.
      expect(await key()).toEqual({ idempotency_key: null });
      expect(summary).toMatchObject({ submissions: 1, attachments: 1 });
      if (kind === 'sqlite') {
        // Its words are not left in the file's bytes either, the search indexes' inner keys included.
        const file = h.testDb.file!;
        const bytes = [file, `${file}-wal`]
          .filter((f) => fs.existsSync(f))
          .map((f) => fs.readFileSync(f).toString('utf8'))
          .join();
        expect(bytes).not.toMatch(/загружа/);
      }

      const erased = await card(old.id);
      expect(erased).toMatchObject({
        message: '',
        name: null,
        organization: null,
        inn: null,
        phone: null,
        email: null,
      });
      expect(erased.consent).toMatchObject({
        ip: null,
        userAgent: null,
        version: '2026-11-22',
        erasedAt: h.clock.now().toISOString(),
      });
      expect(erased.attachments).toEqual([]);
      // The figures the reports count stay.
      expect(erased).toMatchObject({ number: old.number, kind: 'complaint', status: 'closed', channel: 'site' });
      expect(erased.complaint).toMatchObject({ justification: 'justified', satisfied: true, loyal: true });
      expect(erased.complaint!.steps).toHaveLength(6);
      const reply = erased.history.find((e) => e.type === 'reply');
      expect(reply?.data).toMatchObject({ to: '', text: '' });
      expect(JSON.stringify(erased)).not.toMatch(/Лоськов|Галина|galina|6165456519|79515113523|бухгалтер/);
      expect(erased.history.find((e) => e.type === 'reopened')?.data).toMatchObject({ reason: '' });
      expect(erased.history.find((e) => e.type === 'step_undone')?.data).toMatchObject({ reason: '' });
      const audit = await h.db.selectFrom('audit_log').select('details').where('target_id', '=', old.id).execute();
      expect(JSON.stringify(audit)).not.toMatch(/Галина|galina/);
      // Erased, it stays closed: what would be typed on it next would never be erased.
      const again = await (await h.as('qms')).request(`/api/admin/submissions/${old.id}/reopen`, {
        method: 'POST',
        json: { reason: 'x' },
      });
      expect([again.status, (await again.json()).error.fields]).toEqual([
        409,
        { complaint: 'Данные клиента удалены (по сроку хранения или по его просьбе): жалобу не открыть снова' },
      ]);
      const mails = await h.db.selectFrom('outbox').selectAll().where('submission_id', '=', old.id).execute();
      expect(mails.length).toBeGreaterThan(0);
      expect(JSON.stringify(mails)).not.toMatch(/Лоськов|Галина|galina/);

      // Search finds neither its words nor its contacts; the others are found whole.
      expect(await found('Лоськовой')).toEqual(expect.not.arrayContaining([old.id]));
      expect(await found('Лоськовой')).toEqual(expect.arrayContaining([open.id, recent.id]));
      expect(await found('galina@example')).not.toContain(old.id);
      for (const kept of [open, recent]) {
        const c = await card(kept.id);
        expect(c).toMatchObject({ name: CLIENT.name, email: CLIENT.email, phone: CLIENT.phone, inn: CLIENT.inn });
        expect(c.attachments).toHaveLength(1);
        expect(c.consent.userAgent).toBe('Test browser');
      }
      // Sent e-mails older than 30 days lost their bodies; the kept submissions' keep their addresses.
      const openMail = await h.db.selectFrom('outbox').selectAll().where('submission_id', '=', open.id).execute();
      expect(openMail.every((m) => m.html === '' && m.text === '' && m.recipients !== '[]')).toBe(true);

      const line = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'privacy.retention').execute();
      expect(line).toHaveLength(1);
      expect(JSON.parse(line[0]!.details)).toMatchObject({ days: 1095, submissions: 1, attachments: 1 });
      expect(line[0]!.details).not.toMatch(/Лоськов|galina/);
    });

    it('erases a rating three years after it was given, unless a complaint made of it is still open', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      setClock('2026-03-01T09:00:00.000Z');
      const kept = await h.rating({ score: 1, comment: 'Иванов нагрубил', name: 'Пётр', email: 'petr@example.ru' });
      const gone = await h.rating({
        score: 5,
        comment: 'Спасибо Иванову',
        name: 'Анна',
        email: 'anna@example.ru',
        publish: true,
      });
      const qms = await h.as('qms');
      expect((await qms.request(`/api/admin/submissions/${kept.id}/complaint`, { method: 'POST' })).status).toBe(201);
      const reject = { method: 'POST', json: { reason: 'В отзыве телефон Анны 8 903 777-12-34' } } as const;
      expect((await qms.request(`/api/admin/moderation/${gone.id}/reject`, reject)).status).toBe(200);
      setClock('2029-03-02T09:00:00.000Z');
      expect((await runRetention(h.db, h.clock, 3 * 365)).submissions).toBe(1);
      expect(await card(gone.id)).toMatchObject({ message: '', name: null, email: null, score: 5 });
      // The moderator's reason named her: gone from the review, its history and the audit.
      const traces = await Promise.all([
        h.db.selectFrom('reviews').select('reason').where('submission_id', '=', gone.id).execute(),
        h.db.selectFrom('submission_events').select('data').where('submission_id', '=', gone.id).execute(),
        h.db.selectFrom('audit_log').select('details').where('target_id', '=', gone.id).execute(),
      ]);
      expect(traces[0]).toEqual([{ reason: '' }]);
      expect(JSON.stringify(traces)).not.toMatch(/Анн|7771234|777-12-34/);
      expect(await card(kept.id)).toMatchObject({ message: 'Иванов нагрубил', name: 'Пётр', score: 1 });
    });

    it('erases in its next run what was typed on an open complaint after its client’s data was erased', async () => {
      h = await consoleHarness(kind);
      setClock('2026-12-01T09:00:00.000Z');
      const open = await clientComplaint(h, 'Программа Лоськовой загружается 3–4 минуты');
      await personErase(h.db, h.clock, 'cli', { email: CLIENT.email });
      const erasedAt = h.clock.now().toISOString();
      setClock('2026-12-01T12:00:00.000Z');
      const qms = await h.as('qms');
      const typed = { method: 'POST', json: { text: 'Лоськова Галина перезвонила с 8 951 511-35-23' } } as const;
      expect((await qms.request(`/api/admin/submissions/${open.id}/comments`, typed)).status).toBe(201);
      setClock('2026-12-02T09:00:00.000Z');
      const summary = await runRetention(h.db, h.clock, null);
      expect(summary).toMatchObject({ submissions: 0, events: 1 });
      const c = await card(open.id);
      expect(JSON.stringify(c.history)).not.toMatch(/Лоськов|Галина|511-35-23/);
      // It keeps the day it was erased.
      expect(c.consent.erasedAt).toBe(erasedAt);
      expect((await runRetention(h.db, h.clock, null)).events).toBe(0);
    });

    it('runs once a day across two instances started at the same moment, and again the next day', async () => {
      h = await consoleHarness(kind);
      const logs: string[] = [];
      const instance = (db: typeof h.db, holder?: string) =>
        createRetentionScheduler({
          db,
          clock: h.clock,
          retentionDays: 1095,
          mail: h.config,
          ...(holder && { holder }),
          log: (m) => logs.push(m),
        });
      const a = instance(h.db); // its own holder name, as in production;
      const b = instance(h.testDb.openAnother(), 'b');
      const runs = await Promise.all([a.tick(), b.tick()]);
      expect(runs.filter((r) => r !== null)).toHaveLength(1);
      expect(await b.tick()).toBeNull();
      expect(logs.filter((l) => l.startsWith('retention failed'))).toEqual([]);
      (h.clock as unknown as { advance(ms: number): void }).advance(DAY + 1000);
      const next = await Promise.all([b.tick(), a.tick()]);
      expect(next.filter((r) => r !== null)).toHaveLength(1);
      const lines = await h.db.selectFrom('audit_log').select('id').where('action', '=', 'privacy.retention').execute();
      expect(lines).toHaveLength(2);
    });

    it('resumes after an instance died holding the job: the others wait out its hour, then run it', async () => {
      h = await consoleHarness(kind);
      const advance = (h.clock as unknown as { advance(ms: number): void }).advance;
      // The instance that claimed the job and died before finishing it (process killed mid-run).
      await h.db
        .insertInto('job_leases')
        .values({
          name: 'retention',
          holder: 'dead',
          until: new Date(h.clock.now().getTime() + HOUR).toISOString(),
          last_run: null,
        })
        .execute();
      const other = createRetentionScheduler({
        db: h.db,
        clock: h.clock,
        retentionDays: 1095,
        mail: h.config,
        holder: 'b',
        log: () => {},
      });
      expect(await other.tick()).toBeNull();
      advance(HOUR + 1000);
      expect(await other.tick()).not.toBeNull();
      const lease = await h.db.selectFrom('job_leases').selectAll().executeTakeFirstOrThrow();
      expect(lease).toMatchObject({ holder: 'b', last_run: h.clock.now().toISOString() });
    });

    it('erases nothing when the period is off, and leaves unsent e-mails whole', async () => {
      h = await consoleHarness(kind);
      setClock('2020-01-01T09:00:00.000Z');
      const old = await clientComplaint(h, 'Старая жалоба');
      await old.close();
      setClock('2030-01-01T09:00:00.000Z');
      expect((await runRetention(h.db, h.clock, null)).submissions).toBe(0);
      expect((await card(old.id)).email).toBe(CLIENT.email);
      const pending = await h.db
        .selectFrom('outbox')
        .select(['status', 'text'])
        .where('status', '=', 'pending')
        .execute();
      expect(pending.length).toBeGreaterThan(0);
      expect(pending.every((m) => m.text !== '')).toBe(true);
    });
  });
}
