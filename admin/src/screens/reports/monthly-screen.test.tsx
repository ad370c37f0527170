import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { STEP_TITLES } from '../../../../shared/complaint-process.ts';
import type { ConsoleUser, MonthlyAnalysis } from '../../api/types.ts';
import { choose, click, json, META, openConsole, signedIn, stubApi, USERS } from '../../testing/helpers.tsx';
import { MONTHLY, MONTHLY_EMPTY } from './report-fixtures.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-04T09:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const monthlyApi = (user: ConsoleUser = USERS.qms, payload: MonthlyAnalysis = MONTHLY) =>
  stubApi({
    'GET me': signedIn(user),
    'GET meta': json(200, META),
    'GET reports/monthly': json(200, payload),
  });
const cells = (tr: Element) => [...tr.querySelectorAll('th, td')].map((x) => x.textContent!.replace(/\s/g, ' '));
const figure = (c: Awaited<ReturnType<typeof openConsole>>, caption: string) =>
  c.$$('figure.chart').find((f) => f.querySelector('figcaption')!.textContent!.startsWith(caption))!;
const rowsOf = (f: Element, nth = 0) => [...f.querySelectorAll('table')[nth]!.querySelectorAll('tbody tr')].map(cells);

it('asks for last month and sets every figure beside the previous period', async () => {
  const api = monthlyApi();
  const c = await openConsole('/admin/reports/monthly');
  expect(api.last('GET', 'reports/monthly')!.query).toEqual({ period: '2026-10' });
  expect(c.$('.period-label')!.textContent).toBe('Октябрь 2026');
  const tiles = c.$$('.stat-tile').map((t) => t.textContent!.replace(/\s/g, ' '));
  expect(tiles).toEqual([
    'Поступило42−42 · было 84',
    'Закрыто жалоб10было 20',
    'Средний срок, р. д.6,4было 8,1',
    'Лояльные клиенты60 %было 60 %',
  ]);
  expect(rowsOf(figure(c, 'По видам'))).toEqual([
    ['Жалоба', '20', '40', '−20'],
    ['Благодарность', '12', '24', '−12'],
    ['Предложение', '4', '8', '−4'],
    ['Оценка', '6', '12', '−6'],
  ]);
  expect(rowsOf(figure(c, 'По каналам'))[1]).toEqual(['Телефон', '12', '24', '−12']);
  expect(rowsOf(figure(c, 'По подразделениям'))[0]).toEqual(['ДКС', '28', '56', '−28']);
  expect(rowsOf(figure(c, 'Обоснованность'))).toEqual([
    ['Обоснованная', '40 % (4)', '40 % (8)', '0'],
    ['Частично обоснованная', '20 % (2)', '20 % (4)', '0'],
    ['Необоснованная', '30 % (3)', '30 % (6)', '0'],
    ['Не указано', '10 % (1)', '10 % (2)', '0'],
  ]);
  expect(rowsOf(figure(c, 'Удовлетворённость клиентов'))[0]).toEqual(['Да', '70 % (7)', '70 % (14)', '0']);
  expect(rowsOf(figure(c, 'Удовлетворённость и лояльность'))).toHaveLength(5);
  // Each responsible person's handling, the one with no one last, his share of deadlines met before.
  const people = figure(c, 'Доля сроков шагов, выполненных в срок, по ответственным');
  expect([...people.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
    'Ответственный',
    'Закрыто жалоб',
    'За 14 р. д.',
    'За 5 р. д.',
    'Удовлетворены',
    'Лояльны',
    'Сроков шагов',
    'В срок',
    'В срок: Сентябрь 2026',
    'Изменение',
  ]);
  expect(rowsOf(people)).toEqual([
    ['Смирнова Ольга', '8', '88 % (7)', '50 % (4)', '75 % (6)', '63 % (5)', '40', '85 % (34)', '85 %', '0'],
    ['Ответственный не назначен', '2', '100 % (2)', '50 % (1)', '50 % (1)', '50 % (1)', '6', '100 % (6)', '100 %', '0'],
  ]);
  const days = figure(c, 'Срок закрытия');
  expect(days.querySelector('figcaption')!.textContent).toBe('Срок закрытия в рабочих днях: предел 14, цель 5');
  expect(rowsOf(days)).toEqual([
    ['Средний срок', '6,4', '8,1', '−1,7'],
    ['Медиана', '5,0', '7,5', '−2,5'],
  ]);
  expect(rowsOf(days, 1)).toEqual([
    ['За 14 р. д. и быстрее', '90 %', '90 %', '0'],
    ['За 5 р. д. и быстрее', '50 %', '50 %', '0'],
  ]);
  expect(rowsOf(figure(c, 'Соблюдение сроков'))[2]).toEqual([
    `1.3 ${STEP_TITLES['1.3']}`,
    '10',
    '6',
    '3',
    '1',
    '60 %',
    '60 %',
    '0',
  ]);
  const ratings = figure(c, 'Оценки по подразделениям');
  expect(rowsOf(ratings)[0]).toEqual([
    'ДКС',
    '4,33Сентябрь 2026: 4,56',
    '6Сентябрь 2026: 9',
    '1★ 02★ 03★ 14★ 25★ 3',
    'окт 26: 4,50 (6)',
  ]);
  expect(figure(c, 'Оценки по сотрудникам').textContent).toContain('Иванов Иван');
  expect(figure(c, 'Оценки по предметам').textContent).toContain('Качество доставки');
});

