import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { STEP_TITLES } from '../../../../shared/complaint-process.ts';
import type { ConsoleUser, WeeklyControl } from '../../api/types.ts';
import { choose, click, json, META, openConsole, signedIn, stubApi, USERS } from '../../testing/helpers.tsx';
import { WEEKLY, WEEKLY_EMPTY } from './report-fixtures.ts';

beforeEach(() => {
  // Wednesday of week 45: the last ended week is 2026-W44.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-04T09:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** The API answering the week asked for with the fixture (its period renamed), as the server would. */
const weeklyApi = (user: ConsoleUser = USERS.qms, payload: WeeklyControl = WEEKLY) =>
  stubApi({
    'GET me': signedIn(user),
    'GET meta': json(200, META),
    'GET reports/weekly': ({ url }) =>
      json(200, { ...payload, period: { ...payload.period, key: url.searchParams.get('week') ?? '' } }),
  });
const cells = (tr: Element) => [...tr.querySelectorAll('th, td')].map((x) => x.textContent!.replace(/\s/g, ' '));

it('asks for the last ended week and shows its totals, departments, steps and overdue complaints', async () => {
  const api = weeklyApi();
  const c = await openConsole('/admin/reports/weekly');
  expect(api.last('GET', 'reports/weekly')!.query).toEqual({ week: '2026-W44' });
  expect(c.$('.period-label')!.textContent).toBe('Неделя 44: 26.10.2026 – 01.11.2026');
  const tiles = c.$$('.stat-tile').map((t) => [t.querySelector('dt')!.textContent, t.querySelector('dd')!.textContent]);
  expect(tiles).toEqual([
    ['Поступило', '17'],
    ['В работе на конец недели', '9'],
    ['Закрыто', '11'],
    ['Просрочено', '3'],
  ]);
  const [departments, steps, overdue] = c.$$('table');
  expect([...departments!.querySelectorAll('tbody tr')].map(cells)).toEqual([
    ['ДКС', '12', '6', '8', '2'],
    ['ОПР', '4', '2', '3', '1'],
    ['Без подразделения', '1', '1', '0', '0'],
  ]);
  expect(cells(steps!.querySelector('tbody tr:nth-child(3)')!)).toEqual([
    `1.3 ${STEP_TITLES['1.3']}`,
    '3',
    '2',
    '9',
    '3',
  ]);
  const rows = [...overdue!.querySelectorAll('tbody tr')];
  expect(rows).toHaveLength(2);
  const link = rows[0]!.querySelector('a')!;
  expect(link.textContent).toBe('2026-00007');
  expect(link.getAttribute('href')).toBe('/admin/submissions/s7');
  expect(rows[0]!.textContent).toContain('Бадыштова К.');
  expect(rows[0]!.textContent).toContain('ДКС');
  expect(rows[0]!.textContent).toContain(STEP_TITLES['1.3']);
  expect(rows[0]!.textContent).toContain('7 р. д. 1 ч 10 мин');
  expect(rows[1]!.textContent).toContain('не назначен');
});

it('steps through weeks across the New Year and back, and to this week', async () => {
  vi.setSystemTime(new Date('2027-02-10T09:00:00Z'));
  const api = weeklyApi();
  const c = await openConsole('/admin/reports/weekly?week=2026-W53');
  expect(c.$('.period-label')!.textContent).toBe('Неделя 53: 28.12.2026 – 03.01.2027');
  await click(c.button(/Следующая неделя/));
  expect(location.search).toBe('?week=2027-W01');
  expect(api.last('GET', 'reports/weekly')!.query).toEqual({ week: '2027-W01' });
  expect(c.$('.period-label')!.textContent).toBe('Неделя 1: 04.01.2027 – 10.01.2027');
  await click(c.button(/Предыдущая неделя/));
  await click(c.button(/Предыдущая неделя/));
  expect(location.search).toBe('?week=2026-W52');
  await click(c.button('Эта неделя'));
  expect(location.search).toBe('?week=2027-W06');
  // Unavailable, yet focusable: reaching this week by it doesn't drop the focus to the page's start.
  expect(c.button(/Следующая неделя/).getAttribute('aria-disabled')).toBe('true');
  await click(c.button(/Следующая неделя/));
  expect(location.search).toBe('?week=2027-W06');
});

it('lets the QMS choose a department, and the export links follow the week and the department', async () => {
  const api = weeklyApi();
  const c = await openConsole('/admin/reports/weekly?week=2026-W44');
  await choose(c.field<HTMLSelectElement>('Подразделение'), 'd2');
  expect(location.search).toBe('?week=2026-W44&department=d2');
  expect(api.last('GET', 'reports/weekly')!.query).toEqual({ week: '2026-W44', department: 'd2' });
  const links = c.$$<HTMLAnchorElement>('.export-links a');
  expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.hasAttribute('download')])).toEqual([
    ['Скачать CSV', '/api/admin/reports/weekly.csv?week=2026-W44&department=d2', true],
    ['Скачать XLSX', '/api/admin/reports/weekly.xlsx?week=2026-W44&department=d2', true],
  ]);
  await click(c.$$('.tabs a').find((a) => a.textContent === 'Анализ за период')!);
  expect(location.pathname + location.search).toBe('/admin/reports/monthly?department=d2');
});

