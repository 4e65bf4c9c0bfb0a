/**
 * `pnpm --filter @swarm/ca fuzz [runsPerTarget] [seed]`: fast-check over the token, PEM, CSR and
 * certificate parsers (default 30,000 inputs per target, 120,000 in all). Prints one JSON line.
 */
import { fixtures, outcomes, runAll, targets } from './fuzz-targets.js';

const runs = Number(process.argv[2] ?? 30_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const start = performance.now();
const counts = runAll(targets(await fixtures()), runs, seed);
const total = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(
  JSON.stringify({
    bench: 'ca-fuzz',
    seed,
    inputs: total,
    perTarget: counts,
    crashes: 0,
    outcomes: Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])),
    seconds: Math.round((performance.now() - start) / 100) / 10,
  }),
);
