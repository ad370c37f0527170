import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, stubApi } from '../testing/helpers.tsx';
import { ApiFailure, createApi } from './client.ts';

afterEach(() => vi.unstubAllGlobals());

const setup = (token = 'csrf-1') => {
  const onUnauthorized = vi.fn();
  let current = token;
  const refreshCsrf = vi.fn(async () => (current = 'csrf-2'));
  return { api: createApi({ csrfToken: () => current, onUnauthorized, refreshCsrf }), onUnauthorized, refreshCsrf };
};

describe('the console API client', () => {
  it('sends cookies same-origin, and the CSRF token with every request that changes something', async () => {
    const { calls } = stubApi({
      'GET submissions': json(200, { items: [] }),
      'PATCH submissions/s1': json(200, { id: 's1' }),
    });
    const { api } = setup();
    await api.get('submissions', { kind: 'complaint', q: '', cursor: null });
    await api.send('PATCH', 'submissions/s1', { status: 'closed' });
    expect(calls[0]).toMatchObject({
      method: 'GET',
      path: 'submissions',
      query: { kind: 'complaint' },
      credentials: 'same-origin',
    });
    expect(calls[0]!.headers['X-CSRF-Token']).toBeUndefined();
    // Russian messages in a Russian console, though the browser prefers English.
    expect(calls[0]!.headers['Accept-Language']).toBe('ru');
    expect(calls[1]).toMatchObject({ method: 'PATCH', credentials: 'same-origin', body: { status: 'closed' } });
    expect(calls[1]!.headers).toMatchObject({ 'X-CSRF-Token': 'csrf-1', 'Content-Type': 'application/json' });
  });

  it('gives the error shape back: code, message, the fields, and the wait of a lock-out', async () => {
    stubApi({
      'POST departments': apiError(422, 'validation', 'Проверьте поля формы', { name: 'Обязательное поле' }),
      'POST login': apiError(429, 'locked', 'Слишком много неудачных попыток входа', {}, { 'Retry-After': '900' }),
    });
    const { api, onUnauthorized } = setup();
    const invalid = await api.send('POST', 'departments', {}).catch((e) => e);
    expect(invalid).toBeInstanceOf(ApiFailure);
    expect(invalid).toMatchObject({ status: 422, code: 'validation', fields: { name: 'Обязательное поле' } });
    const locked = await api.send('POST', 'login', {}).catch((e) => e);
    expect(locked).toMatchObject({
      status: 429,
      code: 'locked',
      message: 'Слишком много неудачных попыток входа',
      retryAfter: 900,
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('reports a lost session, so the app can ask to sign in again', async () => {
    stubApi({ 'GET meta': apiError(401, 'unauthorized', 'Войдите в систему') });
    const { api, onUnauthorized } = setup();
    await expect(api.get('meta')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('asks a refused GET again once the same user has signed in again; a change never', async () => {
    let alive = false;
    const { calls } = stubApi({
      'GET meta': () => (alive ? json(200, { ok: true }) : apiError(401, 'unauthorized', 'Войдите в систему')),
      'POST submissions/s1/replies': apiError(401, 'unauthorized', 'Войдите в систему'),
    });
    let signIn: (same: boolean) => void = () => {};
    const signedInAgain = vi.fn(() => new Promise<boolean>((r) => (signIn = r)));
    const onUnauthorized = vi.fn();
    const api = createApi({ csrfToken: () => 'csrf-1', onUnauthorized, signedInAgain });

    const meta = api.get('meta');
    await expect(api.send('POST', 'submissions/s1/replies', { text: 'Длинный ответ' })).rejects.toMatchObject({
      status: 401,
    });
    await vi.waitFor(() => expect(signedInAgain).toHaveBeenCalledOnce());
    alive = true;
    signIn(true);
    await expect(meta).resolves.toEqual({ ok: true });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET meta', 'POST submissions/s1/replies', 'GET meta']);

    // Another user signed in: what the previous one asked for is not asked with his session.
    alive = false;
    const other = api.get('meta');
    await vi.waitFor(() => expect(signedInAgain).toHaveBeenCalledTimes(2));
    signIn(false);
    await expect(other).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(4);
  });

  it('reports a refusal until the one-time password is changed, so the app can show that form', async () => {
    const message = 'Сначала смените временный пароль: пока он не сменён, другие действия недоступны';
    stubApi({
      'GET users': apiError(403, 'password_change_required', message),
      'GET audit': apiError(403, 'forbidden', 'Недостаточно прав для этого действия'),
    });
    const onPasswordChange = vi.fn();
    const api = createApi({ csrfToken: () => 'csrf-1', onUnauthorized: vi.fn(), onPasswordChange });
    await expect(api.get('audit')).rejects.toMatchObject({ status: 403 });
    expect(onPasswordChange).not.toHaveBeenCalled();
    await expect(api.get('users')).rejects.toMatchObject({ status: 403, message });
    expect(onPasswordChange).toHaveBeenCalledOnce();
  });

  it('after a stale CSRF token, fetches a fresh one and repeats the request once', async () => {
    let n = 0;
    const { calls } = stubApi({
      'POST moderation/s1/approve': () =>
        n++ === 0 ? apiError(403, 'csrf', 'Страница устарела') : json(200, { status: 'approved' }),
    });
    const { api, refreshCsrf } = setup();
    await expect(api.send('POST', 'moderation/s1/approve', {})).resolves.toEqual({ status: 'approved' });
    expect(refreshCsrf).toHaveBeenCalledOnce();
    expect(calls.map((c) => c.headers['X-CSRF-Token'])).toEqual(['csrf-1', 'csrf-2']);
  });

  it("says so in Russian when the server can't be reached", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const { api } = setup();
    await expect(api.get('meta')).rejects.toMatchObject({
      status: 0,
      message: 'Нет связи с сервером. Проверьте подключение и повторите.',
    });
  });
});
