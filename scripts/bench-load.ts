// The pieces of `npm run bench` that drive load and start the yardsticks (scripts/bench.ts).
import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { serverEnv } from '../test/support/server-process.ts';
import type { FakeReport } from './bench-fake-resend.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface Load {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, and connection errors: a load that failed is not a figure. */
  bad: number;
}

/** The load of every figure: 20 connections for 6 s (issue 12 «Speed»). */
export const LOAD = { connections: 20, duration: 6 };

/** A typical complaint, as the widget posts it. */
export const COMPLAINT = JSON.stringify({
  kind: 'complaint',
  message:
    'Заказ №4512 привезли на два дня позже обещанного, курьер не позвонил заранее. Прошу разобраться и сообщить, когда вернут деньги за доставку.',
  name: 'Анна Смирнова',
  email: 'anna.smirnova@example.ru',
  phone: '+7 912 345-67-89',
  consent: true,
});

/** The complaint without the consent: refused with 422 after every check, nothing stored. */
export const REFUSED = JSON.stringify({ ...JSON.parse(COMPLAINT), consent: false });

/** Runs one load with autocannon's programmatic API. */
export async function load(
  name: string,
  url: string,
  options: {
    method?: 'GET' | 'POST';
    body?: string;
    connections?: number;
    duration?: number;
    amount?: number;
    /** The status every answer must have; by default any 2xx. */
    status?: number;
  } = {},
): Promise<Load> {
  const result = await autocannon({
    url,
    connections: options.connections ?? LOAD.connections,
    duration: options.duration ?? LOAD.duration,
    amount: options.amount,
    method: options.method ?? 'GET',
    body: options.body,
    headers: options.body ? { 'content-type': 'application/json' } : {},
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: options.status
      ? result.requests.total - (result.statusCodeStats?.[`${options.status}`]?.count ?? 0) + result.errors
      : result.non2xx + result.errors,
  };
}

/** The minimal server (bench-minimal-server.ts) as a child process. */
export async function startMinimal(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/bench-minimal-server.ts', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`minimal server exited with ${code}`)));
  });
  return { url, stop: () => stopChild(child) };
}

export interface OtklikServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Otklik as `npm start` runs it, in a node process of its own (test/support/server-process.ts's
 * settings: a temporary data folder, CAPTCHA=off, RATE_LIMIT=0, DIGEST=off), with `--cpu-prof`
 * when `profileDir` is given: Node 20 refuses that flag in NODE_OPTIONS, so tsx is loaded with
 * `--import` instead of through its wrapper.
 */
export async function startOtklik(env: Record<string, string>, profileDir?: string): Promise<OtklikServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-bench-srv-'));
  const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  // The log goes to a file in the data folder, as `npm run serve > otklik.log` would: read
  // through a pipe, every request's line cost this process — the load generator's — a read.
  const logFile = path.join(dataDir, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: serverEnv(dataDir, env),
    stdio: ['ignore', logFd, 'pipe'],
  });
  fs.closeSync(logFd);
  let out = '';
  child.stderr!.on('data', (d) => {
    out += d;
  });
  let exited: Error | undefined;
  child.on('exit', (code) => {
    exited = new Error(`Otklik exited with ${code}:\n${fs.readFileSync(logFile, 'utf8')}${out}`);
  });
  const port = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const m = /running on http:\/\/[^:]+:(\d+)/.exec(fs.readFileSync(logFile, 'utf8'));
      if (!m && !exited) return;
      clearInterval(poll);
      if (m) resolve(m[1]!);
      else reject(exited);
    }, 50);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface FakeResendProcess {
  url: string;
  apiKey: string;
  hold(on: boolean): void;
  reset(): void;
  report(): Promise<FakeReport>;
  stop(): Promise<void>;
}

/** The gated fake Resend (bench-fake-resend.ts) as a child process, driven over IPC. */
export async function startFakeResendProcess(): Promise<FakeResendProcess> {
  const child = fork(path.join(ROOT, 'scripts/bench-fake-resend.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const first = await new Promise<{ url: string; apiKey: string }>((resolve) =>
    child.once('message', resolve as never),
  );
  return {
    ...first,
    hold: (on) => child.send({ hold: on }),
    reset: () => child.send({ reset: true }),
    report: () =>
      new Promise<FakeReport>((resolve) => {
        child.once('message', resolve as never);
        child.send({ report: true });
      }),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return gone;
}

/** The q-quantile of numbers (nearest rank). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
