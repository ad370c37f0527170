import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CalendarDay, CalendarYear } from '../../api/types.ts';
import {
  apiError,
  click,
  json,
  META,
  openConsole,
  pressEscape,
  signedIn,
  stubApi,
  type,
  USERS,
} from '../../testing/helpers.tsx';

const DAYS: CalendarDay[] = [
  {
    day: '2026-04-30',
    type: 'short',
    source: 'decree',
    note: 'Предпраздничный день, на час короче',
    baseType: 'short',
  },
  { day: '2026-05-01', type: 'off', source: 'decree', note: 'Праздник Весны и Труда', baseType: 'off' },
  { day: '2026-12-31', type: 'work', source: 'company', note: null, baseType: 'off' },
];
const Y2026: CalendarYear = {
  year: 2026,
  hasData: true,
  decree: 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»',
  shippedYears: [2025, 2026],
  timeZone: 'Europe/Moscow',
  hours: { start: '09:00', end: '18:00' },
  days: DAYS,
  totals: { workingDays: 248, shortDays: 4, normHours: 1980, workingHours: 2228 },
};
const Y2028: CalendarYear = {
  ...Y2026,
  year: 2028,
  hasData: false,
  decree: null,
  days: [
    { day: '2028-01-03', type: 'off', source: 'law', note: 'Новогодние каникулы', baseType: 'off' },
    { day: '2028-02-22', type: 'short', source: 'law', note: 'Предпраздничный день, на час короче', baseType: 'short' },
  ],
  totals: { workingDays: 249, shortDays: 5, normHours: 1987, workingHours: 2236 },
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const rows = (c: Awaited<ReturnType<typeof openConsole>>) =>
  c.$$('tbody tr').map((r) => [...r.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent));

describe('the working calendar', () => {
  it('shows the year’s special days and totals, and lets the QMS add a day off', async () => {
    const added: CalendarDay = {
      day: '2026-06-15',
      type: 'off',
      source: 'company',
      note: 'Региональный праздник',
      baseType: 'work',
    };
    const api = stubApi({
      'GET me': signedIn(USERS.qms),
      'GET meta': json(200, META),
      'GET calendar': json(200, Y2026),
      'PUT calendar/days/2026-06-15': json(200, {
        ...Y2026,
        days: [...DAYS.slice(0, 2), added, DAYS[2]!],
        totals: { ...Y2026.totals, workingDays: 247 },
      } satisfies CalendarYear),
    });
    const c = await openConsole('/admin/calendar?year=2026');
    expect(c.$('h1')!.textContent).toBe('Рабочий календарь 2026');
    expect(api.last('GET', 'calendar')!.query).toEqual({ year: '2026' });
    expect(c.$('nav [aria-current="page"]')!.textContent).toBe('Календарь');
    expect(c.text()).toContain('№ 1466');
    expect(c.$('.dl')!.textContent).toContain('Рабочих дней248, из них сокращённых 4');
    expect(rows(c)).toEqual([
      ['30.04.2026', 'четверг', 'Сокращённый', 'Постановление', 'Предпраздничный день, на час короче'],
      ['01.05.2026', 'пятница', 'Выходной', 'Постановление', 'Праздник Весны и Труда'],
      ['31.12.2026', 'четверг', 'Рабочий', 'Компаниявместо: выходной', '—'],
    ]);

    await click(c.button('Добавить день'));
    await click(c.button('Сохранить'));
    expect(c.errorOf(c.field('Дата'))).toBe('Укажите дату');
    expect(api.last('PUT', 'calendar/days/2026-06-15')).toBeUndefined();
    await type(c.field('Дата'), '2026-06-15');
    await type(c.field('Примечание'), 'Региональный праздник');
    await click(c.button('Сохранить'));
    expect(api.last('PUT', 'calendar/days/2026-06-15')!.body).toEqual({ type: 'off', note: 'Региональный праздник' });
    expect(rows(c)[2]).toEqual([
      '15.06.2026',
      'понедельник',
      'Выходной',
      'Компаниявместо: рабочий',
      'Региональный праздник',
    ]);
    expect(c.$('.dl')!.textContent).toContain('Рабочих дней247');
    expect(c.$('[role="status"]')!.textContent).toBe('15.06.2026: сохранено');
  });

  it('closes the day form with Esc as «Отмена» does, asking only once something was typed', async () => {
    stubApi({ 'GET me': signedIn(USERS.qms), 'GET meta': json(200, META), 'GET calendar': json(200, Y2026) });
    const c = await openConsole('/admin/calendar?year=2026');
    const asked = vi.fn(() => false);
    vi.stubGlobal('confirm', asked);
    await click(c.button('Добавить день'));
    await pressEscape(c.field('Дата'));
    expect(asked).not.toHaveBeenCalled();
    expect(c.button('Сохранить')).toBeUndefined();
    await click(c.button('Добавить день'));
    await type(c.field('Примечание'), 'Региональный праздник');
    await pressEscape(c.field('Примечание'));
    expect(asked).toHaveBeenCalledOnce();
    expect(c.field<HTMLInputElement>('Примечание').value).toBe('Региональный праздник');
  });

  it('takes back a company change and edits the working hours', async () => {
    const api = stubApi({
      'GET me': signedIn(USERS.admin),
      'GET meta': json(200, META),
      'GET calendar': json(200, Y2026),
      'DELETE calendar/days/2026-12-31': json(200, { ...Y2026, days: DAYS.slice(0, 2) } satisfies CalendarYear),
      'PUT calendar/hours': ({ body }) =>
        (body as { end: string }).end === '23:30'
          ? apiError(422, 'validation', 'Проверьте поля формы', { end: 'Неверное значение' })
          : json(200, body),
    });
    const c = await openConsole('/admin/calendar?year=2026');
    await click(c.button('Отменить изменение 31.12.2026'));
    expect(api.last('DELETE', 'calendar/days/2026-12-31')).toBeDefined();
    expect(rows(c)).toHaveLength(2);

    await click(c.button('Изменить рабочее время'));
    await type(c.field('Конец'), '09:30');
    await click(c.button('Сохранить'));
    expect(c.errorOf(c.field('Конец'))).toBe('Конец рабочего дня — больше чем через час после начала');
    await type(c.field('Конец'), '23:30');
    await click(c.button('Сохранить'));
    expect(c.errorOf(c.field('Конец'))).toBe('Неверное значение');
    await type(c.field('Начало'), '08:30');
    await type(c.field('Конец'), '17:30');
    await click(c.button('Сохранить'));
    expect(api.last('PUT', 'calendar/hours')!.body).toEqual({ start: '08:30', end: '17:30' });
    expect(api.calls.filter((x) => x.method === 'GET' && x.path === 'calendar')).toHaveLength(2);
  });

  it('says plainly when a year has no production calendar, and offers a viewer nothing to change', async () => {
    const api = stubApi({
      'GET me': signedIn({ ...USERS.qms, role: 'viewer' }),
      'GET meta': json(200, META),
      'GET calendar': json(200, Y2028),
    });
    const c = await openConsole('/admin/calendar?year=2028');
    expect(c.$('[role="note"]')!.textContent).toContain(
      'Постановление о переносе выходных дней на 2028 год не загружено: считаются выходные, праздники Трудового кодекса (ст. 112, праздник в выходной переносится на следующий рабочий день) и сокращённые дни перед ними. Переносы постановления добавьте, когда оно выйдет: npm run cli -- calendar import ФАЙЛ.',
    );
    // The Labour Code's days are listed, each saying where it comes from.
    expect(rows(c)[0]).toContain('ТК РФ');
    expect(c.text()).not.toContain('Особых дней нет');
    expect(c.$$('main button')).toHaveLength(0);
    await click(c.$$('nav a').find((a) => a.textContent === '← 2027')!);
    expect(location.search).toBe('?year=2027');
    expect(api.last('GET', 'calendar')!.query).toEqual({ year: '2027' });
  });
});