it('switches to a quarter and a year and steps back, the export links following', async () => {
  const api = monthlyApi();
  const c = await openConsole('/admin/reports/monthly?period=2026-10&department=d1');
  await choose(c.field<HTMLSelectElement>('Период'), 'quarter');
  expect(location.search).toBe('?period=2026-Q4&department=d1');
  expect(c.$('.period-label')!.textContent).toBe('IV квартал 2026');
  expect(c.button(/Следующий квартал/).getAttribute('aria-disabled')).toBe('true');
  await click(c.button(/Предыдущий квартал/));
  expect(location.search).toBe('?period=2026-Q3&department=d1');
  expect(api.last('GET', 'reports/monthly')!.query).toEqual({ period: '2026-Q3', department: 'd1' });
  expect(c.$$<HTMLAnchorElement>('.export-links a').map((a) => a.getAttribute('href'))).toEqual([
    '/api/admin/reports/monthly.csv?period=2026-Q3&department=d1',
    '/api/admin/reports/monthly.xlsx?period=2026-Q3&department=d1',
  ]);
  await choose(c.field<HTMLSelectElement>('Период'), 'year');
  expect(location.search).toBe('?period=2026&department=d1');
  await click(c.button(/Предыдущий год/));
  expect(c.$('.period-label')!.textContent).toBe('2025 год');
  await choose(c.field<HTMLSelectElement>('Подразделение'), '');
  expect(location.search).toBe('?period=2025');
});

it('hides the department selector from a handler', async () => {
  const api = monthlyApi(USERS.handler, { ...MONTHLY, department: { id: 'd1', name: 'ДКС' } });
  const c = await openConsole('/admin/reports/monthly?period=2026-10');
  expect(c.field('Подразделение')).toBeNull();
  expect(c.field('Период')).not.toBeNull();
  expect(c.text()).toContain('Подразделение: ДКС');
  expect(api.last('GET', 'reports/monthly')!.query).toEqual({ period: '2026-10' });
});

it('says the period had nothing instead of drawing empty charts', async () => {
  monthlyApi(USERS.qms, MONTHLY_EMPTY);
  const c = await openConsole('/admin/reports/monthly?period=2026-10');
  expect(c.text()).toContain('Нет обращений и жалоб за период.');
  expect(c.$$('svg, table, figure')).toHaveLength(0);
});

it('gives every chart its table, the picture hidden from screen readers', async () => {
  monthlyApi();
  const c = await openConsole('/admin/reports/monthly?period=2026-10');
  const figures = c.$$('figure.chart');
  // 3 received + 4 shares + days + compliance + responsibles + 3 ratings.
  expect(figures).toHaveLength(13);
  for (const f of figures) {
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
  // The small charts inside the ratings' rows are hidden too: the row says the same in words.
  for (const svg of c.$$('.chart-table svg')) expect(svg.getAttribute('aria-hidden')).toBe('true');
});
