import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/support/test-app.ts';

let t: Awaited<ReturnType<typeof buildTestApp>> | undefined;
afterEach(async () => t?.close());

describe('a method the public API does not take', () => {
  it('is answered 405 with Allow and the error shape, in the request’s language', async () => {
    t = await buildTestApp('sqlite');
    for (const [method, path, allow] of [
      ['GET', '/api/v1/feedback', 'POST'],
      ['PUT', '/api/v1/feedback', 'POST'],
      ['DELETE', '/api/v1/ratings', 'POST'],
      ['POST', '/api/v1/reviews', 'GET, HEAD'],
      ['PATCH', '/api/v1/challenge', 'GET, HEAD'],
      ['POST', '/api/v1/employees/ivanov', 'GET, HEAD'],
      ['PUT', '/api/v1/employees/ivanov/signature.html', 'GET, HEAD'],
      ['DELETE', '/api/v1/subjects/delivery', 'GET, HEAD'],
    ] as const) {
      const res = await t.app.request(path, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(await res.json()).toEqual({
        error: { code: 'method_not_allowed', message: 'Этот метод здесь не принимается', fields: {} },
      });
    }
    const en = await t.app.request('/api/v1/feedback', { headers: { 'accept-language': 'en' } });
    expect((await en.json()).error.message).toBe('This method is not accepted here');
  });

  it('leaves the methods each endpoint takes, and an address of nothing, as they were', async () => {
    t = await buildTestApp('sqlite');
    expect((await t.app.request('/api/v1/reviews')).status).toBe(200);
    expect((await t.app.request('/api/v1/reviews', { method: 'HEAD' })).status).toBe(200);
    expect((await t.app.request('/api/v1/challenge')).status).toBe(200);
    expect((await t.app.request('/api/v1/subjects/delivery')).status).toBe(200);
    expect((await t.app.request('/api/v1/employees/nobody')).status).toBe(404);
    expect((await t.app.request('/api/v1/employees/nobody/signature.txt')).status).toBe(404);
    const preflight = await t.app.request('/api/v1/feedback', {
      method: 'OPTIONS',
      headers: { origin: 'https://site.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    const post = await t.app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(422);
    expect((await t.app.request('/api/v1/nothing', { method: 'PUT' })).status).toBe(404);
  });
});
