import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ConsoleSession, createUser, signIn } from './support/console.ts';
import { DB_KINDS } from './support/databases.ts';
import { type FuzzBody, jsonBodies, MULTIPART_FLAWS, multipart } from './support/fuzz-bodies.ts';
import { CONSOLE_BODIES, type KnownIds, paramValue, QUERY_KEYS } from './support/fuzz-console-routes.ts';
import { type FuzzApp, fuzzApp, fuzzParams, reportTried } from './support/fuzz-harness.ts';
import { expectMailHeadersClean } from './support/fuzz-stored.ts';
import { hostileSegment, hostileString } from './support/fuzz-strings.ts';
import { PDF_BYTES } from './support/test-app.ts';

vi.setConfig({ testTimeout: 180_000 });

/** Routes that end or change the session they run in: fuzzed last, each case in a session of its own. */
const SESSION_ENDING = new Set(['POST /api/admin/logout', 'POST /api/admin/password', 'POST /api/admin/login']);

/** Routes that hash a new password with the production scrypt cost (≈ 0.1 s each): fewer cases. */
const SCRYPT = new Set(['POST /api/admin/users', 'POST /api/admin/users/:id/reset-password']);

const queryValue = fc.oneof(
  fc.constantFrom('1', 'complaint', 'new', '2026-11-01', 'ivanov', '', '0', '-1'),
  hostileSegment,
);
const query = fc
  .dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), hostileSegment), queryValue, { maxKeys: 4 })
  .map((q) =>
    Object.entries(q)
      .map(([k, v]) => `${k}=${v}`)
      .join('&'),
  );

/** HR's CSV with hostile cells, for `POST /employees/import`. */
const csvImport: fc.Arbitrary<FuzzBody> = fc
  .tuple(
    fc.array(
      fc.array(
        hostileString.map((s) => s.slice(0, 500)),
        { minLength: 1, maxLength: 4 },
      ),
      { maxLength: 5 },
    ),
    fc.constantFrom(...MULTIPART_FLAWS),
  )
  .map(([rows, flaw]) => {
    const csv = ['slug;name;manager_email;position', ...rows.map((r) => r.join(';'))].join('\r\n');
    return multipart([{ name: 'file', filename: 'staff.csv', type: 'text/csv', content: csv }], flaw);
  });

/** Every console route Hono knows, as `METHOD path`, without the middleware entries. */
function consoleRoutes(f: FuzzApp): string[] {
  const keys = f.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/admin'))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)];
}

