// The fake Resend of `npm run bench`, in a process of its own so that the load generator's busy event
// loop does not delay its answers or its clock. In front of test/support/fake-resend.ts sits a gate
// that stamps when each e-mail arrived (the moment it is handed to the provider) and can hold
// requests back, so that the bench can pile up a backlog and then time its drain. Driven over IPC:
//   { hold: boolean }  { reset: true }  { report: true } → { arrivals, requests }
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeResend } from '../test/support/fake-resend.ts';

export interface Arrival {
  messageId: string | undefined;
  at: number;
  via: 'single' | 'batch';
}

export interface FakeReport {
  arrivals: Arrival[];
  requests: number;
}

const fake = await startFakeResend();
const target = new URL(fake.url);
let arrivals: Arrival[] = [];
let requests = 0;
let held: Array<() => void> = [];
let hold = false;

const gate = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (hold) await new Promise<void>((resolve) => held.push(resolve));
  const at = Date.now();
  requests++;
  const batch = req.url === '/emails/batch';
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    const emails = (batch ? parsed : [parsed]) as Array<{ headers?: Record<string, string> }>;
    for (const e of emails)
      arrivals.push({ messageId: e.headers?.['Message-ID'], at, via: batch ? 'batch' : 'single' });
  } catch {
    // Not JSON: the fake answers it as Resend would; nothing arrived.
  }
  const forward = http.request(
    { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on('error', () => res.destroy());
  forward.end(body);
});
await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));

process.on('message', (m: { hold?: boolean; reset?: boolean; report?: boolean }) => {
  if (m.hold === true) hold = true;
  if (m.hold === false) {
    hold = false;
    for (const release of held) release();
    held = [];
  }
  if (m.reset) {
    arrivals = [];
    requests = 0;
  }
  if (m.report) process.send?.({ arrivals, requests } satisfies FakeReport);
});
process.on('disconnect', () => process.exit(0));
process.send?.({ url: `http://127.0.0.1:${(gate.address() as AddressInfo).port}`, apiKey: fake.apiKey });
