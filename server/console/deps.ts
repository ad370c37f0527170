import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import type { Logger } from '../ops/logger.ts';

/** What every console feature is built from. */
export interface ConsoleDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Called after a transaction that queued e-mail has committed: wakes the outbox worker. */
  onMailQueued?: () => void;
  /** The server's log, for what can't be answered any more (a streamed file's error); none in tests. */
  logger?: Logger;
}
