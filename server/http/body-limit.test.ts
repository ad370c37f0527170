import { afterEach, describe, expect, it } from 'vitest';
import { saveEmployee } from '../directory/store.ts';
import { listRefusals } from '../refusals.ts';
import { multipart, openRequest, servedTestApp } from '../../test/support/listen.ts';
import { FORM_BODY_MAX, SMALL_BODY } from './body-limit.ts';

let t: Awaited<ReturnType<typeof servedTestApp>>;
afterEach(async () => t?.close());

const valid = { kind: 'complaint', message: 'Счёт выставлен дважды', consent: true };
const storedCount = async () => (await t.db.selectFrom('submissions').select('id').execute()).length;
const tooLarge = async (res: Response) => {
  expect(res.status).toBe(413);
  expect((await res.json()).error.code).toBe('too_large');
};

describe('a JSON or url-encoded body over FORM_BODY_MAX', () => {
  it('is a 413 on every endpoint that reads a body, the console too, and is counted as too_large', async () => {
    t = await servedTestApp();
    const json = JSON.stringify({ ...valid, extra: 'x'.repeat(FORM_BODY_MAX) });
    const form = `message=${'x'.repeat(FORM_BODY_MAX)}&score=5`;
    const posts: Array<[string, string, string]> = [
      ['POST', '/api/v1/feedback', 'application/json'],
      ['POST', '/api/v1/ratings', 'application/json'],
      ['POST', '/api/admin/login', 'application/json'],
      ['POST', '/api/admin/users', 'application/json'],
      ['PATCH', '/api/admin/submissions/any', 'application/json'],
      ['POST', '/f', 'application/x-www-form-urlencoded'],
      ['POST', '/r/ivanov', 'application/x-www-form-urlencoded'],
    ];
    for (const [method, path, type] of posts) {
      const body = type === 'application/json' ? json : form;
      const res = await t.app.request(path, { method, headers: { 'content-type': type }, body });
      await tooLarge(res);
    }
    expect(await storedCount()).toBe(0);
    const refusals = await listRefusals(t.db, '2000-01-01');
    expect(refusals).toEqual([{ day: '2026-11-23', reason: 'too_large', count: posts.length }]);
  });

  it('takes a body just under the limit as before, JSON and a form, over real HTTP', async () => {
    t = await servedTestApp();
    const body = JSON.stringify({ ...valid, extra: 'x'.repeat(FORM_BODY_MAX - 200) });
    const json = await fetch(`${t.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(json.status).toBe(201);
    const form = await fetch(`${t.url}/f`, {
      method: 'POST',
      body: new URLSearchParams({
        kind: 'thanks',
        message: 'Спасибо',
        consent: 'true',
        extra: 'x'.repeat(FORM_BODY_MAX - 200),
      }),
      redirect: 'manual',
    });
    expect(form.status).toBe(303);
    expect(await storedCount()).toBe(2);
  });

  it('refuses a 49 MB JSON by its Content-Length at once, and stores nothing', async () => {
    t = await servedTestApp();
    const req = openRequest(`${t.url}/api/v1/feedback`, {
      'content-type': 'application/json',
      'content-length': String(49 * 1024 * 1024),
    });
    await req.write(`${JSON.stringify(valid).slice(0, -1)},"extra":"`);
    const res = await req.response;
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('too_large');
    expect(await storedCount()).toBe(0);
  });

  it('refuses a multipart body declared over five files at once on the API, unread', async () => {
    t = await servedTestApp();
    const req = openRequest(`${t.url}/api/v1/feedback`, {
      'content-type': multipart.type,
      'content-length': String(1024 * 1024 * 1024),
    });
    await req.write(multipart.field('kind', 'complaint'));
    // The body never comes: only an answer by its Content-Length can arrive.
    const res = await req.response;
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('too_large');
  });

  it('stops reading a chunked JSON at the first megabyte over, without waiting for its end, everywhere', async () => {
    t = await servedTestApp();
    for (const path of ['/api/v1/feedback', '/api/v1/ratings', '/api/admin/login', '/api/admin/users']) {
      const req = openRequest(`${t.url}${path}`, { 'content-type': 'application/json' });
      await req.write(`${JSON.stringify(valid).slice(0, -1)},"extra":"`);
      for (let i = 0; i < 12; i++) await req.write('x'.repeat(128 * 1024));
      // The body never ends: the answer can only come from a server that stopped reading it.
      const res = await req.response;
      expect(res.status, path).toBe(413);
      expect(JSON.parse(res.body).error.code).toBe('too_large');
    }
    expect(await storedCount()).toBe(0);
  });

  it('holds a route’s own limit on multipart too: a rating over 64 KB is 413 before its end', async () => {
    t = await servedTestApp();
    const req = openRequest(`${t.url}/api/v1/ratings`, { 'content-type': multipart.type });
    await req.write(multipart.field('score', '5'));
    for (let i = 0; i < 4; i++) await req.write(multipart.field(`comment${i}`, 'x'.repeat(30_000)));
    const res = await req.response;
    expect(res.status).toBe(413);
  });

  it('holds a route’s own smaller limit on a body the root read whole: a 20 KB sign-in is 413, chunked or not', async () => {
    t = await servedTestApp();
    const json = JSON.stringify({ email: 'a@example.ru', password: 'x'.repeat(SMALL_BODY + 4 * 1024) });
    expect(json.length).toBeLessThan(FORM_BODY_MAX);
    await tooLarge(
      await fetch(`${t.url}/api/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: json,
      }),
    );
    const req = openRequest(`${t.url}/api/admin/login`, { 'content-type': 'application/json' });
    await req.write(json);
    await req.end();
    const res = await req.response;
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('too_large');
  });

  it('reads a multipart rating whole under the route’s limit and stores it, over real HTTP and in-process', async () => {
    t = await servedTestApp();
    await saveEmployee(t.db, t.clock, {
      slug: 'ivanov',
      name: 'Иван Иванов',
      position: 'Инженер',
      department: 'ДКС',
      managerEmail: 'boss@example.ru',
    });
    const body = `${multipart.field('score', '4')}${multipart.field('comment', 'Всё быстро')}${multipart.end}`;
    const post = { method: 'POST', headers: { 'content-type': multipart.type }, body, redirect: 'manual' } as const;
    expect((await fetch(`${t.url}/r/ivanov`, post)).status).toBe(303);
    expect((await t.app.request('/r/ivanov', post)).status).toBe(303);
    const rows = await t.db.selectFrom('submissions').select(['score', 'message']).execute();
    expect(rows).toEqual([
      { score: 4, message: 'Всё быстро' },
      { score: 4, message: 'Всё быстро' },
    ]);
  });

  it('answers a site’s widget with a 413 it can read (CORS)', async () => {
    t = await servedTestApp({ ALLOWED_ORIGINS: 'https://site.example' });
    const res = await t.app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://site.example' },
      body: JSON.stringify({ ...valid, extra: 'x'.repeat(FORM_BODY_MAX) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://site.example');
  });

  it('refuses multipart on a console route that reads JSON without reading it', async () => {
    t = await servedTestApp();
    const form = new FormData();
    form.append('note', 'x');
    const res = await t.app.request('/api/admin/login', { method: 'POST', body: form });
    expect(res.status).toBe(415);
  });
});
