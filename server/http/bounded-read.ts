import { ApiError } from './api-error.ts';

/** How much of a body is read, and how long it may take. */
export interface ReadBounds {
  /** More bytes than this is a 413. */
  maxBytes: number;
  /** No byte for this long is a 408: a client that stalls mid-body holds nothing for minutes. */
  idleMs: number;
  /** The whole body takes at most this long (a client trickling a byte at a time). */
  totalMs: number;
  /** Settles (rejected) when the consumer gave up, so the read stops at once rather than at the next byte. */
  abort?: Promise<never>;
}

export const bodyTimeout = () => new ApiError(408, 'body_timeout');

/**
 * Reads a body chunk by chunk and hands each to `onChunk`, awaited, so a slow consumer (a disk)
 * holds the reading and memory stays at a chunk or two. Stops reading at the first byte over
 * `maxBytes` (413) and when the client sends nothing for `idleMs` or takes over `totalMs` (408).
 * A client that went away is a 400: nobody will read the answer, but it is no server error.
 * @example await readBounded(c.req.raw.body, { maxBytes: 1 << 20, idleMs: 10_000, totalMs: 60_000 }, (b) => parts.push(b))
 */
export async function readBounded(
  body: ReadableStream<Uint8Array>,
  bounds: ReadBounds,
  onChunk: (chunk: Uint8Array) => unknown,
): Promise<number> {
  const reader = body.getReader();
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    deadlineTimer = setTimeout(() => reject(bodyTimeout()), bounds.totalMs);
  });
  const stops = bounds.abort ? [deadline, bounds.abort] : [deadline];
  for (const stop of stops) stop.catch(() => {});
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await nextChunk(reader, bounds.idleMs, stops);
      if (done) return total;
      total += value.byteLength;
      if (total > bounds.maxBytes) throw new ApiError(413, 'too_large');
      const taken = Promise.resolve(onChunk(value));
      taken.catch(() => {}); // raced below: a rejection after a stop won must not go unhandled
      await Promise.race([taken, ...stops]);
    }
  } catch (err) {
    // Stop pulling: what the client still sends is dropped with the connection, never buffered.
    reader.cancel().catch(() => {});
    throw err;
  } finally {
    clearTimeout(deadlineTimer);
  }
}

async function nextChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  idleMs: number,
  stops: Promise<never>[],
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<never>((_, reject) => {
    idleTimer = setTimeout(() => reject(bodyTimeout()), idleMs);
  });
  const read = reader.read().catch(() => {
    throw new ApiError(400, 'bad_request');
  });
  read.catch(() => {});
  try {
    return await Promise.race([read, idle, ...stops]);
  } finally {
    clearTimeout(idleTimer);
  }
}
