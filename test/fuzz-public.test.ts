import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DB_KINDS } from './support/databases.ts';
import { fieldParts, jsonBodies, MULTIPART_FLAWS, multipart, urlEncodedBodies } from './support/fuzz-bodies.ts';
import { hostileFile } from './support/fuzz-files.ts';
import { type FuzzApp, fuzzApp, fuzzParams, reportTried } from './support/fuzz-harness.ts';
import { expectMailHeadersClean, expectStoredWhole } from './support/fuzz-stored.ts';
import { hostileFields, type FuzzBody } from './support/fuzz-bodies.ts';
import { hostileSegment, hostileString } from './support/fuzz-strings.ts';

vi.setConfig({ testTimeout: 120_000 });

const FEEDBACK = { kind: 'complaint', message: 'Программа не запускается', consent: true, email: 'client@example.ru' };
const FEEDBACK_KEYS = Object.keys({
  ...FEEDBACK,
  name: 0,
  organization: 0,
  inn: 0,
  phone: 0,
  page: 0,
  idempotencyKey: 0,
  website: 0,
});
const RATING = {
  subject: 'employee',
  employee: 'ivanov',
  score: 4,
  comment: 'Спасибо',
  publish: true,
  email: 'client@example.ru',
};
const RATING_KEYS = Object.keys({
  ...RATING,
  name: 0,
  organization: 0,
  page: 0,
  channel: 0,
  raterToken: 0,
  idempotencyKey: 0,
  website: 0,
});

/** A header value a client can send (Latin-1, no CR/LF/NUL: fetch itself refuses those). */
const headerValue = hostileString.map((s) =>
  Buffer.from(s.slice(0, 2000), 'utf8')
    .toString('latin1')
    .replace(/[\r\n\0]/g, ''),
);
const clientHeaders = fc.record(
  {
    'idempotency-key': headerValue,
    'accept-language': headerValue,
    'user-agent': headerValue,
    cookie: headerValue.map((v) => `otklik_rater=${v}`),
    accept: fc.constantFrom('text/html', 'application/json', '*/*'),
  },
  { requiredKeys: [] },
);

/** Mostly well formed, so that the files are looked at. */
const multipartFlaw = fc.oneof(
  { weight: 3, arbitrary: fc.constant('none' as const) },
  fc.constantFrom(...MULTIPART_FLAWS),
);

/** A body of any of the three kinds a public form takes, fields and files hostile. */
function anyBody(base: Record<string, unknown>, keys: string[]): fc.Arbitrary<FuzzBody> {
  const form = fc
    .tuple(hostileFields(base, keys), fc.array(hostileFile, { maxLength: 6 }), multipartFlaw, fc.boolean())
    .map(([fields, files, flaw, raw]) =>
      multipart([...fieldParts(fields), ...files.map((file) => ({ name: 'files', ...file }))], flaw, raw),
    );
  return fc.oneof(jsonBodies(base, keys), urlEncodedBodies(base, keys), form);
}

const asForm = (fields: Record<string, unknown>) => ({
  ...fields,
  consent: fields.consent === true ? 'on' : fields.consent,
});

