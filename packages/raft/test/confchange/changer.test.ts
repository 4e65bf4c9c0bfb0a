import { isSwarmError } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { Changer } from '../../src/confchange/changer.js';
import { confChangesFromString } from '../../src/confchange/describe.js';
import { ConfChangeError } from '../../src/confchange/errors.js';
import { Inflights } from '../../src/tracker/inflights.js';
import { Progress } from '../../src/tracker/progress.js';
import { describeConfig, describeProgressMap } from '../../src/tracker/tracker.js';
import { ConfChangeType } from '../../src/types.js';
import { ConfHarness } from './helpers.js';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

function expectConfChangeError(fn: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ConfChangeError);
  expect(isSwarmError(caught, 'INVALID_CONF_CHANGE')).toBe(true);
  expect((caught as Error).message).toMatch(message);
}

describe('Changer.simple', () => {
  it('adds the first voter to an empty config, probing from the last index', () => {
    const h = new ConfHarness();
    h.lastIndex = 4n;
    expect(h.simple('v1')).toBe(lines('voters=(1)', '1: StateProbe match=0 next=5'));
    const pr = h.tracker.progress.get(1n) as Progress;
    expect(pr.recentActive).toBe(true);
    expect(pr.inflights.size).toBe(10);
  });

  it('adds voters one at a time', () => {
    const h = new ConfHarness();
    h.simple('v1');
    expect(h.simple('v2')).toBe(
      lines('voters=(1 2)', '1: StateProbe match=0 next=1', '2: StateProbe match=0 next=2'),
    );
    expect(h.simple('v3')).toContain('voters=(1 2 3)');
  });

  it('refuses to change two voters at once, leaving the config unchanged', () => {
    const h = new ConfHarness();
    h.simple('v1');
    const before = h.describe();
    expectConfChangeError(
      () => h.simple('v2 v3'),
      /more than one voter changed without entering joint config/,
    );
    expectConfChangeError(() => h.simple('v2 r1'), /more than one voter changed/);
    expect(h.describe()).toBe(before);
  });

  it('counts only the net change of voters', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('v2');
    // removing and re-adding 1 is no net change; adding 3 is the one change
    expect(h.simple('r1 v1 v3')).toContain('voters=(1 2 3)');
    expect(h.simple('v4 r4')).toContain('voters=(1 2 3)');
  });

  it('refuses to remove the last voter', () => {
    const h = new ConfHarness();
    h.simple('v1');
    expectConfChangeError(() => h.simple('r1'), /removed all voters/);
    expectConfChangeError(() => h.simple('l1'), /removed all voters/);
  });

  it('refuses to start with only learners', () => {
    expectConfChangeError(() => new ConfHarness().simple('l1'), /removed all voters/);
  });

  it('adds learners freely, even several at once', () => {
    const h = new ConfHarness();
    h.simple('v1');
    expect(h.simple('l2 l3')).toBe(
      lines(
        'voters=(1) learners=(2 3)',
        '1: StateProbe match=0 next=1',
        '2: StateProbe match=0 next=2 learner',
        '3: StateProbe match=0 next=2 learner',
      ),
    );
  });

  it('promotes a learner to voter keeping its progress', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('l2');
    (h.tracker.progress.get(2n) as Progress).match = 7n;
    expect(h.simple('v2')).toBe(
      lines('voters=(1 2)', '1: StateProbe match=0 next=1', '2: StateProbe match=7 next=2'),
    );
  });

  it('demotes a voter to learner keeping its progress', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('v2');
    (h.tracker.progress.get(2n) as Progress).match = 7n;
    expect(h.simple('l2')).toBe(
      lines(
        'voters=(1) learners=(2)',
        '1: StateProbe match=0 next=1',
        '2: StateProbe match=7 next=2 learner',
      ),
    );
  });

  it('treats adding an existing learner or voter as a no-op', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('l2');
    const before = h.describe();
    expect(h.simple('l2 v1')).toBe(before);
  });

  it('removes learners and forgets their progress', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('l2 l3');
    expect(h.simple('r2')).toBe(
      lines(
        'voters=(1) learners=(3)',
        '1: StateProbe match=0 next=1',
        '3: StateProbe match=0 next=2 learner',
      ),
    );
  });

  it('ignores removing an unknown member, updates, and changes with node ID 0', () => {
    const h = new ConfHarness();
    h.simple('v1');
    const before = h.describe();
    expect(h.simple('r7 u1 u9 v0 r0')).toBe(before);
  });

  it('refuses an unknown change type', () => {
    const h = new ConfHarness();
    h.simple('v1');
    const chg = new Changer(h.tracker, 1n);
    expectConfChangeError(
      () => chg.simple({ type: 42 as ConfChangeType, nodeId: 2n }),
      /unexpected conf change type 42 for node 2/,
    );
  });

  it('refuses a simple change in a joint config', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.enterJoint(false, 'v2');
    expectConfChangeError(() => h.simple('l3'), /can't apply a simple config change in a joint config/);
  });
});

