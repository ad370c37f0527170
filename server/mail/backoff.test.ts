import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelayMs } from './backoff.ts';

describe('retry delay', () => {
  it('doubles from 30 s up to an hour, with jitter between half and all of the step', () => {
    const top = (n: number) => retryDelayMs(n, DEFAULT_BACKOFF, undefined, () => 1);
    expect([1, 2, 3, 4, 7, 8, 10].map(top)).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
    expect(retryDelayMs(3, DEFAULT_BACKOFF, undefined, () => 0)).toBe(60_000);
    expect(retryDelayMs(3, DEFAULT_BACKOFF, undefined, () => 0.5)).toBe(90_000);
  });

  it('never comes back before the provider said', () => {
    expect(retryDelayMs(1, DEFAULT_BACKOFF, 120_000, () => 1)).toBe(120_000);
    expect(retryDelayMs(1, DEFAULT_BACKOFF, 2_000, () => 1)).toBe(30_000);
  });
});
