import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_ERRORS, FORM_TEXTS } from '../../shared/i18n.ts';
import { challengeAnswer, challengeOf, isSolved, powFailed, STARTED } from '../testing/challenge.ts';
import { minFill } from '../testing/min-fill.ts';
import { created, fillValid, setup, stubServer, submit, type } from './test-helpers.ts';

vi.mock('../../shared/limits.ts', async (original) =>
  (await import('../testing/min-fill.ts')).withMinFill(await original()),
);

const ru = FORM_TEXTS.ru;

beforeEach(() => {
  minFill.feedback = 0;
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('<otklik-feedback> proof of work', () => {
  it('asks for a challenge at the first input, not before, and sends its solution with the message', async () => {
    // The server's own size: every number up to 20,000 may be the one.
    const server = stubServer([created('2026-00060')], () => challengeAnswer({ maxnumber: 20_000 }));
    const w = setup();
    expect(server.challenges()).toBe(0); // a page that only shows the form costs the server nothing
    await type(w.field('message'), 'Долго не отвечали на звонок');
    expect(server.challenges()).toBe(1);
    await fillValid(w);
    await submit(w);
    const [post] = server.posts();
    expect(await isSolved(post!.body.altcha)).toBe(true);
    expect(server.challenges()).toBe(1); // typing on did not ask again
    expect(w.$('.number strong')!.textContent).toBe('2026-00060');
  });

  it('solves a new challenge and sends once more, with the same key, when the server did not take the proof', async () => {
    const server = stubServer([powFailed(), created('2026-00061')]);
    const w = setup();
    await fillValid(w);
    await submit(w);
    await vi.waitUntil(() => w.$('.number strong'), { timeout: 10_000 });
    const [first, second] = server.posts();
    expect(server.posts()).toHaveLength(2);
    expect(second!.headers['Idempotency-Key']).toBe(first!.headers['Idempotency-Key']);
    expect(challengeOf(second!.body.altcha)).not.toBe(challengeOf(first!.body.altcha));
    expect(await isSolved(second!.body.altcha)).toBe(true);
    expect(w.$('.number strong')!.textContent).toBe('2026-00061');
  });

  it("shows the server's message, keeping the text, when the second proof is refused too", async () => {
    const server = stubServer([powFailed(), powFailed()]);
    const w = setup();
    await fillValid(w, 'Текст, который нельзя терять');
    await submit(w);
    await vi.waitUntil(() => w.$('.notice'), { timeout: 10_000 });
    expect(server.posts()).toHaveLength(2);
    expect(w.$('.notice')!.textContent).toBe(API_ERRORS.ru.pow_failed);
    expect(w.field('message').value).toBe('Текст, который нельзя терять');
  });

  it('keeps the draft when no challenge comes, and sends it with a proof once the connection is back', async () => {
    // Offline: neither the challenge nor the post gets through; then the connection is back.
    let online = false;
    const offline = () => new Error('offline');
    const server = stubServer([offline(), created('2026-00062')], () => (online ? challengeAnswer() : offline()));
    const w = setup();
    await fillValid(w, 'Текст, который нельзя терять');
    await submit(w);
    expect(w.text()).toContain(ru.networkError);
    expect(w.field('message').value).toBe('Текст, который нельзя терять');
    expect(server.posts()[0]!.body).not.toHaveProperty('altcha');

    online = true;
    [...w.root.querySelectorAll('button')].find((b) => b.textContent === ru.retry)!.click();
    await vi.waitUntil(() => w.$('.number strong'), { timeout: 10_000 });
    const posts = server.posts();
    expect(posts).toHaveLength(2);
    expect(posts[1]!.headers['Idempotency-Key']).toBe(posts[0]!.headers['Idempotency-Key']);
    expect(await isSolved(posts[1]!.body.altcha)).toBe(true);
    expect(w.$('.number strong')!.textContent).toBe('2026-00062');
  });

  it('waits out the minimum fill time after the challenge came, showing that it is sending', async () => {
    // Long enough to outlast filling in the form on a loaded machine (2 s once failed under four parallel runs).
    minFill.feedback = 3000;
    let challengeAt = 0;
    const server = stubServer([created('2026-00063')], async () => {
      const answer = await challengeAnswer();
      challengeAt ||= Date.now();
      return answer;
    });
    const w = setup();
    await fillValid(w);
    w.$<HTMLButtonElement>('button[type="submit"]')!.click();
    await vi.waitUntil(() => w.$('[aria-disabled="true"]'), { timeout: 2500 });
    expect(w.$('button[type="submit"]')!.textContent).toBe(ru.sending);
    expect(server.posts()).toHaveLength(0);
    await submit(w); // a second press while sending sends nothing more
    expect(server.posts()).toHaveLength(1);
    expect(server.posts()[0]!.at - challengeAt).toBeGreaterThanOrEqual(3000);
    expect(w.$('.number strong')!.textContent).toBe('2026-00063');
  });

  it("without Web Crypto (a site on plain http) sends the challenge's started token, after the fill time", async () => {
    const challenge = await challengeAnswer(); // made as the server does, with its Web Crypto
    // Outside a secure context a browser has crypto.getRandomValues but no crypto.subtle.
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
    expect(crypto.subtle).toBeUndefined();
    minFill.feedback = 300;
    let challengeAt = 0;
    const server = stubServer([created('2026-00064')], () => {
      challengeAt ||= Date.now();
      return challenge;
    });
    const w = setup();
    await fillValid(w, 'Сайт без https');
    await submit(w);
    await vi.waitUntil(() => w.$('.number strong'), { timeout: 10_000 });
    const [post] = server.posts();
    expect(server.posts()).toHaveLength(1);
    expect(post!.body).toMatchObject({ message: 'Сайт без https', started: STARTED });
    expect(post!.body).not.toHaveProperty('altcha');
    expect(post!.at - challengeAt).toBeGreaterThanOrEqual(300);
    expect(w.$('.number strong')!.textContent).toBe('2026-00064');
  });
});