describe('Changer.enterJoint and leaveJoint', () => {
  it('replaces all voters through a joint config', () => {
    const h = new ConfHarness();
    h.simple('v1');
    expect(h.enterJoint(false, 'v2 v3 r1')).toBe(
      lines(
        'voters=(2 3)&&(1)',
        '1: StateProbe match=0 next=1',
        '2: StateProbe match=0 next=2',
        '3: StateProbe match=0 next=2',
      ),
    );
    expect(h.leaveJoint()).toBe(
      lines('voters=(2 3)', '2: StateProbe match=0 next=2', '3: StateProbe match=0 next=2'),
    );
  });

  it('refuses to make the empty config joint', () => {
    expectConfChangeError(
      () => new ConfHarness().enterJoint(false, 'v1'),
      /can't make a zero-voter config joint/,
    );
  });

  it('refuses to enter a joint config twice', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.enterJoint(false, 'v2');
    expectConfChangeError(() => h.enterJoint(false, 'v3'), /config is already joint/);
  });

  it('refuses to leave a non-joint config', () => {
    const h = new ConfHarness();
    expectConfChangeError(() => h.leaveJoint(), /can't leave a non-joint config/);
    h.simple('v1');
    expectConfChangeError(() => h.leaveJoint(), /can't leave a non-joint config/);
  });

  it('refuses a joint config whose incoming half has no voters', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('v2');
    expectConfChangeError(() => h.enterJoint(false, 'r1 r2'), /removed all voters/);
    expect(h.tracker.config.voters.isJoint()).toBe(false);
  });

  it('records autoLeave while joint and clears it when leaving', () => {
    const h = new ConfHarness();
    h.simple('v1');
    expect(h.enterJoint(true, 'v2')).toContain('voters=(1 2)&&(1) autoleave\n');
    expect(h.tracker.config.autoLeave).toBe(true);
    expect(h.leaveJoint()).toContain('voters=(1 2)\n');
    expect(h.tracker.config.autoLeave).toBe(false);
  });

  it('enters a joint config with no changes at all', () => {
    const h = new ConfHarness();
    h.simple('v1');
    expect(h.enterJoint(false, '')).toContain('voters=(1)&&(1)\n');
    expect(h.leaveJoint()).toContain('voters=(1)\n');
  });

  it('stages a demoted outgoing voter in learnersNext until the joint config is left', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('v2');
    h.simple('v3');
    expect(h.enterJoint(false, 'l1 v4')).toBe(
      lines(
        'voters=(2 3 4)&&(1 2 3) learners_next=(1)',
        '1: StateProbe match=0 next=1',
        '2: StateProbe match=0 next=2',
        '3: StateProbe match=0 next=3',
        '4: StateProbe match=0 next=4',
      ),
    );
    expect((h.tracker.progress.get(1n) as Progress).isLearner).toBe(false);
    expect(h.tracker.learnerNodes()).toEqual([]);
    expect(h.leaveJoint()).toBe(
      lines(
        'voters=(2 3 4) learners=(1)',
        '1: StateProbe match=0 next=1 learner',
        '2: StateProbe match=0 next=2',
        '3: StateProbe match=0 next=3',
        '4: StateProbe match=0 next=4',
      ),
    );
  });

  it('un-stages a member that is demoted and promoted again in the same change', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('v2');
    expect(h.enterJoint(false, 'l1 v1 v3')).toContain('voters=(1 2 3)&&(1 2)\n');
    expect(h.tracker.config.learnersNext.size).toBe(0);
  });

  it('drops a staged learner that is removed before the joint config is left', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('v2');
    expect(h.enterJoint(false, 'l1 r1')).toBe(
      lines('voters=(2)&&(1 2)', '1: StateProbe match=0 next=1', '2: StateProbe match=0 next=2'),
    );
    expect(h.leaveJoint()).toBe(lines('voters=(2)', '2: StateProbe match=0 next=2'));
  });

  it('makes a new member (not an outgoing voter) a learner at once', () => {
    const h = new ConfHarness();
    h.simple('v1');
    expect(h.enterJoint(false, 'l5 v2')).toContain('voters=(1 2)&&(1) learners=(5)\n');
    expect((h.tracker.progress.get(5n) as Progress).isLearner).toBe(true);
  });

  it('promotes an existing learner through a joint config', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('l2');
    expect(h.enterJoint(true, 'v2 r1')).toBe(
      lines('voters=(2)&&(1) autoleave', '1: StateProbe match=0 next=1', '2: StateProbe match=0 next=2'),
    );
    expect(h.leaveJoint()).toBe(lines('voters=(2)', '2: StateProbe match=0 next=2'));
  });

  it('keeps learners that are not involved across the joint config', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('l9');
    h.enterJoint(false, 'v2 v3 r1');
    expect(h.leaveJoint()).toContain('voters=(2 3) learners=(9)\n');
  });
});

