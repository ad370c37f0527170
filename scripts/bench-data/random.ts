// A seeded random source, so that every run of the benchmark fills the same data.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  /** Uniform in [a, b). */
  between(a: number, b: number): number;
}

/** mulberry32: small, fast and good enough for test data. */
export function seededRandom(seed: number): Random {
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
    between: (a, b) => a + (b - a) * next(),
  };
}
