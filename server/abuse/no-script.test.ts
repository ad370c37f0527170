import { afterEach, describe, expect, it } from 'vitest';
import { MIN_FILL_MS } from '../../shared/limits.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { saveEmployee } from '../directory/store.ts';
import { NO_SCRIPT } from './allowances.ts';
import { listRefusals } from '../refusals.ts';

let t: Awaited<ReturnType<typeof buildTestApp>> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const IP = '203.0.113.20';
const advance = (ms: number) => (t!.clock as unknown as { advance(ms: number): void }).advance(ms);
const startedOf = (html: string) => /name="started" value="([^"]+)"/.exec(html)?.[1];
const stored = async () => (await t!.db.selectFrom('submissions').select('id').execute()).length;

/** Opens /f as a browser without JavaScript would, and gives its `started` token. */
async function openForm(ip = IP) {
  const html = await (await t!.app.request('/f', { headers: { 'x-forwarded-for': ip } })).text();
  const started = startedOf(html);
  if (!started) throw new Error('no started token on /f');
  return started;
}

/** Posts the hosted form as the browser does: multipart, a page wanted back. */
function sendForm(fields: Record<string, string>, ip = IP) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ kind: 'thanks', message: 'Спасибо!', consent: 'true', ...fields }))
    form.append(k, v);
  return t!.app.request('/f', { method: 'POST', headers: { accept: 'text/html', 'x-forwarded-for': ip }, body: form });
}

describe.each(DB_KINDS)('hosted pages without JavaScript (%s)', (kind) => {
  it(`take a post carrying the page's started token, ${NO_SCRIPT.max} an hour per IP, then 429 with the form kept`, async () => {
    t = await buildTestApp(kind, { CAPTCHA: 'on', RATE_LIMIT: '30', TRUST_PROXY: '1' });
    for (let i = 0; i < NO_SCRIPT.max; i++) {
      const started = await openForm();
      // Sent too fast first: told so, and it costs none of his posts of the hour.
      expect((await sendForm({ started, message: `Быстро № ${i}` })).status).toBe(403);
      advance(MIN_FILL_MS.feedback);
      const res = await sendForm({ started, message: `Спасибо № ${i}` });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/f\/thanks\//);
    }
    const started = await openForm();
    advance(MIN_FILL_MS.feedback);
    const limited = await sendForm({ started, message: 'Шестое сообщение' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await limited.text();
    expect(page).toContain('Слишком много отправок подряд');
    expect(page).toContain('Шестое сообщение'); // what he wrote is still in the form
    expect(await stored()).toBe(NO_SCRIPT.max);
    // Another address is not held up by it.
    const other = await openForm('198.51.100.4');
    advance(MIN_FILL_MS.feedback);
    expect((await sendForm({ started: other }, '198.51.100.4')).status).toBe(303);
    expect((await listRefusals(t.db, '2000-01-01')).map((r) => [r.reason, r.count]).sort()).toEqual([
      ['rate_ip', 1],
      ['too_fast', NO_SCRIPT.max],
    ]);
  });

  it("keep the form's key and start when it is shown again: the corrected send goes at once, Back and a resend store nothing twice", async () => {
    t = await buildTestApp(kind, { CAPTCHA: 'on' });
    const html = await (await t.app.request('/f', { headers: { 'x-forwarded-for': IP } })).text();
    const started = startedOf(html)!;
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!;
    advance(MIN_FILL_MS.feedback);
    // The consent forgotten: the page shown again carries the same key and start.
    const refused = await sendForm({ started, idempotencyKey: key, consent: '' });
    expect(refused.status).toBe(422);
    const again = await refused.text();
    expect(again).toContain(`name="idempotencyKey" value="${key}"`);
    expect(startedOf(again)).toBe(started);
    // Ticked and sent two seconds later: not «too fast», since the form was opened long enough ago.
    advance(2000);
    const sent = await sendForm({ started, idempotencyKey: key });
    expect(sent.status).toBe(303);
    // Back to the refused page, resent, corrected and sent again: the first answer, nothing new.
    const back = await sendForm({ started, idempotencyKey: key, consent: '' });
    expect(await back.text()).toContain(`name="idempotencyKey" value="${key}"`);
    const resent = await sendForm({ started, idempotencyKey: key });
    expect(resent.headers.get('location')).toBe(sent.headers.get('location'));
    expect(await stored()).toBe(1);
  });

  it('show the form again, what was written kept, for a post sent too fast or without a token', async () => {
    t = await buildTestApp(kind, { CAPTCHA: 'on' });
    const started = await openForm();
    const fast = await sendForm({ started, message: 'Слишком быстро' });
    expect(fast.status).toBe(403);
    const page = await fast.text();
    expect(page).toContain('Форма отправлена слишком быстро');
    expect(page).toContain('Слишком быстро');
    // The page it shows carries the form's token: sent again once the fill time has passed since the form was opened, it goes through.
    const fresh = startedOf(page)!;
    expect(fresh).toBe(started);
    advance(MIN_FILL_MS.feedback);
    expect((await sendForm({ started: fresh })).status).toBe(303);

    const forged = await sendForm({ started: `${t.clock.now().getTime() - 60_000}.${'A'.repeat(43)}` });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Не удалось подтвердить, что сообщение отправляет человек');
    expect(await stored()).toBe(1);
  });

  it("take an API post carrying a challenge's started token (a widget without Web Crypto) under the same limit", async () => {
    t = await buildTestApp(kind, { CAPTCHA: 'on', RATE_LIMIT: '30', TRUST_PROXY: '1' });
    const headers = { 'content-type': 'application/json', 'x-forwarded-for': IP };
    const challenge = async () =>
      (await (await t!.app.request('/api/v1/challenge', { headers })).json()) as { started: string };
    const post = (fields: Record<string, unknown>) =>
      t!.app.request('/api/v1/feedback', {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'thanks', message: 'Спасибо!', consent: true, ...fields }),
      });
    expect((await post({})).status).toBe(403); // neither a solution nor a token
    const fast = await post({ started: (await challenge()).started });
    expect((await fast.json()).error.code).toBe('too_fast'); // not counted: nothing was taken
    for (let i = 1; i < NO_SCRIPT.max; i++) {
      const { started } = await challenge();
      advance(MIN_FILL_MS.feedback);
      expect((await post({ started, message: `Спасибо № ${i}` })).status).toBe(201);
    }
    // One allowance with the hosted page's posts: the fifth of the hour goes, the sixth waits.
    const page = await openForm();
    advance(MIN_FILL_MS.feedback);
    expect((await sendForm({ started: page })).status).toBe(303);
    const { started } = await challenge();
    advance(MIN_FILL_MS.feedback);
    const limited = await post({ started, message: 'Шестое сообщение' });
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect(await stored()).toBe(NO_SCRIPT.max);
  });

  it('take a rating from the rating page with its token', async () => {
    t = await buildTestApp(kind, { CAPTCHA: 'on' });
    await saveEmployee(t.db, t.clock, {
      slug: 'ivanov',
      name: 'Иванов Иван',
      department: 'ДКС',
      managerEmail: 'boss@example.ru',
    });
    const html = await (await t.app.request('/r/ivanov?score=5')).text();
    const started = startedOf(html)!;
    const send = () =>
      t!.app.request('/r/ivanov', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({ score: '5', channel: 'signature', started }).toString(),
      });
    expect((await send()).status).toBe(403); // at once: sooner than a person clicks
    advance(MIN_FILL_MS.rating);
    const res = await send();
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/r\/thanks\//);
  });
});
