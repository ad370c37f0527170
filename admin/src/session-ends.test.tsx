import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleUser, InboxPage, SessionAnswer, UsersAnswer } from './api/types.ts';
import { KEPT_MS } from './app.tsx';
import { SESSION_ENDED_ACT } from './ui/use-action.ts';
import { COMPLAINT_CARD } from './screens/card/complaint-fixture.ts';
import { apiError, click, json, META, openConsole, signedIn, stubApi, type, USERS } from './testing/helpers.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const INBOX: InboxPage = { items: [], nextCursor: null, counts: { total: 0, byKind: {}, byStatus: {}, byType: {} } };
const REPLY = 'Добрый день! Мы проверили отгрузку по вашему заказу и выяснили, что…';
// A new answer each time: a Response's body is read once.
const gone = () => apiError(401, 'unauthorized', 'Войдите в систему');
const session = (user: ConsoleUser = USERS.qms, csrfToken = 'csrf-2') =>
  json(200, { user, csrfToken } satisfies SessionAnswer);

/** A complaint's card with a long reply typed; the session ends (from outside) before it is sent. */
async function replyAfterSessionEnds(routes: Parameters<typeof stubApi>[0] = {}) {
  let alive = true;
  const api = stubApi({
    'GET me': signedIn(),
    'GET meta': json(200, META),
    'GET submissions/s7': () => (alive ? json(200, COMPLAINT_CARD) : gone()),
    'POST submissions/s7/replies': () => (alive ? json(200, COMPLAINT_CARD) : gone()),
    'POST login': () => {
      alive = true;
      return session();
    },
    ...routes,
  });
  const c = await openConsole('/admin/submissions/s7');
  const reply = () => c.field<HTMLTextAreaElement>('Текст письма');
  await type(reply(), REPLY);
  alive = false;
  // A real click focuses the button; Chromium then moves the focus to the body as the button
  // turns disabled while its request goes.
  c.button('Отправить письмо').focus();
  c.button('Отправить письмо').blur();
  await click(c.button('Отправить письмо'));
  return { api, c, reply };
}

async function signIn(c: Awaited<ReturnType<typeof openConsole>>, email = 'smk@example.ru') {
  await type(c.field('E-mail'), email);
  await type(c.field('Пароль'), 'correct horse');
  await click(c.button('Войти'));
}

const visible = (el: Element | null) => !!el && !el.closest('[hidden]');

