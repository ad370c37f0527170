import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sweepUploads, sweepUploadsRegularly } from './upload-dir.ts';

describe('uploads a crash left behind', () => {
  let root: string;
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => {
    vi.useRealTimers();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('are removed at start once over an hour old; a living request’s are kept', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-uploads-'));
    const now = new Date('2026-12-05T10:00:00Z');
    for (const [name, minutesAgo] of [
      ['upload-old', 90],
      ['upload-fresh', 5],
    ] as const) {
      fs.mkdirSync(path.join(root, name));
      fs.writeFileSync(path.join(root, name, 'a.part'), 'x');
      const at = new Date(now.getTime() - minutesAgo * 60_000);
      fs.utimesSync(path.join(root, name), at, at);
    }
    expect(await sweepUploads(root, 3_600_000, now)).toBe(1);
    expect(fs.readdirSync(root)).toEqual(['upload-fresh']);
    expect(await sweepUploads(path.join(root, 'missing'), 3_600_000, now)).toBe(0);
  });

  it('are swept again every quarter of an hour, not only at a start long after the crash; a slow upload is kept', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-uploads-'));
    let now = new Date();
    const stop = sweepUploadsRegularly(root, { now: () => now }, 90 * 60_000);
    // A crash mid-upload, then a restart within the hour: the folder is young at the start's sweep.
    fs.mkdirSync(path.join(root, 'upload-crashed'));
    const at = new Date(now.getTime() - 30 * 60_000);
    fs.utimesSync(path.join(root, 'upload-crashed'), at, at);
    // A living request's, its last file begun an hour ago and arriving still: within the longest upload.
    fs.mkdirSync(path.join(root, 'upload-slow'));
    now = new Date(now.getTime() + 61 * 60_000);
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    await vi.waitFor(() => expect(fs.readdirSync(root)).toEqual(['upload-slow']));
    stop();
  });
});
