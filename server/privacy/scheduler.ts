import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { claimJob, finishJob, instanceHolder } from '../db/job-lease.ts';
import { type RetentionSummary, runRetention } from './retention.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const RETENTION_JOB = 'retention';

/**
 * Runs the retention job once a day across every instance on the database: each instance looks
 * every hour (and at start) and runs it only when it wins the job's lease (job-lease.ts) — so one
 * runs it a day, and one that died mid-run is replaced within the hour. Returns the run's counts,
 * or null when another instance has it or it is not due.
 */
export function createRetentionScheduler(deps: {
  db: Db;
  clock: Clock;
  retentionDays: number | null;
  log: (m: string) => void;
  /** Tells instances apart in the lease; a random one by default. */
  holder?: string;
  intervalMs?: number;
}) {
  const holder = deps.holder ?? instanceHolder();
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<RetentionSummary | null> | undefined;
  const once = async (): Promise<RetentionSummary | null> => {
    try {
      if (!(await claimJob(deps.db, deps.clock, RETENTION_JOB, holder, HOUR))) return null;
      const summary = await runRetention(deps.db, deps.clock, deps.retentionDays);
      await finishJob(deps.db, deps.clock, RETENTION_JOB, holder, DAY);
      const { submissions, attachments, outbox, mailBodies } = summary;
      deps.log(
        `personal data erased: ${submissions} submission(s), ${attachments} file(s), ${outbox} e-mail(s); ${mailBodies} old e-mail bodies blanked`,
      );
      return summary;
    } catch (err) {
      // The lease stays held until its hour is up: the next look after it tries again.
      deps.log(`retention failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  };
  const tick = async () => {
    if (!running) running = once().finally(() => (running = undefined));
    return running;
  };
  return {
    tick,
    start() {
      void tick();
      timer = setInterval(() => void tick(), deps.intervalMs ?? HOUR);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
