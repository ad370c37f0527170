import type { Clock } from '../clock.ts';
import { periodic } from '../periodic.ts';
import type { Db } from './connection.ts';
import { claimJob, finishJob, instanceHolder } from './job-lease.ts';

/**
 * A job run by one instance at a time across every instance on the database: each looks every
 * `intervalMs` (and at start) and runs it only when it wins the job's lease (job-lease.ts), held
 * `holdMs` while it runs and next due `everyMs` after a run ends. A failed run is reported to
 * `failed`; its lease is freed at once with `retryAtOnce`, or else held until its time is up —
 * as is that of an instance that died mid-run. `tick` resolves to the run's result, or null when
 * another instance had it, it was not due, or it failed; runs of one instance never overlap
 * (periodic.ts).
 * @example leasedJob({ db, clock, name: 'retention', holdMs: HOUR, everyMs: DAY, intervalMs: HOUR, run, failed })
 */
export function leasedJob<T>(job: {
  db: Db;
  clock: Clock;
  name: string;
  /** Tells instances apart in the lease; a random one by default. */
  holder?: string;
  holdMs: number;
  everyMs: number;
  intervalMs: number;
  retryAtOnce?: boolean;
  run: () => Promise<T>;
  failed: (err: unknown) => void;
}) {
  const holder = job.holder ?? instanceHolder();
  return periodic(async (): Promise<T | null> => {
    let claimed = false;
    try {
      claimed = await claimJob(job.db, job.clock, job.name, holder, job.holdMs);
      if (!claimed) return null;
      const result = await job.run();
      await finishJob(job.db, job.clock, job.name, holder, job.everyMs);
      return result;
    } catch (err) {
      job.failed(err);
      if (claimed && job.retryAtOnce) await finishJob(job.db, job.clock, job.name, holder, 0).catch(() => {});
      return null;
    }
  }, job.intervalMs);
}
