import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { importEmployeesCsv } from './csv-import.ts';
import { findRatingTarget, saveSubject } from './store.ts';

let t: TestDb;
afterEach(async () => t?.close());
const clock = fakeClock();

describe.each(DB_KINDS)('employee CSV import on %s', (kind) => {
  it('imports good lines, reports each bad one by its line number, and creates departments', async () => {
    t = await openTestDb(kind);
    await saveSubject(t.db, clock, { slug: 'delivery2', title: 'Доставка', recipients: [] });
    const csv = [
      '\uFEFFslug;name;position;department;manager_email;manager_name',
      'ivanov;Иванов Иван;Инженер;ДКС;boss@example.ru;Петров С.',
      'Bad Slug;Кто-то;;;boss@example.ru;',
      'petrova;"Петрова; Анна";Менеджер;ОПР;not-an-email;',
      '',
      'sidorov;Сидоров Пётр;Бухгалтер;ЛК;lk@example.ru;',
      'delivery2;Занятой Слаг;;;boss@example.ru;',
      'nomail;Без Почты;;;;',
    ].join('\r\n');
    const report = await importEmployeesCsv(t.db, clock, csv);
    expect(report).toMatchObject({ created: 2, updated: 0 });
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 7, 8]);
    expect(report.errors[0]!.problems[0]).toContain('slug');
    expect(report.errors[1]!.problems[0]).toContain('e-mail');
    expect(report.errors[2]!.problems[0]).toContain('taken');
    const ivanov = await findRatingTarget(t.db, 'ivanov');
    expect(ivanov).toMatchObject({
      kind: 'employee',
      department: 'ДКС',
      employee: { name: 'Иванов Иван', manager_email: 'boss@example.ru', active: 1 },
    });
    const departments = await t.db.selectFrom('departments').select('name').orderBy('name').execute();
    expect(departments.map((d) => d.name)).toEqual(['ДКС', 'ЛК']);
  });

  it('reads comma-separated files with Russian headers and updates employees by slug', async () => {
    t = await openTestDb(kind);
    await importEmployeesCsv(
      t.db,
      clock,
      'slug,ФИО,Должность,Подразделение,manager_email\nivanov,Иванов Иван,Инженер,ДКС,boss@example.ru\n',
    );
    const report = await importEmployeesCsv(
      t.db,
      clock,
      'slug,ФИО,Должность,Подразделение,manager_email,active\nivanov,Иванов Иван,Ведущий инженер,ДКС,boss@example.ru,нет\n',
    );
    expect(report).toEqual({ created: 0, updated: 1, errors: [] });
    expect(await findRatingTarget(t.db, 'ivanov')).toMatchObject({
      employee: { position: 'Ведущий инженер', active: 0 },
    });
  });

  it('refuses a file without the required columns, naming line 1', async () => {
    t = await openTestDb(kind);
    const report = await importEmployeesCsv(t.db, clock, 'name;email\nИванов;a@b.ru\n');
    expect(report.errors).toEqual([{ line: 1, problems: [expect.stringContaining('slug, name and manager_email')] }]);
  });
});