describe.each(DB_KINDS)(
  'fuzz: every public endpoint on %s answers 2xx or a 4xx in the error shape, and stores all or nothing',
  (kind) => {
    let f: FuzzApp;
    beforeAll(async () => {
      f = await fuzzApp(kind);
    });
    afterAll(async () => {
      if (f) reportTried('public endpoints', kind, f.tried());
      await f?.close();
    });

    it('POST /api/v1/feedback: JSON, url-encoded and multipart, broken or hostile', async () => {
      await fc.assert(
        fc.asyncProperty(anyBody(FEEDBACK, FEEDBACK_KEYS), clientHeaders, async (b, h) => {
          await f.hit({ method: 'POST', path: '/api/v1/feedback', headers: { ...h, ...b.headers }, body: b.body });
        }),
        fuzzParams(3),
      );
    });

    it('POST /api/v1/ratings: JSON, url-encoded and multipart, broken or hostile', async () => {
      await fc.assert(
        fc.asyncProperty(anyBody(RATING, RATING_KEYS), clientHeaders, async (b, h) => {
          await f.hit({ method: 'POST', path: '/api/v1/ratings', headers: { ...h, ...b.headers }, body: b.body });
        }),
        fuzzParams(2),
      );
    });

    it('POST /f and POST /r/:slug, the pages without JavaScript', async () => {
      const slug = fc.oneof(fc.constantFrom('ivanov', 'delivery', 'petrova'), hostileSegment);
      await fc.assert(
        fc.asyncProperty(
          anyBody(asForm(FEEDBACK), FEEDBACK_KEYS),
          anyBody(RATING, RATING_KEYS),
          slug,
          clientHeaders,
          async (fb, rb, s, h) => {
            await f.hit(
              { method: 'POST', path: '/f', headers: { ...h, ...fb.headers }, body: fb.body },
              { page: true },
            );
            await f.hit(
              { method: 'POST', path: `/r/${s}`, headers: { ...h, ...rb.headers }, body: rb.body },
              { page: true },
            );
          },
        ),
        fuzzParams(2),
      );
    });

    it('GET pages and the read API with hostile paths and queries', async () => {
      const ids = (await f.db.selectFrom('submissions').select('id').limit(5).execute()).map((r) => r.id);
      const id = ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), hostileSegment) : hostileSegment;
      const query = fc
        .dictionary(
          fc.oneof(
            fc.constantFrom('employee', 'subject', 'limit', 'cursor', 'lang', 'score', 'from', 'page', 'q'),
            hostileSegment,
          ),
          hostileSegment,
          { maxKeys: 4 },
        )
        .map((q) =>
          Object.entries(q)
            .map(([k, v]) => `${k}=${v}`)
            .join('&'),
        );
      const path = fc.oneof(
        fc
          .tuple(
            fc.constantFrom(
              '/api/v1/employees/',
              '/api/v1/subjects/',
              '/r/',
              '/s/',
              '/f/thanks/',
              '/r/thanks/',
              '/survey/',
            ),
            id,
          )
          .map(([p, s]) => p + s),
        id.map((s) => `/api/v1/employees/${s}/signature.html`),
        fc.constantFrom(
          '/reviews',
          '/api/v1/reviews',
          '/f',
          '/r/ivanov',
          '/legal/terms',
          '/legal/personal-data',
          '/healthz',
        ),
      );
      await fc.assert(
        fc.asyncProperty(path, query, clientHeaders, async (p, q, h) => {
          const res = await f.hit(
            { method: 'GET', path: q ? `${p}?${q}` : p, headers: h },
            { page: !p.startsWith('/api/') },
          );
          expect([200, 301, 302, 303, 304, 400, 404, 410, 422]).toContain(res.status);
        }),
        fuzzParams(4),
      );
    });

    it('one idempotency key sent to every public endpoint in turn', async () => {
      const key = fc.oneof(
        hostileString.filter((k) => k.trim() !== '' && k.length <= 200),
        fc.uuid(),
      );
      const order = fc.shuffledSubarray(['/api/v1/feedback', '/api/v1/ratings', '/f'], { minLength: 2 });
      await fc.assert(
        fc.asyncProperty(key, order, async (k, paths) => {
          for (const path of paths) {
            const fields = path === '/api/v1/ratings' ? RATING : FEEDBACK;
            await f.hit(
              {
                method: 'POST',
                path,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ ...fields, idempotencyKey: k }),
              },
              { page: path === '/f' },
            );
          }
        }),
        fuzzParams(0.5),
      );
    });

    it('POST /survey/:token with hostile tokens and answers', async () => {
      await fc.assert(
        fc.asyncProperty(
          hostileSegment,
          urlEncodedBodies({ satisfied: 'yes', loyal: 'yes' }, ['satisfied', 'loyal']),
          async (token, b) => {
            await f.hit({ method: 'POST', path: `/survey/${token}`, headers: b.headers, body: b.body }, { page: true });
          },
        ),
        fuzzParams(),
      );
    });

    it('what the fuzzing stored is whole, and its e-mails carry no injected header', async () => {
      const stored = await expectStoredWhole(f);
      const mails = await expectMailHeadersClean(f);
      console.log(
        `[fuzz] public endpoints on ${kind}: ${stored.submissions} messages, ${stored.files} files, ${mails} e-mails stored and checked`,
      );
      expect(stored.submissions, 'some fuzzed messages were valid enough to be stored').toBeGreaterThan(0);
    });
  },
);
