import { vi } from 'vitest';
import { mount } from './index.tsx';
import type { ReviewAnswer, ReviewsPageAnswer } from '../../shared/api-answers.ts';
import { BASE, json } from '../testing/responses.ts';

export { BASE };

export const IVANOV = { slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер' };
export const DELIVERY = { slug: 'delivery', title: 'Качество доставки' };

export const review = (over: Partial<ReviewAnswer> = {}): ReviewAnswer => ({
  id: `r${Math.random().toString(36).slice(2)}`,
  score: 5,
  comment: 'Качественно и своевременно оказаны услуги!',
  author: 'Анна П., ООО «Ромашка»',
  employee: IVANOV,
  subject: null,
  publishedAt: '2026-11-20T10:00:00.000Z',
  ...over,
});

export const reviewsPage = (
  items: ReviewAnswer[],
  summary = { count: items.length, average: items.length ? 4.7 : null },
): ReviewsPageAnswer => ({ items, nextCursor: null, summary });

/** A fetch stub answering each GET with the next of `answers` (an Error rejects, as a dropped connection does). */
export function stubFetch(...answers: Array<ReviewsPageAnswer | { status: number; body: unknown } | Error>) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => {
    const answer = answers.shift() ?? new Error('no more answers');
    if (answer instanceof Error) throw new TypeError('Failed to fetch');
    return 'status' in answer ? json(answer.status, answer.body) : json(200, answer);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** Lets Preact render and pending promises settle. */
export const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** Renders `<otklik-reviews>` the way the loader does and reaches into it. */
export async function setup(attributes: Record<string, string> = { employee: 'ivanov', limit: '5' }, wait = true) {
  const host = document.createElement('otklik-reviews');
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  mount(host, { base: BASE, root });
  if (wait) await settle();
  return {
    host,
    root,
    $: <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector),
    $$: (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)],
    text: () => root.textContent ?? '',
  };
}