describe('a session that ends while the user is typing', () => {
  it('asks to sign in over the screen, keeps the typed reply, and sends it once when he presses send again', async () => {
    const { api, c, reply } = await replyAfterSessionEnds();
    expect(c.$('h1')!.textContent).toBe('Вход в консоль СМК');
    expect(c.text()).toContain('Сеанс завершён — войдите снова; введённый текст сохранён');
    // The card is hidden, not unmounted: nothing of it shows or takes focus under the sign-in form.
    expect(visible(reply())).toBe(false);
    expect(visible(c.field('E-mail'))).toBe(true);
    // One `#main`, the form's: the skip link and the page's landmark lead to what is shown.
    expect(document.querySelectorAll('#main')).toHaveLength(1);
    expect(visible(document.getElementById('main'))).toBe(true);

    await signIn(c);
    expect(c.$('h1')!.textContent).toBe('Обращение № 2026-00042');
    expect(visible(reply())).toBe(true);
    expect(reply().value).toBe(REPLY);
    expect(document.querySelectorAll('#main')).toHaveLength(1);
    expect(visible(document.getElementById('main'))).toBe(true);
    // Nothing is repeated behind his back: the form says what happened and waits for him.
    expect(api.calls.filter((x) => x.path === 'submissions/s7/replies')).toHaveLength(1);
    const form = reply().closest('form')!;
    expect(form.querySelector('[role="alert"]')!.textContent).toBe(
      'Сеанс был завершён, поэтому ничего не отправлено. Введённый текст сохранён — отправьте ещё раз.',
    );
    expect(document.activeElement).toBe(form.querySelector('[role="alert"]'));

    await click(c.button('Отправить письмо'));
    const sent = api.calls.filter((x) => x.path === 'submissions/s7/replies');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body).toEqual({ text: REPLY, firstContact: false });
    // The new session's CSRF token, not the dead one's.
    expect(sent[1]!.headers['X-CSRF-Token']).toBe('csrf-2');
    expect(reply().value).toBe('');
    expect(form.querySelector('[role="alert"]')).toBeNull();
  });

  it("shows another user who signs in on this browser nothing of the previous user's text", async () => {
    const { api, c, reply } = await replyAfterSessionEnds({ 'POST login': session(USERS.handler) });
    api.fetch.mockClear();
    await signIn(c, 'dks@example.ru');
    expect(c.$('.who')!.textContent).toContain('Ксения');
    expect(c.root.innerHTML).not.toContain('Мы проверили отгрузку');
    expect(reply()?.value ?? '').toBe('');
  });

  it('after a one-time password (an admin reset his), asks for a new one first, then gives the text back', async () => {
    let changed = false;
    const { c, reply } = await replyAfterSessionEnds({
      'POST login': session({ ...USERS.qms, mustChangePassword: true }),
      'POST password': () => {
        changed = true;
        return json(204);
      },
      'GET me': () => (changed ? session(USERS.qms, 'csrf-3') : signedIn()),
      'GET submissions/s7': json(200, COMPLAINT_CARD),
      'POST submissions/s7/replies': () => (changed ? json(200, COMPLAINT_CARD) : gone()),
    });
    await signIn(c);
    expect(c.$('h1')!.textContent).toBe('Смена пароля');
    expect(visible(reply())).toBe(false);
    await type(c.field('Текущий пароль'), 'Xk4-pQ9-mT2');
    await type(c.field('Новый пароль'), 'долгий путь домой');
    await type(c.field('Новый пароль ещё раз'), 'долгий путь домой');
    await click(c.button('Сменить пароль'));
    expect(c.$('h1')!.textContent).toBe('Обращение № 2026-00042');
    expect(reply().value).toBe(REPLY);
  });

  it('lets the kept console go after half an hour: a computer left unattended keeps nothing of it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    try {
      const { c, reply } = await replyAfterSessionEnds();
      expect(reply()).not.toBeNull();
      vi.advanceTimersByTime(KEPT_MS - 1000);
      await Promise.resolve();
      expect(reply()).not.toBeNull();
      vi.advanceTimersByTime(1000);
      await vi.waitFor(() => expect(c.$('textarea')).toBeNull());
      expect(c.$('h1')!.textContent).toBe('Вход в консоль СМК');
    } finally {
      vi.useRealTimers();
    }
  });

  it('loads again, after signing in, what the screen asked for when the session was gone', async () => {
    let alive = true;
    stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions': () => (alive ? json(200, INBOX) : gone()),
      'GET submissions/s7': () => (alive ? json(200, COMPLAINT_CARD) : gone()),
      'POST login': () => {
        alive = true;
        return session();
      },
    });
    const c = await openConsole('/admin/submissions/s7');
    alive = false;
    await click(c.$$<HTMLAnchorElement>('a').find((a) => a.textContent?.includes('Входящие') && a.closest('main'))!);
    expect(c.$('h1')!.textContent).toBe('Вход в консоль СМК');
    // Nothing typed: the plain message.
    expect(c.text()).toContain('Сеанс завершён. Войдите снова — вы вернётесь на ту же страницу.');
    await signIn(c);
    expect(c.$('h1')!.textContent).toBe('Входящие');
    expect(c.text()).not.toContain('Войдите в систему');
  });

  it('says of a button refused as the session ended that nothing was done, once the user is back', async () => {
    let alive = true;
    const other = { ...USERS.handler, department: 'ДКС', active: true, createdAt: '2026-11-01T10:00:00Z' };
    const api = stubApi({
      'GET me': signedIn(USERS.admin),
      'GET meta': json(200, META),
      'GET users': json(200, { items: [other] } satisfies UsersAnswer),
      'PATCH users/u3': () => (alive ? json(200, { user: { ...other, active: false } }) : gone()),
      'POST login': () => {
        alive = true;
        return session(USERS.admin);
      },
    });
    vi.stubGlobal('confirm', () => true);
    const c = await openConsole('/admin/users');
    alive = false;
    await click(c.button('Отключить dks@example.ru'));
    const toast = () => document.querySelector('.toast')!.textContent;
    // Hidden under the sign-in, the message waits for him.
    expect(toast()).toBe('');
    await signIn(c);
    expect(toast()).toBe(SESSION_ENDED_ACT);
    expect(api.calls.filter((x) => x.path === 'users/u3')).toHaveLength(1);
  });
});
