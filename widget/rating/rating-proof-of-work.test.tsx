import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_ERRORS } from '../../shared/i18n.ts';
import { RATING_TEXTS } from '../../shared/rating-texts.ts';
import { challengeAnswer, challengeOf, isSolved, powFailed } from '../testing/challenge.ts';
import { minFill } from '../testing/min-fill.ts';
import { created, DELIVERY, IVANOV, json, setup, stubFetch, submit } from './test-helpers.ts';

vi.mock('../../shared/limits.ts', async (original) =>
  (await import('../testing/min-fill.ts')).withMinFill(await original()),
);

const ru = RATING_TEXTS.ru;

beforeEach(() => {
  minFill.rating = 0;
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  localStorage.clear();
});

/** A stub that says when each challenge came and when each post was made. */
function stubTimedChallenges(posts: Response[]) {
  const came: number[] = [];
  const posted: number[] = [];
  const stub = stubFetch(posts, {
    'employees/ivanov': () => json(200, IVANOV),
    'subjects/delivery': () => json(200, DELIVERY),
    challenge: async () => {
      const answer = await challengeAnswer();
      came.push(Date.now());
      return answer;
    },
  });
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') posted.push(Date.now());
    return stub.fetch(url, init);
  });
  return { ...stub, came, posted };
}

describe('<otklik-rating> proof of work', () => {
  it('asks for no challenge until the client rates, then sends its solution with the rating', async () => {
    const { posts, came } = stubTimedChallenges([created('2026-00070')]);
    const w = await setup();
    expect(came).toHaveLength(0);
    w.star(5).click();
    await vi.waitUntil(() => came.length === 1);
    await submit(w);
    expect(await isSolved(posts()[0]!.body.altcha)).toBe(true);
    expect(w.$('.number strong')!.textContent).toBe('2026-00070');
  });

  it("starts solving at once when the signature's star link already chose the score", async () => {
    const { came } = stubTimedChallenges([]);
    await setup({ subject: 'employee', employee: 'ivanov', score: '5' });
    await vi.waitUntil(() => came.length === 1);
  });

  it('solves a new challenge and sends once more, with the same key, when the server did not take the proof', async () => {
    const { posts } = stubTimedChallenges([powFailed(), created('2026-00071')]);
    const w = await setup();
    w.star(4).click();
    await submit(w);
    await vi.waitUntil(() => w.$('.number strong'), { timeout: 10_000 });
    const [first, second] = posts();
    expect(posts()).toHaveLength(2);
    expect(second!.headers['Idempotency-Key']).toBe(first!.headers['Idempotency-Key']);
    expect(challengeOf(second!.body.altcha)).not.toBe(challengeOf(first!.body.altcha));
    expect(await isSolved(second!.body.altcha)).toBe(true);
  });

  it("shows the server's message when the second proof is refused too", async () => {
    const { posts } = stubTimedChallenges([powFailed(), powFailed()]);
    const w = await setup();
    w.star(4).click();
    await submit(w);
    await vi.waitUntil(() => w.$('.notice'), { timeout: 10_000 });
    expect(posts()).toHaveLength(2);
    expect(w.$('.notice')!.textContent).toBe(API_ERRORS.ru.pow_failed);
  });

  it('waits out the minimum fill time after the challenge came, showing that it is sending', async () => {
    minFill.rating = 1000;
    const { posts, came, posted } = stubTimedChallenges([created('2026-00072')]);
    const w = await setup({ subject: 'employee', employee: 'ivanov', score: '5' });
    w.$<HTMLButtonElement>('button[type="submit"]')!.click();
    await vi.waitUntil(() => w.$('[aria-disabled="true"]'));
    expect(w.$('button[type="submit"]')!.textContent).toBe(ru.sending);
    expect(posts()).toHaveLength(0);
    await vi.waitUntil(() => w.$('.number strong'), { timeout: 10_000 });
    expect(posted[0]! - came[0]!).toBeGreaterThanOrEqual(1000);
  });
});
