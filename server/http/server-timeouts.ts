import type { Server } from 'node:http';
import type { Config } from '../env.ts';
import { longestBodyMs } from './body-limit.ts';

/**
 * Node's own limits on a connection, so slow clients can't hold one (issue 14: 19,900 slow
 * connections from one client): headers within 15 s (Node: 60 s), a whole request a little past
 * the longest a body may take (body-limit.ts answers first, with its 408), an idle keep-alive connection
 * closed after 5 s. A proxy in front (README) should hold its own, shorter, limits.
 * @example applyServerTimeouts(serve({ fetch: app.fetch, port }) as Server, config)
 */
export function applyServerTimeouts(server: Server, config: Pick<Config, 'maxFileBytes'>): void {
  server.headersTimeout = 15_000;
  server.requestTimeout = longestBodyMs(config) + 10_000;
  server.keepAliveTimeout = 5_000;
}
