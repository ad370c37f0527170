import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';

/** What every console feature is built from. */
export interface ConsoleDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Called after a transaction that queued e-mail has committed: wakes the outbox worker. */
  onMailQueued?: () => void;
}
