import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { shareOf } from '../report-labels.ts';
import { csvCell, toCsv } from './csv.ts';
import { monthlyTables } from './monthly-tables.ts';
import type { ReportFile } from './table.ts';
import { HOSTILE, monthlyFixture, weeklyFixture } from './testing/report-fixtures.ts';
import { zipEntries } from './testing/zip-entries.ts';
import { weeklyTables } from './weekly-tables.ts';
import { toXlsx } from './xlsx.ts';

const BASE = 'https://otklik.example.ru';

/** The CSV as Excel reads it: after the BOM, `;`-separated records, blank lines kept. */
function readCsv(file: Buffer): string[][] {
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(file, { bom: true, delimiter: ';', relax_column_count: true, skip_empty_lines: false });
}

/** The records of one table in the CSV: those after its title line and before the blank one. */
function csvTable(records: string[][], title: string): string[][] {
  const at = records.findIndex((r) => r[0] === title);
  expect(at).toBeGreaterThan(0);
  const end = records.findIndex((r, i) => i > at && r.length === 1 && r[0] === '');
  return records.slice(at + 1, end < 0 ? undefined : end);
}

const russianNumber = (s: string) => Number(s.replace(',', '.').replace('%', ''));

describe('CSV', () => {
  it('opens with its BOM as Cyrillic text, `;`-separated, CRLF, tables one after another', () => {
    const file = toCsv(weeklyTables(weeklyFixture(), BASE));
    const text = file.toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const records = readCsv(file);
    expect(records[0]![0]).toBe(
      'Контроль отработки жалоб. Неделя 44: 26.10.2026 – 01.11.2026. Вся компания; данные на 02.11.2026 00:00 МСК',
    );
    expect(csvTable(records, 'Итоги')).toEqual([
      ['Показатель', 'Жалоб'],
      ['Поступило', '7'],
      ['В работе на конец недели', '5'],
      ['Закрыто', '3'],
      ['Просрочено', '2'],
    ]);
    expect(csvTable(records, 'Жалобы по подразделениям')).toEqual([
      ['Подразделение', 'Поступило', 'В работе на конец недели', 'Закрыто', 'Просрочено'],
      ['ДКС', '5', '4', '2', '2'],
      ['Без подразделения', '2', '1', '1', '0'],
    ]);
    const overdue = csvTable(records, 'Просроченные жалобы (дольше всех просроченные первыми)');
    expect(overdue[1]).toEqual([
      'Ж-2026-0042',
      '27.10.2026 10:15',
      `'${HOSTILE}`,
      'ДКС',
      'Петрова Анна',
      // A text constant: Russian Excel opens a bare 1.2 as the 1st of February.
      '="1.2"',
      '27.10.2026 13:15',
      '2350',
      '4 р. д. 3 ч 10 мин',
      `${BASE}/admin/submissions/sub-1`,
    ]);
    // A `;` in a client's name is quoted, not a new column.
    expect(overdue[2]![2]).toBe('ООО «Ромашка»; склад №2');
    expect(overdue[2]![4]).toBe('');
  });

  it('writes steps, ИНН and phones as text constants Excel keeps as they are, other text as text', () => {
    expect(csvCell('1.1', 'code')).toBe('"=""1.1"""');
    expect(csvCell('0105012349', 'code')).toBe('"=""0105012349"""');
    expect(csvCell('+7 951 511-35-29', 'code')).toBe('"=""+7 951 511-35-29"""');
    // Nothing that could close the constant or add to it goes into one.
    expect(csvCell('1"&cmd', 'code')).toBe('"1""&cmd"');
    expect(csvCell('=1+1', 'code')).toBe("'=1+1");
    expect(csvCell('1.1', 'text')).toBe('1.1');
  });

  it('rounds a share once: 12 of 22 is 54,5%, not 0.5455 rounded again to 54,6%', () => {
    expect(csvCell(shareOf(12, 22), 'percent')).toBe('54,5%');
    expect(shareOf(12, 22)).toBe(12 / 22);
  });

  it('writes the monthly analysis side by side with decimal commas and percentages', () => {
    const records = readCsv(toCsv(monthlyTables(monthlyFixture())));
    const closed = csvTable(records, 'Закрытые жалобы: обоснованность, удовлетворённость и лояльность клиентов, сроки');
    expect(closed[0]).toEqual([
      'Показатель',
      'Значение',
      'Октябрь 2026: жалоб',
      'Октябрь 2026: доля',
      'Сентябрь 2026: жалоб',
      'Сентябрь 2026: доля',
    ]);
    expect(closed[1]).toEqual(['Закрыто', 'всего', '8', '', '4', '']);
    expect(closed[2]).toEqual(['Обоснованность', 'Обоснована', '2', '25%', '1', '25%']);
    const days = csvTable(records, 'Срок от поступления жалобы до закрытия, рабочих дней');
    expect(days[1]).toEqual(['Средний', '9', '4,5']);
    expect(russianNumber(days[2]![1]!)).toBe(3.2);
    const steps = csvTable(records, 'Соблюдение сроков по шагам первого этапа');
    expect(steps[1]!.slice(0, 7)).toEqual([
      '="1.1"',
      'Приём претензии ответственным в работу',
      '3',
      '2',
      '1',
      '0',
      '66,7%',
    ]);
  });

  it.each([
    ['=', '=SUM(A1:A9)'],
    ['+', '+79515113523'],
    ['-', '-2+3'],
    ['@', '@SUM(1)'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
  ])('writes text beginning with %s after an apostrophe, never as a formula', (_, text) => {
    const cell = csvCell(text, 'text');
    const [[read]] = parse(cell, { delimiter: ';' }) as string[][] as [[string]];
    expect(read).toBe(`'${text}`);
    // Numbers stay numbers, a negative one too.
    expect(csvCell(-2, 'integer')).toBe('-2');
  });
});

const report = (rows: ReportFile['tables'][number]['rows']): ReportFile => ({
  name: 'x',
  title: 'Проверка',
  tables: [
    {
      title: 'Клиенты',
      sheet: 'Клиенты',
      columns: [
        { key: 'name', title: 'Имя', type: 'text' },
        { key: 'n', title: 'Число', type: 'integer' },
      ],
      rows,
    },
  ],
});

describe('XLSX, read back by a second reader (read-excel-file)', () => {
  it('has one worksheet per table with real numbers, percentages and dates in the company’s time', async () => {
    const file = await toXlsx(monthlyTables(monthlyFixture()));
    const sheets = await readExcelFile(file);
    expect(sheets.map((s) => s.sheet)).toEqual([
      'По видам',
      'По каналам',
      'По подразделениям',
      'Закрытые жалобы',
      'Сроки закрытия',
      'Соблюдение сроков',
      'По ответственным',
      'Оценки сотрудников',
      'Оценки подразделений',
      'Оценки по темам',
      'Оценки по месяцам',
    ]);
    const kinds = sheets[0]!.data;
    expect(String(kinds[0]![0])).toMatch(
      /^Поступило по видам\. Анализ обращений\. Октябрь 2026 \(для сравнения: сентябрь 2026\)/,
    );
    expect(kinds.slice(1)).toEqual([
      ['Вид', 'Октябрь 2026: количество', 'Сентябрь 2026: количество'],
      ['Жалоба', 12, 6],
      ['Благодарность', 6, 3],
      ['Оценка', 2, 1],
      ['Всего', 20, 10],
    ]);
    const closed = sheets[3]!.data;
    expect(closed[3]).toEqual(['Обоснованность', 'Обоснована', 2, 0.25, 1, 0.25]);
    expect(sheets[4]!.data[2]).toEqual(['Средний', 9, 4.5]);
    expect(sheets[5]!.data[2]![6]).toBeCloseTo(2 / 3, 10);
    // Each responsible person: counts as numbers, shares as fractions (the cell's format shows %).
    expect(sheets[6]!.data[1]!.slice(0, 4)).toEqual([
      'Ответственный',
      'Октябрь 2026: закрыто жалоб',
      'Октябрь 2026: закрыто за 14 р. д.',
      'Октябрь 2026: закрыто за 14 р. д., доля',
    ]);
    expect(sheets[6]!.data[2]).toEqual(['Смирнова Ольга', 8, 8, 1, 2, 0.25, 6, 0.75, 4, 0.5, 12, 8, 4 / 6, 4 / 6]);
    expect(sheets[6]!.data[3]!.slice(0, 2)).toEqual(['Ответственный не назначен', 0]);
    expect(sheets[7]!.data[1]!.slice(0, 3)).toEqual(['Сотрудник', 'Октябрь 2026: оценок', 'Октябрь 2026: средняя']);
    expect(sheets[7]!.data[2]).toEqual(['Иванов Иван', 3, 4.33, 0, 0, 1, 0, 2, 3, 4.33]);

    const weekly = await readExcelFile(await toXlsx(weeklyTables(weeklyFixture(), BASE)));
    const overdue = weekly.find((s) => s.sheet === 'Просроченные')!.data;
    // A date is a serial number of days: the reader's arithmetic is off by a millisecond.
    const toMinute = (v: unknown) => (v instanceof Date ? new Date(Math.round(v.getTime() / 60_000) * 60_000) : v);
    expect(overdue[2]!.map(toMinute)).toEqual([
      'Ж-2026-0042',
      new Date('2026-10-27T10:15:00.000Z'), // 07:15 UTC is 10:15 in Moscow, and a date, not text
      HOSTILE,
      'ДКС',
      'Петрова Анна',
      '1.2',
      new Date('2026-10-27T13:15:00.000Z'),
      2350,
      '4 р. д. 3 ч 10 мин',
      `${BASE}/admin/submissions/sub-1`,
    ]);
    // The card opens with a click: a hyperlink to it, not only its address as text.
    const entries = zipEntries(await toXlsx(weeklyTables(weeklyFixture(), BASE)));
    const sheet = [...entries].find(([name, xml]) => name.includes('worksheets/') && xml.includes('<hyperlink'));
    expect(sheet).toBeDefined();
    const rels = [...entries].find(([name]) => /^xl\/worksheets\/_rels\/.+\.rels$/.test(name))![1];
    expect(rels).toContain(`Target="${BASE}/admin/submissions/sub-1"`);
  });

  it('formats the cells: bold header, frozen title and header rows, percent and date formats', async () => {
    const xml = zipEntries(await toXlsx(weeklyTables(weeklyFixture(), BASE)));
    const sheet = xml.get('xl/worksheets/sheet4.xml')!;
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toMatch(/ySplit="2"/);
    const styles = xml.get('xl/styles.xml')!;
    expect(styles).toContain('formatCode="dd.mm.yyyy hh:mm"');
    expect(styles).toContain('<b/>');
    expect(zipEntries(await toXlsx(monthlyTables(monthlyFixture()))).get('xl/styles.xml')).toContain(
      'formatCode="0.0%"',
    );
  });

  it('stores text beginning with =, +, -, @, a tab or CR as text, never a formula; numbers stay numbers', async () => {
    const hostile = [HOSTILE, '+79515113523', '-2+3', '@SUM(1)', '\t=1+1', '\r=1+1'];
    const file = await toXlsx(report([...hostile.map((name, i) => ({ name, n: -i })), { name: 'ctl\u0001x', n: 1 }]));
    const rows = (await readExcelFile(file, { trim: false }))[0]!.data.slice(2);
    expect(rows.slice(0, 6)).toEqual(hostile.map((name, i) => [name, i === 0 ? 0 : -i]));
    // A control character XML can't hold is replaced, so the file still opens.
    expect(rows[6]).toEqual(['ctl\ufffdx', 1]);
    const entries = zipEntries(file);
    const sheet = entries.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).not.toContain('<f>');
    expect(sheet).not.toContain('<f ');
    expect(entries.get('xl/sharedStrings.xml')).toContain('=cmd|&apos; /C calc&apos;!A0');
  });

  it('opens whatever a name in its titles holds: a department «Склад\uFFFF» leaves the XML valid', async () => {
    const file = await toXlsx({ ...report([{ name: 'a', n: 1 }]), title: 'Вся компания: Склад\uffff' });
    const entries = zipEntries(file);
    for (const [name, xml] of entries) expect(xml, name).not.toMatch(/[\ufffe\uffff]/);
    const sheets = await readExcelFile(file);
    expect(sheets[0]!.data[0]![0]).toBe('Клиенты. Вся компания: Склад\ufffd');
  });

  it('wraps a long message within its column, its row read from the top', async () => {
    const wide: ReportFile = {
      name: 'x',
      title: 'Обращения по фильтру',
      tables: [
        {
          title: 'Обращения',
          sheet: 'Обращения',
          columns: [
            { key: 'n', title: 'Номер', type: 'code', width: 14 },
            { key: 'm', title: 'Сообщение', type: 'text', width: 60 },
          ],
          rows: [{ n: '0105012349', m: 'Первая строка\nвторая строка' }],
        },
      ],
    };
    const file = await toXlsx(wide);
    const styles = zipEntries(file).get('xl/styles.xml')!;
    expect(styles).toMatch(/<alignment[^>]*wrapText="1"/);
    expect(styles).toMatch(/<alignment[^>]*vertical="top"/);
    const rows = (await readExcelFile(file))[0]!.data;
    // The table's own name is not said twice before the report's title that holds it.
    expect(rows[0]![0]).toBe('Обращения по фильтру');
    expect(rows[2]).toEqual(['0105012349', 'Первая строка\nвторая строка']);
  });
});
