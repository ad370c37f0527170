import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { saveEmployee } from '../directory/store.ts';
import { ACKS_PER_ADDRESS, PER_EMPLOYEE } from './allowances.ts';
import { listRefusals } from '../refusals.ts';

let t: Awaited<ReturnType<typeof buildTestApp>> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

type App = { request(path: string, init?: RequestInit): Response | Promise<Response> };
const advance = (ms: number) => (t!.clock as unknown as { advance(ms: number): void }).advance(ms);
const post = (app: App, path: string, ip: string, body: Record<string, unknown>) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  });
const feedback = (app: App, ip: string, extra: Record<string, unknown> = {}) =>
  post(app, '/api/v1/feedback', ip, { kind: 'thanks', message: 'Спасибо!', consent: true, ...extra });
const refusals = async () =>
  Object.fromEntries((await listRefusals(t!.db, '2000-01-01')).map((r) => [r.reason, r.count]));

describe.each(DB_KINDS)('limits kept in the database (%s)', (kind) => {
  it('refuse a flood from one IP after RATE_LIMIT (across two instances on PostgreSQL), while another IP still gets through', async () => {
    t = await buildTestApp(kind, { RATE_LIMIT: '20', TRUST_PROXY: '1' });
    // Two instances share one database in production on PostgreSQL; two SQLite connections in
    // one process would wait on each other's write lock (one process per SQLite file, README).
    const instances = kind === 'postgres' ? [t.app, t.another()] : [t.app];
    const flood: Response[] = [];
    // 300 requests, 30 at a time, spread over both instances as a load balancer would.
    for (let wave = 0; wave < 10; wave++)
      flood.push(
        ...(await Promise.all(
          Array.from({ length: 30 }, (_, i) => feedback(instances[i % instances.length]!, '203.0.113.66')),
        )),
      );
    const taken = flood.filter((r) => r.status === 201).length;
    const refused = flood.filter((r) => r.status === 429);
    expect(taken).toBe(20);
    expect(refused).toHaveLength(280);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused[0]!.json()).error.code).toBe('rate_limited');
    expect((await feedback(instances.at(-1)!, '198.51.100.9')).status).toBe(201);
    expect(await t.db.selectFrom('submissions').select('id').execute()).toHaveLength(21);
    expect(await refusals()).toEqual({ rate_ip: 280 });
    // Ten minutes later the address may post again.
    advance(10 * 60_000 + 1);
    expect((await feedback(t.app, '203.0.113.66')).status).toBe(201);
  });

  it('count an IPv6 client by its /64 network: changing the last digits does not get past the limit', async () => {
    t = await buildTestApp(kind, { RATE_LIMIT: '3', TRUST_PROXY: '1' });
    const sent = [];
    for (const ip of ['2001:db8:1::1', '2001:db8:1::2', '2001:db8:1::3', '2001:db8:1:0:abcd::9'])
      sent.push((await feedback(t.app, ip)).status);
    expect(sent).toEqual([201, 201, 201, 429]);
    // The next network is another client; the consent record keeps the whole address.
    expect((await feedback(t.app, '2001:db8:1:1::1')).status).toBe(201);
    const ips = await t.db.selectFrom('submissions').select('consent_ip').orderBy('created_at').execute();
    expect(ips.map((r) => r.consent_ip)).toEqual([
      '2001:db8:1::1',
      '2001:db8:1::2',
      '2001:db8:1::3',
      '2001:db8:1:1::1',
    ]);
  });

  it(`e-mail at most ${PER_EMPLOYEE.max} ratings of one employee an hour from any IPs, and store every one; another employee's are mailed still`, async () => {
    t = await buildTestApp(kind, { RATE_LIMIT: '30', TRUST_PROXY: '1' });
    for (const slug of ['ivanov', 'petrova'])
      await saveEmployee(t.db, t.clock, { slug, name: slug, department: 'ДКС', managerEmail: 'boss@example.ru' });
    const rate = (employee: string, i: number) =>
      post(t!.app, '/api/v1/ratings', `198.51.100.${i}`, {
        subject: 'employee',
        employee,
        score: 5,
        raterToken: `rater-token-number-${i}`,
      });
    const answers: number[] = [];
    for (let i = 0; i < PER_EMPLOYEE.max + 3; i++) answers.push((await rate('ivanov', i)).status);
    // Every client's rating is taken: a flood of one script must not lose the real ones.
    expect(answers.filter((s) => s === 201)).toHaveLength(PER_EMPLOYEE.max + 3);
    expect(await t.db.selectFrom('submissions').select('id').execute()).toHaveLength(PER_EMPLOYEE.max + 3);
    const mailed = async () =>
      (await t!.db.selectFrom('outbox').select('template').where('template', '=', 'rating-notification').execute())
        .length;
    // The manager's mailbox gets the hour's allowance; the rest wait in the console.
    expect(await mailed()).toBe(PER_EMPLOYEE.max);
    expect((await rate('petrova', 1)).status).toBe(201);
    expect(await mailed()).toBe(PER_EMPLOYEE.max + 1);
    expect(await refusals()).toEqual({ rate_target: 3 });
    // Past it, a low score still reaches the QMS (20 fives must not silence a real one), not the manager.
    const low = await post(t.app, '/api/v1/ratings', '198.51.100.200', {
      subject: 'employee',
      employee: 'ivanov',
      score: 1,
      raterToken: 'rater-token-number-low',
    });
    expect(low.status).toBe(201);
    const lastMail = await t.db
      .selectFrom('outbox')
      .select(['template', 'recipients'])
      .where('submission_id', '=', ((await low.json()) as { id: string }).id)
      .execute();
    expect(lastMail.map((m) => [m.template, JSON.parse(m.recipients)])).toEqual([
      ['rating-notification', [t.config.qmsEmail[0]]],
    ]);
    advance(3600_000 + 1);
    expect((await rate('ivanov', 99)).status).toBe(201);
    expect(await mailed()).toBe(PER_EMPLOYEE.max + 3);
  });

  it(`queue at most ${ACKS_PER_ADDRESS.max} acknowledgements to one address a day; the messages are all stored and the QMS told`, async () => {
    t = await buildTestApp(kind, { RATE_LIMIT: '30', TRUST_PROXY: '1' });
    const n = ACKS_PER_ADDRESS.max + 2;
    // One mailbox, however its address is written: case, a `+tag`.
    const spellings = ['victim@example.ru', 'Victim@Example.ru', 'victim+1@example.ru', 'VICTIM+shop@example.ru'];
    for (let i = 0; i < n; i++) {
      const email = spellings[i % spellings.length]!;
      expect((await feedback(t.app, `192.0.2.${i}`, { email, message: `Сообщение ${i}` })).status).toBe(201);
    }
    const mail = await t.db.selectFrom('outbox').select(['template', 'recipients']).execute();
    expect(mail.filter((m) => m.template === 'feedback-notification')).toHaveLength(n);
    expect(mail.filter((m) => m.template === 'feedback-ack')).toHaveLength(ACKS_PER_ADDRESS.max);
    expect(await t.db.selectFrom('submissions').select('id').execute()).toHaveLength(n);
    expect(await refusals()).toEqual({ ack_capped: 2 });
    // The counter doesn't keep the address itself, which an erasure must not leave behind.
    expect(JSON.stringify(await t.db.selectFrom('rate_counters').selectAll().execute())).not.toMatch(/victim/i);
    // Another address still gets its acknowledgement; the next day the capped one does again.
    await feedback(t.app, '192.0.2.50', { email: 'other@example.ru' });
    advance(24 * 3600_000 + 1);
    await feedback(t.app, '192.0.2.51', { email: 'victim@example.ru' });
    const acks = await t.db.selectFrom('outbox').select('recipients').where('template', '=', 'feedback-ack').execute();
    expect(acks).toHaveLength(ACKS_PER_ADDRESS.max + 2);
  });

  it('give a person over the limit on the hosted form and rating page his form back, with what he typed and when to try again', async () => {
    t = await buildTestApp(kind, { RATE_LIMIT: '1', TRUST_PROXY: '1' });
    await saveEmployee(t.db, t.clock, {
      slug: 'ivanov',
      name: 'Иванов',
      department: 'ДКС',
      managerEmail: 'b@example.ru',
    });
    const res = await feedback(t.app, '203.0.113.9');
    expect(res.status).toBe(201);
    const form = new FormData();
    form.set('kind', 'complaint');
    form.set('message', 'Третий день не могу дозвониться');
    form.set('files', new File(['%PDF-1.4'], 'акт.pdf', { type: 'application/pdf' }));
    form.set('consent', 'on');
    const limited = await t.app.request('/f', {
      method: 'POST',
      headers: { 'x-forwarded-for': '203.0.113.9', accept: 'text/html' },
      body: form,
    });
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    const page = await limited.text();
    expect(page).toContain('Третий день не могу дозвониться');
    expect(page).toContain(`Попробуйте снова через ${Math.ceil(wait / 60)} мин.`);
    expect(page).toMatch(/<textarea[^>]*name="message"/);
    // The API says the same in its message.
    const api = await feedback(t.app, '203.0.113.9');
    expect((await api.json()).error.message).toMatch(
      /^Слишком много отправок подряд, поэтому сообщение не принято\. Попробуйте снова через \d+ мин\.$/,
    );

    const rating = await t.app.request('/r/ivanov', {
      method: 'POST',
      headers: { 'x-forwarded-for': '203.0.113.9', accept: 'text/html' },
      body: new URLSearchParams({ score: '2', comment: 'Не перезвонил' }),
    });
    expect(rating.status).toBe(429);
    const ratingPage = await rating.text();
    expect(ratingPage).toContain('Не перезвонил');
    expect(ratingPage).toContain('Попробуйте снова через');
    expect(await t.db.selectFrom('submissions').select('id').execute()).toHaveLength(1);
    expect(await refusals()).toEqual({ rate_ip: 3 });
  });

  it('count a filled honeypot, storing nothing', async () => {
    t = await buildTestApp(kind);
    expect((await feedback(t.app, '192.0.2.1', { website: 'http://spam.example' })).status).toBe(201);
    expect(await t.db.selectFrom('submissions').select('id').execute()).toHaveLength(0);
    expect(await refusals()).toEqual({ honeypot: 1 });
  });
});

describe('RATE_LIMIT=0', () => {
  it('turns the per-IP, per-target and acknowledgement limits off', async () => {
    t = await buildTestApp('sqlite', { RATE_LIMIT: '0', TRUST_PROXY: '1' });
    await saveEmployee(t.db, t.clock, {
      slug: 'ivanov',
      name: 'Иванов',
      department: 'ДКС',
      managerEmail: 'boss@example.ru',
    });
    for (let i = 0; i < 40; i++) {
      expect((await feedback(t.app, '203.0.113.1', { email: 'a@example.ru' })).status).toBe(201);
      const rating = { subject: 'employee', employee: 'ivanov', score: 5, raterToken: `rater-token-number-${i}` };
      expect((await post(t.app, '/api/v1/ratings', '203.0.113.1', rating)).status).toBe(201);
    }
    const acks = await t.db.selectFrom('outbox').select('id').where('template', '=', 'feedback-ack').execute();
    expect(acks).toHaveLength(40);
    expect(await refusals()).toEqual({});
  });
});
