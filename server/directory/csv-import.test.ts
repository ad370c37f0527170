import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { importEmployeesCsv, notText } from './csv-import.ts';
import { saveEmployee, saveSubject, setEmployeeActive } from './store.ts';
import { findRatingTarget } from './targets.ts';

let t: TestDb;
afterEach(async () => t?.close());
const clock = fakeClock();

describe.each(DB_KINDS)('employee CSV import on %s', (kind) => {
  const employee = async (slug: string) => {
    const target = await findRatingTarget(t.db, slug);
    if (target?.kind !== 'employee') throw new Error(`${slug} is not an employee`);
    return { ...target.employee, department: target.department };
  };
  /** Иванов as HR set him up: every field filled, then he left. */
  const ivanovWhoLeft = async () => {
    await saveEmployee(t.db, clock, {
      slug: 'ivanov',
      name: 'Иванов Иван',
      position: 'Инженер',
      department: 'ДКС',
      managerEmail: 'boss@example.ru',
      managerName: 'Петров С.',
      email: 'ivanov@example.ru',
    });
    await setEmployeeActive(t.db, clock, 'ivanov', false);
  };

  it('puts an employee into the department of that name whatever its case, creating none', async () => {
    t = await openTestDb(kind);
    await saveEmployee(t.db, clock, {
      slug: 'ivanov',
      name: 'Иванов',
      department: 'Склад',
      managerEmail: 'b@example.ru',
    });
    const csv = [
      'slug;name;department;manager_email',
      'ivanov;Иванов;СКЛАД ;b@example.ru',
      'petrov;Петров;склад;b@example.ru',
    ];
    const preview = await importEmployeesCsv(t.db, clock, csv.join('\n'), { dryRun: true });
    expect(preview).toMatchObject({ created: 1, updated: 0, unchanged: 1, newDepartments: [] });
    await importEmployeesCsv(t.db, clock, csv.join('\n'));
    expect((await employee('petrov')).department).toBe('Склад');
    expect(await t.db.selectFrom('departments').select('name').execute()).toEqual([{ name: 'Склад' }]);
  });

  it('takes bidi controls out of names, positions and departments: they would reverse the lines they are shown in', async () => {
    t = await openTestDb(kind);
    await importEmployeesCsv(
      t.db,
      clock,
      'slug;name;position;department;manager_email\nkozlov;Козлов \u202eИван;Инж\u2067енер\u2069;ДКС\u202e;boss@example.ru\n',
    );
    const e = await employee('kozlov');
    expect([e.name, e.position, e.department]).toEqual(['Козлов Иван', 'Инженер', 'ДКС']);
  });

  it('imports good lines, reports each bad one by its line number in Russian, and creates departments', async () => {
    t = await openTestDb(kind);
    await saveSubject(t.db, clock, { slug: 'delivery2', title: 'Доставка', recipients: [] });
    const csv = [
      '\uFEFFslug;name;position;department;manager_email;manager_name;email',
      'ivanov;Иванов Иван;Инженер;ДКС;boss@example.ru;Петров С.;Ivanov@Example.ru',
      'Bad Slug;Кто-то;;;boss@example.ru;;',
      'petrova;"Петрова; Анна";Менеджер;ОПР;not-an-email;;',
      '',
      'sidorov;Сидоров Пётр;Бухгалтер;ЛК;lk@example.ru;;',
      'delivery2;Занятой Слаг;;;boss@example.ru;;',
      'nomail;Без Почты;;;;;',
      'sidorov;Сидоров-второй;;;lk@example.ru;;',
    ].join('\r\n');
    const report = await importEmployeesCsv(t.db, clock, csv);
    expect(report).toMatchObject({ dryRun: false, created: 2, updated: 0, newDepartments: ['ДКС', 'ЛК'] });
    expect(report.errors).toEqual([
      { line: 3, problems: ['код (slug): латинские строчные буквы, цифры и дефис (ivanov, anna-petrova)'] },
      { line: 4, problems: ['e-mail руководителя: нужен правильный адрес (boss@example.ru)'] },
      { line: 7, problems: ['код «delivery2» уже занят предметом оценки'] },
      { line: 8, problems: ['«nomail» — новый сотрудник, для него нужно заполнить: e-mail руководителя'] },
      { line: 9, problems: ['код «sidorov» уже был в строке 6: у сотрудника одна строка'] },
    ]);
    expect(await employee('ivanov')).toMatchObject({
      name: 'Иванов Иван',
      department: 'ДКС',
      manager_email: 'boss@example.ru',
      email: 'ivanov@example.ru',
      active: 1,
    });
    expect((await employee('sidorov')).name).toBe('Сидоров Пётр');
    const departments = await t.db.selectFrom('departments').select('name').orderBy('name').execute();
    expect(departments.map((d) => d.name)).toEqual(['ДКС', 'ЛК']);
  });

  it('leaves a field alone for an empty cell or a missing column, clears it for «-», and activates only through «active»', async () => {
    t = await openTestDb(kind);
    await ivanovWhoLeft();
    const before = await employee('ivanov');

    // A file of the required columns only, and one with empty cells: nothing changes, he stays away.
    const short = await importEmployeesCsv(
      t.db,
      clock,
      'slug;name;manager_email\nivanov;Иванов Иван;boss@example.ru\n',
    );
    expect(short).toMatchObject({ created: 0, updated: 0, unchanged: 1, errors: [] });
    const blanks = await importEmployeesCsv(
      t.db,
      clock,
      'slug;name;position;department;manager_email;manager_name;email;active\nivanov;;;;;;;\n',
    );
    expect(blanks).toMatchObject({ created: 0, updated: 0, unchanged: 1, errors: [] });
    expect(await employee('ivanov')).toEqual(before);

    // «-» clears an optional field; a required one can't be cleared; «active» brings him back.
    const cleared = await importEmployeesCsv(
      t.db,
      clock,
      'slug;manager_name;department;email;active\nivanov;-;-;;да\n',
    );
    expect(cleared.changed).toEqual([
      {
        line: 2,
        slug: 'ivanov',
        name: 'Иванов Иван',
        changes: [
          { field: 'department', from: 'ДКС', to: null },
          { field: 'managerName', from: 'Петров С.', to: null },
          { field: 'active', from: false, to: true },
        ],
      },
    ]);
    expect(await employee('ivanov')).toMatchObject({
      manager_name: null,
      department: null,
      department_id: null,
      position: 'Инженер',
      email: 'ivanov@example.ru',
      active: 1,
    });
    const refused = await importEmployeesCsv(t.db, clock, 'slug;name;manager_email\nivanov;-;-\n');
    expect(refused.errors).toEqual([
      {
        line: 2,
        problems: [
          'Ф.И.О.: «-» очищает поле, а это поле очистить нельзя',
          'e-mail руководителя: «-» очищает поле, а это поле очистить нельзя',
        ],
      },
    ]);
  });

  it('with dryRun says what it would add, change (from → to) and refuse, and writes nothing', async () => {
    t = await openTestDb(kind);
    await ivanovWhoLeft();
    const csv =
      'slug;ФИО;Должность;Подразделение;manager_email;email;почта_типо\n' +
      'ivanov;Иванов Иван;Старший инженер;Склад;boss@example.ru;;x\n' +
      'smirnov;Смирнов Олег;Кладовщик;Склад;boss@example.ru;smirnov@example.ru;\n' +
      'kuznetsova;Кузнецова Ольга;;;not-an-email;;\n';
    const preview = await importEmployeesCsv(t.db, clock, csv, { dryRun: true });
    expect(preview).toEqual({
      dryRun: true,
      created: 1,
      updated: 1,
      unchanged: 0,
      added: [{ line: 3, slug: 'smirnov', name: 'Смирнов Олег' }],
      changed: [
        {
          line: 2,
          slug: 'ivanov',
          name: 'Иванов Иван',
          changes: [
            { field: 'position', from: 'Инженер', to: 'Старший инженер' },
            { field: 'department', from: 'ДКС', to: 'Склад' },
          ],
        },
      ],
      newDepartments: ['Склад'],
      unknownColumns: ['почта_типо'],
      errors: [{ line: 4, problems: ['e-mail руководителя: нужен правильный адрес (boss@example.ru)'] }],
    });
    expect(await findRatingTarget(t.db, 'smirnov')).toBeUndefined();
    expect(await employee('ivanov')).toMatchObject({ position: 'Инженер', department: 'ДКС' });
    expect(await t.db.selectFrom('departments').select('name').execute()).toEqual([{ name: 'ДКС' }]);

    const applied = await importEmployeesCsv(t.db, clock, csv);
    expect(applied).toEqual({ ...preview, dryRun: false });
    expect(await employee('smirnov')).toMatchObject({ email: 'smirnov@example.ru', department: 'Склад', active: 1 });
    expect(await employee('ivanov')).toMatchObject({ position: 'Старший инженер', department: 'Склад', active: 0 });
  });

  it('refuses a file without the slug column, naming line 1', async () => {
    t = await openTestDb(kind);
    const report = await importEmployeesCsv(t.db, clock, 'name;email\nИванов;a@b.ru\n');
    expect(report.errors).toEqual([{ line: 1, problems: [expect.stringContaining('нет столбца slug')] }]);
    const broken = await importEmployeesCsv(t.db, clock, 'slug;name\nivanov;"Иванов\n');
    expect(broken.errors[0]!.problems[0]).toContain('файл не читается');
  });
});

it('tells a workbook or another binary file from CSV text in UTF-8 or Windows-1251', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  expect(notText(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe(true); // .xlsx, .ods
  expect(notText(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1))).toBe(true); // .xls
  expect(notText(bytes(0x73, 0x6c, 0x00, 0x75))).toBe(true);
  expect(notText(new TextEncoder().encode('slug;ФИО\nivanov;Иванов\n'))).toBe(false);
  expect(notText(bytes(0x73, 0x6c, 0x75, 0x67, 0x3b, 0xd4, 0xc8, 0xce, 0x0a))).toBe(false); // «slug;ФИО» in 1251
  expect(notText(bytes())).toBe(false);
});
