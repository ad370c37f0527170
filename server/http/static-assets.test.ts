import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/support/test-app.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
afterEach(async () => t?.close());

// `npm test` builds the widget first; these read the real files.
describe('widget assets', () => {
  it('serves the loader to any site, brotli-compressed as measured, revalidated after 5 minutes', async () => {
    t = await buildTestApp();
    const res = await t.app.request('/embed.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const plain = await t.app.request('/embed.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('otklik-feedback');
  });

  it('serves the form chunk as a cross-origin module', async () => {
    t = await buildTestApp();
    const res = await t.app.request('/w/feedback.js', { headers: { origin: 'https://example.ru' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await t.app.request('/w/nope.js')).status).toBe(404);
  });

  it('answers the same headers on the fast path as through the whole chain (a query string takes that)', async () => {
    t = await buildTestApp('sqlite', { PUBLIC_URL: 'https://feedback.example.ru' });
    const headers = async (path: string, init: Record<string, string> = {}) => {
      const res = await t.app.request(path, { headers: init });
      expect(res.status).toBe(200);
      return Object.fromEntries([...res.headers].filter(([k]) => k !== 'x-request-id'));
    };
    for (const [path, enc] of [
      ['/embed.js', 'br'],
      ['/embed.js', ''],
      ['/w/feedback.js', 'gzip'],
    ] as const) {
      const fast = await headers(path, { 'accept-encoding': enc });
      expect(fast).toEqual(await headers(`${path}?v=1`, { 'accept-encoding': enc }));
      // The app's secure headers, HSTS included under https.
      expect(fast).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
        'strict-transport-security': 'max-age=15552000; includeSubDomains',
        vary: 'Accept-Encoding',
      });
    }
    // A control character in the query is refused at the root, as for any address.
    expect((await t.app.request('/embed.js?x=%00')).status).toBe(400);
    const etag = (await t.app.request('/embed.js')).headers.get('etag')!;
    expect((await t.app.request('/embed.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await t.app.request('/embed.js', { method: 'HEAD' })).status).toBe(200);
  });

  it('serves the demo site only when DEMO is on', async () => {
    t = await buildTestApp('sqlite', { DEMO: '1' });
    expect((await t.app.request('/demo/')).status).toBe(200);
    await t.close();
    t = await buildTestApp('sqlite', { DEMO: '0' });
    expect((await t.app.request('/demo/')).status).toBe(404);
  });
});

describe('widget assets stay to themselves', () => {
  it('do not make other pages cross-origin readable', async () => {
    t = await buildTestApp('sqlite', { ALLOWED_ORIGINS: 'https://example.ru' });
    for (const path of ['/f', '/legal/terms', '/healthz']) {
      expect(
        (await t.app.request(path, { headers: { origin: 'https://evil.example' } })).headers.get(
          'access-control-allow-origin',
        ),
      ).toBeNull();
    }
  });
});
