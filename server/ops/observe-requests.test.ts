import { logLines } from '../../test/support/log-lines.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../env.ts';
import { createLogger } from './logger.ts';

let t: TestDb | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** An app whose request log is captured, line by line, as JSON. */
async function loggedApp() {
  t = await openTestDb('sqlite');
  const { sink, lines } = logLines();
  const config = loadConfig({ DATA_DIR: '/tmp/otklik-unused', CAPTCHA: 'off', RATE_LIMIT: '0' });
  const app = createApp({ db: t.db, config, clock: fakeClock(), logger: createLogger('info', sink) });
  return { app, lines };
}

describe('the request log', () => {
  it('logs one line per request with id, method, route pattern, status and duration, and nothing personal', async () => {
    const { app, lines } = await loggedApp();
    const res = await app.request('/api/v1/feedback?email=client@example.ru', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7', 'user-agent': 'Secret UA' },
      body: JSON.stringify({
        kind: 'complaint',
        message: 'Личное сообщение',
        name: 'Лоськова Галина',
        phone: '(951) 5113523',
        email: 'client@example.ru',
        consent: true,
      }),
    });
    expect(res.status).toBe(201);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.find((l) => l.component === 'http');
    expect(line).toMatchObject({ reqId: id, method: 'POST', route: '/api/v1/feedback', status: 201, msg: 'request' });
    expect(typeof line!.ms).toBe('number');
    const all = JSON.stringify(lines);
    for (const secret of ['client@example.ru', 'Лоськова', '5113523', 'Личное', '198.51.100.7', 'Secret UA'])
      expect(all).not.toContain(secret);
  });

  it('keeps a sane incoming X-Request-Id and replaces one that is not', async () => {
    const { app, lines } = await loggedApp();
    const kept = await app.request('/healthz', { headers: { 'x-request-id': 'lb-7f3a_01' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a_01');
    const replaced = await app.request('/healthz', { headers: { 'x-request-id': 'x y<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const tooLong = await app.request('/healthz', { headers: { 'x-request-id': 'a'.repeat(65) } });
    expect(tooLong.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((l) => l.reqId)).toEqual([
      'lb-7f3a_01',
      replaced.headers.get('x-request-id'),
      tooLong.headers.get('x-request-id'),
    ]);
  });

  it('gives refused and unknown requests an id too', async () => {
    const { app, lines } = await loggedApp();
    const res = await app.request('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(lines.at(-1)).toMatchObject({ status: 404, reqId: res.headers.get('x-request-id') });
    expect(lines.at(-1)!.route).not.toContain('such');
  });

  it("logs an answer of the server's own failure at error level", async () => {
    const { app, lines } = await loggedApp();
    await app.request('/healthz');
    await t!.db.destroy();
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await app.request('/api/v1/employees/ivanov');
    expect(res.status).toBe(500);
    // The error itself, with its stack, in the same JSON log and under the request's id; not on stderr.
    const [failure, request] = lines.slice(1);
    expect(failure).toMatchObject({
      level: 50,
      component: 'http',
      msg: 'request failed',
      route: '/api/v1/employees/:slug',
    });
    expect((failure!.err as { stack: string }).stack).toMatch(/destroyed|closed|not open/i);
    expect(request).toMatchObject({ level: 50, msg: 'request', status: 500, reqId: failure!.reqId });
    expect(lines).toHaveLength(3);
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
    t = undefined; // already closed
  });
});
