import { afterEach, expect, it, vi } from 'vitest';
import type { ConsoleUser, RefusalsAnswer } from '../../api/types.ts';
import { json, META, openConsole, signedIn, stubApi, USERS } from '../../testing/helpers.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const ANSWER: RefusalsAnswer = {
  since: '2026-11-06',
  days: 30,
  items: [
    { day: '2026-12-05', reason: 'rate_ip', count: 1280 },
    { day: '2026-12-05', reason: 'pow_missing', count: 3 },
    { day: '2026-12-03', reason: 'honeypot', count: 2 },
    { day: '2026-12-03', reason: 'pow_missing', count: 1 },
  ],
};

it('shows refusals as a table of days by reasons in Russian, with totals both ways', async () => {
  const api = stubApi({ 'GET me': signedIn(), 'GET meta': json(200, META), 'GET refusals': json(200, ANSWER) });
  const c = await openConsole('/admin/refusals');
  expect(c.$('h1')!.textContent).toBe('Отказы');
  expect(api.last('GET', 'refusals')!.query).toEqual({ days: '30' });
  const cells = (tr: Element) => [...tr.querySelectorAll('th, td')].map((x) => x.textContent!.replace(/\s/g, ' '));
  expect(cells(c.$('thead tr')!)).toEqual([
    'День',
    'Без проверки на робота',
    'Заполнено скрытое поле',
    'Много отправок с одного IP',
    'Всего',
  ]);
  expect(c.$$('tbody tr').map(cells)).toEqual([
    ['05.12.2026', '3', '—', '1 280', '1 283'],
    ['03.12.2026', '1', '2', '—', '3'],
  ]);
  expect(cells(c.$('tfoot tr')!)).toEqual(['Итого', '4', '2', '1 280', '1 286']);
  expect(c.text()).not.toMatch(/rate_ip|pow_missing|honeypot/);
  expect(c.text()).toContain('Содержимое отклонённых запросов не хранится');
});

it('asks for another period from the select, and says so when nothing was refused', async () => {
  const api = stubApi({
    'GET me': signedIn(USERS.admin),
    'GET meta': json(200, META),
    'GET refusals': ({ url }) =>
      json(200, { since: '2026-11-29', days: Number(url.searchParams.get('days')), items: [] }),
  });
  const c = await openConsole('/admin/refusals?days=7');
  expect(api.last('GET', 'refusals')!.query).toEqual({ days: '7' });
  expect(c.text()).toContain('За этот период отказов не было.');
  const select = c.field<HTMLSelectElement>('Период');
  select.value = '90';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 20));
  expect(location.pathname + location.search).toBe('/admin/refusals?days=90');
  expect(api.last('GET', 'refusals')!.query).toEqual({ days: '90' });
});

it('is in the menu of admins, the QMS and viewers, not of handlers', async () => {
  const viewer: ConsoleUser = { ...USERS.qms, id: 'u4', role: 'viewer' };
  for (const [user, shown] of [
    [USERS.admin, true],
    [USERS.qms, true],
    [viewer, true],
    [USERS.handler, false],
  ] as const) {
    stubApi({
      'GET me': signedIn(user),
      'GET meta': json(200, META),
      'GET submissions': json(200, { items: [], nextCursor: null }),
    });
    const c = await openConsole('/admin/');
    const links = c.$$('nav a').map((a) => a.textContent);
    expect(links.includes('Отказы')).toBe(shown);
    c.unmount();
    vi.unstubAllGlobals();
  }
});
