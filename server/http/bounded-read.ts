import { ApiError } from './api-error.ts';

/** How much of a body is read, and how long it may take. */
export interface ReadBounds {
  /** More bytes than this is a 413. */
  maxBytes: number;
  /** No byte for this long is a 408: a client that stalls mid-body holds nothing for minutes. */
  idleMs: number;
  /** The whole body takes at most this long (a client trickling a byte at a time)… */
  totalMs: number;
  /**
   * …or, past it, as long as it keeps arriving at this average at least (bytes a second): a phone
   * uploading photos at 400 kbit/s needs more than `totalMs` for 20 MB, a trickle never gets it.
   */
  minBytesPerS?: number;
  /** Aborted when the consumer gave up (its reason is the answer), so the read stops at once. */
  signal?: AbortSignal;
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
  const stop = new AbortController();
  const started = performance.now();
  let total = 0;
  // At the deadline, and every second after it, a body still arriving fast enough goes on.
  const check = () => {
    const rate = total / ((performance.now() - started) / 1000);
    if (bounds.minBytesPerS && rate >= bounds.minBytesPerS) deadline = setTimeout(check, 1000);
    else stop.abort(bodyTimeout());
  };
  let deadline = setTimeout(check, bounds.totalMs);
  const passOn = () => stop.abort(bounds.signal?.reason);
  bounds.signal?.addEventListener('abort', passOn, { once: true });
  if (bounds.signal?.aborted) passOn();
  try {
    for (;;) {
      const read = reader.read().catch(() => {
        throw new ApiError(400, 'bad_request');
      });
      const { done, value } = await interruptible(read, stop.signal, bounds.idleMs);
      if (done) return total;
      total += value.byteLength;
      if (total > bounds.maxBytes) throw new ApiError(413, 'too_large');
      await interruptible(Promise.resolve(onChunk(value)), stop.signal);
    }
  } catch (err) {
    // Stop pulling: what the client still sends is dropped with the connection, never buffered.
    reader.cancel().catch(() => {});
    throw err;
  } finally {
    clearTimeout(deadline);
    bounds.signal?.removeEventListener('abort', passOn);
  }
}

/**
 * `work`, unless `signal` aborts first (its reason thrown) or, with `idleMs`, it takes longer
 * (408). Not Promise.race against one long-lived promise: each race would stay attached to it
 * with the chunk it resolved to, and a request's every chunk would be held until its end.
 */
export function interruptible<T>(work: Promise<T>, signal: AbortSignal, idleMs?: number): Promise<T> {
  work.catch(() => {}); // settled after an interruption: not an unhandled rejection
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (then: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      then();
    };
    const onAbort = () => settle(() => reject(signal.reason));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    if (idleMs !== undefined) timer = setTimeout(() => settle(() => reject(bodyTimeout())), idleMs);
    work.then(
      (v) => settle(() => resolve(v)),
      (e) => settle(() => reject(e)),
    );
  });
}
