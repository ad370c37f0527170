import type { Db } from '../../server/db/connection.ts';
import type { FakeResend } from './fake-resend.ts';

/**
 * A server's environment for a kill test: mail to the fake Resend, and a short outbox lease and
 * retry, so that a killed instance's claimed e-mails and the provider's failures are retried
 * within the test's time instead of minutes later.
 */
export const killTestEnv = (fake: FakeResend): Record<string, string> => ({
  DEMO: 'off',
  MAIL_TRANSPORT: 'resend',
  RESEND_API_KEY: fake.apiKey,
  RESEND_BASE_URL: fake.url,
  OUTBOX_LEASE_SECONDS: '5',
  OUTBOX_RETRY_SECONDS: '0.5',
});

/** Pending outbox e-mails now: the work a killed instance leaves for after its restart. */
export async function pendingMail(db: Db): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What a post's sender finally got: the 201 answer, after however many tries. */
export interface Acked {
  key: string;
  id: string;
  number: string;
  tries: number;
}

export interface LoadResult {
  acked: Map<string, Acked>;
  /** Tries that met a dropped or refused connection (an instance killed or not yet back). */
  connectionErrors: number;
  /** Answers other than 201, by status: none is expected. */
  otherStatuses: Record<number, number>;
}

/**
 * The i-th post of a load: every fourth a rating of the demo directory's employee (the ratings'
 * own register and the manager's e-mail), the others feedback of each kind in turn, two of three
 * with an address (a client's copy). Each rating comes from a browser of its own.
 */
export function loadPost(i: number, runId: string): { path: string; body: Record<string, unknown> } {
  if (i % 4 === 3)
    return {
      path: '/api/v1/ratings',
      body: {
        subject: 'employee',
        employee: 'ivanov',
        score: (i % 5) + 1,
        comment: `Оценка ${i}`,
        raterToken: `${runId}-rater-${i}`.padEnd(16, '0').slice(0, 64),
      },
    };
  const kind = (['complaint', 'thanks', 'suggestion'] as const)[i % 3];
  return {
    path: '/api/v1/feedback',
    body: {
      kind,
      message: `Сообщение ${i}: ${kind === 'complaint' ? 'курьер опоздал на два часа' : 'всё хорошо'}`,
      name: `Клиент ${i}`,
      ...(i % 3 === 2 ? {} : { email: `client${i}@example.ru` }),
      consent: true,
    },
  };
}

/**
 * Posts `total` messages and ratings (loadPost), `concurrency` at a time, spread over `urls` in turn. A post
 * whose connection fails is sent again with the same Idempotency-Key to the next URL, as a widget
 * behind a load balancer would, until it gets its answer. `onAcked` hears each 201 as it comes,
 * so a test can kill an instance mid-load.
 */
