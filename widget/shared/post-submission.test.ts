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

  it('takes a 422 as the server refusing the fields', async () => {
    answer(422, { error: { code: 'validation', message: 'Проверьте поля формы', fields: { q: 'x' } } });
    expect(await postSubmission('/api/v1/feedback', 'ru', 'k-1', {}, async () => undefined)).toEqual({
      ok: false,
      message: 'Проверьте поля формы',
      fields: { q: 'x' },
    });
  });
});
