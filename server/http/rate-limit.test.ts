import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/support/test-app.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
afterEach(async () => t?.close());

const post = (ip: string, headers: Record<string, string> = {}) =>
  t.app.request('/api/v1/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
    body: JSON.stringify({ kind: 'thanks', message: 'Спасибо!', consent: true }),
  });

describe('per-IP limit on submissions', () => {
  it('answers 429 with Retry-After past RATE_LIMIT in 10 minutes, per IP, and lets the IP in again later', async () => {
    t = await buildTestApp('sqlite', { RATE_LIMIT: '3', TRUST_PROXY: '1' });
    for (let i = 0; i < 3; i++) expect((await post('203.0.113.5')).status).toBe(201);
    const limited = await post('203.0.113.5');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect((await post('198.51.100.7')).status).toBe(201);
    (t.clock as unknown as { advance(ms: number): void }).advance(10 * 60 * 1000 + 1);
    expect((await post('203.0.113.5')).status).toBe(201);
  });

  it('shows a person a page, not JSON, on the hosted form', async () => {
    t = await buildTestApp('sqlite', { RATE_LIMIT: '1', TRUST_PROXY: '1' });
    await post('203.0.113.9');
    const res = await t.app.request('/f', {
      method: 'POST',
      headers: { 'x-forwarded-for': '203.0.113.9', accept: 'text/html' },
      body: new FormData(),
    });
    expect(res.status).toBe(429);
    expect(await res.text()).toContain('Слишком много запросов');
  });
});
