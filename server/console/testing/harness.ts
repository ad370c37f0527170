import type { Role } from '../../db/schema.ts';
import type { DbKind } from '../../db/connection.ts';
import { saveEmployee } from '../../directory/store.ts';
import { createUser, signIn } from '../../../test/support/console.ts';
import { buildTestApp, PDF_BYTES } from '../../../test/support/test-app.ts';

/**
 * The whole app on a fresh database: submissions arrive through the public API as clients send
 * them (a minute apart unless a test says otherwise), users sign in and use /api/admin.
 */
export async function consoleHarness(kind: DbKind) {
  const t = await buildTestApp(kind);
  const admin = t.app;
  let users = 0;
  const tick = (t.clock as unknown as { advance(ms: number): void }).advance;

  const post = async (path: string, body: unknown) => {
    const res = await t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    tick(60_000);
    return (await res.json()) as { id: string; number: string; createdAt: string };
  };

  return {
    ...t,
    /** The app as the console's browser reaches it (the same as `app`). */
    admin,
    tick,
    /** Signs in a new user of that role (a handler with his department). */
    as: async (role: Role, departmentId: string | null = null) => {
      const u = await createUser(t.db, t.clock, {
        email: `${role}${++users}@example.ru`,
        role,
        departmentId,
        name: `${role} ${users}`,
      });
      return signIn(admin, u.email, u.password);
    },
    feedback: (fields: Record<string, unknown> = {}) =>
      post('/api/v1/feedback', {
        kind: 'complaint',
        message: 'Программа загружается 3–4 минуты',
        consent: true,
        ...fields,
      }),
    /** A feedback message with a PDF attached, sent as the form sends it. */
    feedbackWithFile: async (filename: string) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ kind: 'complaint', message: 'Акт во вложении', consent: 'on' }))
        form.append(k, v);
      form.append('files', new File([PDF_BYTES], filename, { type: 'application/octet-stream' }));
      const res = await t.app.request('/api/v1/feedback', { method: 'POST', body: form });
      if (res.status !== 201) throw new Error(`feedback with file: ${res.status} ${await res.text()}`);
      tick(60_000);
      return (await res.json()) as { id: string; number: string };
    },
    rating: (fields: Record<string, unknown> = {}) =>
      post('/api/v1/ratings', {
        subject: 'employee',
        employee: 'ivanov',
        score: 5,
        comment: 'Спасибо, всё быстро',
        ...fields,
      }),
    /** Two departments with an employee each: ivanov in ДКС, petrova in Логистика. */
    directory: async () => {
      await saveEmployee(t.db, t.clock, {
        slug: 'ivanov',
        name: 'Иванов Иван',
        position: 'Инженер',
        department: 'ДКС',
        managerEmail: 'boss@example.ru',
      });
      await saveEmployee(t.db, t.clock, {
        slug: 'petrova',
        name: 'Петрова Анна',
        position: 'Менеджер',
        department: 'Логистика',
        managerEmail: 'boss@example.ru',
      });
      const ids = await t.db.selectFrom('departments').select(['id', 'name']).execute();
      const id = (name: string) => ids.find((d) => d.name === name)!.id;
      return { dks: id('ДКС'), logistics: id('Логистика') };
    },
    assign: (submissionId: string, departmentId: string | null) =>
      t.db.updateTable('submissions').set({ department_id: departmentId }).where('id', '=', submissionId).execute(),
  };
}

export type Harness = Awaited<ReturnType<typeof consoleHarness>>;
