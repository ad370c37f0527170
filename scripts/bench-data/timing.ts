// Runs a query a few times after one warm-up run (the first reads pages from disk) and prints figures.

export interface Timing {
  label: string;
  median: number;
  min: number;
  max: number;
  /** What the last run returned, summed up for the table's last column. */
  note: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export async function time<T>(
  label: string,
  runs: number,
  run: () => Promise<T>,
  note: (result: T) => string,
): Promise<Timing> {
  await run();
  const ms: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await run();
    ms.push(performance.now() - t);
  }
  return { label, median: median(ms), min: Math.min(...ms), max: Math.max(...ms), note: note(result as T) };
}

export function printTimings(title: string, results: Timing[]) {
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\n${title}\n${'query'.padEnd(52)}  median ms    min ms    max ms  result`);
  for (const r of results)
    console.log(`${r.label.padEnd(52)}  ${fmt(r.median)}  ${fmt(r.min)}  ${fmt(r.max)}  ${r.note}`);
}

/** Seconds since `start` (a performance.now()), for the fill's lines. */
export const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
