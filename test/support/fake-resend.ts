import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An e-mail the fake accepted, as Resend's API received it. */
export interface DeliveredEmail {
  id: string;
  from: string;
  to: string[];
  reply_to: string[];
  subject: string;
  html: string | undefined;
  text: string | undefined;
  attachments: Array<{ filename: string; content: string; content_type: string | undefined }>;
  via: 'single' | 'batch';
  idempotencyKey: string | undefined;
  /** The custom headers sent (`headers`), e.g. the Message-ID. */
  headers: Record<string, string>;
}

export interface FakeRequest {
  path: string;
  idempotencyKey: string | undefined;
  /** The answer's status; 0 when the connection was dropped without one (`hang`). */
  status: number;
  /** How many e-mails the request carried. */
  count: number;
  /** Answered from the idempotency cache: nothing delivered. */
  replayed: boolean;
  /** The Message-ID header of each e-mail the request carried, delivered or not. */
  messageIds: Array<string | undefined>;
}

export type FakeFailure =
  | { status: 500 }
  | { status: 429; retryAfter?: string }
  | { status: 422; name?: string; message?: string };

/**
 * How a faulty request fails: `500` answers an error; `hang` holds the request, then drops the
 * connection, nothing delivered (the client sees a timeout or a reset); `lost` delivers, then drops
 * the connection before the answer (the client can't tell it went: only the idempotency key saves
 * a second delivery).
 */
export type FaultKind = '500' | 'hang' | 'lost';

export interface Faults {
  /** The share of requests, 0…1, that fail, spread evenly (0.25: every fourth). */
  share: number;
  /** How they fail, in turn. */
  kinds: FaultKind[];
  /** How long a `hang` holds the request; 1500 ms by default. */
  hangMs?: number;
}

export interface FakeResend {
  /** Base URL for `new Resend(key, { baseUrl })` or RESEND_BASE_URL. */
  url: string;
  apiKey: string;
  delivered: DeliveredEmail[];
  requests: FakeRequest[];
  /** The next `n` requests fail like this (nothing delivered, nothing remembered). */
  failNext(n: number, failure: FakeFailure): void;
  /** The next `n` requests are delivered, then the connection drops before the answer. */
  loseAnswers(n: number): void;
  /** From now on a share of requests fail (`faults`), until called with null. */
  setFaults(faults: Faults | null): void;
  close(): Promise<void>;
}

const ADDRESS = /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/;
const list = (v: unknown): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/**
 * A local stand-in for Resend's HTTP API (`POST /emails`, `POST /emails/batch`), real enough for
 * the real SDK: bearer auth, Resend's error bodies, strict batch validation (no attachments, at
 * most 100), and idempotency keys as Resend keeps them: the same key with the same payload gets
 * the first answer again and delivers nothing; with another payload, 409; while a request with
 * the key is still being handled, 409 `concurrent_idempotent_requests`. A failed request leaves
 * no key behind, so its retry is delivered.
 */
