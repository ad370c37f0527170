import { afterEach, expect, it, vi } from 'vitest';
import type { AuditItem, AuditPage } from '../../api/types.ts';
import { apiError, json, META, openConsole, signedIn, stubApi } from '../../testing/helpers.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const line = (extra: Partial<AuditItem> & Pick<AuditItem, 'id' | 'action'>): AuditItem => ({
  at: '2026-12-01T09:00:00Z',
  user: { id: 'u-handler', email: 'dks@example.ru' },
  target: null,
  details: {},
  ip: '203.0.113.7',
  ...extra,
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

it('shows who did what to whom by name, and codes in Russian, not ids', async () => {
  const items = [
    line({
      id: 'a1',
      action: 'submission.department',
      target: { type: 'submission', id: 's1' },
      details: { number: '2026-00042', from: 'd1', to: 'd2' },
    }),
    line({
      id: 'a2',
      action: 'auth.sign_in_failed',
      user: null,
      target: { type: 'user', id: 'u-handler' },
      details: { email: 'dks@example.ru', reason: 'wrong_password' },
    }),
    line({
      id: 'a3',
      action: 'directory.employee.update',
      target: { type: 'employee', id: 'e1' },
      details: { slug: 'ivanov', changes: { departmentId: { from: 'd1', to: 'd2' } } },
    }),
    line({
      id: 'a4',
      action: 'directory.department.update',
      target: { type: 'department', id: 'd1' },
      details: { name: 'ДКС', changes: { responsible_user_id: { from: null, to: 'u-handler' } } },
    }),
    line({
      id: 'a5',
      action: 'auth.sign_in',
      user: { id: 'u-viewer', email: 'viewer@example.ru' },
      target: { type: 'user', id: 'u-viewer' },
    }),
  ];
  stubApi({
    'GET me': signedIn(),
    'GET meta': json(200, META),
    'GET audit': json(200, { items, nextCursor: null } satisfies AuditPage),
  });
  const c = await openConsole('/admin/audit');
  const rows = c.$$('tbody tr').map((tr) => [...tr.querySelectorAll('td')].slice(1, 5).map((td) => td.textContent));
  expect(rows).toEqual([
    ['Бадыштова К.', 'Передано в подразделение', '№ 2026-00042', 'ДКС → ОПР'],
    ['—', 'Неудачный вход', 'Пользователь Бадыштова К.', 'e-mail: dks@example.ru; причина: неверный пароль'],
    ['Бадыштова К.', 'Изменены данные сотрудника', 'Сотрудник Иванов Иван', 'код: ivanov; подразделение: ДКС → ОПР'],
    [
      'Бадыштова К.',
      'Изменены данные подразделения',
      'Подразделение ДКС',
      'имя: ДКС; ответственный по умолчанию: — → Бадыштова К.',
    ],
    ['viewer@example.ru', 'Вход', 'Пользователь viewer@example.ru', '—'],
  ]);
  expect(c.text()).not.toMatch(UUID);
  expect(c.text()).not.toMatch(/wrong_password|responsible_user_id|departmentId/);
  // Filtering by the person still goes by his e-mail, which the link's title names.
  expect(c.$('td[data-label="Кто"] a')!.getAttribute('href')).toBe('/admin/audit?user=dks%40example.ru');
});

it('says what is wrong with a filter the server refused, not only «Проверьте поля формы»', async () => {
  stubApi({
    'GET me': signedIn(),
    'GET meta': json(200, META),
    'GET audit': apiError(422, 'validation', 'Проверьте поля формы', {
      to: 'Конец периода не может быть раньше его начала',
    }),
  });
  const c = await openConsole('/admin/audit?from=2026-12-02&to=2026-12-01');
  // No «Повторить»: the same filter can only be refused again.
  expect(c.$('[role="alert"]')!.textContent).toBe('Проверьте поля формыКонец периода не может быть раньше его начала');
});
