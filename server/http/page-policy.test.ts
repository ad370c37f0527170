import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/support/test-app.ts';
import { createUser, signIn } from '../../test/support/console.ts';
import { surveyTokenHash } from '../complaints/contact.ts';
import { saveEmployee } from '../directory/store.ts';

// Issue 10: no page sent a Content-Security-Policy, the console could be framed by any site, HSTS
// went out on plain http. Every kind of page, with the headers it must carry.

const built = fs.existsSync(new URL('../../admin/dist/index.html', import.meta.url));
if (!built) console.warn('[page-policy test] admin/dist is not built: /admin/ is tried as a 404 page');

type T = Awaited<ReturnType<typeof buildTestApp>>;
let t: T;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp('sqlite', { DEMO: '1', PUBLIC_URL: 'http://feedback.example' });
  await saveEmployee(t.db, t.clock, { slug: 'ivanov', name: 'Иванов Иван', managerEmail: 'boss@example.ru' });
  const json = async (path: string, body: unknown) => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    return (await (await t.app.request(path, init)).json()) as { id: string };
  };
  ids.feedback = (await json('/api/v1/feedback', { kind: 'complaint', message: 'Долго', consent: true })).id;
  ids.rating = (await json('/api/v1/ratings', { subject: 'employee', employee: 'ivanov', score: 5 })).id;
  await t.db
    .updateTable('complaints')
    .set({ survey_token: surveyTokenHash('survey-token-1') })
    .where('submission_id', '=', ids.feedback!)
    .execute();
});
afterAll(() => t?.close());

const NONCE = /'nonce-[A-Za-z0-9+/=]{20,}'/;

/** Path, expected status, and how it may style: a nonce for its `<style>`, or inline (see page-policy.ts). */
const PAGES: Array<[string, number, 'nonce' | 'inline']> = [
  ['/admin/', built ? 200 : 404, 'nonce'],
  ['/admin/inbox', built ? 200 : 404, 'nonce'],
  ['/f', 200, 'inline'],
  ['/f?lang=en', 200, 'inline'],
  ['/f/thanks/:feedback', 200, 'nonce'],
  ['/r/ivanov', 200, 'inline'],
  ['/r/ivanov?score=4&from=signature', 200, 'inline'],
  ['/r/thanks/:rating', 200, 'nonce'],
  ['/s/ivanov', 200, 'inline'],
  ['/reviews', 200, 'nonce'],
  ['/reviews?employee=ivanov', 200, 'nonce'],
  ['/legal/personal-data', 200, 'nonce'],
  ['/legal/terms?lang=en', 200, 'nonce'],
  ['/survey/survey-token-1', 200, 'nonce'],
  ['/survey/unknown', 404, 'nonce'],
  ['/demo/', 200, 'inline'],
  ['/demo/ratings.html', 200, 'inline'],
  ['/no-such-page', 404, 'nonce'],
];

const get = (path: string) =>
  t.app.request(
    path.replace(/:(\w+)/, (_, k: string) => ids[k]!),
    { headers: { accept: 'text/html' } },
  );

describe('security headers of every page', () => {
  it.each(PAGES)(
    '%s: a strict CSP, no framing, nosniff, no referrer to other sites, no HSTS on http',
    async (path, status, styles) => {
      const res = await get(path);
      expect(res.status).toBe(status);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      if (styles === 'inline') expect(csp).toContain("style-src 'self' 'unsafe-inline';");
      else expect(csp).toMatch(new RegExp(`style-src 'self' ${NONCE.source};`));
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
      const body = await res.text();
      // No inline script and no inline event handler: the policy would block them.
      expect(body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(body).not.toMatch(/\son[a-z]+="/);
      if (styles === 'nonce') {
        // Every <style> carries this answer's nonce, and no element has a style attribute.
        const nonce = NONCE.exec(csp)![0].slice(7, -1);
        for (const tag of body.match(/<style[^>]*>/g) ?? []) expect(tag).toBe(`<style nonce="${nonce}">`);
        expect(body).not.toMatch(/\sstyle="/);
      }
    },
  );

  it('gives each answer its own nonce', async () => {
    const a = (await get('/reviews')).headers.get('content-security-policy');
    const b = (await get('/reviews')).headers.get('content-security-policy');
    expect(NONCE.exec(a!)![0]).not.toBe(NONCE.exec(b!)![0]);
  });

  it('lets only the console frame its copy of the signature snippet, with its inline styles', async () => {
    const editor = await createUser(t.db, t.clock, { email: 'sig-editor@example.ru', role: 'qms' });
    const s = await signIn(t.app, editor.email, editor.password);
    const res = await s.request('/api/admin/employees/ivanov/signature.html');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("style-src 'self' 'unsafe-inline';");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(await res.text()).toMatch(/\sstyle="/);
    expect((await t.app.request('/api/admin/employees/ivanov/signature.html')).status).toBe(401);
    // The public snippet shows its styles too, and is framed by nobody, as every other page.
    for (const path of ['/api/v1/employees/ivanov/signature.html', '/s/ivanov']) {
      const page = await get(path);
      expect(page.headers.get('x-frame-options'), path).toBe('DENY');
      expect(page.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(page.headers.get('content-security-policy'), path).toContain("style-src 'self' 'unsafe-inline';");
    }
  });

  it('serves the signature page’s copy script as a file', async () => {
    const res = await t.app.request('/s/copy.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toContain('clipboard');
  });

  it('keeps the widget’s files loadable from any site, and the APIs without a page policy', async () => {
    for (const path of ['/embed.js', '/w/feedback.js']) {
      const res = await t.app.request(path, { headers: { origin: 'https://site.example' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBeNull();
    }
    const api = await t.app.request('/api/v1/reviews');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('content-security-policy')).toBeNull();
  });

  it('serves an attachment as a download with a safe type and its sandbox policy', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ kind: 'complaint', message: 'Файл', consent: 'on' })) form.append(k, v);
    form.append('files', new File(['<script>alert(1)</script>'], 'x.html', { type: 'text/html' }));
    const sent = (await (await t.app.request('/api/v1/feedback', { method: 'POST', body: form })).json()) as {
      id: string;
    };
    const admin = await createUser(t.db, t.clock, { email: 'admin@example.ru', role: 'admin' });
    const s = await signIn(t.app, admin.email, admin.password);
    const card = (await (await s.request(`/api/admin/submissions/${sent.id}`)).json()) as {
      attachments: Array<{ id: string }>;
    };
    const res = await s.request(`/api/admin/submissions/${sent.id}/attachments/${card.attachments[0]!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('HSTS', () => {
  it('is sent when PUBLIC_URL is https, and only then', async () => {
    const https = await buildTestApp('sqlite', { PUBLIC_URL: 'https://feedback.example' });
    const plain = await buildTestApp('sqlite', {});
    try {
      expect((await https.app.request('/f')).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect((await https.app.request('/api/v1/reviews')).headers.get('strict-transport-security')).toMatch(/max-age/);
      expect((await plain.app.request('/f')).headers.get('strict-transport-security')).toBeNull();
      const csp = (await https.app.request('/f')).headers.get('content-security-policy');
      expect(csp).toContain("form-action 'self' https://feedback.example;");
    } finally {
      await https.close();
      await plain.close();
    }
  });
});
