import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHarness, type Harness } from '../server/console/testing/harness.ts';
import { DB_KINDS } from './support/databases.ts';
import type { ConsoleSession } from './support/console.ts';
import { PDF_BYTES } from './support/test-app.ts';

// Issue 14 §3: NUL gave a 500 on PostgreSQL (it refuses \u0000 in text) and was stored on SQLite.
// Every route the app has, public and console, read from the app itself so a new one is covered.

/** Every field name any public or console body has: each gets a NUL at once. */
const FIELDS = `kind message name organization inn phone email consent page idempotencyKey website subject
employee score comment publish channel raterToken password currentPassword newPassword role departmentId
text reason summary description task process product assignee dueDay correctionNote contactPosition
situationDate performer receivedAt at type note start end slug title titleEn recipients responsibleName
responsibleEmail responsibleUserId position managerEmail managerName status employeeSlug importance
satisfied loyal first justified internal loyalty satisfaction department q active`.split(/\s+/);

/** Actions whose body holds no text: they answer 2xx whatever is posted. */
const READS_NO_TEXT = [
  'POST /api/admin/submissions/:id/survey',
  'POST /api/admin/submissions/:id/stage2/close',
  'DELETE /api/admin/calendar/days/:day',
];

const NUL = 'a\u0000b';
const nulFields = () => Object.fromEntries(FIELDS.map((f) => [f, NUL]));

