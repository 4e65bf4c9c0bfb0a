import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyArbitrary, runHistory } from './cluster-model.js';

// `pnpm --filter @swarm/dispatcher properties` runs the same property over >= 1,000 histories.
describe('random cluster histories (three managers on a shared store, leader changes included)', () => {
  it('sends a node only secrets its tasks in ASSIGNED..RUNNING need, removes each within one batch, refuses foreign updates, and loses no status or assignment', async () => {
    let histories = 0;
    await fc.assert(
      fc.asyncProperty(historyArbitrary, fc.integer({ min: 1, max: 1_000_000 }), async (ops, seed) => {
        await runHistory(ops, seed);
        histories++;
      }),
      { numRuns: 60, seed: 20261128 },
    );
    expect(histories).toBeGreaterThanOrEqual(60);
  });
});
