import { describe, expect, it } from 'vitest';
import { Scheduler, serviceInfo, TaskState } from '../src/index.js';
import { nodeInfo, tasksPerNode } from '../src/testing.js';
import { harness } from './harness.js';

describe('rebalancing (opt-in)', () => {
  it('moves tasks onto a joining node, a bounded number per interval, never more in flight than parallelism', () => {
    const h = harness(2, { rebalance: { maxMovesPerInterval: 2, intervalMs: 60_000 } });
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 6 } }));
    h.settle();
    const joined = nodeInfo({ id: 'joined000000000000000000' });
    h.scheduler.state.upsertNode(joined);
    const plan = h.step();
    const moved = plan.updated.filter((t) => t.desiredState === TaskState.SHUTDOWN);
    expect(moved).toHaveLength(1); // update parallelism 1: one slot in flight at a time
    expect(moved[0]!.message).toContain('rebalance');
    h.settle();
    // Two moves per minute: the budget is spent, the rest waits for the interval.
    expect(tasksPerNode(h.scheduler.state, 'web').get(joined.id)).toBe(2);
    h.clock.advance(60_000);
    h.settle();
    expect([...tasksPerNode(h.scheduler.state, 'web').values()]).toEqual([2, 2, 2]);
    expect(h.live('web').filter((t) => t.state === TaskState.RUNNING)).toHaveLength(6);
  });

  it('stays off unless asked for', () => {
    const h = harness(2);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 6 } }));
    h.settle();
    h.scheduler.state.upsertNode(nodeInfo({ id: 'joined000000000000000000' }));
    h.settle();
    expect(tasksPerNode(h.scheduler.state, 'web').has('joined000000000000000000')).toBe(false);
  });

  it('rejects a nonsensical budget', () => {
    expect(
      () =>
        new Scheduler(
          { rebalance: { maxMovesPerInterval: 0, intervalMs: 1 } },
          { clock: { now: () => 0, setTimeout: () => ({ cancel() {} }) } },
        ),
    ).toThrow(RangeError);
  });
});

describe('scheduler options', () => {
  const clock = { now: () => 0, setTimeout: () => ({ cancel() {} }) };

  it('rejects an unknown strategy and nonsensical failure settings', () => {
    expect(() => new Scheduler({ placement: { strategy: 'random' as 'spread' } }, { clock })).toThrow(
      /strategy/,
    );
    expect(() => new Scheduler({ placement: { failureThreshold: 0 } }, { clock })).toThrow(
      /failureThreshold/,
    );
    expect(() => new Scheduler({ placement: { failureWindowMs: -1 } }, { clock })).toThrow(/failureWindowMs/);
  });

  it('needs a clock', () => {
    expect(() => new Scheduler({}, {} as never)).toThrow(TypeError);
  });
});
