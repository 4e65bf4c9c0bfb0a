// For each deliberately broken variant of the core or storage, runs simulator seeds from 1 until
// one catches it (at most --max seeds), and prints one JSON line:
//   {"variants":[{"name":..,"caught":true,"first_seed":S,"seeds_run":N,"how":"..."}],"all_caught":true}
import { runSimulation } from '../src/sim/simulator.js';
import { brokenVariants } from '../test/sim/broken-variants.js';

const i = process.argv.indexOf('--max');
const max = i >= 0 ? Number(process.argv[i + 1]) : 1000;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const results = [];
for (const v of brokenVariants) {
  if (only !== undefined && v.name !== only) continue;
  const undo = v.apply();
  let caught: { seed: number; how: string } | undefined;
  let run = 0;
  try {
    for (let seed = 1; seed <= max && caught === undefined; seed++) {
      run++;
      const r = await runSimulation({ seed, ackBeforeSync: v.ackBeforeSync ?? false });
      if (r.violations.length > 0) caught = { seed, how: r.violations[0]! };
      else if (!r.linearizable) caught = { seed, how: 'client history not linearizable' };
      else if (r.livenessFailure) caught = { seed, how: `liveness: ${r.livenessFailure}` };
    }
  } finally {
    undo();
  }
  const line = {
    name: v.name,
    caught: caught !== undefined,
    first_seed: caught?.seed ?? null,
    seeds_run: run,
    how: caught?.how ?? null,
  };
  console.error(JSON.stringify(line));
  results.push(line);
}
console.log(JSON.stringify({ variants: results, all_caught: results.every((r) => r.caught) }));
