/**
 * The placement property at full strength: 10,000 random clusters and services (or the count
 * given as the first argument), checked against the independent oracle in
 * test/placement-properties.ts. Prints one JSON line; exits non-zero with the counterexample on failure.
 * Usage: pnpm --filter @swarm/scheduler properties [runs] [seed]
 */
import fc from 'fast-check';
import { checkCase, clusterArb } from '../test/placement-properties.js';

const runs = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const t0 = performance.now();
const details = fc.check(
  fc.property(clusterArb, (c) => {
    checkCase(c);
  }),
  { numRuns: runs, seed },
);
const seconds = Math.round(performance.now() - t0) / 1000;
console.log(
  JSON.stringify({ property: 'placement', runs: details.numRuns, seed, failed: details.failed, seconds }),
);
if (details.failed) {
  console.error(fc.defaultReportMessage(details));
  process.exitCode = 1;
}
