import type { Server } from 'node:http';
import net from 'node:net';

/**
 * How long connections kept alive are still served after the port closes, each answer then
 * closing its connection. A proxy keeps idle connections to each instance (nginx's `keepalive`,
 * deploy/nginx-otklik.conf) and sends its next request down one of them: closed at once, a POST
 * that was on its way there was lost unanswered, and the proxy does not retry a POST (the
 * operator's test lost 20 of 20 sent just before SIGTERM).
 */
export const KEEP_ALIVE_GRACE_MS = 1_000;

/**
 * Stops an HTTP server the way a deploy wants: no new connections; for `graceMs`, requests on
 * connections already open are still answered, each with `Connection: close`; then idle
 * connections are closed as they appear, requests in progress allowed to finish for up to
 * `boundMs` in all, and whatever is left cut off. Resolves with whether everything finished in time.
 * @example const clean = await closeServer(server, 10_000)
 */
export function closeServer(server: Server, boundMs: number, graceMs = KEEP_ALIVE_GRACE_MS): Promise<boolean> {
  return new Promise((resolve) => {
    server.prependListener('request', (_req, res) => {
      if (!res.headersSent) res.setHeader('Connection', 'close');
    });
    let sweep: ReturnType<typeof setInterval> | undefined;
    // close() waits for every connection; one whose request finishes stays open, idle, until its
    // keep-alive timeout, so idle ones are closed as they appear, once the grace is over.
    const grace = setTimeout(() => {
      server.closeIdleConnections();
      sweep = setInterval(() => server.closeIdleConnections(), 100);
    }, graceMs);
    const timer = setTimeout(() => {
      clearTimeout(grace);
      clearInterval(sweep);
      server.closeAllConnections();
      resolve(false);
    }, boundMs);
    // net's close, not http's: http's also closes every idle connection at once (Node 19+).
    net.Server.prototype.close.call(server, () => {
      clearTimeout(grace);
      clearInterval(sweep);
      clearTimeout(timer);
      resolve(true);
    });
  });
}
