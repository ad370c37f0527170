import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { departmentAdd, employeeAdd, employeeImport, employeeSetActive, subjectAdd } from './cli-commands.ts';
import { findRatingTarget } from './targets.ts';

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
      'Department «ДКС» added.',
    );
    const d = await t.db.selectFrom('departments').selectAll().executeTakeFirstOrThrow();
    expect(d).toMatchObject({ name: 'ДКС', responsible_email: 'head@example.ru' });
    // Another case or spacing is the same department: said so, by its stored name.
    expect(await departmentAdd(t.db, clock, ['--name', 'дкс '])).toBe(
      'Department «ДКС» already existed: nothing changed.',
    );
    expect(await t.db.selectFrom('departments').select('id').execute()).toHaveLength(1);
  });

  it('writes each directory change to the audit log, as the console does, marked as made from the CLI', async () => {
    t = await openTestDb('sqlite');
    await departmentAdd(t.db, clock, ['--name', 'ДКС']);
    // Naming a department for the first time makes it: audited as made.
    await employeeAdd(t.db, clock, [
      ...['--slug', 'ivanov', '--name', 'Иванов Иван', '--manager-email', 'b@example.ru', '--department', 'Логистика'],
    ]);
    await employeeSetActive(t.db, clock, ['--slug', 'ivanov'], false);
    // Nothing changes, nothing is written.
    expect(await employeeSetActive(t.db, clock, ['--slug', 'ivanov'], false)).toBe(
      'Employee ivanov is deactivated already: nothing changed.',
    );
    await departmentAdd(t.db, clock, ['--name', 'дкс']);
    await subjectAdd(t.db, clock, ['--slug', 'install', '--title', 'Монтаж', '--recipients', 'a@x.ru']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-csv-'));
    fs.writeFileSync(
      path.join(dir, 'staff.csv'),
      'slug;name;manager_email;department\npetrova;Петрова Анна;b@example.ru;Склад\n',
    );
    await employeeImport(t.db, clock, [path.join(dir, 'staff.csv')]);
    fs.rmSync(dir, { recursive: true, force: true });
    const rows = await t.db.selectFrom('audit_log').select(['action', 'user_id', 'details']).orderBy('at').execute();
    expect(rows.map((r) => r.action).sort()).toEqual([
      'directory.department.create',
      'directory.department.create',
      'directory.department.create',
      'directory.employee.create',
      'directory.employee.import',
      'directory.employee.update',
      'directory.subject.create',
    ]);
    for (const r of rows) expect([r.user_id, JSON.parse(r.details).via]).toEqual([null, 'cli']);
    const made = rows.filter((r) => r.action === 'directory.department.create').map((r) => JSON.parse(r.details).name);
    expect(made).toEqual(['ДКС', 'Логистика', 'Склад']);
    // The file by its name, as the console's import names it, not the operator's folders.
    const imported = rows.find((r) => r.action === 'directory.employee.import')!;
    expect(JSON.parse(imported.details)).toMatchObject({ file: 'staff.csv', created: 1 });
    const update = rows.find((r) => r.action === 'directory.employee.update')!;
    expect(JSON.parse(update.details)).toEqual({
      slug: 'ivanov',
      changes: { active: { from: true, to: false } },
      via: 'cli',
    });
  });

  it('subject add: refuses the word «employee» and a wrong address, takes commas or semicolons', async () => {
    t = await openTestDb('sqlite');
    const add = (...args: string[]) => subjectAdd(t.db, clock, args);
    await expect(add('--slug', 'employee', '--title', 'Сотрудник', '--recipients', 'a@x.ru')).rejects.toThrow('--slug');
    await expect(add('--slug', 'install', '--title', 'Монтаж', '--recipients', 'a@x.ru,b@')).rejects.toThrow(
      '--recipients must be e-mail address(es)',
    );
    expect(await add('--slug', 'install', '--title', 'Монтаж', '--recipients', 'A@x.ru; b@x.ru')).toBe(
      'Rating subject install added: /r/install',
    );
    // Run again, it changes the subject, and says so: its ratings' e-mails go elsewhere now.
    expect(await add('--slug', 'install', '--title', 'Монтаж', '--recipients', 'c@x.ru')).toBe(
      'Rating subject install already existed: its title and recipients are replaced: /r/install',
    );
    await add('--slug', 'install', '--title', 'Монтаж', '--recipients', 'A@x.ru; b@x.ru');
    const target = await findRatingTarget(t.db, 'install');
    expect(target?.kind === 'subject' && JSON.parse(target.subject.recipients)).toEqual(['a@x.ru', 'b@x.ru']);
  });

  it("employee add: a wrong address is refused with the CSV import's Russian words; a taken slug is never overwritten", async () => {
    t = await openTestDb('sqlite');
    const args = ['--slug', 'ivanov', '--name', 'Иванов Иван', '--manager-email'];
    await expect(employeeAdd(t.db, clock, [...args, 'boss@'])).rejects.toThrow(
      'e-mail руководителя: нужен правильный адрес',
    );
    await expect(employeeAdd(t.db, clock, [...args, 'boss@example.ru', '--email', 'ivanov@'])).rejects.toThrow(
      'e-mail сотрудника: нужен правильный адрес',
    );
    expect(await employeeAdd(t.db, clock, [...args, 'Boss@Example.ru', '--email', 'Ivanov@Example.ru'])).toBe(
      'Сотрудник ivanov добавлен: подпись — /s/ivanov',
    );
    // A department named for the first time is made, and said so: a typo would be one more department.
    const added = await employeeAdd(t.db, clock, [
      ...['--slug', 'petrova', '--name', 'Петрова Анна', '--manager-email', 'b@example.ru'],
      ...['--department', 'Склат'],
    ]);
    expect(added).toContain('Новое подразделение: «Склат»');
    await expect(
      employeeAdd(t.db, clock, ['--slug', 'ivanov', '--name', 'Другой', '--manager-email', 'x@example.ru']),
    ).rejects.toThrow('код «ivanov» уже занят другим сотрудником');
    const target = await findRatingTarget(t.db, 'ivanov');
    expect(target?.kind === 'employee' && target.employee).toMatchObject({
      name: 'Иванов Иван',
      email: 'ivanov@example.ru',
      manager_email: 'boss@example.ru',
    });
  });

  it('employee import --dry-run shows the counts, the changes and the refused lines, and writes nothing', async () => {
    t = await openTestDb('sqlite');
    // Naming a department for the first time makes it: audited as made.
    await employeeAdd(t.db, clock, [
      ...['--slug', 'ivanov', '--name', 'Иванов Иван', '--manager-email', 'b@example.ru', '--department', 'Логистика'],
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-csv-'));
    const file = path.join(dir, 'staff.csv');
    fs.writeFileSync(
      file,
      'slug;name;position;manager_email;email\n' +
        'ivanov;;Инженер;;ivanov@example.ru\n' +
        'petrova;Петрова Анна;;b@example.ru;\n' +
        'BAD;Кто-то;;b@example.ru;\n',
    );
    try {
      const dry = await employeeImport(t.db, clock, [file, '--dry-run']);
      expect(dry.failed).toBe(false);
      expect(dry.text.split('\n')).toEqual([
        `Проверка файла ${file}: ничего не записано.`,
        'Будет добавлено: 1, обновлено: 1, без изменений: 0, не будет загружено строк: 1.',
        '',
        'Будут добавлены:',
        '  строка 3: petrova — Петрова Анна',
        '',
        'Будут изменены:',
        '  строка 2: ivanov — Иванов Иван: должность пусто → «Инженер»; e-mail сотрудника пусто → «ivanov@example.ru»',
        '',
        'Эти строки не будут загружены (остальные будут):',
        '  строка 4: код (slug): латинские строчные буквы, цифры и дефис (ivanov, anna-petrova)',
        '',
        `Чтобы загрузить: npm run cli -- employee import ${file}`,
      ]);
      expect(await findRatingTarget(t.db, 'petrova')).toBeUndefined();

      const real = await employeeImport(t.db, clock, [file]);
      expect(real.failed).toBe(false); // most of the file went in: not a failure
      expect(real.text).toContain('Добавлено: 1, обновлено: 1, без изменений: 0, не загружено строк: 1.');
      expect(real.text).toContain('исправьте их и загрузите файл снова (остальные уже загружены)');
      expect(await findRatingTarget(t.db, 'petrova')).toMatchObject({ kind: 'employee' });
      fs.writeFileSync(file, 'slug;name;manager_email\nBAD;X;b@example.ru\n');
      const nothing = await employeeImport(t.db, clock, [file]);
      expect(nothing.failed).toBe(true); // nothing usable
      expect(nothing.text).toContain('Ничего не загружено — исправьте файл и загрузите его снова:');
      expect(nothing.text).not.toContain('остальные');
      // A quote never closed: named at the line that opened it, not past the file's end.
      fs.writeFileSync(
        file,
        'slug;name;manager_email\nivanov;Иван;b@example.ru\npetrov;"Пётр;b@example.ru\nx;y;b@example.ru\n',
      );
      const broken = await employeeImport(t.db, clock, [file, '--dry-run']);
      expect(broken.text).toContain('Ничего не будет загружено:');
      expect(broken.text).toContain('  строка 3: файл не читается начиная с этой строки: кавычки не закрыты');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('employee import reads a Windows-1251 file as Excel saves it, as the console does', async () => {
    t = await openTestDb('sqlite');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-csv-'));
    const file = path.join(dir, 'staff.csv');
    // Windows-1251 puts А…я at 0xC0…0xFF, one byte each.
    const cp1251 = (text: string) =>
      Uint8Array.from(text, (ch) => (ch >= 'А' && ch <= 'я' ? ch.charCodeAt(0) - 0x350 : ch.charCodeAt(0)));
    fs.writeFileSync(
      file,
      cp1251('логин;фио;должность;e-mail руководителя\npetrova;Петрова Анна;Инженер;b@example.ru\n'),
    );
    try {
      const real = await employeeImport(t.db, clock, [file]);
      expect(real.text).toContain('Добавлено: 1, обновлено: 0, без изменений: 0');
      expect(await findRatingTarget(t.db, 'petrova')).toMatchObject({
        employee: { name: 'Петрова Анна', position: 'Инженер' },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
