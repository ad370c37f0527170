import { serverEnv } from './support/server-process.ts';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../server/db/connection.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
let dataDir: string | undefined;
let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The server as `npm run serve` runs it: one Node process, so the signal reaches it and its exit code is its own. */
async function serve(): Promise<{ url: string; exited: Promise<number | null>; output: () => string }> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-stop-'));
  const env = serverEnv(dataDir);
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    proc.stdout!.on('data', () => {
      const m = /running on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return { url, exited, output: () => out };
}

describe('SIGTERM', () => {
  it('finishes a submission in progress, refuses new connections, closes the database and exits 0', async () => {
    const server = await serve();
    const body = JSON.stringify({ kind: 'thanks', message: 'Спасибо за быструю помощь', name: 'Анна', consent: true });
    const half = Math.floor(body.length / 2);
    // A POST whose body is still arriving when the signal comes: the request is in flight.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${server.url}/api/v1/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, half));
      setTimeout(() => {
        child!.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(half)), 500);
      }, 300);
    });
    await new Promise((r) => setTimeout(r, 500));
    // Between the signal and the end of the body: the listening socket is closed.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    const { status, body: answered } = await answer;
    expect(status).toBe(201);
    const { number } = JSON.parse(answered) as { number: string };
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');

    // The database was closed cleanly and holds the submission.
    const { db } = openDb({ dataDir: dataDir! });
    try {
      const row = await db
        .selectFrom('submissions')
        .select(['number', 'kind'])
        .where('number', '=', number)
        .executeTakeFirst();
      expect(row).toEqual({ number, kind: 'thanks' });
    } finally {
      await db.destroy();
    }
  }, 60_000);

  it('still answers, closing the connection, a POST that a proxy sends down a kept-alive connection just after', async () => {
    const server = await serve();
    // One connection kept alive, as nginx's `keepalive` keeps them to each instance.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = http.request(`${server.url}${path}`, {
          agent,
          method,
          headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {},
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
        });
        req.on('error', reject);
        req.end(body);
      });
    expect((await send('GET', '/healthz')).connection).toBe('keep-alive'); // now idle, kept
    child!.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    const body = JSON.stringify({ kind: 'thanks', message: 'Спасибо', consent: true });
    expect(await send('POST', '/api/v1/feedback', body)).toEqual({ status: 201, connection: 'close' });
    // A new connection is refused all the same: a proxy takes it to another instance.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(await server.exited).toBe(0);
    agent.destroy();
  }, 60_000);
});

describe('a start that cannot go on', () => {
  /** The server's start with these settings: its exit code and output. */
  async function start(env: Record<string, string>) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-open-'));
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: ROOT,
      env: { ...serverEnv(dataDir), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let out = '';
    proc.stdout!.on('data', (d) => (out += d));
    proc.stderr!.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    return { code, out };
  }

  it('stops the start naming the variable and the database, never the password', async () => {
    const pg = await start({ DATABASE_URL: 'postgres://otklik:S3cretDbPass@127.0.0.1:1/otklik' });
    expect(pg.code).toBe(1);
    expect(pg.out).toContain(
      'DATABASE_URL: cannot open PostgreSQL postgres://otklik@127.0.0.1:1/otklik (connect ECONNREFUSED',
    );
    expect(pg.out).not.toContain('S3cretDbPass');
    const file = await start({ DATA_DIR: path.join(ROOT, 'package.json', 'data') });
    // Exits 78 (EX_CONFIG), which the systemd unit doesn't restart; PostgreSQL may come up, so 1.
    expect(file.code).toBe(78);
    expect(file.out).toMatch(/DATA_DIR: cannot open SQLite \S+package\.json\/data\/otklik\.sqlite \(ENOTDIR/);
  });

  it('stops naming PORT when the port is taken, in a JSON line, not a stack', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as net.AddressInfo).port);
    try {
      const run = await start({ PORT: port, LOG_FORMAT: 'json' });
      expect(run.code).toBe(1);
      const lines = run.out.trim().split('\n');
      // Every line JSON (was Node's «Unhandled 'error' event» and a stack, after the workers had started).
      expect(lines.map((l) => JSON.parse(l) as { level: number; msg: string }).at(-1)).toMatchObject({
        level: 60,
        msg: expect.stringContaining(`PORT: cannot listen on port ${port} (listen EADDRINUSE`),
      });
      expect(run.out).not.toContain('running on');
      // What to do about it, not only what happened.
      expect(lines.at(-1)).toContain('another program uses it — stop it, or set PORT to a free port');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it("stops naming HOST, not PORT, when the address is not this machine's, and exits 78", async () => {
    const run = await start({ HOST: '192.0.2.1' });
    expect(run.code).toBe(78);
    expect(run.out).toContain('HOST: cannot listen on 192.0.2.1');
    expect(run.out).not.toContain('PORT:');
  });
});
