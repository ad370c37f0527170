import { afterEach, describe, expect, it } from 'vitest';
import { consoleHarness, type Harness } from './testing/harness.ts';
import { DB_KINDS } from '../../test/support/databases.ts';

let h: Harness;
afterEach(async () => h?.close());

for (const kind of DB_KINDS) {
  describe(`console moderation (${kind})`, () => {
    const review = (id: string) =>
      h.db.selectFrom('reviews').selectAll().where('submission_id', '=', id).executeTakeFirstOrThrow();
    const audit = (action: string) => h.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

    it('lists ratings awaiting a decision, oldest first, with author and employee, page by page', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const first = await h.rating({
        score: 5,
        comment: 'Иван помог с документами',
        publish: true,
        name: 'Анна Смирнова',
        organization: 'ООО «Ромашка»',
        email: 'anna@client.ru',
      });
      await h.rating({ score: 2, comment: 'Не публиковать', publish: false });
      const second = await h.rating({
        subject: 'delivery',
        employee: undefined,
        score: 3,
        comment: 'Привезли вовремя',
        publish: true,
      });
      const third = await h.rating({ employee: 'petrova', score: 4, comment: '', publish: true });
      const viewer = await h.as('viewer');
      const res = await viewer.request('/api/admin/moderation?limit=2');
      expect(res.status).toBe(200);
      const page = await res.json();
      expect(page.total).toBe(3);
      expect(page.items).toEqual([
        {
          submissionId: first.id,
          number: first.number,
          status: 'pending',
          score: 5,
          comment: 'Иван помог с документами',
          text: 'Иван помог с документами',
          redacted: false,
          author: { name: 'Анна Смирнова', organization: 'ООО «Ромашка»', email: 'anna@client.ru' },
          publicAuthor: 'Анна С., ООО «Ромашка»',
          employee: { slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер' },
          subject: 'employee',
          subjectTitle: null,
          createdAt: first.createdAt,
          publishedAt: null,
        },
        expect.objectContaining({
          submissionId: second.id,
          employee: null,
          subject: 'delivery',
          subjectTitle: 'Качество доставки',
          author: { name: null, organization: null, email: null },
          publicAuthor: 'Клиент',
        }),
      ]);
      const next = await (await viewer.request(`/api/admin/moderation?cursor=${page.nextCursor}`)).json();
      expect(next.items.map((i: { submissionId: string }) => i.submissionId)).toEqual([third.id]);
      expect(next.nextCursor).toBeNull();
    });

    it("names a service's rating by its title everywhere: the queue, the inbox's «Кому», the card", async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const delivery = await h.rating({ subject: 'delivery', employee: undefined, comment: 'Быстро', publish: true });
      const ivanov = await h.rating({ publish: true });
      const qms = await h.as('qms');
      const queue = await (await qms.request('/api/admin/moderation')).json();
      expect(queue.items.map((i: { subjectTitle: string | null }) => i.subjectTitle)).toEqual([
        'Качество доставки',
        null,
      ]);
      const inbox = await (await qms.request('/api/admin/submissions')).json();
      const row = (id: string) => inbox.items.find((i: { id: string }) => i.id === id);
      expect(row(delivery.id)).toMatchObject({ employee: null, subjectTitle: 'Качество доставки' });
      expect(row(ivanov.id)).toMatchObject({ employee: { slug: 'ivanov' }, subjectTitle: null });
      const card = await (await qms.request(`/api/admin/submissions/${delivery.id}`)).json();
      expect(card.subject).toEqual({ slug: 'delivery', title: 'Качество доставки' });
    });

    it('approves a review as written: published, decided by whom and when, in the history and the audit log', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const r = await h.rating({ comment: 'Всё отлично', publish: true });
      const qms = await h.as('qms');
      h.tick(3600_000);
      const res = await qms.request(`/api/admin/moderation/${r.id}/approve`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'approved', text: 'Всё отлично', redacted: false });
      expect(await review(r.id)).toMatchObject({
        status: 'approved',
        text: 'Всё отлично',
        redacted: 0,
        decided_by: qms.user.id,
        decided_at: '2026-11-23T10:01:00.000Z',
        published_at: '2026-11-23T10:01:00.000Z',
      });
      expect(await audit('review.approve')).toHaveLength(1);
      expect(await audit('review.redact')).toHaveLength(0);
      const card = await (await qms.request(`/api/admin/submissions/${r.id}`)).json();
      expect(card.review).toMatchObject({
        status: 'approved',
        redacted: false,
        decidedBy: { id: qms.user.id, name: qms.user.name },
      });
      // Both at the same instant: the card orders them by id, either way round.
      expect(card.history).toHaveLength(2);
      expect(card.history).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'moderation', data: { from: 'pending', to: 'approved', redacted: false } }),
          expect.objectContaining({ type: 'status', data: { from: 'new', to: 'closed' } }),
        ]),
      );
      expect(card.status).toBe('closed');
      expect((await (await qms.request('/api/admin/moderation')).json()).total).toBe(0);
      // Decided once: a second decision, either way, is a conflict.
      expect((await qms.request(`/api/admin/moderation/${r.id}/approve`, { method: 'POST' })).status).toBe(409);
      expect(
        (await qms.request(`/api/admin/moderation/${r.id}/reject`, { method: 'POST', json: { reason: 'x' } })).status,
      ).toBe(409);
    });

    it('publishes a redacted text and keeps the original comment for the QMS', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const r = await h.rating({ comment: 'Иван, мой телефон +7 951 511-35-23, перезвоните', publish: true });
      const admin = await h.as('admin');
      const res = await admin.request(`/api/admin/moderation/${r.id}/approve`, {
        method: 'POST',
        json: { text: 'Иван, мой телефон ***, перезвоните' },
      });
      expect(res.status).toBe(200);
      expect(await review(r.id)).toMatchObject({
        status: 'approved',
        text: 'Иван, мой телефон ***, перезвоните',
        redacted: 1,
      });
      const original = await h.db
        .selectFrom('submissions')
        .select('message')
        .where('id', '=', r.id)
        .executeTakeFirstOrThrow();
      expect(original.message).toBe('Иван, мой телефон +7 951 511-35-23, перезвоните');
      const [redact] = await audit('review.redact');
      expect(JSON.parse(redact!.details)).toEqual({ number: r.number, text: 'Иван, мой телефон ***, перезвоните' });
      expect(await audit('review.approve')).toHaveLength(1);

      // A blank text publishes the score alone.
      const other = await h.rating({ comment: 'Моя фамилия Лоськова', publish: true });
      await admin.request(`/api/admin/moderation/${other.id}/approve`, { method: 'POST', json: { text: '  ' } });
      expect(await review(other.id)).toMatchObject({ status: 'approved', text: '', redacted: 1 });
    });

    it('rejects only with a reason', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const r = await h.rating({ comment: 'Реклама: купите слона', publish: true });
      const qms = await h.as('qms');
      for (const json of [undefined, {}, { reason: '   ' }]) {
        const res = await qms.request(`/api/admin/moderation/${r.id}/reject`, { method: 'POST', json });
        expect(res.status).toBe(422);
        expect(Object.keys((await res.json()).error.fields)).toEqual(['reason']);
      }
      expect((await review(r.id)).status).toBe('pending');
      const res = await qms.request(`/api/admin/moderation/${r.id}/reject`, {
        method: 'POST',
        json: { reason: 'Реклама' },
      });
      expect(res.status).toBe(200);
      expect(await review(r.id)).toMatchObject({
        status: 'rejected',
        reason: 'Реклама',
        published_at: null,
        decided_by: qms.user.id,
      });
      expect(JSON.parse((await audit('review.reject'))[0]!.details)).toEqual({ number: r.number, reason: 'Реклама' });
      expect((await qms.request(`/api/admin/moderation/${r.id}/approve`, { method: 'POST' })).status).toBe(409);
      expect((await review(r.id)).status).toBe('rejected');
    });

    it('never publishes a rating whose author did not consent, even with a forged review row', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const r = await h.rating({ comment: 'Не публикуйте это', publish: false });
      const qms = await h.as('qms');
      expect(await h.db.selectFrom('reviews').selectAll().execute()).toEqual([]);
      expect((await qms.request(`/api/admin/moderation/${r.id}/approve`, { method: 'POST' })).status).toBe(404);

      await h.db
        .insertInto('reviews')
        .values({
          submission_id: r.id,
          status: 'pending',
          text: 'Не публикуйте это',
          redacted: 0,
          created_at: r.createdAt,
        })
        .execute();
      for (const json of [undefined, { text: 'Не публикуйте это' }, { text: 'другой текст' }]) {
        const res = await qms.request(`/api/admin/moderation/${r.id}/approve`, { method: 'POST', json });
        expect(res.status).toBe(409);
      }
      expect(await review(r.id)).toMatchObject({ status: 'pending', published_at: null, decided_by: null });
      expect(await audit('review.approve')).toEqual([]);

      // Nor a feedback message dressed up as a review.
      const f = await h.feedback({ kind: 'thanks', message: 'Спасибо' });
      await h.db
        .insertInto('reviews')
        .values({ submission_id: f.id, status: 'pending', text: 'Спасибо', redacted: 0, created_at: f.createdAt })
        .execute();
      expect((await qms.request(`/api/admin/moderation/${f.id}/approve`, { method: 'POST' })).status).toBe(409);
    });

    it('lets only admins and the QMS decide; a handler sees his department’s queue only', async () => {
      h = await consoleHarness(kind);
      const { dks, logistics } = await h.directory();
      const mine = await h.rating({ publish: true });
      await h.rating({ employee: 'petrova', publish: true });
      for (const [role, dept] of [
        ['viewer', null],
        ['handler', dks],
      ] as const) {
        const s = await h.as(role, dept);
        expect((await s.request(`/api/admin/moderation/${mine.id}/approve`, { method: 'POST' })).status).toBe(403);
        expect(
          (await s.request(`/api/admin/moderation/${mine.id}/reject`, { method: 'POST', json: { reason: 'x' } }))
            .status,
        ).toBe(403);
      }
      const handler = await h.as('handler', logistics);
      const queue = await (await handler.request('/api/admin/moderation')).json();
      expect(queue.total).toBe(1);
      expect(queue.items[0].employee.slug).toBe('petrova');
      expect((await review(mine.id)).status).toBe('pending');
    });

    it('lets one of two racing moderators decide', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const r = await h.rating({ publish: true });
      const [a, b] = [await h.as('qms'), await h.as('admin')];
      const results = await Promise.all([
        a.request(`/api/admin/moderation/${r.id}/approve`, { method: 'POST' }),
        b.request(`/api/admin/moderation/${r.id}/reject`, { method: 'POST', json: { reason: 'Нет' } }),
      ]);
      expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
      const events = await h.db.selectFrom('submission_events').select('type').execute();
      expect(events.filter((e) => e.type === 'moderation')).toHaveLength(1);
    });
    it('moves a rating out of «Новое» with the decision, a history row and an audit line each', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const status = async (id: string) =>
        (await h.db.selectFrom('submissions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
      const approved = await h.rating({ score: 5, publish: true });
      const rejected = await h.rating({ score: 4, comment: 'Реклама', publish: true });
      const low = await h.rating({ score: 2, comment: 'Долго ждал ответа', publish: true });
      const taken = await h.rating({ score: 3, publish: true });
      const qms = await h.as('qms');
      await qms.request(`/api/admin/submissions/${taken.id}`, { method: 'PATCH', json: { status: 'in_progress' } });

      const decide = (id: string, action: 'approve' | 'reject') =>
        qms.request(`/api/admin/moderation/${id}/${action}`, {
          method: 'POST',
          json: action === 'reject' ? { reason: 'Реклама' } : {},
        });
      for (const [r, action] of [
        [approved, 'approve'],
        [rejected, 'reject'],
        [low, 'approve'],
        [taken, 'approve'],
      ] as const)
        expect((await decide(r.id, action)).status).toBe(200);

      // Moderated, a rating needs nothing more: closed, so the inbox shows what still needs work.
      expect(await status(approved.id)).toBe('closed');
      expect(await status(rejected.id)).toBe('closed');
      // A one- or two-star rating still waits for the decision whether it is a complaint.
      expect(await status(low.id)).toBe('new');
      // And a rating someone took into work keeps his status.
      expect(await status(taken.id)).toBe('in_progress');
      const inbox = await (await qms.request('/api/admin/submissions?status=new')).json();
      expect(inbox.items.map((i: { id: string }) => i.id)).toEqual([low.id]);

      const card = await (await qms.request(`/api/admin/submissions/${rejected.id}`)).json();
      const history = card.history.map((e: { type: string; data: unknown }) => [e.type, e.data]);
      expect(history).toHaveLength(2);
      expect(history).toEqual(
        expect.arrayContaining([
          ['moderation', { from: 'pending', to: 'rejected', reason: 'Реклама' }],
          ['status', { from: 'new', to: 'closed' }],
        ]),
      );
      const lines = (await audit('submission.status')).map((l) => JSON.parse(l.details));
      expect(lines.filter((l) => l.to === 'closed')).toEqual([
        { number: approved.number, from: 'new', to: 'closed' },
        { number: rejected.number, from: 'new', to: 'closed' },
      ]);

      // Once made a complaint, the low rating's work is the complaint's: its moderation closes it.
      const other = await h.rating({ score: 1, comment: 'Не перезвонили', publish: true });
      expect(
        (await qms.request(`/api/admin/submissions/${other.id}/complaint`, { method: 'POST' })).status,
      ).toBeLessThan(300);
      expect((await decide(other.id, 'reject')).status).toBe(200);
      expect(await status(other.id)).toBe('closed');
    });

    it('lists the published reviews, newest first, and takes one down with a reason: gone from the site at once', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const older = await h.rating({ comment: 'Иван помог', publish: true });
      const newer = await h.rating({ subject: 'delivery', employee: undefined, comment: 'Привезли', publish: true });
      const waiting = await h.rating({ comment: 'Ещё ждёт', publish: true });
      const qms = await h.as('qms');
      const unpublish = (id: string, json?: unknown) =>
        qms.request(`/api/admin/moderation/${id}/unpublish`, { method: 'POST', json });
      expect((await unpublish(older.id, { reason: 'Ошибка' })).status).toBe(409); // not published yet
      for (const r of [older, newer]) {
        await qms.request(`/api/admin/moderation/${r.id}/approve`, { method: 'POST' });
        h.tick(60_000);
      }
      h.tick(3600_000);

      // A forged approved row of a rating without consent is not on the site, nor in the list.
      const secret = await h.rating({ comment: 'Без согласия', publish: false });
      await h.db
        .insertInto('reviews')
        .values({
          submission_id: secret.id,
          status: 'approved',
          text: '',
          redacted: 0,
          created_at: secret.createdAt,
          published_at: secret.createdAt,
        })
        .execute();
      const published = await (await qms.request('/api/admin/moderation?list=published')).json();
      expect(published.total).toBe(2);
      expect(published.items.map((i: { submissionId: string }) => i.submissionId)).toEqual([newer.id, older.id]);
      expect(published.items[0]).toMatchObject({
        status: 'approved',
        subjectTitle: 'Качество доставки',
        text: 'Привезли',
        publishedAt: expect.any(String),
      });
      expect(
        (await (await qms.request('/api/admin/moderation')).json()).items.map(
          (i: { submissionId: string }) => i.submissionId,
        ),
      ).toEqual([waiting.id]);
      expect((await qms.request('/api/admin/moderation?list=nonsense')).status).toBe(422);

      for (const json of [undefined, {}, { reason: '  ' }]) {
        const res = await unpublish(older.id, json);
        expect(res.status).toBe(422);
        expect(Object.keys((await res.json()).error.fields)).toEqual(['reason']);
      }
      for (const role of ['viewer', 'handler'] as const) {
        const s = await h.as(role);
        expect(
          (await s.request(`/api/admin/moderation/${older.id}/unpublish`, { method: 'POST', json: { reason: 'x' } }))
            .status,
        ).toBe(403);
      }
      const publicIds = async () =>
        (await (await h.app.request('/api/v1/reviews')).json()).items.map((i: { id: string }) => i.id);
      expect(await publicIds()).toEqual([newer.id, older.id]);
      const pageBefore = await (await h.app.request('/reviews')).text();
      expect(pageBefore).toContain('Иван помог');

      const res = await unpublish(older.id, { reason: 'Клиент отозвал согласие на публикацию' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        status: 'unpublished',
        reason: 'Клиент отозвал согласие на публикацию',
        decidedAt: '2026-11-23T10:06:00.000Z',
        publishedAt: '2026-11-23T09:03:00.000Z',
      });
      expect(await review(older.id)).toMatchObject({
        status: 'unpublished',
        reason: 'Клиент отозвал согласие на публикацию',
        decided_by: qms.user.id,
      });
      expect(await publicIds()).toEqual([newer.id]);
      expect(await (await h.app.request('/reviews')).text()).not.toContain('Иван помог');
      expect(await (await h.app.request('/reviews?employee=ivanov')).text()).not.toContain('Иван помог');
      expect((await (await qms.request('/api/admin/moderation?list=published')).json()).total).toBe(1);

      const [line] = await audit('review.unpublish');
      expect(JSON.parse(line!.details)).toEqual({
        number: older.number,
        reason: 'Клиент отозвал согласие на публикацию',
      });
      expect(line!.user_id).toBe(qms.user.id);
      const card = await (await qms.request(`/api/admin/submissions/${older.id}`)).json();
      expect(card.review).toMatchObject({ status: 'unpublished', reason: 'Клиент отозвал согласие на публикацию' });
      expect(card.history.at(-1)).toMatchObject({
        type: 'moderation',
        data: { from: 'approved', to: 'unpublished', reason: 'Клиент отозвал согласие на публикацию' },
        user: { id: qms.user.id },
      });
      // Taken down once: again, or approving it anew, is a conflict.
      expect((await unpublish(older.id, { reason: 'Ещё раз' })).status).toBe(409);
      expect((await qms.request(`/api/admin/moderation/${older.id}/approve`, { method: 'POST' })).status).toBe(409);
      expect((await unpublish('no-such-review', { reason: 'x' })).status).toBe(404);
    });
  });
}
