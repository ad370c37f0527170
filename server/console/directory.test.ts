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
      for (const name of ['Склад', 'СКЛАД', ' склад ']) {
        const renamed = await qms.request(`/api/admin/departments/${dks.id}`, { method: 'PATCH', json: { name } });
        expect((await renamed.json()).error.fields).toEqual({ name: 'Подразделение с таким названием уже есть' });
      }
      const lower = await qms.request('/api/admin/departments', { method: 'POST', json: { name: 'склад' } });
      expect(lower.status).toBe(422);
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

      // Twins made before names were compared so each keep their own name in their changes.
      const twin = { id: 'twin-of-sklad', name: 'СКЛАД', created_at: '2020-01-01T00:00:00.000Z' };
      await h.db.insertInto('departments').values(twin).execute();
      const sklad = (await (await qms.request('/api/admin/departments')).json()).find(
        (d: { name: string }) => d.name === 'Склад',
      );
      for (const [id, name] of [
        [twin.id, 'СКЛАД'],
        [sklad.id, 'Склад'],
      ]) {
        const kept = await qms.request(`/api/admin/departments/${id}`, {
          method: 'PATCH',
          json: { name, responsibleName: 'Петров' },
        });
        expect(kept.status, name).toBe(200);
      }
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
          email: 'Sidorov@Example.ru',
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
        email: 'sidorov@example.ru',
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
            json: { slug: 'Bad Slug', name: '', managerEmail: 'x', departmentId: 'nope', email: 'y@' },
          }),
        ),
      ).toEqual(['email', 'managerEmail', 'name', 'slug']);
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
        json: { departmentId: dks, position: null, active: false, email: null },
      });
      expect(edited.status).toBe(200);
      expect(await edited.json()).toMatchObject({
        departmentId: dks,
        position: null,
        active: false,
        email: null,
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
          email: { from: 'sidorov@example.ru', to: null },
          active: { from: true, to: false },
        },
      });
    });

    it('refuses a taken slug with a 422 naming slug, even for creates at the same moment, and leaves the other employee alone', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const qms = await h.as('qms');
      const create = (slug: string, name: string) =>
        qms.request('/api/admin/employees', { method: 'POST', json: { slug, name, managerEmail: 'b@example.ru' } });
      const answers = await Promise.all([create('twin', 'Первый'), create('twin', 'Второй'), create('twin', 'Третий')]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 422, 422]);
      const bodies = await Promise.all(answers.map((r) => r.json()));
      const winner = bodies[answers.findIndex((r) => r.status === 201)].name;
      for (const b of bodies.filter((_, i) => answers[i]!.status === 422))
        expect(b.error.fields).toEqual({ slug: 'Этот код уже занят' });
      expect((await (await qms.request('/api/admin/employees/twin')).json()).name).toBe(winner);

      const taken = await create('ivanov', 'Другой Иванов');
      expect(taken.status).toBe(422);
      expect((await taken.json()).error.fields).toEqual({ slug: 'Этот код уже занят' });
      expect((await (await qms.request('/api/admin/employees/ivanov')).json()).name).toBe('Иванов Иван');
      expect(await audit('directory.employee.create')).toHaveLength(1);
    });

    it('e-mails an employee his signature page through the outbox, audited; 422 when he has no address', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      const qms = await h.as('qms');
      const send = (slug: string, who = qms) =>
        who.request(`/api/admin/employees/${slug}/signature/send`, { method: 'POST' });
      const none = await send('ivanov');
      expect(none.status).toBe(422);
      expect((await none.json()).error.fields).toEqual({
        email: 'У сотрудника не указан e-mail: добавьте его в карточке сотрудника',
      });

      await qms.request('/api/admin/employees/ivanov', { method: 'PATCH', json: { email: 'Ivanov@Example.ru' } });
      const sent = await send('ivanov');
      expect(sent.status).toBe(200);
      expect(await sent.json()).toEqual({ sentTo: 'ivanov@example.ru' });
      const mail = await h.db.selectFrom('outbox').selectAll().where('template', '=', 'employee-signature').execute();
      expect(mail).toHaveLength(1);
      expect(JSON.parse(mail[0]!.recipients)).toEqual(['ivanov@example.ru']);
      expect(mail[0]!.reply_to).toBe(qms.user.email);
      expect(mail[0]!.subject).toBe('Иванов Иван: ваша подпись для писем с оценкой работы');
      expect(mail[0]!.text).toMatch(/Страница подписи: http:\/\/[^\s]+\/s\/ivanov\n/);
      expect(mail[0]!.text).toContain('Outlook: Файл → Параметры → Почта → Подписи');
      expect(mail[0]!.html).toContain('/r/ivanov?score=5'); // the signature itself, as a preview
      expect(mail[0]!.html).toContain('Открыть страницу подписи');
      expect(await audit('directory.employee.signature_send')).toMatchObject([
        { user_id: qms.user.id, details: { slug: 'ivanov', to: 'ivanov@example.ru' } },
      ]);

      expect((await send('ivanov', await h.as('viewer'))).status).toBe(403);
      expect((await send('nobody')).status).toBe(404);
      await qms.request('/api/admin/employees/ivanov', { method: 'PATCH', json: { active: false } });
      const gone = await send('ivanov');
      expect(gone.status).toBe(422);
      expect(Object.keys((await gone.json()).error.fields)).toEqual(['active']);
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
      const upload = async (bytes: Uint8Array<ArrayBuffer> | string, name = 'staff.csv', query = '') => {
        const form = new FormData();
        form.append('file', new File([bytes], name, { type: 'text/csv' }));
        return qms.request(`/api/admin/employees/import${query}`, { method: 'POST', body: form });
      };
      // The preview first: what would change, in Russian, and nothing written or audited.
      const preview = await upload(csv, 'staff.csv', '?dryRun=1');
      expect(preview.status).toBe(200);
      expect(await preview.json()).toMatchObject({
        dryRun: true,
        created: 1,
        updated: 1,
        added: [{ line: 2, slug: 'smirnov', name: 'Смирнов Олег' }],
        changed: [
          {
            line: 4,
            slug: 'ivanov',
            changes: [
              { field: 'name', from: 'Иванов Иван', to: 'Иванов Иван Иванович' },
              { field: 'position', from: 'Инженер', to: 'Старший инженер' },
            ],
          },
        ],
        newDepartments: ['Склад'],
        errors: [
          { line: 3, problems: [expect.stringContaining('код (slug): латинские строчные буквы')] },
          { line: 5, problems: ['e-mail руководителя: нужен правильный адрес (boss@example.ru)'] },
        ],
      });
      expect((await (await qms.request('/api/admin/employees/ivanov')).json()).position).toBe('Инженер');
      expect(await audit('directory.employee.import')).toEqual([]);

      const res = await upload(csv);
      expect(res.status).toBe(200);
      const report = await res.json();
      expect(report).toMatchObject({ dryRun: false, created: 1, updated: 1 });
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
      // The department its line named for the first time was made: audited as made.
      expect(await audit('directory.department.create')).toMatchObject([{ details: { name: 'Склад' } }]);

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
      // A workbook (an .xlsx is a ZIP file) is named as one, not read as a CSV broken at line 2.
      const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, ...Buffer.from('[Content_Types].xml')]);
      const workbook = await upload(xlsx, 'staff.xlsx', '?dryRun=1');
      expect([workbook.status, (await workbook.json()).error.fields.file]).toEqual([
        422,
        'Это не CSV-файл: в Excel сохраните таблицу через «Файл → Сохранить как» в формате «CSV UTF-8 (разделитель — запятая)» или «CSV (разделители — запятые)»',
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
      const taken = await qms.request('/api/admin/subjects', { method: 'POST', json: { slug: 'ivanov', title: 'X' } });
      expect((await taken.json()).error.fields).toEqual({ slug: 'Этот код уже занят' });
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

    it('refuses a field its change does not read, naming it, instead of answering 200 having done nothing', async () => {
      h = await consoleHarness(kind);
      const qms = await h.as('qms');
      const dep = await (await qms.request('/api/admin/departments', { method: 'POST', json: { name: 'ДКС' } })).json();
      const emp = { slug: 'ivanov', name: 'Иванов И.', managerEmail: 'boss@example.ru' };
      expect((await qms.request('/api/admin/employees', { method: 'POST', json: emp })).status).toBe(201);
      const typos: Array<[string, string, Record<string, unknown>]> = [
        ['POST', '/api/admin/departments', { name: 'Склад', responsible: 'Петров' }],
        ['PATCH', `/api/admin/departments/${dep.id}`, { nmae: 'Склад' }],
        ['POST', '/api/admin/employees', { ...emp, slug: 'petrov', department: 'ДКС' }],
        ['PATCH', '/api/admin/employees/ivanov', { actve: false }],
        ['POST', '/api/admin/subjects', { slug: 'delivery', title: 'Доставка', recipients: [], titel: 'x' }],
        ['PATCH', '/api/admin/subjects/delivery', { enabled: false }],
        ['PUT', '/api/admin/calendar/days/2027-01-11', { type: 'holiday', comment: 'x' }],
        ['PUT', '/api/admin/calendar/hours', { start: '09:00', end: '18:00', lunch: '13:00' }],
        ['POST', '/api/admin/moderation/any/approve', { txt: 'Исправлено' }],
        ['POST', '/api/admin/moderation/any/reject', { reasn: 'Спам' }],
      ];
      for (const [method, path, json] of typos) {
        const res = await qms.request(path, { method, json });
        const typo = [
          'responsible',
          'nmae',
          'department',
          'actve',
          'titel',
          'enabled',
          'comment',
          'lunch',
          'txt',
          'reasn',
        ];
        const named = Object.keys(json).filter((k) => typo.includes(k));
        expect([res.status, Object.keys((await res.json()).error.fields)], path).toEqual([422, named]);
      }
      const ivanov = await (await qms.request('/api/admin/employees/ivanov')).json();
      expect(ivanov.active).toBe(true);
      const list = await (await qms.request('/api/admin/departments')).json();
      expect(list.map((d: { name: string }) => d.name)).toEqual(['ДКС']);
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
