import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations/index.ts';
import { searchCondition } from './search.ts';
import { consoleHarness, type Harness } from './testing/harness.ts';
import type { InboxCounts, InboxItem } from '../../shared/console-types.ts';
import { DB_KINDS } from '../../test/support/databases.ts';

let h: Harness;
afterEach(async () => h?.close());

type Inbox = { items: InboxItem[]; nextCursor: string | null; counts: InboxCounts };

for (const kind of DB_KINDS) {
  describe(`console inbox (${kind})`, () => {
    const inbox = async (s: { request(p: string): Promise<Response> }, query = '') => {
      const res = await s.request(`/api/admin/submissions${query}`);
      expect(res.status).toBe(200);
      return (await res.json()) as Inbox;
    };

    it('lists every submission newest first with its employee, department and review, and filters by each field', async () => {
      h = await consoleHarness(kind);
      const { dks } = await h.directory();
      const complaint = await h.feedback({
        kind: 'complaint',
        name: 'Лоськова Галина',
        organization: 'РРМОО',
        email: 'galina@client.ru',
        phone: '(951) 511-35-23',
      });
      const thanks = await h.feedback({ kind: 'thanks', message: 'Спасибо за доставку' });
      const rating = await h.rating({ score: 4, publish: true });
      await h.assign(complaint.id, dks);
      const qms = await h.as('qms');

      const all = await inbox(qms);
      expect(all.items.map((i) => i.number)).toEqual([rating.number, thanks.number, complaint.number]);
      expect(all.items[0]).toMatchObject({
        type: 'rating',
        kind: 'rating',
        score: 4,
        publish: true,
        channel: 'site',
        review: 'pending',
        status: 'new',
        employee: { slug: 'ivanov', name: 'Иванов Иван' },
        department: { id: dks, name: 'ДКС' },
        excerpt: 'Спасибо, всё быстро',
      });
      expect(all.items[2]).toMatchObject({
        type: 'feedback',
        kind: 'complaint',
        name: 'Лоськова Галина',
        organization: 'РРМОО',
        email: 'galina@client.ru',
        phone: '+79515113523',
        score: null,
        publish: null,
        employee: null,
        review: null,
        department: { id: dks, name: 'ДКС' },
        createdAt: '2026-11-23T09:00:00.000Z',
      });
      expect(all.counts).toEqual({
        total: 3,
        byKind: { complaint: 1, thanks: 1, rating: 1 },
        byStatus: { new: 3 },
        byType: { feedback: 2, rating: 1 },
      });
      expect(all.nextCursor).toBeNull();

      const numbers = async (q: string) => (await inbox(qms, q)).items.map((i) => i.number);
      expect(await numbers('?type=rating')).toEqual([rating.number]);
      expect(await numbers('?kind=thanks')).toEqual([thanks.number]);
      expect(await numbers(`?department=${dks}`)).toEqual([rating.number, complaint.number]);
      expect(await numbers('?department=none')).toEqual([thanks.number]);
      expect(await numbers('?employee=ivanov')).toEqual([rating.number]);
      expect(await numbers('?employee=nobody')).toEqual([]);
      expect(await numbers('?channel=site&kind=complaint')).toEqual([complaint.number]);
      await h.db.updateTable('submissions').set({ status: 'closed' }).where('id', '=', thanks.id).execute();
      expect(await numbers('?status=closed')).toEqual([thanks.number]);
      const filtered = await inbox(qms, `?department=${dks}`);
      expect(filtered.counts).toEqual({
        total: 2,
        byKind: { complaint: 1, rating: 1 },
        byStatus: { new: 2 },
        byType: { feedback: 1, rating: 1 },
      });
    });

    it('lists and counts overdue complaints, and open ones by their nearest deadline', async () => {
      h = await consoleHarness(kind);
      const late = await h.feedback({ message: 'Никто не перезвонил' });
      h.tick(14 * 86_400_000); // its first deadline long past
      const fresh = await h.feedback({ message: 'Привезли не тот товар' });
      const closed = await h.feedback({ message: 'Уже решили' });
      await h.db
        .updateTable('complaints')
        .set({ closed_at: new Date().toISOString() })
        .where('submission_id', '=', closed.id)
        .execute();
      await h.feedback({ kind: 'thanks', message: 'Спасибо' });
      const qms = await h.as('qms');

      const overdue = await inbox(qms, '?overdue=1');
      expect(overdue.items.map((i) => i.number)).toEqual([late.number]);
      expect(overdue.items[0]!.overdue).toBe(true);
      expect(overdue.counts).toMatchObject({ total: 1, byKind: { complaint: 1 } });
      const byDeadline = await inbox(qms, '?sort=deadline');
      expect(byDeadline.items.map((i) => i.number)).toEqual([late.number, fresh.number]);
      expect(byDeadline.counts).toMatchObject({ total: 2, byKind: { complaint: 2 } });
      const overdueMatching = await inbox(qms, `?overdue=1&q=${encodeURIComponent('перезвонил')}`);
      expect(overdueMatching.counts.total).toBe(1);
      expect((await inbox(qms, `?overdue=1&q=${encodeURIComponent('товар')}`)).counts.total).toBe(0);
      expect((await inbox(qms)).counts.total).toBe(4);
    });

    it('keeps open suggestions by the answer their client was promised, beside complaints, in every order and filter', async () => {
      h = await consoleHarness(kind);
      // Monday 23 November 2026, 12:00 in Moscow: answers are due by Thursday's close.
      const idea = await h.feedback({ kind: 'suggestion', message: 'Добавьте оплату по QR-коду' });
      h.tick(3_600_000);
      const complaint = await h.feedback({ message: 'Никто не перезвонил' });
      const done = await h.feedback({ kind: 'suggestion', message: 'Уже учли' });
      const thanks = await h.feedback({ kind: 'thanks', message: 'Спасибо за доставку' });
      let qms = await h.as('qms');
      const patch = async (id: string, json: unknown) =>
        expect((await qms.request(`/api/admin/submissions/${id}`, { method: 'PATCH', json })).status).toBe(200);
      await patch(done.id, { status: 'closed' });
      const numbers = async (q: string) => (await inbox(qms, q)).items.map((i) => i.number);

      const all = await inbox(qms);
      const ideaRow = all.items.find((i) => i.number === idea.number)!;
      expect(ideaRow).toMatchObject({ nextDueAt: '2026-11-26T15:00:00.000Z', overdue: false });
      expect(all.items.find((i) => i.number === done.number)).toMatchObject({ nextDueAt: null, overdue: false });
      expect(all.items.find((i) => i.number === thanks.number)).toMatchObject({ nextDueAt: null });
      // The complaint's nearest deadline (1.1, an hour) comes before the suggestion's three days.
      expect(await numbers('?sort=deadline')).toEqual([complaint.number, idea.number]);
      expect((await inbox(qms, '?sort=deadline')).counts).toMatchObject({
        total: 2,
        byKind: { complaint: 1, suggestion: 1 },
      });
      const page1 = await inbox(qms, '?sort=deadline&limit=1');
      expect(page1.items.map((i) => i.number)).toEqual([complaint.number]);
      const page2 = await inbox(qms, `?sort=deadline&limit=1&cursor=${page1.nextCursor}`);
      expect(page2.items.map((i) => i.number)).toEqual([idea.number]);
      expect(page2.nextCursor).toBeNull();

      h.clock.set('2026-11-26T15:01:00.000Z'); // a minute past the promised answer
      qms = await h.as('qms'); // signed in again, three days on
      const overdue = await inbox(qms, '?overdue=1&kind=suggestion');
      expect(overdue.items.map((i) => i.number)).toEqual([idea.number]);
      expect(overdue.items[0]).toMatchObject({ overdue: true });
      expect(overdue.counts.total).toBe(1);
      await patch(idea.id, { status: 'in_progress' });
      expect(await numbers('?overdue=1&kind=suggestion')).toEqual([idea.number]);
      await patch(idea.id, { status: 'closed' });
      expect(await numbers('?overdue=1&kind=suggestion')).toEqual([]);

      // A thanks found to be a suggestion is due three working days after its receipt; made a
      // thanks again, it is due no more.
      await patch(thanks.id, { kind: 'suggestion' });
      expect(await numbers('?overdue=1')).toContain(thanks.number);
      const card = (await (await qms.request(`/api/admin/submissions/${thanks.id}`)).json()) as { answerBy: string };
      expect(card.answerBy).toBe('2026-11-26T15:00:00.000Z');
      await patch(thanks.id, { kind: 'thanks' });
      expect(await numbers('?overdue=1')).not.toContain(thanks.number);
      expect((await inbox(qms)).items.find((i) => i.number === thanks.number)).toMatchObject({ nextDueAt: null });
      // A complaint found to be a suggestion is due as one: by the answer, not by its steps.
      await patch(complaint.id, { kind: 'suggestion' });
      expect((await inbox(qms, '?sort=deadline')).items.find((i) => i.number === complaint.number)).toMatchObject({
        nextDueAt: '2026-11-26T15:00:00.000Z',
        overdue: true,
      });
    });

    it('gives suggestions stored before the upgrade the date their client was given', async () => {
      h = await consoleHarness(kind);
      const names = Object.keys(migrations).sort();
      const idea = await h.feedback({ kind: 'suggestion', message: 'Добавьте оплату по QR-коду' });
      const thanks = await h.feedback({ kind: 'thanks', message: 'Спасибо' });
      // One registered by hand, received on Monday morning and found to be a suggestion: its step 1.3.
      const qms = await h.as('qms');
      const registered = await qms.request('/api/admin/complaints', {
        method: 'POST',
        json: { channel: 'phone', message: 'Идея', name: 'Клиент', receivedAt: '2026-11-23T06:00:00.000Z' },
      });
      const byHand = ((await registered.json()) as { id: string }).id;
      await qms.request(`/api/admin/submissions/${byHand}`, { method: 'PATCH', json: { kind: 'suggestion' } });
      // Down to the schema that kept the date only in the stored answer, and up again.
      await h.testDb.migrateTo(names[names.indexOf('2026-12-20-suggestion-due') - 1]!);
      await h.testDb.migrateTo();
      const due = await h.db.selectFrom('submissions').select(['id', 'answer_due_at']).orderBy('created_at').execute();
      expect(due).toEqual([
        { id: idea.id, answer_due_at: '2026-11-26T15:00:00.000Z' },
        { id: thanks.id, answer_due_at: null },
        { id: byHand, answer_due_at: '2026-11-26T15:00:00.000Z' },
      ]);
      const byDeadline = (await (await qms.request('/api/admin/submissions?sort=deadline')).json()) as Inbox;
      expect(byDeadline.items.map((r) => [r.id, r.nextDueAt])).toEqual([
        [idea.id, '2026-11-26T15:00:00.000Z'],
        [byHand, '2026-11-26T15:00:00.000Z'],
      ]);
    });

    it('takes a period in the company’s days (Moscow), both ends included', async () => {
      h = await consoleHarness(kind);
      h.clock.set('2026-11-09T20:59:00.000Z'); // 9 November, 23:59 in Moscow
      const late = await h.feedback();
      h.clock.set('2026-11-09T21:00:00.000Z'); // 10 November, 00:00 in Moscow
      const next = await h.feedback();
      h.clock.set('2026-11-20T10:00:00.000Z');
      const later = await h.feedback();
      const qms = await h.as('qms');
      const numbers = async (q: string) => (await inbox(qms, q)).items.map((i) => i.number);
      expect(await numbers('?from=2026-11-10')).toEqual([later.number, next.number]);
      expect(await numbers('?to=2026-11-09')).toEqual([late.number]);
      expect(await numbers('?from=2026-11-09&to=2026-11-10')).toEqual([next.number, late.number]);
      expect(await numbers('?from=2026-11-20T10:00:00Z')).toEqual([later.number]);
    });

    it('takes a period of receipt too, as the reports count «Поступило»: a letter of 30 November registered in December is November’s', async () => {
      h = await consoleHarness(kind);
      h.clock.set('2026-11-20T10:00:00.000Z');
      const site = await h.feedback();
      h.clock.set('2026-12-07T09:00:00.000Z');
      const qms = await h.as('qms');
      const registered = await qms.request('/api/admin/complaints', {
        method: 'POST',
        json: {
          channel: 'letter',
          message: 'Письмо от 30 ноября',
          name: 'Анна',
          receivedAt: '2026-11-30T23:59:00+03:00',
        },
      });
      expect(registered.status).toBe(201);
      const letter = (await registered.json()) as { number: string };
      const december = await h.feedback();
      const numbers = async (q: string) => (await inbox(qms, q)).items.map((i) => i.number);
      expect(await numbers('?receivedFrom=2026-11-01&receivedTo=2026-11-30')).toEqual([letter.number, site.number]);
      expect((await inbox(qms, '?receivedFrom=2026-11-01&receivedTo=2026-11-30')).counts.total).toBe(2);
      expect(await numbers('?receivedFrom=2026-12-01')).toEqual([december.number]);
      expect(await numbers('?receivedTo=2026-11-30')).toEqual([letter.number, site.number]);
      expect((await inbox(qms, '?receivedTo=2026-11-30')).counts.total).toBe(2);
      // By registration, as before: the letter is December's.
      expect(await numbers('?from=2026-11-01&to=2026-11-30')).toEqual([site.number]);
      // The export lists the same, and says by what.
      const csv = await (
        await qms.request('/api/admin/reports/inbox.csv?receivedFrom=2026-11-01&receivedTo=2026-11-30')
      ).text();
      expect(csv).toContain('поступили с 01.11.2026 по 30.11.2026');
      expect(csv).toContain(letter.number);
      expect(csv).not.toContain(december.number);
      const reversed = await qms.request('/api/admin/submissions?receivedFrom=2026-11-10&receivedTo=2026-11-09');
      expect(reversed.status).toBe(422);
      expect(Object.keys((await reversed.json()).error.fields)).toEqual(['receivedTo']);

      // A receipt stored a few seconds after its registration by an older version is made its
      // registration's moment, as registration does now: the filter reads received ≤ registered.
      const late = (
        await h.db
          .selectFrom('submissions')
          .select('created_at')
          .where('number', '=', letter.number)
          .executeTakeFirstOrThrow()
      ).created_at;
      const ahead = new Date(Date.parse(late) + 30_000).toISOString();
      const letterId = (
        await h.db.selectFrom('submissions').select('id').where('number', '=', letter.number).executeTakeFirstOrThrow()
      ).id;
      await h.db.updateTable('complaints').set({ received_at: ahead }).where('submission_id', '=', letterId).execute();
      const names = Object.keys(migrations).sort();
      await h.testDb.migrateTo(names[names.indexOf('2026-12-28-received-not-after') - 1]!);
      await h.testDb.migrateTo();
      const row = await h.db
        .selectFrom('complaints')
        .select('received_at')
        .where('submission_id', '=', letterId)
        .executeTakeFirstOrThrow();
      expect(row.received_at).toBe(late);
    });

    it('finds a substring of the message, name, organisation, e-mail, phone or number, in any case, Cyrillic included', async () => {
      h = await consoleHarness(kind);
      const a = await h.feedback({
        message: 'Программа загружается 3–4 минуты, работать НЕВОЗМОЖНО',
        name: 'Лоськова Галина',
        organization: 'ООО «Ромашка»',
        email: 'Galina.L@client.ru',
        phone: '+7 951 511-35-23',
      });
      const b = await h.feedback({
        message: 'Курьер опоздал на три часа',
        name: 'Семёнов Пётр',
        email: 'petr@mail.ru',
      });
      const c = await h.feedback({ message: 'Скидка 100% и 50_50, спасибо', kind: 'thanks' });
      await h.directory();
      const r = await h.rating({ comment: 'Менеджер Ёлкина всё объяснила' });
      const qms = await h.as('qms');
      const found = async (q: string) =>
        (await inbox(qms, `?q=${encodeURIComponent(q)}`)).items.map((i) => i.number).sort();

      expect(await found('загружа')).toEqual([a.number]);
      expect(await found('ЗАГРУЖАЕТСЯ 3')).toEqual([a.number]);
      expect(await found('невозможно')).toEqual([a.number]);
      expect(await found('лоськова')).toEqual([a.number]);
      expect(await found('ромашк')).toEqual([a.number]);
      expect(await found('galina.l@CLIENT')).toEqual([a.number]);
      expect(await found('СЕМЁН')).toEqual([b.number]);
      expect(await found('ёлкин')).toEqual([r.number]);
      expect(await found('@mail.ru')).toEqual([b.number]);
      expect(await found(b.number)).toEqual([b.number]);
      // A rating's number with a Latin O, as a client reads it out or an English keyboard types it.
      expect(r.number).toMatch(/^О-/);
      expect(await found(r.number.replace('О', 'O'))).toEqual([r.number]);
      expect(await found(r.number.replace('О', 'o'))).toEqual([r.number]);
      expect(await found(b.number.slice(-4))).toEqual([b.number]);
      // A phone typed as people type it finds the stored E.164 number.
      expect(await found('8 (951) 511-35-23')).toEqual([a.number]);
      expect(await found('5113523')).toEqual([a.number]);
      // LIKE's wildcards are plain characters in a search.
      expect(await found('100%')).toEqual([c.number]);
      expect(await found('0_5')).toEqual([c.number]);
      // A stray quote is no syntax: not a substring here, but both words are there.
      expect(await found('курьер "опоздал')).toEqual([b.number]);
      expect(await found('ничего такого')).toEqual([]);
      // Under three characters only a whole word matches (search.test.ts): «ро» is in no text as one.
      expect(await found('ро')).toEqual([]);
      // The search combines with the filters and counts what it found.
      const both = await inbox(qms, `?q=${encodeURIComponent('спасибо')}&kind=thanks`);
      expect(both.items.map((i) => i.number)).toEqual([c.number]);
      expect(both.counts.total).toBe(1);
      expect((await inbox(qms, `?q=${encodeURIComponent('а')}`)).counts.total).toBe(0);
    });

    it('keeps the search index in step with edits and erasure of a submission', async () => {
      h = await consoleHarness(kind);
      const a = await h.feedback({ name: 'Лоськова Галина' });
      const qms = await h.as('qms');
      const found = async (q: string) => (await inbox(qms, `?q=${encodeURIComponent(q)}`)).items.map((i) => i.number);
      expect(await found('Лоськова')).toEqual([a.number]);
      await h.db.updateTable('submissions').set({ name: 'Бадыштова Ксения' }).where('id', '=', a.id).execute();
      expect(await found('Лоськова')).toEqual([]);
      expect(await found('бадышт')).toEqual([a.number]);
      await h.db.deleteFrom('outbox_state').where('submission_id', '=', a.id).execute();
      await h.db.deleteFrom('submissions').where('id', '=', a.id).execute();
      expect(await found('бадышт')).toEqual([]);
    });

    if (kind === 'postgres') {
      it('searches through the trigram index, not by reading every row', async () => {
        h = await consoleHarness(kind);
        await h.feedback();
        // One row would be read whole anyway; forbidding that shows whether the index can serve.
        const plan = await h.db.transaction().execute(async (trx) => {
          await sql`SET LOCAL enable_seqscan = off`.execute(trx);
          return trx.selectFrom('submissions').select('id').where(searchCondition(trx, 'загружа')).explain();
        });
        expect(JSON.stringify(plan)).toContain('submissions_search');
      });
    }

    it('pages with a cursor: no row twice, none skipped, even with equal times and rows arriving meanwhile', async () => {
      h = await consoleHarness(kind);
      const numbers: string[] = [];
      for (let i = 0; i < 23; i++) {
        // Every third pair shares its time to the millisecond: the id breaks the tie.
        if (i % 3 === 1) h.tick(-60_000);
        numbers.push((await h.feedback({ message: `Сообщение ${i}` })).number);
      }
      const qms = await h.as('qms');
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Inbox = await inbox(qms, `?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.counts.total).toBe(23 + (pages > 0 ? 1 : 0));
        seen.push(...page.items.map((i) => i.number));
        cursor = page.nextCursor;
        if (pages++ === 0) await h.feedback({ message: 'Пришло, пока листали' });
      } while (cursor && pages < 10); // a cursor that doesn't move on fails, not hangs
      expect(pages).toBe(5);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...numbers].sort());
    });

    it('shows a handler only his department’s submissions', async () => {
      h = await consoleHarness(kind);
      const { dks, logistics } = await h.directory();
      const mine = await h.feedback();
      const theirs = await h.feedback();
      await h.feedback();
      await h.assign(mine.id, dks);
      await h.assign(theirs.id, logistics);
      const handler = await h.as('handler', dks);
      const page = await inbox(handler);
      expect(page.items.map((i) => i.number)).toEqual([mine.number]);
      expect(page.counts.total).toBe(1);
      expect((await inbox(handler, `?department=${logistics}`)).items).toEqual([]);
      expect((await inbox(handler, `?q=${encodeURIComponent('загружается')}`)).items.map((i) => i.number)).toEqual([
        mine.number,
      ]);
      const nobody = await h.as('handler', null);
      expect((await inbox(nobody)).counts.total).toBe(0);
      const viewer = await h.as('viewer');
      expect((await inbox(viewer)).counts.total).toBe(3);
    });

    it('answers a wrong filter with a 422 naming it, and needs a session', async () => {
      h = await consoleHarness(kind);
      const qms = await h.as('qms');
      for (const [query, field] of [
        ['?kind=spam', 'kind'],
        ['?status=done', 'status'],
        ['?type=x', 'type'],
        ['?from=2026-13-01', 'from'],
        ['?to=yesterday', 'to'],
        ['?limit=0', 'limit'],
        ['?limit=1000', 'limit'],
        ['?cursor=garbage', 'cursor'],
        // A NUL inside the base64: PostgreSQL refused it in text with a 500.
        [`?cursor=${Buffer.from(JSON.stringify(['2026-12-07\u0000', 'x'])).toString('base64url')}`, 'cursor'],
        [`?sort=deadline&cursor=${Buffer.from(JSON.stringify(['', 'a\u0000b'])).toString('base64url')}`, 'cursor'],
        ['?channel=pigeon', 'channel'],
        ['?department=not-a-uuid', 'department'],
        ['?employee=Иванов', 'employee'],
        [`?q=${'x'.repeat(201)}`, 'q'],
        ['?overdue=yes', 'overdue'],
        ['?sort=name', 'sort'],
        // A reversed period; one that is wrong in its start is named by the start alone.
        ['?from=2026-11-10&to=2026-11-09', 'to'],
        ['?from=2026-11-10T12:00:00Z&to=2026-11-10T11:59:59Z', 'to'],
        ['?from=2026-13-01&to=2026-11-09', 'from'],
      ] as const) {
        const res = await qms.request(`/api/admin/submissions${query}`);
        expect(res.status, query).toBe(422);
        expect(Object.keys((await res.json()).error.fields)).toEqual([field]);
      }
      const reversed = await (await qms.request('/api/admin/submissions?from=2026-11-10&to=2026-11-09')).json();
      expect(reversed.error.fields.to).toBe('Конец периода не может быть раньше его начала');
      // One day, and one instant, are periods in order.
      expect((await qms.request('/api/admin/submissions?from=2026-11-10&to=2026-11-10')).status).toBe(200);
      expect(
        (await qms.request('/api/admin/submissions?from=2026-11-10T12:00:00Z&to=2026-11-10T12:00:00Z')).status,
      ).toBe(200);
      expect((await h.admin.request('/api/admin/submissions')).status).toBe(401);
      expect((await h.admin.request('/api/admin/meta')).status).toBe(401);
    });

    it('gives the filters’ choices in /meta', async () => {
      h = await consoleHarness(kind);
      const { dks } = await h.directory();
      await h.db
        .updateTable('departments')
        .set({ responsible_name: 'Бадыштова К.', responsible_email: 'dks@example.ru' })
        .where('id', '=', dks)
        .execute();
      const handler = await h.as('handler', dks);
      const viewer = await h.as('viewer');
      const res = await viewer.request('/api/admin/meta');
      expect(res.status).toBe(200);
      const meta = await res.json();
      expect(meta.departments).toContainEqual({
        id: dks,
        name: 'ДКС',
        responsibleName: 'Бадыштова К.',
        responsibleEmail: 'dks@example.ru',
        responsibleUserId: null,
      });
      expect(meta.employees).toContainEqual(
        expect.objectContaining({
          slug: 'ivanov',
          name: 'Иванов Иван',
          position: 'Инженер',
          departmentId: dks,
          active: true,
        }),
      );
      expect(meta.subjects).toContainEqual({ slug: 'delivery', title: 'Качество доставки' });
      expect(meta.kinds).toEqual(['thanks', 'complaint', 'suggestion', 'rating']);
      expect(meta.statuses).toEqual(['new', 'in_progress', 'closed']);
      expect(meta.channels).toContain('phone');
      // Who can be responsible for a complaint: a handler with his department, never a viewer.
      expect(meta.handlers).toContainEqual({
        id: handler.user.id,
        name: handler.user.name,
        role: 'handler',
        departmentId: dks,
      });
      expect(meta.handlers.map((u: { id: string }) => u.id)).not.toContain(viewer.user.id);
    });
  });
}
