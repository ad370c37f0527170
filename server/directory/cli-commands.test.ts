import { afterEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { departmentAdd, employeeAdd, subjectAdd } from './cli-commands.ts';
import { findRatingTarget } from './store.ts';

let t: TestDb;
afterEach(async () => t?.close());
const clock = fakeClock();

// The CLI checks the directory with the same schema as the console and the CSV import.
describe('directory commands', () => {
  it('department add: names a wrong flag, stores the responsible address lower-cased', async () => {
    t = await openTestDb('sqlite');
    await expect(departmentAdd(t.db, clock, ['--name', 'ДКС', '--responsible-email', 'not-mail'])).rejects.toThrow(
      '--responsible-email must be e-mail address(es)',
    );
    await expect(departmentAdd(t.db, clock, ['--responsible-name', 'Кто-то'])).rejects.toThrow('--name is required');
    expect(await departmentAdd(t.db, clock, ['--name', 'ДКС', '--responsible-email', 'Head@Example.RU'])).toBe(
      'Department «ДКС» saved.',
    );
    const d = await t.db.selectFrom('departments').selectAll().executeTakeFirstOrThrow();
    expect(d).toMatchObject({ name: 'ДКС', responsible_email: 'head@example.ru' });
  });

  it('subject add: refuses the word «employee» and a wrong address, takes commas or semicolons', async () => {
    t = await openTestDb('sqlite');
    const add = (...args: string[]) => subjectAdd(t.db, clock, args);
    await expect(add('--slug', 'employee', '--title', 'Сотрудник', '--recipients', 'a@x.ru')).rejects.toThrow('--slug');
    await expect(add('--slug', 'install', '--title', 'Монтаж', '--recipients', 'a@x.ru,b@')).rejects.toThrow(
      '--recipients must be e-mail address(es)',
    );
    expect(await add('--slug', 'install', '--title', 'Монтаж', '--recipients', 'A@x.ru; b@x.ru')).toContain(
      '/r/install',
    );
    const target = await findRatingTarget(t.db, 'install');
    expect(target?.kind === 'subject' && JSON.parse(target.subject.recipients)).toEqual(['a@x.ru', 'b@x.ru']);
  });

  it("employee add: a wrong manager address is refused with the CSV import's words", async () => {
    t = await openTestDb('sqlite');
    const args = ['--slug', 'ivanov', '--name', 'Иванов Иван', '--manager-email'];
    await expect(employeeAdd(t.db, clock, [...args, 'boss@'])).rejects.toThrow('manager e-mail');
    expect(await employeeAdd(t.db, clock, [...args, 'Boss@Example.ru'])).toBe('Employee ivanov added.');
  });
});
