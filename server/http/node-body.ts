import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * The request's body as a stream that reads from the socket only as fast as it is consumed.
 * Under @hono/node-server, `c.req.raw.body` is Node's `Readable.toWeb(incoming)`, which on Node 20
 * queues up to 16,384 chunks (about 1 GB) ahead of its reader: 20 uploads to a disk slower than
 * the network held +900 MB (scripts/redteam-bodies.ts). Here one chunk is pulled per read. Once
 * anything else has touched the body, or outside Node (tests' `app.request`), it is `c.req.raw.body`.
 */
export function requestBody(c: Context): ReadableStream<Uint8Array> | null {
  // Read whole already by a route's limit (body-limit.ts), multipart too: from memory.
  const buffered = keptBody(c);
  if (buffered) {
    return new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new Uint8Array(await buffered));
        controller.close();
      },
    });
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  // `bodyUsed` and the incoming stream's state are read without starting a read; `body` is not.
  const untouched = incoming && !c.req.raw.bodyUsed && incoming.readableFlowing === null && !incoming.readableEnded;
  if (!untouched) return c.req.raw.body;
  // Not destroyed when the reader stops: the answer (a 413, a 408) still goes out on this socket.
  const chunks = incoming.iterator({ destroyOnReturn: false });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value as Uint8Array);
      },
      cancel() {
        void chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The body read whole by body-limit.ts, if it was: kept where Hono's body readers
 * (`c.req.arrayBuffer()`, `json()`, `parseBody()`) look first. Hono keeps promises there, though
 * its type names the values.
 */
export const keptBody = (c: Context): Promise<ArrayBuffer> | undefined =>
  c.req.bodyCache.arrayBuffer as Promise<ArrayBuffer> | undefined;

/** Keeps a body read whole for Hono's body readers and `requestBody` (see keptBody). */
export function keepBody(c: Context, bytes: Buffer): void {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  Object.assign(c.req.bodyCache, { arrayBuffer: Promise.resolve(arrayBuffer) });
}
