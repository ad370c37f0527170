import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxPage } from '../../api/types.ts';
import { apiError, click, json, META, openConsole, signedIn, stubApi, type, USERS } from '../../testing/helpers.tsx';

const INBOX: InboxPage = { items: [], nextCursor: null, counts: { total: 0, byKind: {}, byStatus: {}, byType: {} } };

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('signing in', () => {
  it('shows the sign-in form without a session, then the page that was asked for', async () => {
    const api = stubApi({
      'GET me': apiError(401, 'unauthorized', 'Войдите в систему'),
      'POST login': signedIn(),
      'GET meta': json(200, META),
      'GET submissions': json(200, INBOX),
    });
    const c = await openConsole('/admin/?kind=complaint');
    expect(c.$('h1')!.textContent).toBe('Вход в консоль СМК');

    await click(c.button('Войти'));
    expect(c.errorOf(c.field('E-mail'))).toBe('Введите e-mail');
    expect(c.errorOf(c.field('Пароль'))).toBe('Введите пароль');
    expect(document.activeElement).toBe(c.field('E-mail'));
    expect(api.last('POST', 'login')).toBeUndefined();

    await type(c.field('E-mail'), ' smk@example.ru ');
    await type(c.field('Пароль'), 'correct horse');
    await click(c.button('Войти'));
    expect(api.last('POST', 'login')!.body).toEqual({ email: 'smk@example.ru', password: 'correct horse' });
    expect(c.$('h1')!.textContent).toBe('Входящие');
    expect(api.last('GET', 'submissions')!.query).toMatchObject({ kind: 'complaint' });
    expect(c.text()).toContain('Ольга Смирнова');
  });

  it("says a wrong password plainly, and shows a lock-out's message with the button off until it ends", async () => {
    let attempt = 0;
    stubApi({
      'GET me': apiError(401, 'unauthorized', 'Войдите в систему'),
      'POST login': () =>
        attempt++ === 0
          ? apiError(401, 'bad_credentials', 'Неверный e-mail или пароль')
          : apiError(
              429,
              'locked',
              'Слишком много неудачных попыток входа. Попробуйте позже',
              {},
              { 'Retry-After': '600' },
            ),
    });
    const c = await openConsole('/admin/');
    await type(c.field('E-mail'), 'smk@example.ru');
    await type(c.field('Пароль'), 'nope');
    await click(c.button('Войти'));
    expect(c.$('[role="alert"]')!.textContent).toBe('Неверный e-mail или пароль');
    expect(c.$('h1')!.textContent).toBe('Вход в консоль СМК');

    await click(c.button('Войти'));
    expect(c.$('[role="alert"]')!.textContent).toBe('Слишком много неудачных попыток входа. Попробуйте позже');
    expect(c.button('Войти').disabled).toBe(true);
    expect(c.text()).toMatch(/Вход снова станет доступен в \d\d:\d\d/);
  });

  it('after a one-time password, opens nothing before the password is changed', async () => {
    const api = stubApi({
      'GET me': () => signedIn({ ...USERS.qms, mustChangePassword: api.last('POST', 'password') === undefined }),
      'POST password': json(204),
      'GET meta': json(200, META),
      'GET submissions': json(200, INBOX),
    });
    const c = await openConsole('/admin/');
    expect(c.$('h1')!.textContent).toBe('Смена пароля');
    expect(c.$('nav')).toBeNull();

    await type(c.field('Текущий пароль'), 'Xk4-pQ9-mT2');
    await click(c.button('Сменить пароль'));
    expect(c.errorOf(c.field('Новый пароль'))).toBe('Введите новый пароль');
    // Emoji are a character each, as the server counts them.
    await type(c.field('Новый пароль'), '🔑🔑🔑🔑🔑');
    await click(c.button('Сменить пароль'));
    expect(c.errorOf(c.field('Новый пароль'))).toBe('Слишком короткий: 5 из 10 символов');
    await type(c.field('Новый пароль'), 'short');
    await type(c.field('Новый пароль ещё раз'), 'other');
    await click(c.button('Сменить пароль'));
    expect(c.errorOf(c.field('Новый пароль'))).toBe('Слишком короткий: 5 из 10 символов');
    expect(c.errorOf(c.field('Новый пароль ещё раз'))).toBe('Пароли не совпадают');

    await type(c.field('Новый пароль'), 'долгий путь домой');
    await type(c.field('Новый пароль ещё раз'), 'долгий путь домой');
    await click(c.button('Сменить пароль'));
    const post = api.last('POST', 'password')!;
    expect(post.body).toEqual({ current: 'Xk4-pQ9-mT2', next: 'долгий путь домой' });
    expect(post.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(c.$('h1')!.textContent).toBe('Входящие');
  });

  it('comes back to the sign-in form when the session ends in the middle of work', async () => {
    let alive = true;
    stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions': () => (alive ? json(200, INBOX) : apiError(401, 'unauthorized', 'Войдите в систему')),
    });
    const c = await openConsole('/admin/');
    expect(c.$('h1')!.textContent).toBe('Входящие');
    alive = false;
    await click(c.$$('.tabs a').find((a) => a.textContent?.startsWith('Оценки'))!);
    expect(c.$('h1')!.textContent).toBe('Вход в консоль СМК');
    expect(c.text()).toContain('Сеанс завершён');
    expect(location.search).toBe('?type=rating');
  });
});