export async function postLoad(options: {
  urls: string[];
  total: number;
  concurrency: number;
  runId: string;
  deadlineMs: number;
  onAcked?: (count: number) => void;
}): Promise<LoadResult> {
  const result: LoadResult = { acked: new Map(), connectionErrors: 0, otherStatuses: {} };
  const until = Date.now() + options.deadlineMs;
  let next = 0;
  const one = async (i: number) => {
    const key = `${options.runId}-${i}`;
    for (let tries = 1; ; tries++) {
      if (Date.now() > until) throw new Error(`post ${i} got no answer before the deadline`);
      const url = options.urls[(i + tries - 1) % options.urls.length]!;
      const post = loadPost(i, options.runId);
      let res: Response;
      try {
        res = await fetch(`${url}${post.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(post.body),
          signal: AbortSignal.timeout(15_000),
        });
      } catch {
        result.connectionErrors++;
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      if (res.status === 201) {
        const answer = (await res.json()) as { id: string; number: string };
        result.acked.set(key, { key, id: answer.id, number: answer.number, tries });
        options.onAcked?.(result.acked.size);
        return;
      }
      await res.arrayBuffer().catch(() => undefined);
      result.otherStatuses[res.status] = (result.otherStatuses[res.status] ?? 0) + 1;
      // A 5xx from an instance going down is a failed try like a dropped connection.
      if (res.status < 500) return;
    }
  };
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.total) await one(next++);
    }),
  );
  return result;
}

/** Ends the provider's faults and waits until the outbox is drained. */
export async function healAndDrain(fake: FakeResend, db: Db, timeoutMs: number): Promise<void> {
  fake.setFaults(null);
  await outboxDrained(db, timeoutMs);
}

/** Waits until no outbox row is pending (every e-mail sent or failed for good). */
export async function outboxDrained(db: Db, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const n = await pendingMail(db);
    if (n === 0) return;
    if (Date.now() > until) throw new Error(`the outbox still has ${n} pending e-mail(s)`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The stored submissions of a run, by idempotency key, with how many rows each key has. */
export async function storedByKey(db: Db, runId: string) {
  const rows = await db
    .selectFrom('submissions')
    .select(['id', 'number', 'idempotency_key'])
    .where((eb) =>
      eb.or([eb('idempotency_key', 'like', `feedback:${runId}-%`), eb('idempotency_key', 'like', `rating:${runId}-%`)]),
    )
    .execute();
  const byKey = new Map<string, { id: string; number: string; rows: number }>();
  for (const r of rows) {
    // The stored key is scoped and names the message (submissions/idempotent.ts): the client's key is between.
    const key = r.idempotency_key!.replace(/^(feedback|rating):/, '').replace(/~[0-9a-f]{16}$/, '');
    const seen = byKey.get(key);
    byKey.set(key, { id: r.id, number: r.number, rows: (seen?.rows ?? 0) + 1 });
  }
  return { rows, byKey };
}

/**
 * Each outbox e-mail's deliveries at the fake Resend, matched by its Message-ID (kept the same on
 * every retry): what an e-mail client would show as one message or as a duplicate.
 */
export async function deliveriesPerEmail(db: Db, fake: FakeResend) {
  const outbox = await db.selectFrom('outbox').select(['id', 'status', 'message_id']).execute();
  const counts = new Map<string, number>();
  for (const d of fake.delivered) {
    const id = d.headers['Message-ID'] ?? '';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const known = new Set(outbox.map((o) => o.message_id));
  return {
    outbox,
    notSentOnce: outbox.filter((o) => counts.get(o.message_id ?? '') !== 1),
    strangers: [...counts.keys()].filter((id) => !known.has(id)),
  };
}

/**
 * What a kill test checks, with the problems in one object so a failure shows all of them:
 * acknowledged posts not stored once under their answer, registration numbers not 1…n once each,
 * e-mails not sent or not delivered exactly once, deliveries of no outbox e-mail. `problems`
 * equals NO_PROBLEMS when nothing was lost or doubled.
 */
export async function onceEach(db: Db, fake: FakeResend, load: LoadResult, runId: string) {
  const stored = await storedByKey(db, runId);
  // Each register on its own: messages `2026-00042`, ratings `О-2026-00007`.
  const register = (ratings: boolean) =>
    stored.rows
      .filter((r) => r.number.startsWith('О-') === ratings)
      .map((r) => Number(r.number.split('-').at(-1)))
      .sort((x, y) => x - y);
  const mail = await deliveriesPerEmail(db, fake);
  return {
    stored: stored.rows.length,
    ratings: register(true).length,
    emails: mail.outbox.length,
    deliveries: fake.delivered.length,
    problems: {
      otherStatuses: load.otherStatuses,
      ackedNotStoredOnce: [...load.acked.values()].filter((a) => {
        const s = stored.byKey.get(a.key);
        return s?.rows !== 1 || s.id !== a.id || s.number !== a.number;
      }),
      // A transaction cut by the kill gives its number back: no gaps, no doubles.
      numbersNotOneToN: [register(false), register(true)].flatMap((numbers) => numbers.filter((n, k) => n !== k + 1)),
      emailsNotSent: mail.outbox.filter((o) => o.status !== 'sent'),
      emailsNotDeliveredOnce: mail.notSentOnce,
      deliveriesOfNoEmail: mail.strangers,
    },
  };
}

/** The problems of a run that lost and doubled nothing. */
export const NO_PROBLEMS = {
  otherStatuses: {},
  ackedNotStoredOnce: [],
  numbersNotOneToN: [],
  emailsNotSent: [],
  emailsNotDeliveredOnce: [],
  deliveriesOfNoEmail: [],
};

/** The run's figures in one line for the test's output: what the kill and the faults did, and how long each part took. */
export function runLine(
  tag: string,
  load: LoadResult,
  check: { emails: number },
  pendingAtKill: number,
  fake: FakeResend,
  times: number[],
): string {
  const [t0, t1, t2, t3] = times as [number, number, number, number];
  return (
    `[${tag}] ${load.acked.size} posts (${load.connectionErrors} connection errors retried), ${check.emails} e-mails ` +
    `(${pendingAtKill} pending at the kill); provider ${JSON.stringify(providerSummary(fake))}; ` +
    `start ${t1 - t0} ms, load with kill and restart ${t2 - t1} ms, drain ${t3 - t2} ms`
  );
}

/** What the fake provider went through, for the test's log line and to check the faults happened. */
export function providerSummary(fake: FakeResend) {
  return {
    requests: fake.requests.length,
    errors: fake.requests.filter((r) => r.status === 500).length,
    dropped: fake.requests.filter((r) => r.status === 0).length,
    replayed: fake.requests.filter((r) => r.replayed).length,
  };
}
