// Property: whatever sequence of membership changes is proposed (simple or joint, voters and
// learners, valid or not), a cluster that is given time converges: every member of the final
// configuration applies the same configuration and the same state, voters and learners stay
// disjoint, and a leader is elected among the voters.
import { seededRandom } from '@swarm/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../src/testing.js';
import { ConfChangeTransition, ConfChangeType, type MemberId } from '../../src/types.js';

const IDS = [1n, 2n, 3n, 4n, 5n];

const change = fc.record({
  type: fc.constantFrom(ConfChangeType.AddNode, ConfChangeType.AddLearnerNode, ConfChangeType.RemoveNode),
  nodeId: fc.constantFrom(...IDS),
});

const op = fc.oneof(
  fc.record({
    kind: fc.constant('conf' as const),
    via: fc.constantFrom(...IDS),
    changes: fc.array(change, { minLength: 0, maxLength: 3 }),
    transition: fc.constantFrom(
      ConfChangeTransition.Auto,
      ConfChangeTransition.JointImplicit,
      ConfChangeTransition.JointExplicit,
    ),
  }),
  fc.record({ kind: fc.constant('propose' as const), via: fc.constantFrom(...IDS) }),
  fc.record({ kind: fc.constant('ticks' as const), n: fc.integer({ min: 1, max: 25 }) }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function run(ops: Op[], seed: number): void {
  const c = new TestCluster({ random: seededRandom(seed) });
  for (const id of IDS) c.addNode(id, id <= 3n ? { voters: [1n, 2n, 3n] } : { voters: [], index: 0n });
  let k = 0;
  const settle = (ticks: number) => {
    for (let i = 0; i < ticks; i++) {
      c.tickAll();
      c.stabilize();
    }
  };
  settle(25);
  for (const o of ops) {
    if (o.kind === 'ticks') settle(o.n);
    else if (o.kind === 'propose') c.propose(o.via, `w${k++}`);
    else {
      try {
        c.get(o.via).node.proposeConfChange({
          transition: o.transition,
          changes: o.changes,
          context: new Uint8Array(0),
        });
      } catch (err) {
        if ((err as { code?: string }).code !== 'PROPOSAL_DROPPED') throw err;
      }
      c.stabilize();
    }
  }
  // Leave an explicit joint configuration, then give the cluster time.
  settle(30);
  const lead = c.leader();
  if (lead !== undefined && c.get(lead).node.raft.trk.config.voters.isJoint()) {
    c.get(lead).node.proposeConfChange({
      transition: ConfChangeTransition.Auto,
      changes: [],
      context: new Uint8Array(0),
    });
  }
  settle(30);

  const leader = c.leader();
  expect(leader).toBeDefined();
  const cfg = c.get(leader!).confState;
  const voters = new Set<MemberId>(cfg.voters);
  for (const l of cfg.learners) expect(voters.has(l)).toBe(false);
  expect(cfg.votersOutgoing).toEqual([]);
  expect(voters.has(leader!)).toBe(true);
  const members = [...cfg.voters, ...cfg.learners];
  const canon = (xs: bigint[]) => [...xs].sort((a, b) => (a < b ? -1 : 1)).join(',');
  for (const id of members) {
    const n = c.get(id);
    expect(canon(n.confState.voters)).toBe(canon(cfg.voters));
    expect(canon(n.confState.learners)).toBe(canon(cfg.learners));
    expect(n.state).toEqual(c.get(leader!).state);
  }
}

describe('configuration transitions at the raft level', () => {
  it('converge to one configuration and one state on every member, whatever changes are proposed', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        (ops, seed) => run(ops, seed),
      ),
      { numRuns: 40, seed: 20261128 },
    );
  });
});