describe.each(DB_KINDS)('NUL and control characters in every route (%s)', (kind) => {
  let h: Harness;
  let admin: ConsoleSession;
  const params: Record<string, string> = {};

  beforeAll(async () => {
    h = await consoleHarness(kind);
    await h.directory();
    const message = await h.feedback({ email: 'client@example.ru' });
    const rating = await h.rating({ publish: true, score: 2 });
    admin = await h.as('admin');
    Object.assign(params, {
      id: message.id,
      submissionId: rating.id,
      slug: 'ivanov',
      day: '2026-12-07',
      token: 'no-such-token',
      attachmentId: message.id,
    });
  }, 60_000);
  afterAll(() => h?.close());

  /** Method and path of every route, middleware aside; `*` stands for a file. */
  const routes = () => {
    const seen = new Map<string, { method: string; path: string }>();
    for (const r of h.app.routes) {
      if (r.method === 'ALL' || r.path === '/*') continue;
      seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
    }
    return [...seen.values()];
  };
  const fill = (path: string, value?: string) =>
    path.replace(/:(\w+)/g, (_, p: string) => value ?? params[p] ?? 'x').replace('*', 'feedback.js');
  const send = (method: string, path: string, init: RequestInit = {}) =>
    path.startsWith('/api/admin') ? admin.request(path, { method, ...init }) : h.app.request(path, { method, ...init });

  it('enumerates the routes it tries: public pages and API, the console API', () => {
    const paths = routes().map((r) => `${r.method} ${r.path}`);
    expect(paths.length).toBeGreaterThan(45);
    for (const p of [
      'POST /api/v1/feedback',
      'POST /r/:slug',
      'POST /api/admin/login',
      'PATCH /api/admin/submissions/:id',
    ])
      expect(paths).toContain(p);
  });

  it('answers a path parameter with %00 or %01 with 404, never a 5xx', async () => {
    const fivexx: string[] = [];
    for (const { method, path } of routes()) {
      const target = path.includes(':') ? fill(path, 'a%00b') : `${fill(path)}%01`.replace('/%01', '/x%01');
      const res = await send(method, target);
      if (res.status >= 500) fivexx.push(`${method} ${target} ${res.status}`);
      else expect(res.status, `${method} ${target}`).toBe(404);
    }
    expect(fivexx).toEqual([]);
  });

  it('answers a query parameter with NUL with 400 bad_request', async () => {
    for (const { method, path } of routes()) {
      const res = await send(method, `${fill(path)}?q=a%00b&employee=%1F`);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
  });

  it('refuses NUL in every field of every body (JSON, url-encoded, multipart) with a 4xx, never a 5xx', async () => {
    const fivexx: string[] = [];
    const bodies = (): Array<[string, () => RequestInit]> => [
      ['json', () => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(nulFields()) })],
      ['form', () => ({ body: new URLSearchParams(nulFields()) })],
      [
        'multipart',
        () => {
          const form = new FormData();
          for (const [k, v] of Object.entries(nulFields())) form.append(k, v);
          return { body: form };
        },
      ],
    ];
    let tried = 0;
    for (const { method, path } of routes()) {
      // Logout reads no body, and would end the session the other routes are tried with.
      if (method === 'GET' || path === '/api/admin/logout') continue;
      for (const [how, init] of bodies()) {
        const res = await send(method, fill(path), init());
        tried++;
        if (res.status >= 500) fivexx.push(`${method} ${path} ${how}: ${res.status} ${await res.text()}`);
        else if (!READS_NO_TEXT.includes(`${method} ${path}`))
          expect(res.status, `${method} ${path} ${how}`).toBeGreaterThanOrEqual(400);
      }
    }
    expect(fivexx).toEqual([]);
    expect(tried).toBeGreaterThan(60);
  });

  it('names the field: a message with NUL, an address `a\\0@b.ru`, a sign-in e-mail', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['/api/v1/feedback', { kind: 'thanks', message: `Спасибо${NUL}`, consent: true }, 'message'],
      ['/api/v1/feedback', { kind: 'thanks', message: 'Спасибо', consent: true, email: 'a\u0000@b.ru' }, 'email'],
      ['/api/v1/ratings', { subject: 'employee', employee: 'ivanov', score: 5, comment: `x\u0007` }, 'comment'],
      ['/api/v1/ratings', { subject: 'employee', employee: 'ivanov', score: 5, name: 'Анна\ud800' }, 'name'],
      ['/api/admin/login', { email: 'a\u0000@b.ru', password: 'x' }, 'email'],
    ];
    for (const [path, body, field] of cases) {
      const res = await h.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBe(422);
      const answer = (await res.json()) as { error: { fields: Record<string, string> } };
      expect(answer.error.fields[field], `${path} ${field}`).toBe('Remove control characters');
    }
    const stored = await h.db.selectFrom('submissions').select('email').where('email', 'like', 'a%@b.ru').execute();
    expect(stored).toEqual([]);
  });

  it('takes the page breaks and tabs a paste brings: line breaks in a message, spaces in a name', async () => {
    const res = await h.app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'thanks',
        message: 'Страница 1\fСтраница 2\vстрока',
        name: 'Анна\tСмирнова',
        organization: 'ООО\v«Ромашка»',
        consent: true,
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const row = await h.db
      .selectFrom('submissions')
      .select(['message', 'name', 'organization'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      message: 'Страница 1\nСтраница 2\nстрока',
      name: 'Анна Смирнова',
      organization: 'ООО «Ромашка»',
    });
  });

  it('keeps line breaks in a message and takes it', async () => {
    const res = await h.app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'thanks', message: 'Строка 1\r\n\tСтрока 2', consent: true }),
    });
    expect(res.status).toBe(201);
  });

  it('takes bidi overrides and isolates out of every text sent (JSON and form posts), before the QMS reads them in a subject', async () => {
    const post = (body: BodyInit, type?: string) =>
      h.app.request('/api/v1/feedback', {
        method: 'POST',
        ...(type ? { headers: { 'content-type': type } } : {}),
        body,
      });
    const fields = { kind: 'complaint', message: 'Счёт \u202eневерный\u202c', consent: 'true' };
    const json = await post(
      JSON.stringify({ ...fields, organization: '\u202eООО Ромашка', consent: true }),
      'application/json',
    );
    const form = await post(new URLSearchParams({ ...fields, organization: 'ООО \u2067Лютик\u2069' }));
    expect([json.status, form.status]).toEqual([201, 201]);
    const ids = [((await json.json()) as { id: string }).id, ((await form.json()) as { id: string }).id];
    const rows = await h.db
      .selectFrom('submissions')
      .select(['organization', 'message'])
      .where('id', 'in', ids)
      .orderBy('number')
      .execute();
    expect(rows).toEqual([
      { organization: 'ООО Ромашка', message: 'Счёт неверный' },
      { organization: 'ООО Лютик', message: 'Счёт неверный' },
    ]);
    const subjects = await h.db.selectFrom('outbox').select('subject').where('subject', 'like', '%Ромашка%').execute();
    expect(subjects.length).toBeGreaterThan(0);
    expect(subjects.every((m) => !/[\u202a-\u202e\u2066-\u2069]/.test(m.subject))).toBe(true);
  });

  it('answers a body that is not UTF-8 with 400 bad_request and stores nothing', async () => {
    const before = await h.db.selectFrom('submissions').select(h.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('{"kind":"thanks","consent":true,"message":"caf'),
      0xe9,
      ...new TextEncoder().encode('"}'),
    ]);
    const tries: Array<[string, RequestInit]> = [
      ['/api/v1/feedback', { headers: { 'content-type': 'application/json' }, body: latin1 }],
      [
        '/r/ivanov',
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'score=4&comment=caf%E9' },
      ],
      [
        '/r/ivanov',
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new Uint8Array([0x73, 0x3d, 0xff]) },
      ],
    ];
    for (const [path, init] of tries) {
      const res = await h.app.request(path, { method: 'POST', ...init });
      expect(res.status, path).toBe(400);
    }
    const res = await admin.request(`/api/admin/submissions/${params.id}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([...new TextEncoder().encode('{"text":"'), 0xc3, 0x28, 0x22, 0x7d]),
    });
    expect(res.status).toBe(400);
    const after = await h.db.selectFrom('submissions').select(h.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('still reads a url-encoded rating as before', async () => {
    const res = await h.app.request('/r/petrova', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'score=4&comment=%D0%A1%D0%BF%D0%B0%D1%81%D0%B8%D0%B1%D0%BE+%D0%B7%D0%B0+%D0%B2%D1%81%D1%91',
    });
    expect(res.status).toBe(303);
    const row = await h.db
      .selectFrom('submissions')
      .select('message')
      .where('type', '=', 'rating')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.message).toBe('Спасибо за всё');
  });
});

describe.each(DB_KINDS)('an attachment named with NUL (%s)', (kind) => {
  it('is taken or refused, never a 5xx', async () => {
    const h = await consoleHarness(kind);
    try {
      const form = new FormData();
      for (const [k, v] of Object.entries({ kind: 'complaint', message: 'Акт во вложении', consent: 'on' }))
        form.append(k, v);
      form.append('files', new File([PDF_BYTES], 'акт\u0000.pdf', { type: 'application/pdf' }));
      const res = await h.app.request('/api/v1/feedback', { method: 'POST', body: form });
      expect(res.status).toBeLessThan(500);
    } finally {
      await h.close();
    }
  });
});
