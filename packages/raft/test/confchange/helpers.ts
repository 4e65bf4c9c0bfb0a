import { Changer } from '../../src/confchange/changer.js';
import { confChangesFromString } from '../../src/confchange/describe.js';
import { describeConfig, describeProgressMap, ProgressTracker } from '../../src/tracker/tracker.js';

/**
 * Drives a tracker through conf changes the way the raft core would (compute with a Changer,
 * install the result), and prints config and progress like etcd's confchange datadriven tests.
 */
export class ConfHarness {
  readonly tracker = new ProgressTracker(10, 0);
  lastIndex = 0n;

  simple(changes: string): string {
    return this.install(() =>
      new Changer(this.tracker, this.lastIndex).simple(...confChangesFromString(changes)),
    );
  }

  enterJoint(autoLeave: boolean, changes: string): string {
    return this.install(() =>
      new Changer(this.tracker, this.lastIndex).enterJoint(autoLeave, ...confChangesFromString(changes)),
    );
  }

  leaveJoint(): string {
    return this.install(() => new Changer(this.tracker, this.lastIndex).leaveJoint());
  }

  describe(): string {
    return `${describeConfig(this.tracker.config)}\n${describeProgressMap(this.tracker.progress)}`;
  }

  private install(op: () => ReturnType<Changer['simple']>): string {
    // Each change is a new log entry in the real core, so new members start further along.
    this.lastIndex++;
    [this.tracker.config, this.tracker.progress] = op();
    return this.describe();
  }
}
