import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleMeta } from '../../api/types.ts';
import { choose, click, json, META, openConsole, settle, signedIn, stubApi, type } from '../../testing/helpers.tsx';

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
    active: false,
  },
];
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
    expect(c.$$('tbody tr').map((r) => r.querySelector('.strong')!.textContent)).toEqual(['Иванов Иван']); // the one who left is hidden
    await click(c.button('Подпись Иванов Иван'));
    const frame = c.$<HTMLIFrameElement>('iframe.sig-preview')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(SIGNATURE.html);
    expect(c.root.querySelector('script, table table')).toBeNull();
    await click(c.button('Скопировать'));
    const [[items]] = write.mock.calls as unknown as [[Array<{ items: Record<string, Blob> }>]];
    expect(await items[0]!.items['text/html']!.text()).toBe(SIGNATURE.html);
    expect(await items[0]!.items['text/plain']!.text()).toBe(SIGNATURE.text);
  });

  it('adds an employee, and imports a CSV file showing the lines that failed', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET employees': json(200, EMPLOYEES),
      'POST employees': json(201, EMPLOYEES[0]),
      'POST employees/import': json(200, {
        created: 2,
        updated: 1,
        errors: [{ line: 4, problems: ['manager e-mail: a valid address is required'] }],
      }),
    });
    const c = await openConsole('/admin/directory/employees');
    await click(c.button('Добавить сотрудника'));
    await type(c.field('Код (slug)'), 'Петрова');
    await click(c.button('Добавить'));
    expect(c.errorOf(c.field('Код (slug)'))).toContain('Латинские строчные буквы');
    expect(c.errorOf(c.field('E-mail руководителя'))).toContain('Введите e-mail руководителя');
    await type(c.field('Код (slug)'), 'petrova');
    await type(c.field('Ф.И.О.'), 'Петрова Анна');
    await choose(c.field<HTMLSelectElement>('Подразделение'), 'd2');
    await type(c.field('E-mail руководителя'), 'head-opr@example.ru');
    await click(c.button('Добавить'));
    expect(api.last('POST', 'employees')!.body).toEqual({
      slug: 'petrova',
      name: 'Петрова Анна',
      position: '',
      departmentId: 'd2',
      managerName: '',
      managerEmail: 'head-opr@example.ru',
    });

    await click(c.button('Загрузить CSV'));
    const input = c.$<HTMLInputElement>('#import-file')!;
    Object.defineProperty(input, 'files', { value: [new File(['slug;name\n'], 'staff.csv', { type: 'text/csv' })] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    await click(c.button('Загрузить'));
    const form = api.last('POST', 'employees/import')!.body as FormData;
    expect((form.get('file') as File).name).toBe('staff.csv');
    expect(c.$('.import-result')!.textContent).toContain('Добавлено: 2, обновлено: 1, строк с ошибками: 1.');
    expect(c.$('.import-result tbody')!.textContent).toBe('4manager e-mail: a valid address is required');
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
});
