import { vi } from 'vitest';
import { mount } from './index.tsx';
import { fieldEvents } from '../testing/field-events.ts';
import { challengeAnswer } from '../testing/challenge.ts';
import { BASE, json } from '../testing/responses.ts';

export { BASE, json };

export const IVANOV = { slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер', department: 'ДКС' };
export const DELIVERY = { slug: 'delivery', title: 'Качество доставки' };

export const notFound = () => json(404, { error: { code: 'not_found', message: 'Не найдено' } });

export const created = (number: string, score = 4, subject = 'employee') =>
  json(201, { id: 'r1', number, subject, score, createdAt: '2026-11-23T10:00:00Z', ack: 'Спасибо за отзыв' });

type Answer = Response | Error;

/**
 * A fetch stub: GETs of who is rated answer from `lookups` by path (an employee or a subject that
 * is not there answers 404), `challenge` with a fresh proof-of-work challenge unless `lookups`
 * says otherwise; POSTs answer `posts` in turn (an Error rejects, as a dropped connection does).
 */
export function stubFetch(
  posts: Answer[] = [],
  lookups: Record<string, () => Answer | Promise<Answer>> = {
    'employees/ivanov': () => json(200, IVANOV),
    'subjects/delivery': () => json(200, DELIVERY),
  },
) {
  const answers: Record<string, () => Answer | Promise<Answer>> = { challenge: () => challengeAnswer(), ...lookups };
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const answer =
      init.method === 'POST'
        ? (posts.shift() ?? new Error('no more answers'))
        : await (answers[url.slice(`${BASE}api/v1/`.length)] ?? notFound)();
    if (answer instanceof Error) throw new TypeError('Failed to fetch');
    return answer;
  });
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    /** The POSTs made, with their parsed bodies. */
    posts: () =>
      fetch.mock.calls
        .filter(([, init]) => init?.method === 'POST')
        .map(([url, init]) => ({
          url,
          headers: init!.headers as Record<string, string>,
          body: JSON.parse(init!.body as string),
        })),
  };
}

/** Lets Preact render and pending promises settle. */
export const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** Renders `<otklik-rating>` the way the loader does (over `lightDom`, if given) and reaches into it. */
export async function setup(
  attributes: Record<string, string> = { subject: 'employee', employee: 'ivanov' },
  lightDom = '',
  /** What the client does on the plain form before the widget comes (a slow connection). */
  before?: (host: HTMLElement) => void,
) {
  const host = document.createElement('otklik-rating');
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  host.innerHTML = lightDom;
  document.body.append(host);
  before?.(host);
  const root = host.attachShadow({ mode: 'open' });
  mount(host, { base: BASE, root });
  await settle();
  const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
  return {
    host,
    root,
    $,
    $$: (selector: string) => [...root.querySelectorAll(selector)],
    text: () => root.textContent ?? '',
    field: (name: string) => $<HTMLInputElement>(`[name="${name}"]`)!,
    star: (n: number) => $<HTMLInputElement>(`input[name="score"][value="${n}"]`)!,
    button: (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!,
    errorOf: (name: string) => {
      const id = $(`[name="${name}"]`)?.getAttribute('aria-describedby');
      return id ? (root.getElementById(id)?.textContent ?? null) : null;
    },
  };
}

export type Rating = Awaited<ReturnType<typeof setup>>;

export const { type, leave } = fieldEvents(settle);

/** Presses «Отправить» and waits until the send is over (the proof of work is solved meanwhile). */
export async function submit(w: Rating) {
  w.$<HTMLButtonElement>('button[type="submit"]')!.click();
  await settle();
  await vi.waitUntil(() => !w.$('[aria-disabled="true"]'), { timeout: 10_000 });
  await settle();
}
