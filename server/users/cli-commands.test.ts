import { afterEach, describe, expect, it } from 'vitest';
import { userAdd, userList, userPassword } from './cli-commands.ts';
import { firstAdminHint } from './first-admin-hint.ts';
import { saveDepartment } from '../directory/store.ts';
import { loadConfig } from '../env.ts';
import { authTestApp, signIn } from '../../test/support/console.ts';
import { openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';

const script = (...answers: string[]) => ({
  interactive: true,
  askHidden: async () => answers.shift() ?? '',
  tell: () => {},
});
const pipe = {
  interactive: false,
  askHidden: async (): Promise<string> => {
    throw new Error('no terminal');
  },
  tell: () => {},
};

describe('user commands of the CLI', () => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function setup() {
    t = await openTestDb('sqlite');
    const clock = fakeClock();
    return {
      db: t.db,
      clock,
      app: authTestApp({ db: t.db, clock, config: loadConfig({ DATA_DIR: '/tmp/otklik-unused' }) }),
    };
  }

  it('says how to create the first admin until a user exists', async () => {
    const { db, clock } = await setup();
    const hint = await firstAdminHint(db, 'http://localhost:8787/admin/');
    expect(hint).toContain('npm run cli -- user add --email you@example.ru --name "Your Name" --role admin');
    expect(hint).toContain('http://localhost:8787/admin/');
    expect(hint).toContain('under systemd or in Docker: README «Deployment»');
    await userAdd(db, clock, pipe, ['--email', 'a@example.ru', '--name', 'A', '--role', 'admin']);
    expect(await firstAdminHint(db)).toBeNull();
  });

  it('at a terminal asks the password twice and the user signs in with it straight away', async () => {
    const { db, clock, app } = await setup();
    const out = await userAdd(
      db,
      clock,
      script('too short', 'first choice', 'typo choice', 'мой пароль 123', 'мой пароль 123'),
      ['--email', 'Admin@Example.ru', '--name', 'Анна', '--role', 'admin'],
    );
    expect(out).toContain('admin@example.ru (admin) added');
    expect(out).not.toContain('One-time');
    const s = await signIn(app, 'admin@example.ru', 'мой пароль 123');
    expect(s.user.mustChangePassword).toBe(false);
  });

  it('gives up after three wrong tries and adds nobody', async () => {
    const { db, clock } = await setup();
    await expect(
      userAdd(db, clock, script('short', 'short', 'short'), [
        '--email',
        'a@example.ru',
        '--name',
        'A',
        '--role',
        'qms',
      ]),
    ).rejects.toThrow(/no password set/);
    expect(await db.selectFrom('users').select('id').execute()).toEqual([]);
  });

  it('without a terminal (or with --one-time) prints a one-time password that must be changed', async () => {
    const { db, clock, app } = await setup();
    const dks = await saveDepartment(db, clock, { name: 'ДКС' });
    for (const [io, email, extra] of [
      [pipe, 'h@example.ru', []],
      [script('never asked'), 'h2@example.ru', ['--one-time']],
    ] as const) {
      const out = await userAdd(db, clock, io, [
        '--email',
        email,
        '--name',
        'Х',
        '--role',
        'handler',
        '--department',
        'ДКС',
        ...extra,
      ]);
      const password = /One-time password: (\S+)/.exec(out)![1]!;
      const s = await signIn(app, email, password);
      expect(s.user).toMatchObject({ role: 'handler', departmentId: dks, mustChangePassword: true });
      expect(
        (
          await s.request('/api/admin/password', {
            method: 'POST',
            json: { current: password, next: 'my own password' },
          })
        ).status,
      ).toBe(204);
    }
    expect(await userList(db)).toMatch(/h@example.ru +Х +handler +ДКС/);
  });

  it('refuses unknown roles and departments, a handler without one, and a taken e-mail', async () => {
    const { db, clock } = await setup();
    const add = (...args: string[]) => userAdd(db, clock, pipe, args);
    await expect(add('--email', 'a@example.ru', '--name', 'A', '--role', 'root')).rejects.toThrow(/--role/);
    await expect(add('--email', 'not-mail', '--name', 'A', '--role', 'qms')).rejects.toThrow(/--email/);
    await expect(add('--email', 'a@example.ru', '--name', 'A', '--role', 'handler')).rejects.toThrow(/--department/);
    await expect(
      add('--email', 'a@example.ru', '--name', 'A', '--role', 'qms', '--department', 'Нет такого'),
    ).rejects.toThrow(/no department/);
    await add('--email', 'a@example.ru', '--name', 'A', '--role', 'qms');
    await expect(add('--email', 'A@example.ru', '--name', 'B', '--role', 'qms')).rejects.toThrow(/exists already/);
  });

  it('user password: unlocks a locked-out user with a new password and ends his sessions', async () => {
    const { db, clock, app } = await setup();
    await userAdd(db, clock, script('old password 1', 'old password 1'), [
      '--email',
      'a@example.ru',
      '--name',
      'A',
      '--role',
      'admin',
    ]);
    const s = await signIn(app, 'a@example.ru', 'old password 1');
    for (let i = 0; i < 5; i++)
      await app.request('/api/admin/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'a@example.ru', password: 'wrong password' }),
      });
    await expect(signIn(app, 'a@example.ru', 'old password 1')).rejects.toThrow(/429/);
    await userPassword(db, clock, script('new password 1', 'new password 1'), ['--email', 'a@example.ru']);
    expect((await s.request('/api/admin/me')).status).toBe(401);
    expect((await signIn(app, 'a@example.ru', 'new password 1')).user.mustChangePassword).toBe(false);
  });
});