describe.each(DB_KINDS)('fuzz: every console route on %s, signed in as an admin', (kind) => {
  let f: FuzzApp;
  let admin: { email: string; password: string };
  let session: ConsoleSession;
  const known: KnownIds = {
    id: [],
    submissionId: [],
    slug: ['ivanov', 'petrova', 'delivery'],
    attachmentId: [],
    nid: [],
    users: [],
    departments: [],
  };

  beforeAll(async () => {
    f = await fuzzApp(kind);
    admin = await createUser(f.db, f.clock, { email: 'admin@example.ru', role: 'admin' });
    known.users.push((await createUser(f.db, f.clock, { email: 'handler@example.ru', role: 'handler' })).id);
    session = await signIn(f.app, admin.email, admin.password);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      kind: 'complaint',
      message: 'Жалоба с актом',
      consent: 'on',
      email: 'c@example.ru',
    }))
      form.append(k, v);
    form.append('files', new File([PDF_BYTES], 'акт.pdf'));
    const post = async (path: string, body: FormData | string) => {
      const headers = typeof body === 'string' ? { 'content-type': 'application/json' } : undefined;
      const res = await f.app.request(path, { method: 'POST', body, headers });
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    known.id.push(await post('/api/v1/feedback', form));
    known.id.push(
      await post('/api/v1/feedback', JSON.stringify({ kind: 'thanks', message: 'Спасибо', consent: true })),
    );
    for (const [subject, employee] of [
      ['employee', 'ivanov'],
      ['delivery', undefined],
    ])
      known.submissionId.push(
        await post(
          '/api/v1/ratings',
          JSON.stringify({ subject, employee, score: 2, comment: 'Плохо', publish: true, email: 'r@example.ru' }),
        ),
      );
    known.id.push(...known.submissionId);
    const nc = await session.request(`/api/admin/submissions/${known.id[0]}/nonconformities`, {
      method: 'POST',
      json: CONSOLE_BODIES['POST /api/admin/submissions/:id/nonconformities'],
    });
    expect(nc.status, await nc.clone().text()).toBe(200);
    known.nid.push(...(await f.db.selectFrom('nonconformities').select('id').execute()).map((r) => r.id));
    known.attachmentId.push(...(await f.db.selectFrom('attachments').select('id').execute()).map((r) => r.id));
    known.departments.push(...(await f.db.selectFrom('departments').select('id').execute()).map((r) => r.id));
  });
  afterAll(async () => {
    if (f) reportTried('console API', kind, f.tried());
    await f?.close();
  });

  it('knows a valid body for every console route it fuzzes', () => {
    const routes = consoleRoutes(f);
    expect(routes.length).toBeGreaterThan(40);
    const unknown = routes.filter((r) => !r.startsWith('GET ') && !(r in CONSOLE_BODIES));
    expect(unknown, 'routes without a base body in test/support/fuzz-console-routes.ts').toEqual([]);
  });

  /** The requests of one route: its parameters filled, a hostile query, a hostile body. */
  function requests(route: string) {
    const [method, path] = route.split(' ') as [string, string];
    const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const params = fc.tuple(...names.map((n) => paramValue(path, n, known)));
    const base = CONSOLE_BODIES[route] ?? {};
    const keys = Object.keys(base).length > 0 ? Object.keys(base) : ['text', 'name', 'reason'];
    const body: fc.Arbitrary<FuzzBody | null> =
      method === 'GET'
        ? fc.constant(null)
        : route.endsWith('/import')
          ? csvImport
          : fc.oneof({ weight: 4, arbitrary: jsonBodies(base, keys) }, { weight: 1, arbitrary: fc.constant(null) });
    return fc.tuple(params, query, body).map(([values, q, b]) => {
      let p = path;
      names.forEach((n, i) => {
        p = p.replace(`:${n}`, values[i]!);
      });
      return { method, path: q ? `${p}?${q}` : p, body: b };
    });
  }

  const send = async (
    s: { cookie: string; csrfToken: string } | null,
    r: { method: string; path: string; body: FuzzBody | null },
  ) =>
    f.hit(
      {
        method: r.method,
        path: r.path,
        headers: { ...(s && { cookie: s.cookie, 'x-csrf-token': s.csrfToken }), ...r.body?.headers },
        body: r.body?.body,
      },
      // A failed sign-in is written to the audit log on purpose.
      { records: r.path.startsWith('/api/admin/login') ? 'audit_log' : undefined },
    );

  it('every route with hostile parameters, queries and bodies: 2xx or a 4xx in the error shape, nothing stored by a refusal', async () => {
    const failures: string[] = [];
    for (const route of consoleRoutes(f).filter((r) => !SESSION_ENDING.has(r))) {
      const details = await fc.check(
        fc.asyncProperty(requests(route), async (r) => {
          await send(session, r);
        }),
        fuzzParams(SCRYPT.has(route) ? 0.05 : 0.4),
      );
      if (details.failed) failures.push(`${route}: ${String(details.errorInstance).slice(0, 800)}`);
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

  it('password change, sign-out and sign-in, each case in a fresh session', async () => {
    const failures: string[] = [];
    for (const route of ['POST /api/admin/password', 'POST /api/admin/logout', 'POST /api/admin/login']) {
      const details = await fc.check(
        fc.asyncProperty(requests(route), async (r) => {
          const fresh = route.endsWith('/login') ? null : await signIn(f.app, admin.email, admin.password);
          await send(fresh, r);
        }),
        fuzzParams(0.3),
      );
      if (details.failed) failures.push(`${route}: ${String(details.errorInstance).slice(0, 800)}`);
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

  it('a session cookie or CSRF token of any shape: 401 or 403 in the error shape, never 5xx', async () => {
    const token = fc.oneof(
      hostileString.map((s) =>
        Buffer.from(s.slice(0, 200), 'utf8')
          .toString('latin1')
          .replace(/[\r\n\0]/g, ''),
      ),
      fc.constantFrom(
        'é'.repeat(session.csrfToken.length),
        // What «я» becomes on the wire: its UTF-8 bytes read as Latin-1, as Node reads headers.
        Buffer.from('я'.repeat(session.csrfToken.length), 'utf8').toString('latin1').slice(0, session.csrfToken.length),
        session.csrfToken.toUpperCase(),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        token,
        fc.constantFrom('/api/admin/logout', '/api/admin/departments', '/api/admin/password'),
        async (t, path) => {
          const res = await f.hit({
            method: 'POST',
            path,
            headers: { cookie: session.cookie, 'x-csrf-token': t, 'content-type': 'application/json' },
            body: '{}',
          });
          expect([403, 413, 422]).toContain(res.status);
        },
      ),
      fuzzParams(0.5),
    );
  });

  it('e-mails queued by console actions carry no injected header', async () => {
    console.log(`[fuzz] console API on ${kind}: ${await expectMailHeadersClean(f)} e-mails checked`);
  });
});
