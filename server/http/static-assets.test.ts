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
