import { seededRandom } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../src/testing.js';

describe('a three-member cluster', () => {
  it('elects a leader and commits a proposal on every member', () => {
    const c = new TestCluster({ random: seededRandom(1) });
    for (const id of [1n, 2n, 3n]) c.addNode(id, { voters: [1n, 2n, 3n] });
    c.get(1n).node.campaign();
    c.stabilize();
    expect(c.leader()).toBe(1n);
    expect(c.propose(1n, 'x')).toBe(true);
    c.stabilize();
    for (const id of [1n, 2n, 3n]) expect(c.get(id).state).toEqual(['x']);
  });
});