export async function startFakeResend(options: { apiKey?: string } = {}): Promise<FakeResend> {
  const apiKey = options.apiKey ?? 're_test_key';
  const delivered: DeliveredEmail[] = [];
  const requests: FakeRequest[] = [];
  const failures: FakeFailure[] = [];
  const remembered = new Map<string, { path: string; hash: string; body: string }>();
  let lose = 0;
  let nextId = 1;
  let faults: Faults | null = null;
  let faultable = 0;
  let faulted = 0;
  // Deterministic, so that every run meets every kind: the n-th request fails when the share
  // of the first n crosses a whole number.
  const nextFault = (): FaultKind | undefined => {
    if (!faults) return undefined;
    faultable++;
    if (Math.floor(faultable * faults.share) === Math.floor((faultable - 1) * faults.share)) return undefined;
    return faults.kinds[faulted++ % faults.kinds.length];
  };
  // Keys whose request is being handled: Resend answers a second one meanwhile with 409.
  const inFlight = new Set<string>();

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    const key = header(req, 'idempotency-key');
    let messageIds: Array<string | undefined> = [];
    const log = (status: number, count: number, replayed = false) =>
      requests.push({ path, idempotencyKey: key, status, count, replayed, messageIds });
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, name: string, message: string, headers: Record<string, string> = {}) =>
      answer(status, { statusCode: status, name, message }, headers);

    if (req.method !== 'POST' || (path !== '/emails' && path !== '/emails/batch'))
      return error(404, 'not_found', 'The requested endpoint does not exist.');
    if (header(req, 'authorization') !== `Bearer ${apiKey}`) {
      log(401, 0);
      return error(401, 'invalid_api_key', 'API key is invalid');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      log(400, 0);
      return error(400, 'validation_error', 'Invalid JSON');
    }
    const emails = (path === '/emails/batch' ? (Array.isArray(payload) ? payload : []) : [payload]) as Array<
      Record<string, unknown>
    >;
    messageIds = emails.map((e) => (e.headers as Record<string, string> | undefined)?.['Message-ID']);

    const hash = createHash('sha256').update(`${path}\n${raw}`).digest('hex');
    const seen = key ? remembered.get(key) : undefined;
    if (seen) {
      if (seen.hash !== hash) {
        log(409, emails.length);
        return error(409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload.');
      }
      log(200, emails.length, true);
      return answer(200, JSON.parse(seen.body));
    }
    if (key && inFlight.has(key)) {
      log(409, emails.length);
      return error(409, 'concurrent_idempotent_requests', 'Same idempotency key used while a request is in progress.');
    }
    const fault = nextFault();
    if (fault === '500') {
      log(500, emails.length);
      return error(500, 'internal_server_error', 'An unexpected error occurred.');
    }
    if (fault === 'hang') {
      log(0, emails.length);
      if (key) inFlight.add(key);
      setTimeout(() => {
        if (key) inFlight.delete(key);
        res.socket?.destroy();
      }, faults?.hangMs ?? 1500);
      return;
    }
    const failure = failures.shift();
    if (failure) {
      log(failure.status, emails.length);
      if (failure.status === 429)
        return error(
          429,
          'rate_limit_exceeded',
          'Too many requests.',
          failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
        );
      if (failure.status === 422)
        return error(422, failure.name ?? 'validation_error', failure.message ?? 'Invalid request.');
      return error(500, 'internal_server_error', 'An unexpected error occurred.');
    }
    const problem = validate(emails, path === '/emails/batch');
    if (problem) {
      log(422, emails.length);
      return error(422, 'validation_error', problem);
    }

    const via = path === '/emails/batch' ? 'batch' : 'single';
    const ids = emails.map((e) => {
      const id = `fake-${nextId++}`;
      delivered.push({
        id,
        from: String(e.from),
        to: list(e.to),
        reply_to: list(e.reply_to),
        subject: String(e.subject),
        html: e.html as string | undefined,
        text: e.text as string | undefined,
        attachments: ((e.attachments as DeliveredEmail['attachments'] | undefined) ?? []).map((a) => ({
          filename: a.filename,
          content: a.content,
          content_type: a.content_type,
        })),
        via,
        idempotencyKey: key,
        headers: (e.headers as Record<string, string> | undefined) ?? {},
      });
      return id;
    });
    const body = JSON.stringify(via === 'batch' ? { data: ids.map((id) => ({ id })) } : { id: ids[0] });
    if (key) remembered.set(key, { path, hash, body });
    log(200, emails.length);
    if (fault === 'lost' || lose > 0) {
      if (fault !== 'lost') lose--;
      res.socket?.destroy();
      return;
    }
    answer(200, JSON.parse(body));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    delivered,
    requests,
    failNext: (n, failure) => {
      for (let i = 0; i < n; i++) failures.push(failure);
    },
    loseAnswers: (n) => {
      lose += n;
    },
    setFaults: (f) => {
      faults = f;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Resend's checks that matter here; in a batch one bad e-mail refuses them all (strict mode). */
function validate(emails: Array<Record<string, unknown>>, batch: boolean): string | null {
  if (emails.length === 0) return 'No e-mails given.';
  if (batch && emails.length > 100) return 'A batch takes at most 100 e-mails.';
  for (const [i, e] of emails.entries()) {
    const where = batch ? `emails[${i}]: ` : '';
    if (typeof e.from !== 'string' || !ADDRESS.test(e.from)) return `${where}Invalid \`from\` field.`;
    const to = list(e.to);
    if (to.length === 0 || to.length > 50 || !to.every((a) => ADDRESS.test(a))) return `${where}Invalid \`to\` field.`;
    if (typeof e.subject !== 'string' || e.subject === '') return `${where}Missing \`subject\` field.`;
    if (typeof e.html !== 'string' && typeof e.text !== 'string') return `${where}Missing \`html\` or \`text\` field.`;
    if (batch && e.attachments !== undefined) return `${where}Attachments are not supported in batch sending.`;
    for (const a of (e.attachments as Array<Record<string, unknown>> | undefined) ?? []) {
      if (typeof a.filename !== 'string' || typeof a.content !== 'string') return `${where}Invalid attachment.`;
    }
  }
  return null;
}
