import type { Logger } from '../ops/logger.ts';
import type { Lang } from '../../shared/i18n.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';

/** What taking a rating needs. */
export interface RatingDeps {
  db: Db;
  config: Config;
  clock: Clock;
  onMailQueued: () => void;
  /** Counts a committed submission (server/ops/metrics.ts). */
  onStored?: (kind: string, channel: string) => void;
  /** The server's log; none in tests. */
  logger?: Logger | undefined;
}

/** What the request tells of a rating besides its fields. */
export interface RatingMeta {
  lang: Lang;
  ip: string | null;
  userAgent: string | null;
  /** The SHA-256 of the browser's rater token (rater.ts). */
  rater: string;
  idempotencyKey: string | undefined;
}
