import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { DbKind } from '../../server/db/connection.ts';
import { buildTestApp } from './test-app.ts';

/** An app on a real socket, as `npm start` serves it, for what only real HTTP shows (streaming). */
export async function listen(app: Hono): Promise<{ url: string; close(): Promise<void> }> {
  let server: http.Server | undefined;
  const url = await new Promise<string>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    ) as http.Server;
  });
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server!.closeAllConnections();
        server!.close(() => resolve());
      }),
  };
}

/** A fresh test app (test-app.ts) both in process and on a socket; `close` ends both. */
export async function servedTestApp(env: Record<string, string> = {}, kind: DbKind = 'sqlite') {
  const t = await buildTestApp(kind, env);
  const server = await listen(t.app);
  const close = t.close;
  return {
    ...t,
    url: server.url,
    close: async () => {
      await server.close();
      await close();
    },
  };
}

export interface OpenRequest {
  /** Sends more of the body; the request stays open until `end`. */
  write(chunk: string | Uint8Array): Promise<void>;
  end(chunk?: string | Uint8Array): void;
  /** The answer, whenever it comes (before the body ends, when the server refuses it early). */
  response: Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; at: number }>;
  /** Milliseconds since the request started. */
  elapsed(): number;
}

/**
 * A POST whose body the test sends piece by piece (chunked unless a Content-Length is given), to
 * see what the server does before the body is over. A connection the server drops resolves the
 * response with status 0.
 */
export function openRequest(url: string, headers: Record<string, string>): OpenRequest {
  const started = performance.now();
  const u = new URL(url);
  const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers });
  const response = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; at: number }>(
    (resolve) => {
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          body += d;
        });
        const done = () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, at: performance.now() - started });
        res.on('end', done);
        res.on('error', done);
      });
      req.on('error', () => resolve({ status: 0, headers: {}, body: '', at: performance.now() - started }));
    },
  );
  return {
    // Resolves once flushed, or once answered: a server that stopped reading never takes the rest.
    write: (chunk) =>
      Promise.race([
        new Promise<void>((resolve) => {
          if (req.destroyed) return resolve();
          req.write(chunk, () => resolve());
        }),
        response.then(() => {}),
      ]),
    end: (chunk) => {
      if (!req.destroyed) req.end(chunk);
    },
    response,
    elapsed: () => performance.now() - started,
  };
}

/** A multipart body's pieces, so a test can send a part and stop. */
export const multipart = {
  boundary: 'otklikBoundary7MA4YWxkTrZu0gW',
  get type() {
    return `multipart/form-data; boundary=${this.boundary}`;
  },
  field(name: string, value: string) {
    return `--${this.boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  },
  fileHead(name: string, filename: string) {
    return `--${this.boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  },
  get end() {
    return `--${this.boundary}--\r\n`;
  },
};
