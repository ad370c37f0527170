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
          score: 5,
          comment: 'Иван помог с документами',
          text: 'Иван помог с документами',
          author: { name: 'Анна Смирнова', organization: 'ООО «Ромашка»', email: 'anna@client.ru' },
          employee: { slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер' },
          subject: 'employee',
          subjectTitle: null,
          createdAt: first.createdAt,
        },
        expect.objectContaining({
          submissionId: second.id,
          employee: null,
          subject: 'delivery',
          subjectTitle: 'Качество доставки',
          author: { name: null, organization: null, email: null },
        }),
      ]);
      const next = await (await viewer.request(`/api/admin/moderation?cursor=${page.nextCursor}`)).json();
      expect(next.items.map((i: { submissionId: string }) => i.submissionId)).toEqual([third.id]);
      expect(next.nextCursor).toBeNull();
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
      expect(card.history).toEqual([
        expect.objectContaining({ type: 'moderation', data: { from: 'pending', to: 'approved', redacted: false } }),
      ]);
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
      expect(await h.db.selectFrom('submission_events').selectAll().execute()).toHaveLength(1);
    });
  });
}
