import { afterEach, describe, expect, it, vi } from 'vitest';
import { postSubmission } from './post-submission.ts';

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }),
    ),
  );

describe('postSubmission', () => {
  it('takes a 503 «busy» (the database was locked) as not stored: the draft and its key are kept for a retry', async () => {
    answer(503, { error: { code: 'busy', message: 'Сервер занят', fields: {} } }, { 'retry-after': '5' });
    expect(await postSubmission('/api/v1/feedback', 'ru', 'k-1', {}, async () => undefined)).toEqual({
      ok: false,
      network: true,
    });
  });

  it('gives up on an answer that never comes, after 30 s (50 minutes with files): the draft and its key stay for a retry', async () => {
    const asked: number[] = [];
    const give = new AbortController();
    vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
      asked.push(ms);
      return give.signal;
    });
    // A connection that died without closing: the fetch waits until its signal gives up.
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => {
            if (init.signal!.aborted) reject(init.signal!.reason);
            init.signal!.addEventListener('abort', () => reject(init.signal!.reason));
          }),
      ),
    );
    const sent = postSubmission('/api/v1/feedback', 'ru', 'k-1', {}, async () => undefined);
    give.abort(new DOMException('timed out', 'TimeoutError'));
    expect(await sent).toEqual({ ok: false, network: true });
    const withFile = postSubmission('/api/v1/feedback', 'ru', 'k-1', {}, async () => undefined, [
      new File(['x'], 'a.txt'),
    ]);
    expect(await withFile).toEqual({ ok: false, network: true });
    expect(asked).toEqual([30_000, 3_000_000]);
    vi.restoreAllMocks();
  });

  it('takes a 422 as the server refusing the fields', async () => {
    answer(422, { error: { code: 'validation', message: 'Проверьте поля формы', fields: { q: 'x' } } });
    expect(await postSubmission('/api/v1/feedback', 'ru', 'k-1', {}, async () => undefined)).toEqual({
      ok: false,
      message: 'Проверьте поля формы',
      fields: { q: 'x' },
    });
  });
});
