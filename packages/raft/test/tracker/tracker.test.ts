import { UINT64_MAX } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { Changer } from '../../src/confchange/changer.js';
import { confChangesFromString } from '../../src/confchange/describe.js';
import type { Progress } from '../../src/tracker/progress.js';
import {
  cloneConfig,
  describeConfig,
  describeProgressMap,
  ProgressTracker,
} from '../../src/tracker/tracker.js';

/** A tracker whose config is built by applying `v1 v2 ...` style changes (simple or joint). */
function trackerWith(simple: string, joint?: string): ProgressTracker {
  const t = new ProgressTracker(16, 0);
  for (const cc of confChangesFromString(simple)) {
    [t.config, t.progress] = new Changer(t, 10n).simple(cc);
  }
  if (joint !== undefined) {
    [t.config, t.progress] = new Changer(t, 10n).enterJoint(false, ...confChangesFromString(joint));
  }
  return t;
}

function progressOf(t: ProgressTracker, id: bigint): Progress {
  const pr = t.progress.get(id);
  if (pr === undefined) throw new Error(`no progress for ${id}`);
  return pr;
}

function setMatch(t: ProgressTracker, matches: Record<number, number>): void {
  for (const [id, m] of Object.entries(matches)) {
    progressOf(t, BigInt(id)).match = BigInt(m);
  }
}

describe('ProgressTracker', () => {
  it('starts empty: no voters, committing everything', () => {
    const t = new ProgressTracker(8, 0);
    expect(t.voterNodes()).toEqual([]);
    expect(t.learnerNodes()).toEqual([]);
    expect(t.isSingleton()).toBe(false);
    expect(t.committed()).toBe(UINT64_MAX);
    expect(t.confState()).toEqual({
      voters: [],
      learners: [],
      votersOutgoing: [],
      learnersNext: [],
      autoLeave: false,
    });
  });

  it('is a singleton with exactly one voter and no joint config', () => {
    expect(trackerWith('v1').isSingleton()).toBe(true);
    expect(trackerWith('v1 l2').isSingleton()).toBe(true);
    expect(trackerWith('v1 v2').isSingleton()).toBe(false);
    expect(trackerWith('v1', 'v2 r1').isSingleton()).toBe(false);
  });

  it('commits what a quorum of voters matched, ignoring learners', () => {
    const t = trackerWith('v1 v2 v3 l4');
    setMatch(t, { 1: 10, 2: 7, 3: 3, 4: 100 });
    expect(t.committed()).toBe(7n);
  });

  it('commits the minimum of both halves while joint', () => {
    const t = trackerWith('v1 v2 v3', 'r1 v4 v5');
    // incoming (2 3 4 5): 9 8 1 1 -> 3rd largest of 4 = 1; outgoing (1 2 3): 9 9 8 -> 9
    setMatch(t, { 1: 9, 2: 9, 3: 8, 4: 1, 5: 1 });
    expect(t.committed()).toBe(1n);
    setMatch(t, { 4: 8 });
    expect(t.committed()).toBe(8n);
  });

  it('lists voters and learners sorted numerically', () => {
    const t = trackerWith('v10 v2 l30 l4', 'r2 v3');
    expect(t.voterNodes()).toEqual([2n, 3n, 10n]);
    expect(t.learnerNodes()).toEqual([4n, 30n]);
  });

  it('visits members in ascending ID order', () => {
    const t = trackerWith('v10 v2 v1 l7');
    const seen: bigint[] = [];
    t.visit((id) => seen.push(id));
    expect(seen).toEqual([1n, 2n, 7n, 10n]);
  });

  it('reports its config as a sorted ConfState', () => {
    const t = trackerWith('v3 v1 v2 l9', 'r3 v4 l2');
    expect(t.confState()).toEqual({
      voters: [1n, 4n],
      learners: [9n],
      votersOutgoing: [1n, 2n, 3n],
      learnersNext: [2n],
      autoLeave: false,
    });
    expect(describeConfig(t.config)).toBe('voters=(1 4)&&(1 2 3) learners=(9) learners_next=(2)');
  });

  describe('quorumActive', () => {
    it('is true when recently active voters form a quorum', () => {
      const t = trackerWith('v1 v2 v3 l4');
      t.visit((_, pr) => {
        pr.recentActive = false;
      });
      progressOf(t, 1n).recentActive = true;
      progressOf(t, 4n).recentActive = true;
      expect(t.quorumActive()).toBe(false); // the learner does not count
      progressOf(t, 3n).recentActive = true;
      expect(t.quorumActive()).toBe(true);
    });

    it('needs a quorum of both halves while joint', () => {
      const t = trackerWith('v1 v2 v3', 'r2 r3 v4 v5');
      t.visit((id, pr) => {
        pr.recentActive = id === 1n || id === 4n;
      });
      expect(t.quorumActive()).toBe(false); // outgoing (1 2 3) has only 1
      progressOf(t, 2n).recentActive = true;
      expect(t.quorumActive()).toBe(true);
    });
  });

  describe('votes', () => {
    it('counts the first vote of each member only', () => {
      const t = trackerWith('v1 v2 v3');
      t.recordVote(1n, true);
      t.recordVote(1n, false);
      expect(t.tallyVotes()).toEqual({ granted: 1, rejected: 0, result: 'pending' });
      t.recordVote(2n, false);
      t.recordVote(2n, true);
      expect(t.tallyVotes()).toEqual({ granted: 1, rejected: 1, result: 'pending' });
      t.recordVote(3n, true);
      expect(t.tallyVotes()).toEqual({ granted: 2, rejected: 1, result: 'won' });
    });

    it('ignores votes of learners and strangers in the counts and the result', () => {
      const t = trackerWith('v1 v2 v3 l4');
      t.recordVote(4n, true);
      t.recordVote(99n, true);
      t.recordVote(1n, true);
      expect(t.tallyVotes()).toEqual({ granted: 1, rejected: 0, result: 'pending' });
    });

    it('loses once a quorum rejected', () => {
      const t = trackerWith('v1 v2 v3');
      t.recordVote(1n, true);
      t.recordVote(2n, false);
      t.recordVote(3n, false);
      expect(t.tallyVotes().result).toBe('lost');
    });

    it('starts a new election from scratch after resetVotes', () => {
      const t = trackerWith('v1 v2 v3');
      t.recordVote(1n, false);
      t.resetVotes();
      t.recordVote(1n, true);
      expect(t.tallyVotes()).toEqual({ granted: 1, rejected: 0, result: 'pending' });
    });
  });

  it('prints progress one member per line, sorted', () => {
    const t = trackerWith('v2 v1');
    expect(describeProgressMap(t.progress)).toBe(
      '1: StateProbe match=0 next=10\n2: StateProbe match=0 next=10\n',
    );
  });

  it('clones a config deeply', () => {
    const t = trackerWith('v1 v2 l3', 'r2 v4');
    const c = cloneConfig(t.config);
    c.voters.incoming.ids.add(99n);
    c.voters.outgoing.ids.add(98n);
    c.learners.add(97n);
    c.learnersNext.add(96n);
    expect(describeConfig(t.config)).toBe('voters=(1 4)&&(1 2) learners=(3)');
  });

  it('rejects bad window limits with a RangeError', () => {
    expect(() => new ProgressTracker(0, 0)).toThrow(/maxInflight/);
    expect(() => new ProgressTracker(4, -1)).toThrow(/maxInflightBytes/);
  });
});
