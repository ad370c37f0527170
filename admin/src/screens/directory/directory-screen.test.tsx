import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleMeta } from '../../api/types.ts';
import {
  apiError,
  choose,
  click,
  json,
  META,
  openConsole,
  pressEscape,
  settle,
  signedIn,
  stubApi,
  type,
} from '../../testing/helpers.tsx';

const EMPLOYEES = [
  {
    id: 'e1',
    slug: 'ivanov',
    name: 'Иванов Иван',
    position: 'Инженер',
    departmentId: 'd1',
    department: { id: 'd1', name: 'ДКС' },
    managerName: 'Петров',
    managerEmail: 'head@example.ru',
    email: 'ivanov@example.ru',
    active: true,
  },
  {
    id: 'e3',
    slug: 'sidorov',
    name: 'Сидоров Пётр',
    position: null,
    departmentId: null,
    department: null,
    managerName: null,
    managerEmail: 'lk@example.ru',
    email: null,
    active: false,
  },
  {
    id: 'e2',
    slug: 'petrova',
    name: 'Петрова Анна',
    position: 'Менеджер',
    departmentId: 'd2',
    department: { id: 'd2', name: 'ОПР' },
    managerName: null,
    managerEmail: 'head-opr@example.ru',
    email: null,
    active: true,
  },
];
/** A preview of a file that mostly goes in: one added, one changed, one line refused. */
const PREVIEW = {
  dryRun: true,
  created: 1,
  updated: 1,
  unchanged: 5,
  added: [{ line: 2, slug: 'smirnov', name: 'Смирнов Олег' }],
  changed: [
    {
      line: 3,
      slug: 'ivanov',
      name: 'Иванов Иван',
      changes: [
        { field: 'position', from: 'Инженер', to: 'Старший инженер' },
        { field: 'managerName', from: 'Петров', to: null },
      ],
    },
  ],
  newDepartments: ['Склад'],
  unknownColumns: [],
  errors: [{ line: 4, problems: ['e-mail руководителя: нужен правильный адрес (boss@example.ru)'] }],
};
const SIGNATURE = {
  html: '<table><tr><td><a href="https://x/r/ivanov?score=5">★</a></td></tr></table><script>parent.alert(1)</script>',
  text: '★★★★★ https://x/r/ivanov?score=5',
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the directory', () => {
  it('shows the signature inside a sandboxed frame and copies it as rich text', async () => {
    stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET employees': json(200, EMPLOYEES),
      'GET employees/ivanov/signature': json(200, SIGNATURE),
    });
    const write = vi.fn(async () => {});
    vi.stubGlobal(
      'ClipboardItem',
      class {
        constructor(readonly items: Record<string, Blob>) {}
      },
    );
    Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
    const c = await openConsole('/admin/directory/employees');
    expect(c.$$('tbody tr').map((r) => r.querySelector('.strong')!.textContent)).toEqual([
      'Иванов Иван',
      'Петрова Анна',
    ]); // the one who left is hidden
    await click(c.button('Подпись Иванов Иван'));
    const frame = c.$<HTMLIFrameElement>('iframe.sig-preview')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    // The public snippet, with its own page policy: a srcdoc frame would take the console's, which drops its styles.
    expect(frame.getAttribute('src')).toBe('/api/admin/employees/ivanov/signature.html');
    expect(c.root.querySelector('script, table table')).toBeNull();
    await click(c.button('Скопировать'));
    const [[items]] = write.mock.calls as unknown as [[Array<{ items: Record<string, Blob> }>]];
    expect(await items[0]!.items['text/html']!.text()).toBe(SIGNATURE.html);
    expect(await items[0]!.items['text/plain']!.text()).toBe(SIGNATURE.text);
  });

  it('adds an employee with his e-mail; a slug the server finds taken is shown at the field', async () => {
    let taken = true;
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET employees': json(200, EMPLOYEES),
      'POST employees': () =>
        taken
          ? apiError(422, 'validation', 'Проверьте поля формы', { slug: 'Этот код уже занят' })
          : json(201, EMPLOYEES[0]),
    });
    const c = await openConsole('/admin/directory/employees');
    await click(c.button('Добавить сотрудника'));
    await type(c.field('Код (slug)'), 'Петрова');
    await type(c.field('E-mail сотрудника'), 'petrova@');
    await click(c.button('Добавить'));
    expect(c.errorOf(c.field('Код (slug)'))).toContain('Латинские строчные буквы');
    expect(c.errorOf(c.field('E-mail руководителя'))).toContain('Введите e-mail руководителя');
    expect(c.errorOf(c.field('E-mail сотрудника'))).toBe('Проверьте адрес: например, ivanov@example.ru');
    await type(c.field('Код (slug)'), 'kozlova'); // free in the list, taken on the server a moment ago
    await type(c.field('Ф.И.О.'), 'Козлова Мария');
    await choose(c.field<HTMLSelectElement>('Подразделение'), 'd2');
    await type(c.field('E-mail руководителя'), 'head-opr@example.ru');
    await type(c.field('E-mail сотрудника'), 'kozlova@example.ru');
    await click(c.button('Добавить'));
    expect(api.last('POST', 'employees')!.body).toEqual({
      slug: 'kozlova',
      name: 'Козлова Мария',
      position: '',
      departmentId: 'd2',
      managerName: '',
      managerEmail: 'head-opr@example.ru',
      email: 'kozlova@example.ru',
    });
    expect(c.errorOf(c.field('Код (slug)'))).toBe('Этот код уже занят');
    taken = false;
    await click(c.button('Добавить'));
    expect(c.$('[role="status"][aria-live]')!.textContent).toBe('Сотрудник Козлова Мария добавлен');
  });

  it('closes the employee form with Esc, asking first once a field was changed', async () => {
    stubApi({ 'GET me': signedIn(), 'GET meta': json(200, META), 'GET employees': json(200, EMPLOYEES) });
    const c = await openConsole('/admin/directory/employees');
    const asked = vi.fn(() => false);
    vi.stubGlobal('confirm', asked);
    await click(c.button('Добавить сотрудника'));
    await pressEscape(c.field('Ф.И.О.'));
    expect(asked).not.toHaveBeenCalled();
    expect(c.$('form.inline-form')).toBeNull();
    await click(c.button('Добавить сотрудника'));
    await choose(c.field<HTMLSelectElement>('Подразделение'), 'd2');
    await pressEscape(c.field('Ф.И.О.'));
    expect(asked).toHaveBeenCalledOnce();
    expect(c.field<HTMLSelectElement>('Подразделение').value).toBe('d2');
  });

  it('previews a CSV import, applies it with «Применить», and reports a mostly good file calmly', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET employees': json(200, EMPLOYEES),
      'POST employees/import': ({ url }) =>
        json(200, url.searchParams.get('dryRun') === '1' ? PREVIEW : { ...PREVIEW, dryRun: false }),
    });
    const c = await openConsole('/admin/directory/employees');
    await click(c.button('Загрузить CSV'));
    expect(c.$('form.panel .hint')!.textContent).toContain('«-» очищает его');
    const input = c.$<HTMLInputElement>('#import-file')!;
    Object.defineProperty(input, 'files', { value: [new File(['slug;name\n'], 'staff.csv', { type: 'text/csv' })] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(c.button('Применить')).toBeUndefined(); // nothing to apply before the check
    await click(c.button('Проверить файл'));
    const check = api.calls.filter((x) => x.path === 'employees/import');
    expect(check.map((x) => x.query)).toEqual([{ dryRun: '1' }]);
    expect(((check[0]!.body as FormData).get('file') as File).name).toBe('staff.csv');

    const result = () => c.$('.import-result')!;
    expect(result().querySelector('h4')!.textContent).toBe('Проверка файла: staff.csv');
    expect(result().querySelector('.import-counts')!.textContent).toBe(
      'Будет добавлено: 1 · обновлено: 1 · без изменений: 5 · не будет загружено строк: 1',
    );
    expect(result().textContent).toContain('в справочнике пока ничего не изменилось');
    expect(result().textContent).toContain('Будут созданы подразделения: Склад.');
    expect(result().querySelector('.import-added tbody')!.textContent).toBe('2Смирнов Олег smirnov');
    expect([...result().querySelectorAll('.import-changed td:last-child .sub')].map((x) => x.textContent)).toEqual([
      'Должность: Инженер → Старший инженер',
      'Руководитель: Петров → пусто',
    ]);
    expect(result().querySelector('.import-errors tbody')!.textContent).toBe(
      '4e-mail руководителя: нужен правильный адрес (boss@example.ru)',
    );
    // Counts first, the refused lines after the rest.
    const sections = [...result().querySelectorAll('details summary')].map((x) => x.textContent);
    expect(sections).toEqual(['Новые сотрудники (1)', 'Изменения (1)', 'Строки, которые не будут загружены (1)']);

    await click(c.button('Применить'));
    expect(api.calls.filter((x) => x.path === 'employees/import').map((x) => x.query)).toEqual([{ dryRun: '1' }, {}]);
    expect(result().querySelector('h4')!.textContent).toBe('Загрузка завершена: staff.csv');
    expect(result().querySelector('.import-counts')!.textContent).toBe(
      'Добавлено: 1 · обновлено: 1 · без изменений: 5 · не загружено строк: 1',
    );
    expect(result().textContent).toContain('Остальные строки загружены.');
    const toast = c.$('[role="status"][aria-live]')!;
    expect(toast.textContent).toBe('Загружено: добавлено 1, обновлено 1; не загружено строк: 1 — список ниже');
    expect(toast.classList.contains('error')).toBe(false);
  });

  it('sends the signature to the employee by e-mail, and offers to add an address when he has none', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET employees': json(200, EMPLOYEES),
      'GET employees/ivanov/signature': json(200, SIGNATURE),
      'GET employees/petrova/signature': json(200, SIGNATURE),
      'POST employees/ivanov/signature/send': json(200, { sentTo: 'ivanov@example.ru' }),
    });
    const c = await openConsole('/admin/directory/employees');
    await click(c.button('Подпись Иванов Иван'));
    expect(c.text()).toContain('уйдёт на ivanov@example.ru');
    await click(c.button('Отправить подпись сотруднику'));
    expect(api.last('POST', 'employees/ivanov/signature/send')).toBeDefined();
    expect(c.$('.signature [role="status"]')!.textContent).toBe(
      'Письмо со ссылкой на подпись отправлено на ivanov@example.ru.',
    );

    await click(c.button('Подпись Петрова Анна'));
    expect(c.button('Отправить подпись сотруднику')).toBeUndefined();
    expect(c.text()).toContain('Чтобы отправить подпись сотруднику по почте, укажите его e-mail.');
    await click(c.button('Указать e-mail'));
    expect(c.field('E-mail сотрудника').value).toBe('');
    expect(c.$('form.panel h3')!.textContent).toBe('Изменение: Петрова Анна');
  });

  it('sets a department’s default responsible from those who may handle its complaints', async () => {
    const meta = {
      ...META,
      handlers: [
        { id: 'u2', name: 'Ольга Смирнова', role: 'qms', departmentId: null },
        { id: 'u-handler', name: 'Бадыштова К.', role: 'handler', departmentId: 'd1' },
        { id: 'u-opr', name: 'Гордюкова Н.', role: 'handler', departmentId: 'd2' },
      ],
    } satisfies ConsoleMeta;
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, meta),
      'GET departments': json(200, [META.departments[0], { ...META.departments[1], responsibleUserId: 'u-opr' }]),
      'PATCH departments/d1': json(200, { ...META.departments[0], responsibleUserId: 'u-handler' }),
      'PATCH departments/d2': json(200, META.departments[1]),
      'POST departments': json(201, { id: 'd3', name: 'ОТП', responsibleUserId: 'u2' }),
    });
    const c = await openConsole('/admin/directory');
    const rows = c.$$('tbody tr');
    expect(rows[0]!.querySelector('[data-label="По умолчанию"]')!.textContent).toBe('не назначен');
    expect(rows[1]!.querySelector('[data-label="По умолчанию"]')!.textContent).toBe('Гордюкова Н.');

    await click(c.button('Изменить ДКС'));
    const select = c.field<HTMLSelectElement>('Ответственный по умолчанию');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Не назначен',
      'Ольга Смирнова — СМК',
      'Бадыштова К. — Ответственный подразделения',
    ]);
    await choose(select, 'u-handler');
    await click(c.button('Сохранить'));
    expect(api.last('PATCH', 'departments/d1')!.body).toEqual({
      name: 'ДКС',
      responsibleName: '',
      responsibleEmail: '',
      responsibleUserId: 'u-handler',
    });

    await click(c.button('Изменить ОПР'));
    await choose(c.field<HTMLSelectElement>('Ответственный по умолчанию'), '');
    await click(c.button('Сохранить'));
    expect(api.last('PATCH', 'departments/d2')!.body).toMatchObject({ responsibleUserId: null });

    await click(c.button('Добавить подразделение'));
    const fresh = c.field<HTMLSelectElement>('Ответственный по умолчанию');
    expect([...fresh.options].map((o) => o.value)).toEqual(['', 'u2']); // a new department has no handlers yet
    await type(c.field('Название'), 'ОТП');
    await choose(fresh, 'u2');
    await click(c.button('Сохранить'));
    expect(api.last('POST', 'departments')!.body).toEqual({
      name: 'ОТП',
      responsibleName: '',
      responsibleEmail: '',
      responsibleUserId: 'u2',
    });
  });

  it('edits a department in place', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET departments': json(200, META.departments),
      'PATCH departments/d1': json(200, { ...META.departments[0], responsibleName: 'Бадыштова К.' }),
    });
    const c = await openConsole('/admin/directory');
    await click(c.button('Изменить ДКС'));
    expect(document.activeElement).toBe(c.field('Название'));
    await type(c.field('Ответственный за жалобы'), 'Бадыштова К.');
    await click(c.button('Сохранить'));
    expect(api.last('PATCH', 'departments/d1')!.body).toEqual({
      name: 'ДКС',
      responsibleName: 'Бадыштова К.',
      responsibleEmail: '',
    });
    expect(c.$('[role="status"][aria-live]')!.textContent).toBe('Сохранено');
  });

  it('closes a department’s form with Esc, asking first when something was changed', async () => {
    stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET departments': json(200, META.departments),
    });
    const c = await openConsole('/admin/directory');
    await click(c.button('Изменить ДКС'));
    await pressEscape(c.field('Название'));
    expect(c.$('form.inline-form')).toBeNull();
    await click(c.button('Изменить ДКС'));
    await type(c.field('Ответственный за жалобы'), 'Бадыштова К.');
    const asked = vi.fn(() => false);
    vi.stubGlobal('confirm', asked);
    await pressEscape(c.field('Название'));
    expect(asked).toHaveBeenCalledOnce();
    expect(c.field<HTMLInputElement>('Ответственный за жалобы').value).toBe('Бадыштова К.');
  });
});
