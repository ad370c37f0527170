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
  close(): Promise<void>;
}

const ADDRESS = /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/;
const list = (v: unknown): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/**
 * A local stand-in for Resend's HTTP API (`POST /emails`, `POST /emails/batch`), real enough for
 * the real SDK: bearer auth, Resend's error bodies, strict batch validation (no attachments, at
 * most 100), and idempotency keys as Resend keeps them: the same key with the same payload gets
 * the first answer again and delivers nothing; with another payload, 409.
 */
export async function startFakeResend(options: { apiKey?: string } = {}): Promise<FakeResend> {
  const apiKey = options.apiKey ?? 're_test_key';
  const delivered: DeliveredEmail[] = [];
  const requests: FakeRequest[] = [];
  const failures: FakeFailure[] = [];
  const remembered = new Map<string, { path: string; hash: string; body: string }>();
  let lose = 0;
  let nextId = 1;

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
    if (lose > 0) {
      lose--;
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
