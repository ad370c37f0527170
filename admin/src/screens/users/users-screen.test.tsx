import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OneTimePasswordAnswer, UserItem, UsersAnswer } from '../../api/types.ts';
import {
  apiError,
  choose,
  click,
  json,
  META,
  openConsole,
  signedIn,
  stubApi,
  type,
  USERS,
} from '../../testing/helpers.tsx';

const ROWS: UserItem[] = [{ ...USERS.admin, department: null, active: true, createdAt: '2026-11-01T10:00:00Z' }];

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('users', () => {
  it('creates a handler of a department and shows his one-time password once', async () => {
    const api = stubApi({
      'GET me': signedIn(USERS.admin),
      'GET meta': json(200, META),
      'GET users': json(200, { items: ROWS } satisfies UsersAnswer),
      'POST users': ({ body }) =>
        (body as { email: string }).email === 'taken@example.ru'
          ? apiError(422, 'validation', 'Проверьте поля формы', { email: 'Этот e-mail уже занят' })
          : json(201, {
              user: { ...USERS.handler, department: 'ДКС', active: true, createdAt: '2026-11-22T10:00:00Z' },
              oneTimePassword: 'Xk4-pQ9-mT2-wZ7',
            } satisfies OneTimePasswordAnswer),
    });
    const c = await openConsole('/admin/users');
    await click(c.button('Добавить пользователя'));
    await click(c.button('Создать и показать пароль'));
    expect(c.errorOf(c.field('E-mail'))).toBe('Введите e-mail');
    await type(c.field('E-mail'), 'taken');
    await click(c.button('Создать и показать пароль'));
    expect(c.errorOf(c.field('E-mail'))).toBe('Проверьте адрес e-mail, например ivan@example.ru');
    await type(c.field('E-mail'), 'taken@example.ru');
    await type(c.field('Имя'), 'Ксения');
    // The chosen role's rights under the select: the option itself is the role's name alone.
    const role = c.field<HTMLSelectElement>('Роль');
    const hint = () => document.getElementById(role.getAttribute('aria-describedby')!)!.textContent;
    expect(hint()).toBe('Обращения, модерация, справочник, журнал.');
    await choose(role, 'handler');
    expect(role.selectedOptions[0]!.textContent).toBe('Ответственный подразделения');
    expect(hint()).toBe('Обращения своего подразделения: шаги жалоб, связь с клиентом, регистрация жалоб.');
    await click(c.button('Создать и показать пароль'));
    expect(c.errorOf(c.field('Подразделение'))).toBe('Ответственному нужно подразделение');
    await choose(c.field<HTMLSelectElement>('Подразделение'), 'd1');
    await click(c.button('Создать и показать пароль'));
    expect(c.errorOf(c.field('E-mail'))).toBe('Этот e-mail уже занят');
    // An address in the list is told so before any request, in any case.
    const posts = api.calls.filter((r) => r.method === 'POST').length;
    await type(c.field('E-mail'), USERS.admin.email.toUpperCase());
    await click(c.button('Создать и показать пароль'));
    expect(c.errorOf(c.field('E-mail'))).toBe('Пользователь с таким e-mail уже есть');
    expect(api.calls.filter((r) => r.method === 'POST').length).toBe(posts);
    await type(c.field('E-mail'), 'dks@example.ru');
    await click(c.button('Создать и показать пароль'));
    expect(api.last('POST', 'users')!.body).toEqual({
      email: 'dks@example.ru',
      name: 'Ксения',
      role: 'handler',
      departmentId: 'd1',
    });
    expect(c.$('.otp')!.textContent).toBe('Xk4-pQ9-mT2-wZ7');
    expect(document.activeElement).toBe(c.$('.otp-box'));
    await click(c.button('Готово, пароль передан'));
    expect(c.$('.otp')).toBeNull();
  });

  it('says once, under «Роль», that the last active admin keeps his role', async () => {
    const last = 'Это последний активный администратор: сначала сделайте администратором другого пользователя';
    stubApi({
      'GET me': signedIn(USERS.admin),
      'GET meta': json(200, META),
      'GET users': json(200, { items: ROWS } satisfies UsersAnswer),
      [`PATCH users/${USERS.admin.id}`]: () => apiError(409, 'conflict', last, { role: last }),
    });
    const c = await openConsole('/admin/users');
    await click(c.button(`Изменить ${USERS.admin.email}`));
    await choose(c.field<HTMLSelectElement>('Роль'), 'viewer');
    await click(c.button('Сохранить'));
    expect(c.errorOf(c.field('Роль'))).toBe(last);
    expect(c.$('[data-form-error]')).toBeNull();
  });

  it('is not offered to other roles', async () => {
    stubApi({ 'GET me': signedIn(), 'GET meta': json(200, META) });
    const c = await openConsole('/admin/users');
    expect(c.$('h1')!.textContent).toBe('Недостаточно прав');
    expect(c.$$('nav a').map((a) => a.textContent)).toEqual([
      'Входящие',
      'Отчёты',
      'Модерация',
      'Справочник',
      'Календарь',
      'Журнал',
      'Отказы',
    ]);
  });

  it('asks before Esc drops a changed role, as it does for typed text', async () => {
    stubApi({
      'GET me': signedIn(USERS.admin),
      'GET meta': json(200, META),
      'GET users': json(200, { items: ROWS } satisfies UsersAnswer),
    });
    const c = await openConsole('/admin/users');
    await click(c.button('Добавить пользователя'));
    await choose(c.field<HTMLSelectElement>('Роль'), 'viewer');
    const asked = vi.fn(() => false);
    vi.stubGlobal('confirm', asked);
    c.field('Роль').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(asked).toHaveBeenCalledOnce();
    expect(c.field<HTMLSelectElement>('Роль').value).toBe('viewer');
  });
});
