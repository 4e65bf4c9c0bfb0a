import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyArbitrary, type Op, runHistory } from './cluster-model.js';

// `pnpm --filter @swarm/dispatcher properties` runs the same property over >= 1,000 histories.
describe.each([
  ['one shared memory store', 'shared'],
  ['a ReplicatedStore per manager', 'replicated'],
] as const)('random cluster histories: three managers on %s, leader changes included', (_name, mode) => {
  it('sends a node only secrets its tasks in ASSIGNED..RUNNING need, removes each within one batch, refuses foreign updates, and loses no status or assignment', async () => {
    let histories = 0;
    await fc.assert(
      fc.asyncProperty(historyArbitrary, fc.integer({ min: 1, max: 1_000_000 }), async (ops, seed) => {
        await runHistory(ops, seed, mode);
        histories++;
      }),
      { numRuns: 50, seed: 20261128 },
    );
    expect(histories).toBeGreaterThanOrEqual(50);
  });

  it('re-sends a task moved away and back within one batch, and the worker reports its state again', async () => {
    // Found by scripts/properties.ts (seed 20261128): the store went back to ASSIGNED while the
    // worker, never told, kept the task running and had nothing new to report.
    const ops: Op[] = [
      { kind: 'create', node: 2, secrets: [], stopped: false },
      { kind: 'foreignUpdate', node: 0, task: 0 },
      { kind: 'wait', ms: 60 },
      { kind: 'move', task: 0, node: 0 },
      { kind: 'create', node: 0, secrets: [], stopped: false },
      { kind: 'move', task: 0, node: 2 },
    ];
    const stats = await runHistory(ops, 1, mode);
    expect(stats.refusedForeignUpdates).toBe(1);
  });
});
