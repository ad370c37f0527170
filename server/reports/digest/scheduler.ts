import os from 'node:os';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import { periodic } from '../../periodic.ts';
import { type DigestDeps, sendDueDigest, type WeekBuilder } from './send-digest.ts';

const MINUTE = 60_000;

/**
 * Looks every 30 minutes (and at start) whether the weekly digest is due and not yet queued, and
 * queues it (send-digest.ts): Monday 09:00 company time, or when the server is back later that
 * week. Safe in every instance at once: the week's mark decides who sends.
 */
export function createDigestScheduler(deps: {
  db: Db;
  clock: Clock;
  config: DigestDeps['config'];
  build: WeekBuilder;
  onMailQueued: () => void;
  log: (m: string) => void;
  /** A failed run (the database down, say): a warning an operator's LOG_LEVEL=warn keeps; `log` without it. */
  warn?: (m: string) => void;
  holder?: string;
  intervalMs?: number;
}) {
  // job_leases.holder holds 60 characters.
  const holder = (deps.holder ?? `${process.pid}@${os.hostname()}`).slice(0, 60);
  /** One look: the week queued by this instance, or null. */
  const once = async (): Promise<string | null> => {
    try {
      const week = await sendDueDigest(deps.db, { ...deps, holder });
      if (!week) return null;
      deps.log(`weekly digest of ${week.key} queued for ${deps.config.qmsEmail.join(', ')}`);
      deps.onMailQueued();
      return week.key;
    } catch (err) {
      // Nothing was marked: the next look tries again.
      (deps.warn ?? deps.log)(`weekly digest failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  };
  return periodic(once, deps.intervalMs ?? 30 * MINUTE);
}
