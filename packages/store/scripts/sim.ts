// Runs the replicated-store simulation (test/store-simulation.ts) over many seeds and prints one
// JSON line. A failing seed prints its replay command on stderr.
//   pnpm --filter @swarm/store sim --seeds 50 --from 1
import { runStoreSimulation } from '../test/store-simulation.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seeds = arg('seeds', 20);
const from = arg('from', 1);
const virtualMs = arg('virtual-ms', 20_000);
let failures = 0;
let acknowledged = 0;
let crashes = 0;
const started = Date.now();
for (let seed = from; seed < from + seeds; seed++) {
  try {
    const r = await runStoreSimulation(seed, virtualMs);
    acknowledged += r.acknowledged;
    crashes += r.crashes;
  } catch (err) {
    failures++;
    process.stderr.write(`seed ${seed} failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.stderr.write(`replay: pnpm --filter @swarm/store sim --seeds 1 --from ${seed}\n`);
  }
}
console.log(
  JSON.stringify({ seeds, from, failures, acknowledged, crashes, seconds: (Date.now() - started) / 1000 }),
);
process.exitCode = failures > 0 ? 1 : 0;
