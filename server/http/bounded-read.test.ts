import { describe, expect, it } from 'vitest';
import { readBounded } from './bounded-read.ts';

/** A body arriving `chunk` bytes every `everyMs`, `count` times. */
function arriving(chunk: number, everyMs: number, count: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      if (sent === count) return controller.close();
      await new Promise((r) => setTimeout(r, everyMs));
      sent++;
      controller.enqueue(new Uint8Array(chunk));
    },
  });
}

describe('a body read within its bounds of time', () => {
  const bounds = { maxBytes: 1 << 20, idleMs: 1000, totalMs: 150 };

  it('is cut with 408 past its total time, however steadily it arrives, without a minimum rate', async () => {
    await expect(readBounded(arriving(400, 20, 30), bounds, () => {})).rejects.toMatchObject({ status: 408 });
  });

  it('goes on past its total time while it keeps the minimum rate: a slow upload, not a trickle', async () => {
    // 20 KB/s against a minimum of 2 KB/s: 600 ms, four times the total time.
    expect(await readBounded(arriving(400, 20, 30), { ...bounds, minBytesPerS: 2000 }, () => {})).toBe(12_000);
    // 500 B/s against the same minimum: cut at the total time.
    const started = performance.now();
    await expect(readBounded(arriving(10, 20, 100), { ...bounds, minBytesPerS: 2000 }, () => {})).rejects.toMatchObject(
      { status: 408 },
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
