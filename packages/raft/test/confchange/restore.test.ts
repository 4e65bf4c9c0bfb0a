import { describe, expect, it } from 'vitest';
import { Changer } from '../../src/confchange/changer.js';
import { ConfChangeError } from '../../src/confchange/errors.js';
import { restore } from '../../src/confchange/restore.js';
import { configToConfState, describeConfig, ProgressTracker } from '../../src/tracker/tracker.js';
import { type ConfState, emptyConfState } from '../../src/types.js';

const ids = (...xs: number[]) => xs.map(BigInt);
const cs = (partial: Partial<ConfState>): ConfState => ({ ...emptyConfState(), ...partial });

function restoreFresh(state: ConfState, lastIndex = 10n) {
  return restore(new Changer(new ProgressTracker(20, 0), lastIndex), state);
}

describe('restore', () => {
  it('restores an empty ConfState to the empty config', () => {
    const [cfg, trk] = restoreFresh(emptyConfState());
    expect(describeConfig(cfg)).toBe('voters=()');
    expect(trk.size).toBe(0);
  });

  it('restores a plain config with voters and learners', () => {
    const state = cs({ voters: ids(1, 2, 3), learners: ids(8, 9) });
    const [cfg, trk] = restoreFresh(state);
    expect(describeConfig(cfg)).toBe('voters=(1 2 3) learners=(8 9)');
    expect(configToConfState(cfg)).toEqual(state);
    expect([...trk.keys()].sort()).toEqual(ids(1, 2, 3, 8, 9));
    expect(trk.get(8n)?.isLearner).toBe(true);
  });

  it('restores a joint config with staged learners and autoLeave', () => {
    // The example of etcd's confchange.Restore.
    const state = cs({
      voters: ids(1, 2, 3),
      learners: ids(5),
      votersOutgoing: ids(1, 2, 4, 6),
      learnersNext: ids(4),
      autoLeave: true,
    });
    const [cfg, trk] = restoreFresh(state);
    expect(describeConfig(cfg)).toBe('voters=(1 2 3)&&(1 2 4 6) learners=(5) learners_next=(4) autoleave');
    expect(configToConfState(cfg)).toEqual(state);
    expect(trk.get(4n)?.isLearner).toBe(false);
    expect([...trk.keys()].sort()).toEqual(ids(1, 2, 3, 4, 5, 6));
  });

  it('gives every restored member a fresh progress at the last index', () => {
    const [, trk] = restoreFresh(cs({ voters: ids(1, 2) }), 42n);
    for (const pr of trk.values()) {
      expect(pr.toString()).toBe('StateProbe match=0 next=42');
      expect(pr.inflights.size).toBe(20);
    }
  });

  it('refuses a ConfState with learners but no voters', () => {
    expect(() => restoreFresh(cs({ learners: ids(1) }))).toThrow(ConfChangeError);
  });

  it.each([
    {
      what: 'a learner that is also a voter',
      state: { voters: ids(1, 2), learners: ids(2) },
      error: /2 is both a voter and a learner/,
    },
    {
      what: 'a learner that is also an outgoing voter',
      state: { voters: ids(1), votersOutgoing: ids(2), learners: ids(2) },
      error: /2 is both an outgoing voter/,
    },
    {
      what: 'a staged learner that is not an outgoing voter',
      state: { voters: ids(1), learnersNext: ids(3) },
      error: /3 is in learnersNext but not an outgoing voter/,
    },
    {
      what: 'a staged learner that is an incoming voter',
      state: { voters: ids(1, 2), votersOutgoing: ids(1, 2), learnersNext: ids(2) },
      error: /2 is in learnersNext and an incoming voter/,
    },
    { what: 'member ID 0', state: { voters: [0n] }, error: /voters holds 0/ },
    {
      what: 'a duplicate member',
      state: { voters: ids(1, 1) },
      error: /voters lists a member more than once/,
    },
    {
      what: 'autoLeave outside a joint config',
      state: { voters: ids(1), autoLeave: true },
      error: /autoLeave/,
    },
    {
      what: 'a joint config without incoming voters',
      state: { votersOutgoing: ids(1) },
      error: /removed all voters/,
    },
  ])('refuses a ConfState with $what', ({ state, error }) => {
    expect(() => restoreFresh(cs(state))).toThrow(error);
    expect(() => restoreFresh(cs(state))).toThrow(ConfChangeError);
  });

  it('does not touch the tracker it starts from', () => {
    const t = new ProgressTracker(4, 0);
    restore(new Changer(t, 1n), cs({ voters: ids(1, 2, 3), votersOutgoing: ids(1) }));
    expect(describeConfig(t.config)).toBe('voters=()');
    expect(t.progress.size).toBe(0);
  });
});
