import { afterEach, describe, expect, it, vi } from 'vitest';
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
