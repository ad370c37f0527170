import { afterEach, describe, expect, it } from 'vitest';
import { MIN_FILL_MS } from '../../shared/limits.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { solvedAltcha } from '../../test/support/pow.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { saveEmployee } from '../directory/store.ts';
import { listRefusals } from '../refusals.ts';

let t: Awaited<ReturnType<typeof buildTestApp>> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const defended = (kind: (typeof DB_KINDS)[number]) => buildTestApp(kind, { CAPTCHA: 'on' });
const advance = (ms: number) => (t!.clock as unknown as { advance(ms: number): void }).advance(ms);
const post = (path: string, body: Record<string, unknown>) =>
  t!.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const feedback = (extra: Record<string, unknown> = {}) =>
  post('/api/v1/feedback', { kind: 'thanks', message: 'Спасибо!', consent: true, ...extra });
const stored = async () => (await t!.db.selectFrom('submissions').select('id').execute()).length;
const refusals = async () =>
  Object.fromEntries((await listRefusals(t!.db, '2000-01-01')).map((r) => [r.reason, r.count]));
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe.each(DB_KINDS)('proof of work on public posts (%s)', (kind) => {
  it('gives a challenge that is never cached, signed, expiring in an hour and carrying its issue time', async () => {
    t = await defended(kind);
    const res = await t.app.request('/api/v1/challenge', { headers: { origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const ch = await res.json();
    expect(ch).toMatchObject({ algorithm: 'SHA-256', maxnumber: 20_000 });
    expect(ch.signature).toMatch(/^[0-9a-f]{64}$/);
    const params = new URLSearchParams(ch.salt.split('?')[1]);
    expect(Number(params.get('t'))).toBe(t.clock.now().getTime());
    expect(Number(params.get('expires')) * 1000 - t.clock.now().getTime()).toBe(3600_000);
  });

  it('refuses a post without a solution with 403 pow_failed and stores nothing', async () => {
    t = await defended(kind);
    const res = await feedback();
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('pow_failed');
    const en = await t.app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ kind: 'thanks', message: 'Hi', consent: true, altcha: 'bm90IGEgc29sdXRpb24=' }),
    });
    expect(en.status).toBe(403);
    expect((await en.json()).error.message).toBe(
      'We could not confirm that a person is sending this. Please send it again',
    );
    expect(await stored()).toBe(0);
    expect(await refusals()).toEqual({ pow_missing: 1, pow_invalid: 1 });
  });

  it('takes a solved post once the form was open long enough, and never stores the solution', async () => {
    t = await defended(kind);
    const altcha = await solvedAltcha(t.app);
    advance(MIN_FILL_MS.feedback);
    const res = await feedback({ altcha });
    expect(res.status).toBe(201);
    const row = await t.db.selectFrom('submissions').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(altcha.slice(0, 40));
  });

  it('refuses the same solution twice, across instances', async () => {
    t = await defended(kind);
    const altcha = await solvedAltcha(t.app);
    advance(MIN_FILL_MS.feedback);
    expect((await feedback({ altcha })).status).toBe(201);
    const again = await t.another().request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'thanks', message: 'Ещё раз', consent: true, altcha }),
    });
    expect(again.status).toBe(403);
    expect(await errorCode(again)).toBe('pow_failed');
    expect(await stored()).toBe(1);
    expect(await refusals()).toEqual({ pow_reused: 1 });
  });

  it('forgets spent solutions once they have expired, now and then', async () => {
    t = await defended(kind);
    const first = await solvedAltcha(t.app);
    advance(MIN_FILL_MS.feedback);
    expect((await feedback({ altcha: first })).status).toBe(201);
    advance(2 * 3600_000);
    const second = await solvedAltcha(t.app);
    advance(MIN_FILL_MS.feedback);
    expect((await feedback({ altcha: second })).status).toBe(201);
    // The first expired an hour ago and was dropped; the second is kept until it expires.
    expect(await t.db.selectFrom('pow_spent').select('signature').execute()).toHaveLength(1);
  });

  it('answers a retry of a taken post (same idempotency key, same solution) with the first answer', async () => {
    t = await defended(kind);
    const altcha = await solvedAltcha(t.app);
    advance(MIN_FILL_MS.feedback);
    const send = (key: string) =>
      t!.app.request('/api/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ kind: 'thanks', message: 'Спасибо!', consent: true, altcha }),
      });
    const first = await send('draft-1');
    const retry = await send('draft-1');
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect((await retry.json()).id).toBe((await first.json()).id);
    expect((await send('draft-2')).status).toBe(403); // a new message needs a new solution
    expect(await stored()).toBe(1);
    // The same post to the pages, which also read the header: the same answer, nothing stored again.
    for (const path of ['/f', '/f?lang=en']) {
      const page = await t.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'draft-1' },
        body: JSON.stringify({ kind: 'thanks', message: 'Спасибо!', consent: true, altcha }),
      });
      expect(page.status, path).toBe(303);
    }
    // Another message under that key is a new message: it needs a solution of its own.
    const other = await t.app.request('/f', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'draft-1' },
      body: JSON.stringify({ kind: 'thanks', message: 'Другое', consent: true, altcha }),
    });
    expect(other.status).toBe(403);
    expect(await stored()).toBe(1);
  });

  it('keeps the solution of a post with a field to correct for the corrected send', async () => {
    t = await defended(kind);
    const altcha = await solvedAltcha(t.app);
    advance(MIN_FILL_MS.feedback);
    const wrong = await feedback({ altcha, email: 'not-an-address' });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.fields).toHaveProperty('email');
    expect((await feedback({ altcha, email: 'client@example.ru' })).status).toBe(201);
  });

  it('refuses a solution older than an hour, and one signed with another key', async () => {
    t = await defended(kind);
    const altcha = await solvedAltcha(t.app);
    advance(3600_000 + 1000);
    expect((await feedback({ altcha })).status).toBe(403);
    const other = await buildTestApp(kind, { CAPTCHA: 'on', ALTCHA_HMAC_KEY: 'another-key-of-another-server' });
    try {
      const foreign = await solvedAltcha(other.app);
      advance(MIN_FILL_MS.feedback);
      expect((await feedback({ altcha: foreign })).status).toBe(403);
    } finally {
      await other.close();
    }
    expect(await stored()).toBe(0);
    expect(await refusals()).toEqual({ pow_invalid: 2 });
  });

  it('refuses a post sooner than the minimum fill time after its challenge with 403 too_fast', async () => {
    t = await defended(kind);
    const altcha = await solvedAltcha(t.app);
    advance(MIN_FILL_MS.feedback - 500);
    const res = await feedback({ altcha });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('too_fast');
    expect(await stored()).toBe(0);
    expect(await refusals()).toEqual({ too_fast: 1 });
  });

  it('asks a rating for a solution too, with its shorter fill time', async () => {
    t = await defended(kind);
    await saveEmployee(t.db, t.clock, {
      slug: 'ivanov',
      name: 'Иванов Иван',
      department: 'ДКС',
      managerEmail: 'boss@example.ru',
    });
    const rating = { subject: 'employee', employee: 'ivanov', score: 5 };
    expect((await post('/api/v1/ratings', rating)).status).toBe(403);
    const altcha = await solvedAltcha(t.app);
    advance(MIN_FILL_MS.rating);
    expect((await post('/api/v1/ratings', { ...rating, altcha })).status).toBe(201);
  });

  it('keeps one key for every instance on the database, made once', async () => {
    t = await defended(kind);
    const altcha = await solvedAltcha(t.another());
    advance(MIN_FILL_MS.feedback);
    expect((await feedback({ altcha })).status).toBe(201);
    const keys = await t.db.selectFrom('settings').select('value').where('key', '=', 'altcha_hmac_key').execute();
    expect(keys).toHaveLength(1);
  });
});

describe('CAPTCHA=off', () => {
  it('takes a post without a solution at once, and still gives challenges', async () => {
    t = await buildTestApp('sqlite', { CAPTCHA: 'off' });
    expect((await feedback()).status).toBe(201);
    expect((await t.app.request('/api/v1/challenge')).status).toBe(200);
  });
});
