import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkCase, clusterArb } from './placement-properties.js';

describe('placement invariants (property)', () => {
  it('never places a task outside its zone or constraints, never overcommits, and spreads within one task', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        checkCase(c);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
