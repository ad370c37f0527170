import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import type { Config } from '../../env.ts';
import { createOutboxWorker } from '../outbox-worker.ts';
import { createMailTransport } from '../transport.ts';

/**
 * Sends every queued e-mail through the transport the configuration names (by default the file
 * transport's `.eml` copies in the data folder), as the server's worker would, until none is due.
 * @example await deliverAll(t) // t from buildTestApp
 */
export async function deliverAll(app: { db: Db; clock: Clock; config: Config }): Promise<void> {
  const worker = createOutboxWorker({
    db: app.db,
    transport: createMailTransport(app.config),
    clock: app.clock,
    config: app.config,
    claimLimit: 10_000,
  });
  while ((await worker.runOnce()) > 0);
}