it('shows a handler his department without a selector, and «Отчёты» is in every role’s menu', async () => {
  const api = weeklyApi(USERS.handler, { ...WEEKLY, department: { id: 'd1', name: 'ДКС' } });
  const c = await openConsole('/admin/reports/weekly?week=2026-W44');
  expect(c.field('Подразделение')).toBeNull();
  expect(c.$$('select')).toHaveLength(0);
  expect(c.text()).toContain('Подразделение: ДКС');
  expect(api.last('GET', 'reports/weekly')!.query).toEqual({ week: '2026-W44' });
  expect(c.$$('nav[aria-label="Разделы"] a').map((a) => a.textContent)).toContain('Отчёты');
  const viewer: ConsoleUser = { ...USERS.qms, id: 'u4', role: 'viewer' };
  for (const user of [USERS.admin, USERS.qms, viewer]) {
    c.unmount();
    weeklyApi(user);
    const other = await openConsole('/admin/reports/weekly');
    expect(other.$('nav a[aria-current="page"]')!.textContent).toBe('Отчёты');
    expect(other.field('Подразделение')).not.toBeNull();
  }
});

it('says the week had no complaints instead of drawing empty charts', async () => {
  weeklyApi(USERS.qms, WEEKLY_EMPTY);
  const c = await openConsole('/admin/reports/weekly?week=2026-W44');
  expect(c.text()).toContain('Нет жалоб за период.');
  expect(c.$$('svg, table, figure')).toHaveLength(0);
});

it('gives every chart its table, the picture hidden from screen readers', async () => {
  weeklyApi();
  const c = await openConsole('/admin/reports/weekly?week=2026-W44');
  const figures = c.$$('figure.chart');
  expect(figures).toHaveLength(2);
  for (const f of figures) {
    expect(f.querySelector('figcaption')!.textContent).not.toBe('');
    expect(f.querySelector('.chart-picture')!.getAttribute('aria-hidden')).toBe('true');
    expect(f.querySelector('.chart-picture svg rect')).not.toBeNull();
    expect(f.querySelector('.chart-table table tbody tr')).not.toBeNull();
    // Each table is named by the figure's caption.
    const caption = f.querySelector('figcaption')!;
    for (const t of f.querySelectorAll('.chart-table table')) {
      expect(t.getAttribute('aria-labelledby')).toBeTruthy();
      expect(t.getAttribute('aria-labelledby')).toBe(caption.id);
    }
  }
  // Every bar drawn is a number in the table: 3 departments × 4 figures.
  expect(figures[0]!.querySelectorAll('svg rect')).toHaveLength(12);
});
