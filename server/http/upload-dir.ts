import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../env.ts';
import { longestBodyMs } from './body-limit.ts';

/** Each request's folder of uploads in progress, made when its first file arrives. */
const folders = new WeakMap<Context, Promise<string>>();

/** Where uploads wait while they arrive and are checked: `<DATA_DIR>/tmp`. */
export const uploadsRoot = (dataDir: string) => path.join(dataDir, 'tmp');

/**
 * This request's own folder under `root`, for files as they arrive (never held in memory). It is
 * removed with everything in it when the request ends, however it ends (see `removeUploads`).
 */
export function uploadFolder(c: Context, root: string): Promise<string> {
  let folder = folders.get(c);
  if (!folder) {
    folder = fs.mkdir(root, { recursive: true }).then(() => fs.mkdtemp(path.join(root, 'upload-')));
    folders.set(c, folder);
  }
  return folder;
}

/**
 * Removes a request's uploads once it has been answered: stored, refused, timed out or dropped by
 * the client. What a file held is in the database by then, or nowhere.
 * @example app.use('*', removeUploads())
 */
export function removeUploads(): MiddlewareHandler {
  return async function removeUploadsMiddleware(c, next) {
    try {
      await next();
    } finally {
      const folder = folders.get(c);
      if (folder) {
        folders.delete(c);
        await folder.then((dir) => fs.rm(dir, { recursive: true, force: true })).catch(() => {});
      }
    }
  };
}

/**
 * Removes uploads a crash left behind: folders under `root` older than `maxAgeMs` (a living
 * request's are minutes old at most; another instance may share the data folder).
 * @example await sweepUploads(uploadsRoot(config.dataDir), 3_600_000, new Date())
 */
export async function sweepUploads(root: string, maxAgeMs: number, now: Date): Promise<number> {
  const names = await fs.readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const dir = path.join(root, name);
    const stat = await fs.stat(dir).catch(() => null);
    if (!stat || now.getTime() - stat.mtimeMs < maxAgeMs) continue;
    await fs.rm(dir, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/**
 * How old an upload folder must be to be a crash's, not a living request's: older than the
 * longest upload the server waits for (server-timeouts.ts), since a folder's time is its last
 * file's creation, not its last byte; at least an hour.
 * @example sweepUploadsRegularly(uploadsRoot(config.dataDir), systemClock, uploadsOutlivedAfter(config))
 */
export const uploadsOutlivedAfter = (config: Pick<Config, 'maxFileBytes'>) =>
  Math.max(3_600_000, longestBodyMs(config) + 10 * 60_000);

/**
 * Sweeps `root` at start and every quarter of an hour of the folders older than `maxAgeMs`: a
 * crash mid-upload left a client's partial file there, and a restart within the hour kept it
 * until a start long after. Returns the stop.
 * @example const stop = sweepUploadsRegularly(uploadsRoot(config.dataDir), systemClock, uploadsOutlivedAfter(config))
 */
export function sweepUploadsRegularly(root: string, clock: { now(): Date }, maxAgeMs: number): () => void {
  const sweep = () => void sweepUploads(root, maxAgeMs, clock.now()).catch(() => {});
  sweep();
  const timer = setInterval(sweep, 15 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
