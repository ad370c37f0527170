// How long altcha-lib's own solver takes on this machine's Node for Otklik's challenges
// (server/abuse/allowances.ts POW_MAX_NUMBER): one Web Crypto SHA-256 at a time, as a browser's
// plain solver does. Prints figures; not a test.
//
//   npx tsx scripts/pow-speed.ts [--runs 40]
import { parseArgs } from 'node:util';
import { solveChallenge } from 'altcha-lib';
import { POW_MAX_NUMBER } from '../server/abuse/allowances.ts';
import { issueChallenge } from '../server/abuse/proof.ts';

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '40' } } });
const runs = Number(opts.runs);
const took: number[] = [];
let tries = 0;
for (let i = 0; i < runs; i++) {
  const ch = await issueChallenge('pow-speed-key', new Date());
  const t0 = performance.now();
  const solution = await solveChallenge(ch.challenge, ch.salt, ch.algorithm, ch.maxnumber).promise;
  took.push(performance.now() - t0);
  if (!solution) throw new Error('a challenge was not solved');
  tries += solution.number + 1;
}
took.sort((a, b) => a - b);
const at = (q: number) => took[Math.min(took.length - 1, Math.floor(q * took.length))]!.toFixed(0);
const mean = took.reduce((a, b) => a + b, 0) / took.length;
const perSecond = (tries / took.reduce((a, b) => a + b, 0)) * 1000;
console.log(`maxnumber ${POW_MAX_NUMBER}, ${runs} challenges solved with altcha-lib's solveChallenge in Node:`);
console.log(`  mean ${mean.toFixed(0)} ms, median ${at(0.5)} ms, 90th percentile ${at(0.9)} ms, slowest ${at(1)} ms`);
console.log(`  ${perSecond.toFixed(0)} hashes/s`);
