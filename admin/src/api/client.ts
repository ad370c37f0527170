/** Where the console API lives; the SPA is served from the same origin. */
export const API_BASE = '/api/admin/';

/** Query values; empty ones are left out of the URL. */
export type Query = Record<string, string | number | null | undefined>;

/** An answer that is not a success, in the API's error shape (or made up for a lost connection). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** Seconds to wait, from Retry-After (a locked sign-in, a rate limit). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

const FALLBACK: Record<number, string> = {
  0: 'Нет связи с сервером. Проверьте подключение и повторите.',
  401: 'Войдите в систему',
  403: 'Недостаточно прав для этого действия',
  404: 'Не найдено',
  422: 'Проверьте поля формы',
  429: 'Слишком много запросов, попробуйте позже',
};

export interface ApiOptions {
  /** The session's CSRF token, sent with every request that changes something. */
  csrfToken: () => string | null;
  /** A request answered 401: the session is gone, the app shows the sign-in form. */
  onUnauthorized: () => void;
  /** A request refused until the user changes his one-time password: the app shows that form. */
  onPasswordChange?: () => void;
  /** Asks /me for a fresh CSRF token after a `csrf` refusal; null when there is no session. */
  refreshCsrf?: () => Promise<string | null>;
  /**
   * Settles once the user has signed in again after a 401: true when it is the same user, so a
   * GET refused meanwhile is asked again (a screen loads as if nothing happened). A change is
   * never repeated: the user sends it again himself, from the form that kept his text.
   */
  signedInAgain?: () => Promise<boolean>;
}

export interface Api {
  get<T>(path: string, query?: Query): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  upload<T>(path: string, form: FormData): Promise<T>;
}

/**
 * The console's fetch wrapper: same-origin cookies, the CSRF header on every non-GET request,
 * one retry after a stale CSRF token, a GET asked again after signing in again, and every
 * failure as an ApiFailure.
 * @example const api = createApi({ csrfToken: () => token, onUnauthorized: showSignIn }); await api.get('me')
 */
export function createApi(opts: ApiOptions): Api {
  async function request<T>(method: string, path: string, body?: BodyInit, json = false, retried = false): Promise<T> {
    // The console speaks Russian whatever the browser's language: the server's messages too.
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': 'ru' };
    if (json) headers['Content-Type'] = 'application/json';
    const token = opts.csrfToken();
    if (method !== 'GET' && token) headers['X-CSRF-Token'] = token;
    let res: Response;
    try {
      res = await fetch(API_BASE + path, { method, headers, body, credentials: 'same-origin' });
    } catch {
      throw new ApiFailure(0, 'network', FALLBACK[0]!);
    }
    if (res.ok) {
      if (res.status === 204) return undefined as T;
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    }
    const failure = await readFailure(res);
    if (failure.status === 401 && path !== 'login') {
      opts.onUnauthorized();
      // `me` is how the app learns there is no session: it must answer, not wait for one.
      if (method === 'GET' && path !== 'me' && !retried && opts.signedInAgain && (await opts.signedInAgain())) {
        return request<T>(method, path, body, json, true);
      }
    }
    if (failure.code === 'password_change_required') opts.onPasswordChange?.();
    if (failure.code === 'csrf' && !retried && opts.refreshCsrf && (await opts.refreshCsrf())) {
      return request<T>(method, path, body, json, true);
    }
    throw failure;
  }

  return {
    get: (path, query) => request('GET', path + queryString(query)),
    send: (method, path, body) =>
      request(method, path, body === undefined ? undefined : JSON.stringify(body), body !== undefined),
    upload: (path, form) => request('POST', path, form),
  };
}

async function readFailure(res: Response): Promise<ApiFailure> {
  let error: { code?: string; message?: string; fields?: Record<string, string> } = {};
  try {
    error = ((await res.json()) as { error?: typeof error }).error ?? {};
  } catch {
    // Not our JSON (a proxy's page): the status alone says enough.
  }
  const wait = Number(res.headers.get('Retry-After'));
  return new ApiFailure(
    res.status,
    error.code ?? `http_${res.status}`,
    error.message ?? FALLBACK[res.status] ?? `Ошибка сервера (${res.status}). Попробуйте ещё раз.`,
    error.fields ?? {},
    Number.isFinite(wait) && wait > 0 ? wait : null,
  );
}

/**
 * A query string of the non-empty values, with its «?».
 * @example queryString({ kind: 'complaint', q: '' }) // '?kind=complaint'
 */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Any thrown value as an ApiFailure, so screens show one kind of error. */
export function asFailure(err: unknown): ApiFailure {
  if (err instanceof ApiFailure) return err;
  return new ApiFailure(0, 'client', err instanceof Error ? err.message : String(err));
}
