import { afterEach, describe, expect, it } from 'vitest';
import { consoleHarness, type Harness } from './testing/harness.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { createUser } from '../../test/support/console.ts';
import { PDF_BYTES } from '../../test/support/test-app.ts';

let h: Harness;
afterEach(async () => h?.close());

for (const kind of DB_KINDS) {
  describe(`console card (${kind})`, () => {
    const audit = (action: string) => h.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

    it('shows every field, the consent record, the files, the e-mails sent and the history', async () => {
      h = await consoleHarness(kind);
      const sent = await h.feedback({
        kind: 'complaint',
        message: 'Пересорт в накладной',
        name: 'Лоськова Галина',
        organization: 'РРМОО',
        inn: '6165456519',
        phone: '(951) 5113523',
        email: 'galina@client.ru',
        page: 'https://example.ru/contacts',
      });
      const qms = await h.as('qms');
      await qms.request(`/api/admin/submissions/${sent.id}/comments`, {
        method: 'POST',
        json: { text: 'Позвонила клиенту' },
      });
      const res = await qms.request(`/api/admin/submissions/${sent.id}`);
      expect(res.status).toBe(200);
      const card = await res.json();
      expect(card).toMatchObject({
        id: sent.id,
        number: sent.number,
        type: 'feedback',
        kind: 'complaint',
        status: 'new',
        channel: 'site',
        message: 'Пересорт в накладной',
        name: 'Лоськова Галина',
        organization: 'РРМОО',
        inn: '6165456519',
        phone: '+79515113523',
        email: 'galina@client.ru',
        page: 'https://example.ru/contacts',
        lang: 'ru',
        createdAt: sent.createdAt,
        score: null,
        publish: null,
        employee: null,
        department: null,
        review: null,
        attachments: [],
        consent: { version: expect.any(String), at: sent.createdAt, userAgent: null },
      });
      expect(card.emails.length).toBeGreaterThanOrEqual(2);
      expect(card.emails).toContainEqual(
        expect.objectContaining({
          to: ['galina@client.ru'],
          status: 'pending',
          attempts: 0,
          sentAt: null,
          lastError: null,
        }),
      );
      expect(card.history).toEqual([
        {
          id: expect.any(String),
          at: expect.any(String),
          user: { id: qms.user.id, name: qms.user.name },
          type: 'comment',
          data: { text: 'Позвонила клиенту' },
        },
      ]);
    });

    it("gives a suggestion's card the date of answer its client was promised, and its replies go out", async () => {
      h = await consoleHarness(kind);
      const sent = await h.feedback({
        kind: 'suggestion',
        message: 'Добавьте доставку по субботам',
        email: 'c@client.ru',
      });
      const answer = (
        await h.db.selectFrom('submissions').select('response').where('id', '=', sent.id).executeTakeFirstOrThrow()
      ).response;
      const qms = await h.as('qms');
      const card = await (await qms.request(`/api/admin/submissions/${sent.id}`)).json();
      expect(card.answerBy).toBe(JSON.parse(answer).answerBy);
      expect(card.answerBy).toMatch(/^\d{4}-\d\d-\d\dT/);
      const reply = await qms.request(`/api/admin/submissions/${sent.id}/replies`, {
        method: 'POST',
        json: { text: 'Спасибо, передали в логистику' },
      });
      expect(reply.status).toBe(200);
      const complaint = await h.feedback({ kind: 'complaint', message: 'Опоздали' });
      expect((await (await qms.request(`/api/admin/submissions/${complaint.id}`)).json()).answerBy).toBeNull();
    });

    it('downloads an attachment as an attachment of its stored type, for signed-in users only', async () => {
      h = await consoleHarness(kind);
      const sent = await h.feedbackWithFile('акт сверки (№1).pdf');
      const qms = await h.as('qms');
      const card = await (await qms.request(`/api/admin/submissions/${sent.id}`)).json();
      expect(card.attachments).toEqual([
        {
          id: expect.any(String),
          filename: 'акт сверки (№1).pdf',
          mime: 'application/pdf',
          size: PDF_BYTES.length,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      ]);
      const url = `/api/admin/submissions/${sent.id}/attachments/${card.attachments[0].id}`;
      const res = await qms.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="___ ______ (_1).pdf"; filename*=UTF-8''%D0%B0%D0%BA%D1%82%20%D1%81%D0%B2%D0%B5%D1%80%D0%BA%D0%B8%20%28%E2%84%961%29.pdf`,
      );
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF_BYTES);
      expect((await h.admin.request(url)).status).toBe(401);
      expect((await qms.request(`/api/admin/submissions/${sent.id}/attachments/nope`)).status).toBe(404);
      const other = await h.feedback();
      expect(
        (await qms.request(`/api/admin/submissions/${other.id}/attachments/${card.attachments[0].id}`)).status,
      ).toBe(404);
    });

    it('gives a handler 404 for another department’s card, file, change and comment, and lets him work on his own', async () => {
      h = await consoleHarness(kind);
      const { dks, logistics } = await h.directory();
      const theirs = await h.feedbackWithFile('scan.pdf');
      await h.assign(theirs.id, logistics);
      const mine = await h.feedback();
      await h.assign(mine.id, dks);
      const fileId = (
        await h.db
          .selectFrom('attachments')
          .select('id')
          .where('submission_id', '=', theirs.id)
          .executeTakeFirstOrThrow()
      ).id;
      const handler = await h.as('handler', dks);

      expect((await handler.request(`/api/admin/submissions/${theirs.id}`)).status).toBe(404);
      expect((await handler.request(`/api/admin/submissions/${theirs.id}/attachments/${fileId}`)).status).toBe(404);
      expect(
        (await handler.request(`/api/admin/submissions/${theirs.id}`, { method: 'PATCH', json: { status: 'closed' } }))
          .status,
      ).toBe(404);
      expect(
        (await handler.request(`/api/admin/submissions/${theirs.id}/comments`, { method: 'POST', json: { text: 'x' } }))
          .status,
      ).toBe(404);
      expect((await handler.request('/api/admin/submissions/no-such-id')).status).toBe(404);

      const changed = await handler.request(`/api/admin/submissions/${mine.id}`, {
        method: 'PATCH',
        json: { status: 'in_progress' },
      });
      expect(changed.status).toBe(200);
      expect((await changed.json()).status).toBe('in_progress');
      expect(
        (
          await handler.request(`/api/admin/submissions/${mine.id}/comments`, {
            method: 'POST',
            json: { text: 'Взял в работу' },
          })
        ).status,
      ).toBe(201);
      // Classifying and reassigning are the QMS's.
      for (const json of [{ kind: 'thanks' }, { departmentId: logistics }, { employeeSlug: 'ivanov' }]) {
        expect((await handler.request(`/api/admin/submissions/${mine.id}`, { method: 'PATCH', json })).status).toBe(
          403,
        );
      }
      const row = await h.db
        .selectFrom('submissions')
        .select(['status', 'kind', 'department_id'])
        .where('id', '=', theirs.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'new', kind: 'complaint', department_id: logistics });
    });

    it('is never kept by a cache, nor is any console answer holding clients’ data', async () => {
      h = await consoleHarness(kind);
      const sent = await h.feedback({ email: 'client@example.ru' });
      const qms = await h.as('qms');
      const admin = await h.as('admin');
      for (const [who, path] of [
        [qms, `/api/admin/submissions/${sent.id}`],
        [qms, '/api/admin/submissions'],
        [admin, '/api/admin/persons?email=client@example.ru'],
        [admin, '/api/admin/audit'],
        [admin, '/api/admin/users'],
        [admin, '/api/admin/me'],
      ] as const) {
        const res = await who.request(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('cache-control'), path).toBe('private, no-store');
      }
      // The sign-in's answer (the user and his CSRF token) too, as README says of every console answer.
      const user = await createUser(h.db, h.clock, { email: 'new@example.ru', role: 'qms' });
      const login = await h.app.request('/api/admin/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: user.password }),
      });
      expect(login.status).toBe(200);
      expect(login.headers.get('cache-control')).toBe('private, no-store');
    });

    it('lists a client’s other messages on a complaint’s card only as far as the reader may see them', async () => {
      h = await consoleHarness(kind);
      const { dks, logistics } = await h.directory();
      const client = { email: 'client@example.ru', phone: '+7 951 511-35-21' };
      const theirs = await h.feedback({ ...client, message: 'Жалоба в логистику' });
      await h.assign(theirs.id, logistics);
      const nowhere = await h.feedback({ ...client, message: 'Без подразделения' });
      const mine = await h.feedback({ ...client, message: 'Жалоба в ДКС' });
      await h.assign(mine.id, dks);
      const other = await h.feedback({ ...client, message: 'Ещё одна в ДКС' });
      await h.assign(other.id, dks);
      const related = async (as: Awaited<ReturnType<typeof h.as>>) =>
        (
          (await (await as.request(`/api/admin/submissions/${mine.id}`)).json()).complaint.related as Array<{
            id: string;
          }>
        )
          .map((r) => r.id)
          .sort();
      expect(await related(await h.as('qms'))).toEqual([theirs.id, nowhere.id, other.id].sort());
      expect(await related(await h.as('handler', dks))).toEqual([other.id]);
    });

    it('changes kind, status, department and employee, each with a history row and an audit line', async () => {
      h = await consoleHarness(kind);
      const { dks, logistics } = await h.directory();
      const sent = await h.feedback({ kind: 'thanks', message: 'Спасибо, но товар пришёл битый' });
      const qms = await h.as('qms');
      const patch = (json: unknown) => qms.request(`/api/admin/submissions/${sent.id}`, { method: 'PATCH', json });

      let res = await patch({ kind: 'complaint', status: 'in_progress', departmentId: logistics });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        kind: 'complaint',
        status: 'in_progress',
        department: { id: logistics, name: 'Логистика' },
      });
      h.tick(1000);
      // An employee alone brings his department along.
      res = await patch({ employeeSlug: 'ivanov' });
      h.tick(1000);
      expect(await res.json()).toMatchObject({
        employee: { slug: 'ivanov', name: 'Иванов Иван' },
        department: { id: dks, name: 'ДКС' },
      });
      res = await patch({ employeeSlug: null, status: 'in_progress' });
      const card = await res.json();
      expect(card.employee).toBeNull();
      // History is in time order; the changes of one request share their time.
      const step = (at: string) =>
        card.history
          .filter((e: { at: string }) => e.at === at)
          .map((e: { type: string; data: unknown }) => [e.type, e.data])
          .sort((a: string[], b: string[]) => a[0]!.localeCompare(b[0]!));
      expect(step('2026-11-23T09:01:00.000Z')).toEqual([
        ['department', { from: null, to: logistics }],
        ['kind', { from: 'thanks', to: 'complaint' }],
        ['status', { from: 'new', to: 'in_progress' }],
      ]);
      expect(step('2026-11-23T09:01:01.000Z')).toEqual([
        ['department', { from: logistics, to: dks }],
        ['employee', { from: null, to: 'ivanov' }],
      ]);
      expect(step('2026-11-23T09:01:02.000Z')).toEqual([['employee', { from: 'ivanov', to: null }]]);
      expect(card.history).toHaveLength(6);
      expect(card.history.every((e: { user: { id: string } }) => e.user.id === qms.user.id)).toBe(true);
      expect((await audit('submission.kind'))[0]).toMatchObject({
        user_id: qms.user.id,
        user_email: qms.user.email,
        target_type: 'submission',
        target_id: sent.id,
      });
      expect(JSON.parse((await audit('submission.kind'))[0]!.details)).toEqual({
        number: sent.number,
        from: 'thanks',
        to: 'complaint',
      });
      expect(await audit('submission.status')).toHaveLength(1);
      expect(await audit('submission.department')).toHaveLength(2);
      expect(await audit('submission.employee')).toHaveLength(2);
    });

    it('refuses bad values with a 422 naming each field and changes nothing', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const sent = await h.feedback();
      const rating = await h.rating();
      const qms = await h.as('qms');
      const patch = (id: string, body: unknown) =>
        qms.request(`/api/admin/submissions/${id}`, { method: 'PATCH', json: body });
      const fields = async (res: Response) => {
        expect(res.status).toBe(422);
        return Object.keys((await res.json()).error.fields).sort();
      };
      expect(await fields(await patch(sent.id, { kind: 'rating', status: 'done' }))).toEqual(['kind', 'status']);
      // A complaint is closed only through its process, never by a bare status.
      expect(
        await fields(await patch(sent.id, { departmentId: 'no-such', employeeSlug: 'nobody', status: 'closed' })),
      ).toEqual(['departmentId', 'employeeSlug', 'status']);
      expect(await fields(await patch(rating.id, { kind: 'complaint' }))).toEqual(['kind']);
      expect(
        await fields(
          await qms.request(`/api/admin/submissions/${sent.id}/comments`, { method: 'POST', json: { text: '   ' } }),
        ),
      ).toEqual(['text']);
      expect(
        (
          await qms.request(`/api/admin/submissions/${sent.id}`, {
            method: 'PATCH',
            body: '{nope',
            headers: { 'content-type': 'application/json' },
          })
        ).status,
      ).toBe(400);
      expect((await patch('no-such-id', { status: 'closed' })).status).toBe(404);
      // The id is looked up before the body is read: an unknown one is a 404 whatever comes with it;
      // a known one gets 415 for another type and 400 for a body that is not a JSON object.
      const raw = (path: string, body: string, type = 'application/json') =>
        qms.request(`/api/admin/submissions/${path}`, { method: 'POST', body, headers: { 'content-type': type } });
      for (const action of ['comments', 'replies', 'calls']) {
        expect((await raw(`no-such-id/${action}`, '{nope')).status).toBe(404);
        expect((await raw(`${sent.id}/${action}`, 'text=1', 'application/x-www-form-urlencoded')).status).toBe(415);
        expect((await raw(`${sent.id}/${action}`, '[1, 2]')).status).toBe(400);
      }
      const row = await h.db
        .selectFrom('submissions')
        .select(['status', 'kind', 'department_id'])
        .where('id', '=', sent.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'new', kind: 'complaint', department_id: null });
      expect(await h.db.selectFrom('submission_events').selectAll().execute()).toEqual([]);
    });

    it('lets a viewer read everything and change nothing (403), and asks every change for the CSRF token', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const sent = await h.feedback();
      const rating = await h.rating({ publish: true });
      const viewer = await h.as('viewer');
      expect((await viewer.request(`/api/admin/submissions/${sent.id}`)).status).toBe(200);
      const writes: Array<[string, string, unknown]> = [
        ['PATCH', `/api/admin/submissions/${sent.id}`, { status: 'closed' }],
        ['POST', `/api/admin/submissions/${sent.id}/comments`, { text: 'x' }],
        ['POST', `/api/admin/moderation/${rating.id}/approve`, {}],
        ['POST', `/api/admin/moderation/${rating.id}/reject`, { reason: 'x' }],
        ['POST', '/api/admin/departments', { name: 'Новый' }],
        ['PATCH', '/api/admin/departments/x', { name: 'Новый' }],
        ['POST', '/api/admin/employees', { slug: 'new', name: 'Новый', managerEmail: 'b@example.ru' }],
        ['PATCH', '/api/admin/employees/ivanov', { active: false }],
        ['POST', '/api/admin/subjects', { slug: 'service', title: 'Сервис' }],
        ['PATCH', '/api/admin/subjects/delivery', { title: 'Доставка' }],
      ];
      for (const [method, path, json] of writes)
        expect((await viewer.request(path, { method, json })).status, `${method} ${path}`).toBe(403);
      const form = new FormData();
      form.append('file', new File(['slug;name;manager_email\nnew;Новый;b@example.ru\n'], 'staff.csv'));
      expect((await viewer.request('/api/admin/employees/import', { method: 'POST', body: form })).status).toBe(403);

      const qms = await h.as('qms');
      const noToken = await qms.request(`/api/admin/submissions/${sent.id}`, {
        method: 'PATCH',
        json: { status: 'closed' },
        headers: { 'X-CSRF-Token': 'wrong' },
      });
      expect(noToken.status).toBe(403);
      expect((await noToken.json()).error.code).toBe('csrf');
      expect(await h.db.selectFrom('submission_events').selectAll().execute()).toEqual([]);
      expect(await h.db.selectFrom('audit_log').selectAll().where('action', 'like', 'submission.%').execute()).toEqual(
        [],
      );
    });
  });
}
