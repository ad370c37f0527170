import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { pruneMailCopies } from './mail-copies.ts';
import { leasedJob } from '../db/leased-job.ts';
import { type RetentionSummary, runRetention } from './retention.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const RETENTION_JOB = 'retention';

/**
 * Runs the retention job once a day across every instance on the database: each instance looks
 * every hour (and at start) and runs it only when it wins the job's lease (db/leased-job.ts) — so
 * one runs it a day, and one that died mid-run is replaced within two hours (an hour's lease, looked at hourly). `tick` returns the
 * run's counts, or null when another instance has it or it is not due.
 */
export function createRetentionScheduler(deps: {
  db: Db;
  clock: Clock;
  retentionDays: number | null;
  /** Where the file transport keeps its copies, which go with what they copy (mail-copies.ts). */
  mail: Pick<Config, 'mailTransport' | 'dataDir'>;
  log: (m: string) => void;
  /** A failed run (the database down, say): a warning an operator's LOG_LEVEL=warn keeps; `log` without it. */
  warn?: (m: string) => void;
  /** Tells instances apart in the lease; a random one by default. */
  holder?: string;
  intervalMs?: number;
}) {
  return leasedJob<RetentionSummary>({
    db: deps.db,
    clock: deps.clock,
    name: RETENTION_JOB,
    holder: deps.holder,
    holdMs: HOUR,
    everyMs: DAY,
    intervalMs: deps.intervalMs ?? HOUR,
    run: async () => {
      const summary = await runRetention(deps.db, deps.clock, deps.retentionDays);
      const copies = await pruneMailCopies(deps.db, deps.mail);
      const { submissions, attachments, outbox, mailBodies } = summary;
      deps.log(
        `personal data erased: ${submissions} submission(s), ${attachments} file(s), ${outbox} e-mail(s); ${mailBodies} old e-mail bodies blanked${copies > 0 ? `; ${copies} .eml copies deleted` : ''}`,
      );
      return summary;
    },
    // The lease stays held until its hour is up: the next look after it tries again.
    failed: (err) => (deps.warn ?? deps.log)(`retention failed: ${err instanceof Error ? err.message : String(err)}`),
  });
}
