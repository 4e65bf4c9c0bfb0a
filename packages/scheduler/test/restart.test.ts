import { describe, expect, it } from 'vitest';
import { type RestartPolicy, serviceInfo, TaskState, taskSpec } from '../src/index.js';
import { harness } from './harness.js';

function setup(restart: RestartPolicy) {
  const h = harness(2);
  h.scheduler.state.upsertService(serviceInfo({ id: 'web', task: taskSpec({ restart }) }));
  h.settle();
  return h;
}

function fail(h: ReturnType<typeof harness>, state: TaskState = TaskState.FAILED): string {
  const t = h.live('web').find((x) => x.state === TaskState.RUNNING)!;
  h.scheduler.state.upsertTask({ ...t, state, statusAt: h.clock.now() });
  return t.id;
}

describe('restart supervisor', () => {
  it('restarts a failed task after the delay, with a wake-up for when it falls due', () => {
    const h = setup({ condition: 'any', delayMs: 5000, maxAttempts: 0, windowMs: 0 });
    const old = fail(h);
    const plan = h.step();
    expect(plan.created).toHaveLength(0);
    expect(plan.updated.find((t) => t.id === old)).toMatchObject({
      desiredState: TaskState.SHUTDOWN,
      message: 'restarting: task failed',
    });
    expect(plan.wakeAt).toBe(h.clock.now() + 5000);
    h.clock.advance(4999);
    expect(h.step().created).toHaveLength(0);
    h.clock.advance(1);
    const later = h.step();
    expect(later.created).toHaveLength(1);
    expect(later.created[0]!.slot).toBe(1);
    expect(later.created[0]!.state).toBe(TaskState.ASSIGNED);
  });

  it('does not restart anything with condition none', () => {
    const h = setup({ condition: 'none', delayMs: 0, maxAttempts: 0, windowMs: 0 });
    fail(h);
    const plan = h.step();
    expect(plan.created).toHaveLength(0);
    expect(h.live('web')).toHaveLength(1); // the slot stays with its failed task
  });

  it('restarts on failure but not on a clean exit with condition on-failure', () => {
    const h = setup({ condition: 'on-failure', delayMs: 0, maxAttempts: 0, windowMs: 0 });
    fail(h, TaskState.COMPLETE);
    expect(h.step().created).toHaveLength(0);
    const h2 = setup({ condition: 'on-failure', delayMs: 0, maxAttempts: 0, windowMs: 0 });
    fail(h2, TaskState.FAILED);
    expect(h2.step().created).toHaveLength(1);
  });

  it('gives up after max attempts within the window, and tries again once the window has passed', () => {
    const h = setup({ condition: 'any', delayMs: 0, maxAttempts: 2, windowMs: 60_000 });
    for (let i = 0; i < 2; i++) {
      h.clock.advance(1000);
      fail(h);
      expect(h.settle().created.length + h.live('web').length).toBeGreaterThan(0);
      expect(h.live('web').some((t) => t.state === TaskState.RUNNING)).toBe(true);
    }
    h.clock.advance(1000);
    fail(h);
    h.settle();
    expect(h.live('web').map((t) => t.state)).toEqual([TaskState.FAILED]);
    h.clock.advance(60_000);
    h.scheduler.state.markDirty('web');
    h.settle();
    expect(h.live('web').map((t) => t.state)).toEqual([TaskState.RUNNING]);
  });

  it('waits for the old task to stop before its replacement starts (stop-first)', () => {
    const h = harness(1);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', task: taskSpec({ runtime: 'v1' }) }));
    h.settle();
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'web', task: taskSpec({ runtime: 'v2' }), specVersion: 2 }),
    );
    const plan = h.step();
    expect(plan.updated.map((t) => t.desiredState)).toEqual([TaskState.SHUTDOWN]);
    expect(plan.created).toHaveLength(0);
    expect(h.step().created).toHaveLength(0); // still running
    const old = plan.updated[0]!;
    h.scheduler.state.upsertTask({
      ...h.scheduler.state.tasks.get(old.id)!,
      state: TaskState.SHUTDOWN,
      statusAt: h.clock.now(),
    });
    const next = h.step();
    expect(next.created).toHaveLength(1);
    expect(next.created[0]!.spec.runtime).toBe('v2');
  });
});
