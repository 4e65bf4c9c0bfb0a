import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Changer } from '../../src/confchange/changer.js';
import { describeConfChanges } from '../../src/confchange/describe.js';
import { ConfChangeError } from '../../src/confchange/errors.js';
import { restore } from '../../src/confchange/restore.js';
import {
  configToConfState,
  describeConfig,
  describeProgressMap,
  ProgressTracker,
  type TrackerConfig,
} from '../../src/tracker/tracker.js';
import { type ConfChangeSingle, ConfChangeType } from '../../src/types.js';

const SEED = 20261128;

const change: fc.Arbitrary<ConfChangeSingle> = fc.record({
  type: fc.constantFrom(
    ConfChangeType.AddNode,
    ConfChangeType.AddNode,
    ConfChangeType.AddLearnerNode,
    ConfChangeType.AddLearnerNode,
    ConfChangeType.RemoveNode,
    ConfChangeType.UpdateNode,
  ),
  nodeId: fc.bigInt({ min: 1n, max: 7n }),
});

/** Distinct initial voters (at least one) and learners. */
const bootstrap = fc
  .uniqueArray(fc.bigInt({ min: 1n, max: 7n }), { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc
      .integer({ min: 1, max: ids.length })
      .map((nVoters) => [ids.slice(0, nVoters), ids.slice(nVoters)] as const),
  );

type Op =
  | { op: 'simple'; ccs: ConfChangeSingle[] }
  | { op: 'enterJoint'; autoLeave: boolean; ccs: ConfChangeSingle[] }
  | { op: 'leaveJoint' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('simple' as const), ccs: fc.array(change, { maxLength: 3 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('enterJoint' as const),
      autoLeave: fc.boolean(),
      ccs: fc.array(change, { maxLength: 5 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'leaveJoint' as const }) },
);

/** The membership a list of changes describes, applied to plain sets (no quorum rules at all). */
function applyToModel(voters: Set<bigint>, learners: Set<bigint>, ccs: ConfChangeSingle[]): void {
  for (const cc of ccs) {
    if (cc.type === ConfChangeType.AddNode) {
      voters.add(cc.nodeId);
      learners.delete(cc.nodeId);
    } else if (cc.type === ConfChangeType.AddLearnerNode) {
      voters.delete(cc.nodeId);
      learners.add(cc.nodeId);
    } else if (cc.type === ConfChangeType.RemoveNode) {
      voters.delete(cc.nodeId);
      learners.delete(cc.nodeId);
    }
  }
}

const sorted = (s: Iterable<bigint>) => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function checkInvariants(cfg: TrackerConfig, t: ProgressTracker): void {
  const { incoming, outgoing } = cfg.voters;
  for (const id of cfg.learners) {
    expect(incoming.has(id) || outgoing.has(id), `learner ${id} is also a voter`).toBe(false);
    expect(t.progress.get(id)?.isLearner).toBe(true);
  }
  if (!cfg.voters.isJoint()) {
    expect(cfg.learnersNext.size).toBe(0);
    expect(cfg.autoLeave).toBe(false);
  }
  for (const id of cfg.learnersNext) {
    expect(outgoing.has(id)).toBe(true);
    expect(incoming.has(id)).toBe(false);
    expect(t.progress.get(id)?.isLearner).toBe(false);
  }
  for (const id of cfg.voters.ids()) expect(t.progress.get(id)?.isLearner).toBe(false);
  // Progress is tracked for exactly the members.
  const members = new Set([...cfg.voters.ids(), ...cfg.learners, ...cfg.learnersNext]);
  expect(sorted(t.progress.keys())).toEqual(sorted(members));
}

describe('changer properties', () => {
  it('any sequence of changes keeps the config valid, restorable, and equal to a set model', () => {
    fc.assert(
      fc.property(bootstrap, fc.array(op, { maxLength: 25 }), ([initialVoters, initialLearners], ops) => {
        const t = new ProgressTracker(4, 0);
        // The membership the config is heading to: incoming voters, and learners after leaving.
        const modelVoters = new Set<bigint>();
        const modelLearners = new Set<bigint>();
        // Bootstrap one member at a time, as a new cluster does.
        const initial: ConfChangeSingle[] = [
          ...initialVoters.map((nodeId) => ({ type: ConfChangeType.AddNode, nodeId })),
          ...initialLearners.map((nodeId) => ({ type: ConfChangeType.AddLearnerNode, nodeId })),
        ];
        for (const cc of initial) [t.config, t.progress] = new Changer(t, 0n).simple(cc);
        applyToModel(modelVoters, modelLearners, initial);
        let lastIndex = 0n;
        for (const o of ops) {
          lastIndex++;
          const chg = new Changer(t, lastIndex);
          const before = describeConfig(t.config) + describeProgressMap(t.progress);
          let result: ReturnType<Changer['simple']>;
          try {
            result =
              o.op === 'simple'
                ? chg.simple(...o.ccs)
                : o.op === 'enterJoint'
                  ? chg.enterJoint(o.autoLeave, ...o.ccs)
                  : chg.leaveJoint();
          } catch (err) {
            // A refused change is a ConfChangeError and leaves everything as it was.
            expect(err).toBeInstanceOf(ConfChangeError);
            expect(describeConfig(t.config) + describeProgressMap(t.progress)).toBe(before);
            continue;
          }
          [t.config, t.progress] = result;
          if (o.op !== 'leaveJoint') applyToModel(modelVoters, modelLearners, o.ccs);
          const cfg = t.config;

          checkInvariants(cfg, t);
          expect(sorted(cfg.voters.incoming.ids)).toEqual(sorted(modelVoters));
          expect(sorted([...cfg.learners, ...cfg.learnersNext])).toEqual(sorted(modelLearners));
          if (o.op === 'simple') expect(cfg.voters.isJoint()).toBe(false);
          if (o.op === 'enterJoint') expect(cfg.autoLeave).toBe(o.autoLeave);

          // restore(confState(cfg)) rebuilds the same config.
          const cs = t.confState();
          const [restored, restoredProgress] = restore(new Changer(new ProgressTracker(4, 0), lastIndex), cs);
          expect(configToConfState(restored)).toEqual(cs);
          expect(sorted(restoredProgress.keys())).toEqual(sorted(t.progress.keys()));
          for (const [id, pr] of restoredProgress) expect(pr.isLearner).toBe(t.progress.get(id)?.isLearner);

          // Leaving a joint config yields exactly the incoming config.
          if (cfg.voters.isJoint()) {
            const [left, leftProgress] = new Changer(t, lastIndex).leaveJoint();
            expect(left.voters.isJoint()).toBe(false);
            expect(sorted(left.voters.incoming.ids)).toEqual(sorted(modelVoters));
            expect(sorted(left.learners)).toEqual(sorted(modelLearners));
            expect(sorted(leftProgress.keys())).toEqual(sorted([...modelVoters, ...modelLearners]));
          }
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('a simple change is accepted exactly when it moves at most one voter and keeps one', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.bigInt({ min: 1n, max: 5n }), { minLength: 1, maxLength: 4 }),
        fc.array(change, { maxLength: 4 }),
        (voters, ccs) => {
          let t = new ProgressTracker(4, 0);
          for (const id of voters) {
            const [config, progress] = new Changer(t, 1n).simple({
              type: ConfChangeType.AddNode,
              nodeId: id,
            });
            t = Object.assign(new ProgressTracker(4, 0), { config, progress });
          }
          const after = new Set(voters);
          applyToModel(after, new Set(), ccs);
          const moved =
            [...after].filter((id) => !voters.includes(id)).length +
            voters.filter((id) => !after.has(id)).length;
          const ok = moved <= 1 && after.size > 0;
          let accepted = true;
          try {
            new Changer(t, 2n).simple(...ccs);
          } catch (err) {
            expect(err).toBeInstanceOf(ConfChangeError);
            accepted = false;
          }
          expect(accepted, describeConfChanges(ccs)).toBe(ok);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });
});
