import { afterEach, describe, expect, it } from 'vitest';
import { consoleHarness, type Harness } from './testing/harness.ts';
import { DB_KINDS } from '../../test/support/databases.ts';

let h: Harness;
afterEach(async () => h?.close());

for (const kind of DB_KINDS) {
  describe(`console directory (${kind})`, () => {
    const audit = async (action: string) =>
      (await h.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()).map((a) => ({
        ...a,
        details: JSON.parse(a.details),
      }));
    const fields = async (res: Response) => {
      expect(res.status).toBe(422);
      return Object.keys((await res.json()).error.fields).sort();
    };

    it('adds and edits departments with their responsible person, audited; a taken name is a 422', async () => {
      h = await consoleHarness(kind);
      const qms = await h.as('qms');
      const res = await qms.request('/api/admin/departments', {
        method: 'POST',
        json: { name: 'ДКС', responsibleName: 'Бадыштова К.', responsibleEmail: 'dks@example.ru' },
      });
      expect(res.status).toBe(201);
      const dks = await res.json();
      expect(dks).toMatchObject({
        id: expect.any(String),
        name: 'ДКС',
        responsibleName: 'Бадыштова К.',
        responsibleEmail: 'dks@example.ru',
      });
      expect(
        await fields(await qms.request('/api/admin/departments', { method: 'POST', json: { name: 'ДКС' } })),
      ).toEqual(['name']);
      expect(
        await fields(
          await qms.request('/api/admin/departments', { method: 'POST', json: { name: '', responsibleEmail: 'nope' } }),
        ),
      ).toEqual(['name', 'responsibleEmail']);

      const edited = await qms.request(`/api/admin/departments/${dks.id}`, {
        method: 'PATCH',
        json: { name: 'Департамент клиентского сервиса', responsibleEmail: null },
      });
      expect(edited.status).toBe(200);
      expect(await edited.json()).toMatchObject({
        name: 'Департамент клиентского сервиса',
        responsibleName: 'Бадыштова К.',
        responsibleEmail: null,
      });
      await qms.request('/api/admin/departments', { method: 'POST', json: { name: 'Склад' } });
      expect(
        await fields(
          await qms.request(`/api/admin/departments/${dks.id}`, { method: 'PATCH', json: { name: 'Склад' } }),
        ),
      ).toEqual(['name']);
      expect((await qms.request('/api/admin/departments/nope', { method: 'PATCH', json: { name: 'X' } })).status).toBe(
        404,
      );

      const viewer = await h.as('viewer');
      const list = await (await viewer.request('/api/admin/departments')).json();
      expect(list.map((d: { name: string }) => d.name)).toEqual(['Департамент клиентского сервиса', 'Склад']);
      expect(await audit('directory.department.create')).toHaveLength(2);
      const [update] = await audit('directory.department.update');
      expect(update).toMatchObject({
        user_id: qms.user.id,
        target_id: dks.id,
        details: {
          changes: {
            name: { from: 'ДКС', to: 'Департамент клиентского сервиса' },
            responsible_email: { from: 'dks@example.ru', to: null },
          },
        },
      });
    });

    it('adds, edits and deactivates employees; the slug is checked and never shared with a subject', async () => {
      h = await consoleHarness(kind);
      const { dks, logistics } = await h.directory();
      const qms = await h.as('qms');
      const res = await qms.request('/api/admin/employees', {
        method: 'POST',
        json: {
          slug: 'sidorov',
          name: 'Сидоров Пётр',
          position: 'Водитель',
          departmentId: logistics,
          managerEmail: 'Boss@Example.ru',
          managerName: 'Петров С.',
        },
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({
        slug: 'sidorov',
        name: 'Сидоров Пётр',
        position: 'Водитель',
        departmentId: logistics,
        department: { id: logistics, name: 'Логистика' },
        managerEmail: 'boss@example.ru',
        managerName: 'Петров С.',
        active: true,
      });
      for (const slug of ['ivanov', 'delivery']) {
        expect(
          await fields(
            await qms.request('/api/admin/employees', {
              method: 'POST',
              json: { slug, name: 'X', managerEmail: 'b@example.ru' },
            }),
          ),
        ).toEqual(['slug']);
      }
      expect(
        await fields(
          await qms.request('/api/admin/employees', {
            method: 'POST',
            json: { slug: 'Bad Slug', name: '', managerEmail: 'x', departmentId: 'nope' },
          }),
        ),
      ).toEqual(['managerEmail', 'name', 'slug']);
      expect(
        await fields(
          await qms.request('/api/admin/employees', {
            method: 'POST',
            json: { slug: 'new', name: 'Новый', managerEmail: 'b@example.ru', departmentId: 'nope' },
          }),
        ),
      ).toEqual(['departmentId']);

      const edited = await qms.request('/api/admin/employees/sidorov', {
        method: 'PATCH',
        json: { departmentId: dks, position: null, active: false },
      });
      expect(edited.status).toBe(200);
      expect(await edited.json()).toMatchObject({
        departmentId: dks,
        position: null,
        active: false,
        name: 'Сидоров Пётр',
      });
      expect(
        await fields(
          await qms.request('/api/admin/employees/sidorov', {
            method: 'PATCH',
            json: { active: 'no', managerEmail: null },
          }),
        ),
      ).toEqual(['active', 'managerEmail']);
      expect(
        (await qms.request('/api/admin/employees/nobody', { method: 'PATCH', json: { active: false } })).status,
      ).toBe(404);
      // A deactivated employee's rating links accept nothing.
      const rating = await h.app.request('/api/v1/ratings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: 'employee', employee: 'sidorov', score: 5 }),
      });
      expect(rating.status).toBe(422);

      const list = await (await (await h.as('handler', dks)).request('/api/admin/employees')).json();
      expect(list.map((e: { slug: string }) => e.slug)).toEqual(['ivanov', 'petrova', 'sidorov']);
      expect(await audit('directory.employee.create')).toHaveLength(1);
      const [update] = await audit('directory.employee.update');
      expect(update!.details).toEqual({
        slug: 'sidorov',
        changes: {
          departmentId: { from: logistics, to: dks },
          position: { from: 'Водитель', to: null },
          active: { from: true, to: false },
        },
      });
    });

    it('imports HR’s CSV file and reports bad lines by number', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const qms = await h.as('qms');
      const csv =
        'slug;ФИО;Должность;Подразделение;manager_email\n' +
        'smirnov;Смирнов Олег;Кладовщик;Склад;boss@example.ru\n' +
        'BAD SLUG;Кто-то;;;boss@example.ru\n' +
        'ivanov;Иванов Иван Иванович;Старший инженер;ДКС;boss@example.ru\n' +
        'kuznetsova;Кузнецова Ольга;;;not-an-email\n';
      const upload = async (bytes: Uint8Array<ArrayBuffer> | string, name = 'staff.csv') => {
        const form = new FormData();
        form.append('file', new File([bytes], name, { type: 'text/csv' }));
        return qms.request('/api/admin/employees/import', { method: 'POST', body: form });
      };
      const res = await upload(csv);
      expect(res.status).toBe(200);
      const report = await res.json();
      expect(report).toMatchObject({ created: 1, updated: 1 });
      expect(report.errors.map((e: { line: number }) => e.line)).toEqual([3, 5]);
      const employees = await (await qms.request('/api/admin/employees')).json();
      expect(employees.find((e: { slug: string }) => e.slug === 'smirnov')).toMatchObject({
        name: 'Смирнов Олег',
        department: { name: 'Склад' },
      });
      expect(employees.find((e: { slug: string }) => e.slug === 'ivanov')).toMatchObject({
        position: 'Старший инженер',
      });
      expect(await audit('directory.employee.import')).toMatchObject([
        { details: { file: 'staff.csv', created: 1, updated: 1, errors: 2 } },
      ]);

      // Excel on a Russian Windows saves «CSV» in Windows-1251.
      const cp1251 = Uint8Array.from(
        [...'slug;name;manager_email\npopov;']
          .map((c) => c.charCodeAt(0))
          .concat(
            [0xcf, 0xee, 0xef, 0xee, 0xe2],
            [...';boss@example.ru\n'].map((c) => c.charCodeAt(0)),
          ),
      );
      expect((await (await upload(cp1251)).json()).created).toBe(1);
      expect((await (await qms.request('/api/admin/employees/popov')).json()).name).toBe('Попов');

      const empty = new FormData();
      expect(await fields(await qms.request('/api/admin/employees/import', { method: 'POST', body: empty }))).toEqual([
        'file',
      ]);
    });

    it('gives each employee’s signature snippet as HTML and text', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const viewer = await h.as('viewer');
      const res = await viewer.request('/api/admin/employees/ivanov/signature');
      expect(res.status).toBe(200);
      const { html, text } = await res.json();
      expect(html).toContain('Расскажите моему руководителю, как я работаю!');
      expect(html).toContain('/r/ivanov?score=5');
      expect(html).not.toMatch(/<script|class=|<img/i);
      expect(text).toContain('/r/ivanov?score=1');
      expect((await viewer.request('/api/admin/employees/nobody/signature')).status).toBe(404);
    });

    it('adds and edits rating subjects with their recipients', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const qms = await h.as('admin');
      const res = await qms.request('/api/admin/subjects', {
        method: 'POST',
        json: { slug: 'service', title: 'Сервисный центр', recipients: 'service@example.ru, Head@example.ru' },
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({
        slug: 'service',
        title: 'Сервисный центр',
        recipients: ['service@example.ru', 'head@example.ru'],
        active: true,
      });
      expect(
        await fields(
          await qms.request('/api/admin/subjects', { method: 'POST', json: { slug: 'ivanov', title: 'X' } }),
        ),
      ).toEqual(['slug']);
      expect(
        await fields(
          await qms.request('/api/admin/subjects', {
            method: 'POST',
            json: { slug: 'x', title: '', recipients: ['not an address'] },
          }),
        ),
      ).toEqual(['recipients', 'title']);
      const edited = await qms.request('/api/admin/subjects/delivery', {
        method: 'PATCH',
        json: { recipients: ['commercial@example.ru'], active: false },
      });
      expect(edited.status).toBe(200);
      expect(await edited.json()).toMatchObject({
        slug: 'delivery',
        title: 'Качество доставки',
        recipients: ['commercial@example.ru'],
        active: false,
      });
      const list = await (await qms.request('/api/admin/subjects')).json();
      expect(list.map((s: { slug: string }) => s.slug)).toEqual(['delivery', 'service']);
      expect(await audit('directory.subject.create')).toHaveLength(1);
      expect((await audit('directory.subject.update'))[0]!.details).toEqual({
        slug: 'delivery',
        changes: { recipients: { from: [], to: ['commercial@example.ru'] }, active: { from: true, to: false } },
      });
    });

    it('leaves the other /api/admin routes (sign-in) outside its session check', async () => {
      h = await consoleHarness(kind);
      const res = await h.admin.request('/api/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.ru', password: 'wrong-password-1' }),
      });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('bad_credentials');
    });
  });
}
