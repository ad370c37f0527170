import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb } from '../../test/support/databases.ts';
import { listen } from '../../test/support/listen.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { seedDemoDirectory } from '../directory/demo-seed.ts';
import { MailSendError } from '../mail/mail-error.ts';
import { createOutboxWorker } from '../mail/outbox-worker.ts';
import { mailConfig, manualClock, submitWithMail } from '../mail/testing/fixtures.ts';
import { createMetrics } from './metrics.ts';

const TOKEN = 'scrape-token-0123456789';
type T = Awaited<ReturnType<typeof buildTestApp>>;
let t: T | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const complaint = {
  kind: 'complaint',
  message: 'Программа загружается 3–4 минуты',
  name: 'Лоськова Галина',
  email: 'client@example.ru',
  consent: true,
};
const post = (app: T['app'], body: unknown) =>
  app.request('/api/v1/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const scrape = async (app: T['app']) => {
  const res = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};
/** The value of one sample, by its name and labels as Prometheus's text format writes them; 0 when absent. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe.each(DB_KINDS)('GET /metrics (%s)', (kind) => {
  it('counts a stored feedback by kind and channel, its request by route, and the outbox it filled', async () => {
    t = await buildTestApp(kind, { METRICS_TOKEN: TOKEN });
    const before = await scrape(t.app);
    expect(sample(before, 'otklik_submissions_total{kind="complaint",channel="site"}')).toBe(0);
    expect(sample(before, 'otklik_outbox_pending')).toBe(0);

    expect((await post(t.app, complaint)).status).toBe(201);
    t.clock.advance(90_000);
    const after = await scrape(t.app);
    expect(sample(after, 'otklik_submissions_total{kind="complaint",channel="site"}')).toBe(1);
    expect(sample(after, 'otklik_http_requests_total{method="POST",route="/api/v1/feedback",status="201"}')).toBe(1);
    expect(sample(after, 'otklik_http_request_duration_seconds_count{method="POST",route="/api/v1/feedback"}')).toBe(1);
    // No worker runs in the test app: the QMS notice and the acknowledgement wait, queued 90 s ago.
    expect(sample(after, 'otklik_outbox_pending')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'otklik_outbox_oldest_pending_seconds')).toBe(90);
  });

  it('counts refusals by reason, and a decoy is not a stored submission', async () => {
    t = await buildTestApp(kind, { METRICS_TOKEN: TOKEN });
    expect((await post(t.app, { ...complaint, website: 'http://spam.example' })).status).toBe(201);
    const text = await scrape(t.app);
    expect(sample(text, 'otklik_refusals_total{reason="honeypot"}')).toBe(1);
    expect(sample(text, 'otklik_submissions_total{kind="complaint",channel="site"}')).toBe(0);
  });

  it('labels requests by route pattern, never by the URL a client sent', async () => {
    t = await buildTestApp(kind, { METRICS_TOKEN: TOKEN });
    await t.app.request('/r/no-such-employee?email=client@example.ru');
    await t.app.request('/nothing/here?email=client@example.ru');
    const text = await scrape(t.app);
    expect(text).not.toContain('client@example.ru');
    expect(text).not.toContain('no-such-employee');
    expect(text).toMatch(/otklik_http_requests_total\{method="GET",route="\/r\/:slug",status="\d+"\} 1/);
  });
});

describe('ratings in the metrics', () => {
  it('counts a new rating by channel, and not its change by the same browser', async () => {
    t = await buildTestApp('sqlite', { METRICS_TOKEN: TOKEN });
    await seedDemoDirectory(t.db, t.clock); // ivanov among them
    const rate = (score: number, extra: Record<string, unknown>, cookie?: string) =>
      t!.app.request('/api/v1/ratings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ subject: 'employee', employee: 'ivanov', score, ...extra }),
      });
    const first = await rate(5, {});
    expect(first.status).toBe(201);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    expect((await rate(3, {}, cookie)).status).toBe(201); // the same browser the same day: a change
    expect((await rate(4, { channel: 'signature' })).status).toBe(201);
    const text = await scrape(t.app);
    expect(sample(text, 'otklik_submissions_total{kind="rating",channel="site"}')).toBe(1);
    expect(sample(text, 'otklik_submissions_total{kind="rating",channel="signature"}')).toBe(1);
  });
});

describe('who may read /metrics', () => {
  it('refuses a missing or wrong token with 401 when METRICS_TOKEN is set', async () => {
    t = await buildTestApp('sqlite', { METRICS_TOKEN: TOKEN });
    expect((await t.app.request('/metrics')).status).toBe(401);
    const wrong = await t.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
    expect(await wrong.text()).not.toContain('otklik_');
  });

  it('without a token, answers only a direct request from loopback', async () => {
    t = await buildTestApp('sqlite');
    // app.request has no socket: not loopback.
    expect((await t.app.request('/metrics')).status).toBe(404);
    const server = await listen(t.app);
    try {
      const direct = await fetch(`${server.url}/metrics`);
      expect(direct.status).toBe(200);
      expect(await direct.text()).toContain('otklik_http_requests_total');
      // A proxy on this machine connects from loopback too; what it forwards is not local.
      for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
        const proxied = await fetch(`${server.url}/metrics`, { headers: { [header]: '203.0.113.9' } });
        expect(proxied.status, header).toBe(404);
      }
    } finally {
      await server.close();
    }
  });
});

describe('e-mail sends', () => {
  it('counts what the outbox worker handed over and what failed', async () => {
    const db = await openTestDb('sqlite');
    try {
      const clock = manualClock();
      const config = mailConfig();
      const metrics = createMetrics(db.db, clock);
      await submitWithMail(db.db, { config, clock }, { email: null });
      let fail = true;
      const worker = createOutboxWorker({
        db: db.db,
        clock,
        config,
        onDelivered: metrics.mailDelivered,
        transport: {
          name: 'flaky',
          async send(mail) {
            if (fail) throw new MailSendError('mailbox busy', { permanent: false, scope: 'message' });
            return { providerId: `ok-${mail.id}` };
          },
        },
      });
      expect(await worker.runOnce()).toBeGreaterThan(0);
      let text = await metrics.registry.metrics();
      expect(sample(text, 'otklik_mail_send_failures_total')).toBeGreaterThan(0);
      expect(sample(text, 'otklik_mail_sent_total')).toBe(0);
      const failed = sample(text, 'otklik_mail_send_failures_total');

      fail = false;
      clock.advance(24 * 3600_000); // past every retry time
      await worker.runOnce();
      text = await metrics.registry.metrics();
      expect(sample(text, 'otklik_mail_sent_total')).toBe(failed);
      expect(sample(text, 'otklik_outbox_pending')).toBe(0);
    } finally {
      await db.close();
    }
  });
});
