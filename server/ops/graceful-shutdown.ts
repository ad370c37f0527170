import type { Server } from 'node:http';

/**
 * Stops an HTTP server the way a deploy wants: no new connections, idle keep-alive connections
 * closed at once, requests in progress allowed to finish for up to `boundMs`, then whatever is
 * left cut off. Resolves with whether everything finished in time.
 * @example const clean = await closeServer(server, 10_000)
 */
export function closeServer(server: Server, boundMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    // close() waits for every connection; one whose request finishes stays open, idle, until its
    // keep-alive timeout, so idle ones are closed as they appear.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const timer = setTimeout(() => {
      clearInterval(sweep);
      server.closeAllConnections();
      resolve(false);
    }, boundMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(timer);
      resolve(true);
    });
  });
}
