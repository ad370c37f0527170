import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface RunningServer {
  url: string;
  dataDir: string;
  env: Record<string, string>;
  output: () => string;
  /** SIGTERM, then removes the data folder. */
  stop(): Promise<void>;
  /** SIGKILL, as a power cut or the OOM killer would: no shutdown code runs; the data folder stays. */
  kill(): Promise<void>;
  /** A new process with the same environment, data folder and port (after `kill`). */
  restart(): Promise<RunningServer>;
}

/**
 * The server as `npm start` runs it (without the build step): a real process on a free port, with
 * the abuse defences off (CAPTCHA=off, RATE_LIMIT=0) unless `env` turns them on.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-srv-'));
  return launch(serverEnv(dataDir, env));
}

async function launch(fullEnv: Record<string, string>): Promise<RunningServer> {
  const dataDir = fullEnv.DATA_DIR!;
  // Node itself with tsx's loader, not the tsx command: that one runs the server in a child
  // process, which a SIGKILL of the parent would leave running.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /running on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url,
    dataDir,
    env: fullEnv,
    output: () => out,
    stop: async () => {
      await signal('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => signal('SIGKILL'),
    restart: async () => {
      await signal('SIGKILL');
      return launch({ ...fullEnv, PORT: new URL(url).port });
    },
  };
}

/** The environment startServer gives the server: its own data folder, on a free port, defences off. */
export function serverEnv(dataDir: string, env: Record<string, string> = {}): Record<string, string> {
  // DATABASE_URL set (empty: SQLite in DATA_DIR) so that a developer's .env in the repository,
  // which the server reads under the real environment, can't point a test at his database.
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    CAPTCHA: 'off',
    RATE_LIMIT: '0',
    // A server started mid-week sends last week's digest at once; the tests that count e-mails don't expect it.
    DIGEST: 'off',
    ...env,
  };
}

/** Runs `npm run cli -- …` the way an operator would, with the server's environment. */
export function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['server/cli.ts', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Waits until a condition holds, polling; fails with the last value seen. */
export async function waitFor<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting; last value: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
