import { describe, expect, it } from 'vitest';
import { serviceInfo, TaskState, taskSpec } from '../src/index.js';
import { type Harness, harness } from './harness.js';

function completeRunning(h: Harness, state: TaskState = TaskState.COMPLETE): number {
  let n = 0;
  for (const t of h.scheduler.state.tasksOfService('job').values()) {
    if (t.state === TaskState.RUNNING) {
      h.scheduler.state.upsertTask({ ...t, state, statusAt: h.clock.now() });
      n++;
    }
  }
  return n;
}

function running(h: Harness): number {
  return [...h.scheduler.state.tasksOfService('job').values()].filter((t) => t.state === TaskState.RUNNING)
    .length;
}

describe('jobs', () => {
  it('runs a replicated job to its total completions, at most max concurrent at a time', () => {
    const h = harness(2);
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'job', mode: { kind: 'replicated-job', maxConcurrent: 2, totalCompletions: 5 } }),
    );
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      h.settle();
      seen.push(running(h));
      completeRunning(h);
    }
    expect(seen).toEqual([2, 2, 1, 0, 0]);
    const done = [...h.scheduler.state.tasksOfService('job').values()].filter(
      (t) => t.state === TaskState.COMPLETE,
    );
    expect(done).toHaveLength(5);
  });

  it('restarts a failed job task but never a completed one', () => {
    const h = harness(1);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'job',
        mode: { kind: 'replicated-job', maxConcurrent: 1, totalCompletions: 1 },
        task: taskSpec({ restart: { condition: 'any', delayMs: 0, maxAttempts: 0, windowMs: 0 } }),
      }),
    );
    h.settle();
    completeRunning(h, TaskState.FAILED);
    h.settle();
    expect(running(h)).toBe(1);
    completeRunning(h);
    h.settle();
    expect(running(h)).toBe(0);
  });

  it('runs a global job once on every eligible node, and again for a new iteration', () => {
    const h = harness([{}, {}, { availability: 'drain' }]);
    h.scheduler.state.upsertService(serviceInfo({ id: 'job', mode: { kind: 'global-job' } }));
    h.settle();
    expect(running(h)).toBe(2);
    completeRunning(h);
    h.settle();
    expect(running(h)).toBe(0);
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'job', mode: { kind: 'global-job' }, jobIteration: 1 }),
    );
    h.settle();
    expect(running(h)).toBe(2);
  });

  it('stops what is left of the previous iteration when the job runs again', () => {
    const h = harness(1);
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'job', mode: { kind: 'replicated-job', maxConcurrent: 1, totalCompletions: 1 } }),
    );
    h.settle();
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'job',
        mode: { kind: 'replicated-job', maxConcurrent: 1, totalCompletions: 1 },
        jobIteration: 1,
      }),
    );
    const plan = h.step();
    expect(plan.updated.find((t) => t.jobIteration === 0)!.desiredState).toBe(TaskState.REMOVE);
    expect(plan.created.map((t) => t.jobIteration)).toEqual([1]);
  });
});
