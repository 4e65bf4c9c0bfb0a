// The confchange datadriven format (as etcd raft's confchange/testdata): `simple`,
// `enter-joint [autoleave=true]` and `leave-joint`, with the changes on the input line(s)
// (`v1 l2 r3 u4`). The output is the resulting config and progress map, or the error. The leader's
// last index starts at 0 and grows by one after every command, as each change would be an entry.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Changer } from '../../src/confchange/changer.js';
import { confChangesFromString } from '../../src/confchange/describe.js';
import { describeConfig, describeProgressMap, ProgressTracker } from '../../src/tracker/tracker.js';
import type { TestCase } from '../scenario/datadriven.js';
import { playScripts } from '../scenario/run-scripts.js';

function runner(): (c: TestCase) => string {
  const tracker = new ProgressTracker(10, 0);
  let lastIndex = 0n;
  return (c) => {
    const changer = new Changer(tracker, lastIndex);
    lastIndex++;
    const changes = confChangesFromString(c.input.split('\n').join(' '));
    let result: ReturnType<Changer['simple']>;
    try {
      switch (c.cmd) {
        case 'simple':
          result = changer.simple(...changes);
          break;
        case 'enter-joint': {
          const autoLeave = c.args.find((a) => a.key === 'autoleave')?.vals[0] === 'true';
          result = changer.enterJoint(autoLeave, ...changes);
          break;
        }
        case 'leave-joint':
          if (changes.length > 0) throw new SyntaxError(`line ${c.line}: leave-joint takes no changes`);
          result = changer.leaveJoint();
          break;
        default:
          throw new SyntaxError(`line ${c.line}: unknown command ${c.cmd}`);
      }
    } catch (err) {
      if (err instanceof SyntaxError) throw err;
      return (err as Error).message;
    }
    [tracker.config, tracker.progress] = result;
    return `${describeConfig(tracker.config)}\n${describeProgressMap(tracker.progress)}`.trimEnd();
  };
}

describe('confchange datadriven scripts', () => {
  const files = playScripts(fileURLToPath(new URL('./testdata/', import.meta.url)), runner);
  it('has scripts for simple changes, joint changes and refused changes', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
});