describe('Changer does not mutate its input', () => {
  it('leaves the tracker untouched whether the change succeeds or fails', () => {
    const h = new ConfHarness();
    h.simple('v1');
    h.simple('v2');
    h.simple('l3');
    const learnerBefore = h.tracker.progress.get(3n) as Progress;
    const before = h.describe();
    const chg = new Changer(h.tracker, 100n);

    const [cfg, trk] = chg.enterJoint(true, ...confChangesFromString('l1 v3'));
    expect(describeConfig(cfg)).toBe('voters=(2 3)&&(1 2) learners_next=(1) autoleave');
    expect(trk.get(3n)).not.toBe(learnerBefore);
    expect(trk.get(3n)?.isLearner).toBe(false);
    expect(learnerBefore.isLearner).toBe(true);

    expect(() => chg.simple(...confChangesFromString('r1 r2'))).toThrow(ConfChangeError);
    expect(h.describe()).toBe(before);
    expect(h.tracker.config.voters.isJoint()).toBe(false);
  });

  it('copies inflights so the new progress map is independent', () => {
    const h = new ConfHarness();
    h.simple('v1');
    const [, trk] = new Changer(h.tracker, 5n).simple({ type: ConfChangeType.AddNode, nodeId: 2n });
    trk.get(1n)?.inflights.add(3n, 1);
    expect(h.tracker.progress.get(1n)?.inflights.count()).toBe(0);
  });
});

describe('Changer validates the config it starts from', () => {
  it.each([
    {
      what: 'a voter without progress',
      setup: (h: ConfHarness) => h.tracker.config.voters.incoming.ids.add(9n),
      error: /no progress for 9/,
    },
    {
      what: 'a learner that is also a voter',
      setup: (h: ConfHarness) => h.tracker.config.learners.add(1n),
      error: /1 is in learners and in the incoming voters/,
    },
    {
      what: 'a learner whose progress is not marked learner',
      setup: (h: ConfHarness) => {
        h.tracker.progress.set(7n, new Progress({ next: 1n, inflights: new Inflights(1, 0) }));
        h.tracker.config.learners.add(7n);
      },
      error: /7 is in learners, but is not marked as learner/,
    },
    {
      what: 'learnersNext outside a joint config',
      setup: (h: ConfHarness) => h.tracker.config.learnersNext.add(1n),
      error: /1 is in learnersNext, but not in the outgoing voters/,
    },
    {
      what: 'autoLeave outside a joint config',
      setup: (h: ConfHarness) => {
        h.tracker.config.autoLeave = true;
      },
      error: /autoLeave must be false when not joint/,
    },
  ])('refuses $what', ({ setup, error }) => {
    const h = new ConfHarness();
    h.simple('v1');
    setup(h);
    expectConfChangeError(() => h.simple('v2'), error);
  });

  it('names the config and the changes in the error details', () => {
    const h = new ConfHarness();
    h.simple('v1');
    try {
      h.simple('v2 v3');
      expect.unreachable();
    } catch (err) {
      expect((err as ConfChangeError).details).toEqual({ config: 'voters=(1)', changes: 'v2 v3' });
      expect((err as ConfChangeError).toJSON().code).toBe('INVALID_CONF_CHANGE');
    }
  });

  it('rejects a negative lastIndex with a RangeError', () => {
    expect(() => new Changer(new ConfHarness().tracker, -1n)).toThrow(RangeError);
  });
});

describe('ConfHarness sanity', () => {
  it('prints an empty tracker', () => {
    const h = new ConfHarness();
    expect(h.describe()).toBe('voters=()\n');
    expect(describeProgressMap(h.tracker.progress)).toBe('');
  });
});

describe('Changer: a new member never probes from index 0', () => {
  it('starts next at 1 when the leader log is empty (etcd clamps it the same way)', () => {
    const h = new ConfHarness();
    const [, progress] = new Changer(h.tracker, 0n).simple(...confChangesFromString('v1 l2'));
    expect(progress.get(1n)!.next).toBe(1n);
    expect(progress.get(2n)!.next).toBe(1n);
  });
});
