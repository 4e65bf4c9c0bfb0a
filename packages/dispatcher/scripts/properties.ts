/**
 * The dispatcher's "done when" property over many random cluster histories (default 1,000):
 * `pnpm --filter @swarm/dispatcher properties [runs] [seed] [shared|replicated]`. Prints one JSON line with the counts
 * of histories, checks, messages received, refused foreign updates and leader changes; exits 1
 * with the shrunk counterexample on a failure.
 */
import fc from 'fast-check';
import { type HistoryStats, historyArbitrary, runHistory, type StoreMode } from '../test/cluster-model.js';

const runs = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const mode = (process.argv[4] ?? 'shared') as StoreMode;
if (mode !== 'shared' && mode !== 'replicated')
  throw new RangeError(`store mode must be shared or replicated, got ${mode}`);
const totals: HistoryStats & { histories: number; operations: number } = {
  histories: 0,
  operations: 0,
  checks: 0,
  received: 0,
  refusedForeignUpdates: 0,
  leaderChanges: 0,
  disconnectedChecks: 0,
};
const started = performance.now();
const result = await fc.check(
  fc.asyncProperty(historyArbitrary, fc.integer({ min: 1, max: 1_000_000 }), async (ops, s) => {
    const stats = await runHistory(ops, s, mode);
    totals.histories++;
    totals.operations += ops.length;
    for (const k of [
      'checks',
      'received',
      'refusedForeignUpdates',
      'leaderChanges',
      'disconnectedChecks',
    ] as const)
      totals[k] += stats[k];
  }),
  { numRuns: runs, seed },
);
const line = {
  property:
    'dispatcher secrets ⊆ needed, removed within one batch; foreign updates refused; leader changes lose nothing',
  seed,
  runs,
  managers:
    mode === 'shared'
      ? 'three dispatchers on one shared memory store'
      : 'three ReplicatedStores on a shared log',
  passed: !result.failed,
  ...totals,
  seconds: Math.round((performance.now() - started) / 100) / 10,
  ...(result.failed
    ? { counterexample: JSON.stringify(result.counterexample), error: String(result.errorInstance) }
    : {}),
};
console.log(JSON.stringify(line));
process.exit(result.failed ? 1 : 0);
