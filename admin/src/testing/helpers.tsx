import { options, render } from 'preact';
import { vi } from 'vitest';
import type { ConsoleMeta, ConsoleUser, SessionAnswer } from '../api/types.ts';
import { App } from '../app.tsx';

// Hooks' effects run after the next frame; here, after the next turn, so `settle()` sees them.
options.requestAnimationFrame = (cb) => setTimeout(cb, 0);

export const json = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

export const apiError = (
  status: number,
  code: string,
  message: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) => json(status, { error: { code, message, fields } }, headers);

type Answer = Response | ((req: { url: URL; init: RequestInit; body: unknown }) => Response | Promise<Response>);

export interface Call {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

/**
 * A fetch stub for /api/admin/*: answers by «METHOD path» (path without the prefix or the query),
 * 404 otherwise, and records every call.
 */
export function stubApi(routes: Record<string, Answer>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, location.origin);
    const path = url.pathname.replace('/api/admin/', '');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
    calls.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: (init.headers ?? {}) as Record<string, string>,
      credentials: init.credentials,
      body,
    });
    const answer = routes[`${method} ${path}`];
    if (!answer) return apiError(404, 'not_found', 'Не найдено');
    return typeof answer === 'function' ? answer({ url, init, body }) : answer.clone();
  });
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    calls,
    last: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path).at(-1),
  };
}

/** Lets Preact render and pending promises settle. */
export async function settle(rounds = 5) {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Esc pressed in an element, as a keyboard sends it (bubbling to the form), and its effects settled. */
export async function pressEscape(el: Element) {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  await settle();
}

export const USERS = {
  qms: {
    id: 'u2',
    email: 'smk@example.ru',
    name: 'Ольга Смирнова',
    role: 'qms',
    departmentId: null,
    mustChangePassword: false,
  },
  handler: {
    id: 'u3',
    email: 'dks@example.ru',
    name: 'Ксения',
    role: 'handler',
    departmentId: 'd1',
    mustChangePassword: false,
  },
  admin: {
    id: 'u1',
    email: 'admin@example.ru',
    name: 'Админ',
    role: 'admin',
    departmentId: null,
    mustChangePassword: false,
  },
} as const satisfies Record<string, ConsoleUser>;

export const META = {
  departments: [
    { id: 'd1', name: 'ДКС', responsibleName: null, responsibleEmail: null, responsibleUserId: null },
    { id: 'd2', name: 'ОПР', responsibleName: null, responsibleEmail: null, responsibleUserId: null },
  ],
  employees: [{ id: 'e1', slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер', departmentId: 'd1', active: true }],
  subjects: [{ slug: 'delivery', title: 'Качество доставки' }],
  types: ['feedback', 'rating'],
  kinds: ['thanks', 'complaint', 'suggestion', 'rating'],
  statuses: ['new', 'in_progress', 'closed'],
  channels: ['site', 'signature', 'phone'],
  handlers: [{ id: 'u-handler', name: 'Бадыштова К.', role: 'handler', departmentId: 'd1' }],
} satisfies ConsoleMeta;

export const signedIn = (user: ConsoleUser = USERS.qms) =>
  json(200, { user, csrfToken: 'csrf-1' } satisfies SessionAnswer);

// The console a test opened last: unmounted before the next opens, so that nothing of it (a
// listener, a form's unsaved text: ui/unsaved.ts) outlives its test.
let opened: HTMLElement | undefined;

/** The console at a URL, as the browser opens it. */
export async function openConsole(url: string) {
  if (opened) render(null, opened);
  history.replaceState(null, '', url);
  document.body.innerHTML = '<div id="app"></div>';
  const root = document.getElementById('app')!;
  opened = root;
  render(<App />, root);
  await settle();
  return {
    root,
    text: () => root.textContent ?? '',
    $: <E extends Element = HTMLElement>(s: string) => root.querySelector<E>(s),
    $$: <E extends Element = HTMLElement>(s: string) => [...root.querySelectorAll<E>(s)],
    button: (name: string | RegExp) =>
      [...root.querySelectorAll('button')].find((b) =>
        typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
      )!,
    field: <E extends HTMLElement = HTMLInputElement>(label: string) => {
      const l = [...root.querySelectorAll('label')].find((x) => x.textContent === label);
      return (l ? document.getElementById(l.htmlFor) : null) as E;
    },
    errorOf: (el: Element) => {
      const ids = el.getAttribute('aria-describedby')?.split(' ') ?? [];
      return (
        ids.map((id) => document.getElementById(id)).find((e) => e?.classList.contains('field-error'))?.textContent ??
        null
      );
    },
    unmount: () => render(null, root),
  };
}

export async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

export async function choose(el: HTMLSelectElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

export async function click(el: Element) {
  (el as HTMLElement).click();
  await settle();
}
