import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { listRefusals } from '../refusals.ts';
import { saveEmployee } from '../directory/store.ts';

// Issue 14 §4: with ALLOWED_ORIGINS=https://site.example a form-encoded or multipart post from
// https://evil.example was stored (201): browsers send such «simple» requests without asking.

type T = Awaited<ReturnType<typeof buildTestApp>>;
let t: T;
afterEach(async () => t?.close());

const SITE = 'https://site.example';
const EVIL = 'https://evil.example';
const OWN = 'https://feedback.example';

async function app(kind: (typeof DB_KINDS)[number], allowed: string) {
  t = await buildTestApp(kind, { ALLOWED_ORIGINS: allowed, PUBLIC_URL: OWN });
  await saveEmployee(t.db, t.clock, {
    slug: 'ivanov',
    name: 'Иванов Иван',
    department: 'ДКС',
    managerEmail: 'boss@example.ru',
  });
}

const feedback = { kind: 'thanks', message: 'Спасибо за работу', consent: 'on' };
const multipart = () => {
  const form = new FormData();
  for (const [k, v] of Object.entries(feedback)) form.append(k, v);
  return form;
};

/** The three ways a browser posts, each to an endpoint that takes it. */
const POSTS: Array<[string, string, () => RequestInit, number]> = [
  [
    'JSON',
    '/api/v1/feedback',
    () => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...feedback, consent: true }) }),
    201,
  ],
  ['multipart', '/api/v1/feedback', () => ({ body: multipart() }), 201],
  ['multipart', '/f', () => ({ body: multipart() }), 303],
  ['form-encoded', '/r/ivanov', () => ({ body: new URLSearchParams({ score: '4', comment: 'Хорошо' }) }), 303],
];

const stored = async () =>
  Number((await t.db.selectFrom('submissions').select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const post = (path: string, init: RequestInit, origin?: string) =>
  t.app.request(path, {
    method: 'POST',
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...(origin ? { origin } : {}), 'accept-language': 'en' },
  });

describe.each(DB_KINDS)('ALLOWED_ORIGINS enforced by the server (%s)', (kind) => {
  it.each(POSTS)(
    'refuses a %s post to %s from a site not on the list with 403 origin_forbidden',
    async (_, path, init) => {
      await app(kind, SITE);
      const res = await post(path, init(), EVIL);
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('origin_forbidden');
      expect(body.error.message).toMatch(/not accepted/);
      expect(await stored()).toBe(0);
      expect(await listRefusals(t.db, '2000-01-01')).toEqual([{ day: '2026-11-23', reason: 'origin', count: 1 }]);
    },
  );

  it.each(POSTS)(
    'takes a %s post to %s from a listed site, from its own and without Origin',
    async (_, path, init, ok) => {
      await app(kind, `${SITE}/, https://other.example`);
      expect((await post(path, init(), SITE)).status).toBe(ok);
      expect((await post(path, init(), OWN)).status).toBe(ok);
      expect((await post(path, init())).status).toBe(ok);
      expect(await listRefusals(t.db, '2000-01-01')).toEqual([]);
    },
  );

  it('takes the hosted form posted from the host it was served from when PUBLIC_URL names another', async () => {
    await app(kind, SITE);
    const res = await t.app.request('http://127.0.0.1:3000/f', {
      method: 'POST',
      body: multipart(),
      headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
    });
    expect(res.status).toBe(303);
  });

  it('refuses `Origin: null` and a console action from a foreign site; a GET from anywhere is read', async () => {
    await app(kind, SITE);
    expect((await post('/api/v1/feedback', POSTS[1]![2](), 'null')).status).toBe(403);
    const login = await post(
      '/api/admin/login',
      { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.ru', password: 'x' }) },
      EVIL,
    );
    expect(login.status).toBe(403);
    const patch = await t.app.request('/api/admin/submissions/x', { method: 'PATCH', headers: { origin: EVIL } });
    expect(patch.status).toBe(403);
    expect((await t.app.request('/api/v1/employees/ivanov', { headers: { origin: EVIL } })).status).toBe(200);
  });

  it('takes any origin with `*`', async () => {
    await app(kind, '*');
    for (const [, path, init, ok] of POSTS) expect((await post(path, init(), EVIL)).status, path).toBe(ok);
  });
});
