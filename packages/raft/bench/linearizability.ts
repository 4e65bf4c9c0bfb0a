// Linearizability checker benchmark: prints one JSON line.
// Run from packages/raft after `npx tsc -b`: npx tsx bench/linearizability.ts
// Histories come from simulateKv (an atomic map with random concurrency windows), so they are
// linearizable; the "corrupted" cases change one completed read to a value nobody wrote.
import { checkKvHistory, type KvOp } from '../src/linearizability/index.js';
import { corruptOneRead, simulateKv } from '../test/linearizability/simulate-kv.js';

const shape = { operations: 10_000, keys: 10, clients: 8 };

function measure(
  history: readonly KvOp[],
  minimize: boolean,
): { ms: number; steps: number; verdict: string } {
  const times: number[] = [];
  let steps = 0;
  let verdict = '';
  for (let run = 0; run < 4; run++) {
    const start = performance.now();
    const r = checkKvHistory(history, { minimize, timeoutMs: 30_000 });
    if (run > 0) times.push(performance.now() - start); // run 0 warms the JIT up
    steps = r.steps;
    verdict = r.timedOut
      ? 'timed out'
      : r.linearizable
        ? 'linearizable'
        : `not linearizable (${r.failedKey})`;
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[1]! * 10) / 10, steps, verdict };
}

const results: Record<string, unknown> = { ...shape, runsPerCase: 3, warmupRuns: 1, statistic: 'median ms' };
for (const unknownRate of [0, 0.02]) {
  const history = simulateKv({ seed: 1, ...shape, unknownRate });
  const tag = unknownRate === 0 ? 'allKnown' : 'unknown2pct';
  results[`${tag}.linearizable`] = measure(history, false);
  const corrupted = corruptOneRead(history, 4_321)!;
  results[`${tag}.corrupted`] = measure(corrupted, false);
  results[`${tag}.corruptedWithShrinking`] = measure(corrupted, true);
}
console.log(JSON.stringify(results));
