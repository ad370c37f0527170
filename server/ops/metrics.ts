import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';

/**
 * What one instance tells Prometheus (GET /metrics, server/ops/metrics-route.ts). Made by
 * createMetrics for each app, never a module-level registry: tests build many apps side by side.
 */
export interface Metrics {
  registry: Registry;
  /** One answered HTTP request: `route` is the matched pattern (`/r/:slug`), never the raw URL. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** A submission committed to the database (not a replay of an idempotency key, not a honeypot's decoy). */
  submissionStored(kind: string, channel: string): void;
  /** One round of the outbox worker: messages handed to the provider, and attempts that failed. */
  mailDelivered(result: { sent: number; failed: number }): void;
}

// Seconds; the submit path answers in milliseconds, a slow upload or report in seconds.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * A registry with Otklik's metrics. The outbox gauges and the refusals are read from the database
 * on each scrape: they are shared by every instance, so several instances report the same values
 * (aggregate them with max, not sum). `processMetrics` adds Node's own (heap, event-loop lag),
 * which start a sampler, so only the server turns them on.
 * @example const metrics = createMetrics(db, systemClock, { processMetrics: true })
 */
export function createMetrics(db: Db, clock: Clock, options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'otklik_http_requests_total',
    help: 'HTTP requests answered, by method, matched route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'otklik_http_request_duration_seconds',
    help: 'Time from a request arriving to its response being ready, by method and matched route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const submissions = new Counter({
    name: 'otklik_submissions_total',
    help: 'Submissions stored by this instance, by kind (complaint, thanks, suggestion, rating) and channel.',
    labelNames: ['kind', 'channel'] as const,
    registers: [registry],
  });
  const sent = new Counter({
    name: 'otklik_mail_sent_total',
    help: 'E-mails handed to the provider by this instance.',
    registers: [registry],
  });
  const sendFailures = new Counter({
    name: 'otklik_mail_send_failures_total',
    help: 'E-mail send attempts that failed (each is retried later or marked failed).',
    registers: [registry],
  });
  new Gauge({
    name: 'otklik_outbox_pending',
    help: 'E-mails waiting in the outbox (all instances).',
    registers: [registry],
    async collect() {
      this.set((await outboxState(db, clock)).pending);
    },
  });
  new Gauge({
    name: 'otklik_outbox_oldest_pending_seconds',
    help: 'Age of the oldest e-mail waiting in the outbox, 0 when none waits (all instances).',
    registers: [registry],
    async collect() {
      this.set((await outboxState(db, clock)).oldestAgeS);
    },
  });
  new Gauge({
    name: 'otklik_outbox_failed',
    help: 'E-mails that gave up after their last attempt and wait for the console (all instances).',
    registers: [registry],
    async collect() {
      const row = await db
        .selectFrom('outbox_state')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'failed')
        .executeTakeFirst();
      this.set(Number(row?.n ?? 0));
    },
  });
  new Counter({
    name: 'otklik_refusals_total',
    help: 'Requests refused by the abuse defences, by reason, as the console counts them (all instances).',
    labelNames: ['reason'] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom('refusals')
        .select((eb) => ['reason', eb.fn.sum<number>('count').as('n')])
        .groupBy('reason')
        .execute();
      this.reset();
      for (const r of rows) this.inc({ reason: r.reason }, Number(r.n));
    },
  });
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status });
      latency.observe({ method, route }, seconds);
    },
    submissionStored(kind, channel) {
      submissions.inc({ kind, channel });
    },
    mailDelivered(result) {
      if (result.sent > 0) sent.inc(result.sent);
      if (result.failed > 0) sendFailures.inc(result.failed);
    },
  };
}

// Two gauges read one query; a scrape asks for both within milliseconds, so each asks anew (cheap: outbox_due index).
async function outboxState(db: Db, clock: Clock) {
  const row = await db
    .selectFrom('outbox_state')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('status', '=', 'pending')
    .executeTakeFirst();
  const oldest = row?.oldest ? Date.parse(String(row.oldest)) : Number.NaN;
  return {
    pending: Number(row?.n ?? 0),
    oldestAgeS: Number.isNaN(oldest) ? 0 : Math.max(0, (clock.now().getTime() - oldest) / 1000),
  };
}
