import { vi } from 'vitest';
import { mount } from './index.tsx';
import { fieldEvents } from '../testing/field-events.ts';
import { challengeAnswer } from '../testing/challenge.ts';
import { BASE, json } from '../testing/responses.ts';

export { BASE, json };

/** Renders `<otklik-feedback>` with these attributes the way the loader does, and reaches into it. */
export function setup(attributes: Record<string, string> = {}, launcher?: HTMLButtonElement) {
  const host = document.createElement('otklik-feedback');
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const widget = mount(host, { base: BASE, root, launcher });
  const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
  return {
    host,
    root,
    widget,
    $,
    text: () => root.textContent ?? '',
    field: (name: string) => $<HTMLInputElement>(`[name="${name}"]`)!,
    errorOf: (name: string) => {
      const id = $(`[name="${name}"]`)
        ?.getAttribute('aria-describedby')
        ?.split(' ')
        .find((i) => i.endsWith('-error'));
      return id ? (root.getElementById(id)?.textContent ?? null) : null;
    },
  };
}

export type Widget = ReturnType<typeof setup>;

/** Lets Preact render and pending promises settle. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

export const { type, leave } = fieldEvents(settle);

/** Presses «Отправить» and waits until the send is over (the proof of work is solved meanwhile). */
export async function submit(w: Widget) {
  const button = w.$<HTMLButtonElement>('button[type="submit"]')!;
  button.click();
  await settle();
  await vi.waitUntil(() => !w.$('[aria-disabled="true"]'), { timeout: 10_000 });
  await settle();
}

/** A valid draft: complaint, message, consent. */
export async function fillValid(w: Widget, message = 'Долго не отвечали на звонок') {
  w.$<HTMLInputElement>('input[value="complaint"]')!.click();
  await type(w.field('message'), message);
  w.field('consent').click();
  await settle();
}

type Answer = Response | Error;

/**
 * A fetch stub: posts answer with these responses in turn (an Error rejects, as a dropped
 * connection does); `GET api/v1/challenge` answers what `challenge` makes, a fresh challenge
 * unless a test says otherwise.
 */
export function stubServer(posts: Answer[], challenge: () => Answer | Promise<Answer> = challengeAnswer) {
  const times: number[] = [];
  const fetch = vi.fn(async (url: string, _init: RequestInit = {}) => {
    times.push(Date.now());
    const answer =
      url === `${BASE}api/v1/challenge` ? await challenge() : (posts.shift() ?? new Error('no more answers'));
    if (answer instanceof Error) throw new TypeError('Failed to fetch');
    return answer;
  });
  vi.stubGlobal('fetch', fetch);
  const postCalls = () =>
    fetch.mock.calls.flatMap((call, i) => (call[1]?.method === 'POST' ? [{ call, at: times[i]! }] : []));
  return {
    fetch,
    /** The posts made: when, their headers and bodies (JSON parsed; multipart as FormData). */
    posts: () =>
      postCalls().map(({ call: [url, init], at }) => ({
        url,
        at,
        headers: init!.headers as Record<string, string>,
        body: typeof init!.body === 'string' ? JSON.parse(init!.body) : (init!.body as FormData),
      })),
    /** How many challenges were asked for. */
    challenges: () => fetch.mock.calls.length - postCalls().length,
  };
}

/** The posts' stub alone, answering these responses in turn. */
export const stubFetch = (...posts: Answer[]) => stubServer(posts);

/** The server's 201: its confirmation in the words the server sends for a complaint (seed 004). */
export const created = (number: string, confirmation = COMPLAINT_CONFIRMATION) =>
  json(201, {
    id: 'f1',
    number,
    kind: 'complaint',
    createdAt: '2026-11-23T10:00:00Z',
    ack: 'Благодарим Вас за обращение.',
    answerBy: '2026-11-26T15:00:00.000Z',
    answerByText: 'Срок ответа — до 26 ноября 2026 г.',
    confirmation,
  });

export const COMPLAINT_CONFIRMATION = {
  title: 'Ваша заявка принята!',
  thanks: 'Спасибо за заявку!',
  next: 'Обращение будет обработано службой менеджмента качества в течение 3-х рабочих дней. Срок ответа — до 26 ноября 2026 г.',
};
