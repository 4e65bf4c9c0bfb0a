import { describe, expect, it } from 'vitest';
import {
  rollbackService,
  type ServiceInfo,
  serviceInfo,
  TaskState,
  taskSpec,
  type UpdateConfig,
} from '../src/index.js';
import { runWorkers } from '../src/testing.js';
import { type Harness, harness } from './harness.js';

const NO_RESTART = { condition: 'none', delayMs: 0, maxAttempts: 0, windowMs: 0 } as const;

function deploy(
  h: Harness,
  replicas: number,
  update: Partial<UpdateConfig>,
  rollback: Partial<UpdateConfig> = {},
): ServiceInfo {
  const v1 = serviceInfo({
    id: 'web',
    mode: { kind: 'replicated', replicas },
    task: taskSpec({ runtime: 'v1', restart: NO_RESTART }),
    update,
    rollback,
  });
  h.scheduler.state.upsertService(v1);
  h.settle();
  const v2: ServiceInfo = {
    ...v1,
    task: taskSpec({ runtime: 'v2', restart: NO_RESTART }),
    previous: { task: v1.task, mode: v1.mode },
    specVersion: 2,
  };
  h.scheduler.state.upsertService(v2);
  return v2;
}

function versions(h: Harness): string[] {
  return h
    .live('web')
    .map((t) => t.spec.runtime)
    .sort();
}

function status(h: Harness): ServiceInfo['updateStatus'] {
  return h.scheduler.state.services.get('web')!.updateStatus;
}

/** Fails every running task of the given version, now. */
function failAll(h: Harness, runtime: string): void {
  for (const t of h.live('web')) {
    if (t.spec.runtime === runtime && t.state === TaskState.RUNNING) {
      h.scheduler.state.upsertTask({ ...t, state: TaskState.FAILED, statusAt: h.clock.now() });
    }
  }
}

describe('rolling update', () => {
  it('updates in batches of parallelism, waiting delay after each batch is running', () => {
    const h = harness(3);
    deploy(h, 5, { parallelism: 2, delayMs: 10_000, monitorMs: 0 });
    h.settle();
    expect(versions(h)).toEqual(['v1', 'v1', 'v1', 'v2', 'v2']);
    expect(status(h).state).toBe('updating');
    const plan = h.step();
    expect(plan.wakeAt).toBe(h.clock.now() + 10_000);
    h.clock.advance(10_000);
    h.settle();
    expect(versions(h)).toEqual(['v1', 'v2', 'v2', 'v2', 'v2']);
    h.clock.advance(10_000);
    h.settle();
    expect(versions(h)).toEqual(['v2', 'v2', 'v2', 'v2', 'v2']);
    expect(status(h)).toMatchObject({ state: 'completed', message: 'update completed' });
  });

  it('updates everything at once with parallelism 0', () => {
    const h = harness(2);
    deploy(h, 4, { parallelism: 0, monitorMs: 0 });
    const plan = h.step();
    expect(plan.updated.filter((t) => t.desiredState === TaskState.SHUTDOWN)).toHaveLength(4);
    h.settle();
    expect(versions(h)).toEqual(['v2', 'v2', 'v2', 'v2']);
  });

  it('starts the new task before stopping the old one with start-first', () => {
    const h = harness(2);
    deploy(h, 1, { order: 'start-first', monitorMs: 0 });
    const plan = h.step();
    expect(plan.created).toHaveLength(1);
    expect(plan.updated.filter((t) => t.desiredState > TaskState.RUNNING)).toHaveLength(0);
    expect(versions(h)).toEqual(['v1', 'v2']);
    runWorkers(h.scheduler.state, h.clock.now()); // the new task runs
    const next = h.step();
    expect(
      next.updated.filter((t) => t.desiredState === TaskState.SHUTDOWN).map((t) => t.spec.runtime),
    ).toEqual(['v1']);
  });

  it('with a per-node cap, places a start-first replacement beside the task it replaces', () => {
    const h = harness(1);
    const v1 = serviceInfo({
      id: 'web',
      task: taskSpec({ runtime: 'v1', maxReplicas: 1 }),
      update: { order: 'start-first', monitorMs: 0 },
    });
    h.scheduler.state.upsertService(v1);
    h.settle();
    h.scheduler.state.upsertService({
      ...v1,
      task: taskSpec({ runtime: 'v2', maxReplicas: 1 }),
      specVersion: 2,
    });
    const plan = h.step();
    expect(plan.created[0]!.nodeId).toBe(h.node(0).id);
    h.settle();
    expect(versions(h)).toEqual(['v2']);
  });

  it('fails fast, explained, when a start-first replacement cannot be placed (failure action pause)', () => {
    const h = harness([{ resources: { nanoCpus: 1e9, memoryBytes: 2 ** 30 } }]);
    const spec = (runtime: string) =>
      taskSpec({ runtime, maxReplicas: 1, reservations: { nanoCpus: 1e9, memoryBytes: 0 } });
    const v1 = serviceInfo({ id: 'web', task: spec('v1'), update: { order: 'start-first', monitorMs: 0 } });
    h.scheduler.state.upsertService(v1);
    h.settle();
    h.scheduler.state.upsertService({
      ...v1,
      task: spec('v2'),
      specVersion: 2,
      previous: { task: v1.task, mode: v1.mode },
    });
    h.settle();
    expect(status(h)).toMatchObject({
      state: 'paused',
      message:
        'update paused: the start-first replacement for slot 1 cannot be placed: no suitable node (1 node has insufficient CPU)',
    });
    expect(versions(h)).toEqual(['v1']);
    expect(h.live('web')[0]!.state).toBe(TaskState.RUNNING);
  });

  it('falls back to stop-first when a start-first replacement cannot be placed (failure action continue)', () => {
    const h = harness([{ resources: { nanoCpus: 1e9, memoryBytes: 2 ** 30 } }]);
    const spec = (runtime: string) =>
      taskSpec({ runtime, maxReplicas: 1, reservations: { nanoCpus: 1e9, memoryBytes: 0 } });
    const v1 = serviceInfo({
      id: 'web',
      task: spec('v1'),
      update: { order: 'start-first', monitorMs: 0, failureAction: 'continue' },
    });
    h.scheduler.state.upsertService(v1);
    h.settle();
    h.scheduler.state.upsertService({ ...v1, task: spec('v2'), specVersion: 2 });
    h.settle();
    expect(versions(h)).toEqual(['v2']);
    expect(h.live('web')[0]!.state).toBe(TaskState.RUNNING);
    expect(status(h).state).toBe('completed');
  });

  it('pauses when new tasks fail within the monitor window (failure action pause)', () => {
    const h = harness(2);
    deploy(h, 4, { parallelism: 1, delayMs: 10_000, monitorMs: 30_000, failureAction: 'pause' });
    h.settle(); // the first batch runs; the next waits for the delay
    failAll(h, 'v2');
    h.settle();
    expect(status(h)).toMatchObject({
      state: 'paused',
      message: 'update paused: 1 of 4 updated tasks failed',
    });
    h.clock.advance(60_000);
    h.settle();
    expect(versions(h)).toEqual(['v1', 'v1', 'v1', 'v2']);
  });

  it('goes on despite failures with failure action continue', () => {
    const h = harness(2);
    deploy(h, 3, { parallelism: 1, monitorMs: 30_000, failureAction: 'continue' });
    h.settle();
    failAll(h, 'v2');
    h.clock.advance(60_000);
    h.settle();
    expect(h.live('web').filter((t) => t.spec.runtime === 'v1')).toHaveLength(0);
  });

  it('tolerates failures up to max failure ratio', () => {
    const h = harness(2);
    deploy(h, 4, { parallelism: 1, delayMs: 10_000, monitorMs: 30_000, maxFailureRatio: 0.3 });
    h.settle();
    failAll(h, 'v2'); // 1 of 4 = 0.25 <= 0.3
    h.clock.advance(10_000);
    h.settle();
    expect(status(h).state).toBe('updating');
    expect(versions(h)).toEqual(['v1', 'v1', 'v2', 'v2']);
    failAll(h, 'v2'); // 2 of 4 = 0.5 > 0.3
    h.settle();
    expect(status(h).state).toBe('paused');
  });

  it('ignores failures after the monitor window', () => {
    const h = harness(2);
    deploy(h, 1, { monitorMs: 5_000 });
    h.settle();
    h.clock.advance(5_001);
    failAll(h, 'v2');
    h.settle();
    expect(status(h).state).toBe('completed');
  });

  it('counts the monitor window from when a new task started, not from its creation', () => {
    const h = harness(2);
    deploy(h, 1, { monitorMs: 5_000 });
    h.step(); // the old task is asked to stop
    runWorkers(h.scheduler.state, h.clock.now());
    h.step(); // the new task is created and assigned
    h.clock.advance(20_000); // a slow start: it runs 20 s after its creation
    runWorkers(h.scheduler.state, h.clock.now());
    h.clock.advance(3_000);
    failAll(h, 'v2'); // 3 s after starting, 23 s after creation
    h.settle();
    expect(status(h).state).toBe('paused');
  });

  it('completes only after the monitor window of the last new tasks', () => {
    const h = harness(2);
    deploy(h, 1, { monitorMs: 5_000 });
    const plan = h.settle();
    expect(status(h).state).toBe('updating');
    expect(plan.wakeAt).toBe(h.clock.now() + 5_000);
    h.clock.advance(5_000);
    h.settle();
    expect(status(h).state).toBe('completed');
  });

  it('rolls back to the previous spec with failure action rollback, using the rollback config', () => {
    const h = harness(2);
    deploy(
      h,
      3,
      { parallelism: 1, delayMs: 10_000, monitorMs: 30_000, failureAction: 'rollback' },
      { parallelism: 0, monitorMs: 0 },
    );
    h.settle();
    failAll(h, 'v2');
    const plan = h.step();
    expect(plan.services[0]).toMatchObject({
      specVersion: 3,
      updateStatus: { state: 'rollback-started', message: 'update rolled back: 1 of 3 updated tasks failed' },
    });
    expect(plan.services[0]!.task.runtime).toBe('v1');
    h.settle();
    expect(versions(h)).toEqual(['v1', 'v1', 'v1']);
    expect(status(h).state).toBe('rollback-completed');
  });

  it('rolls back with the rollback config, not the update config', () => {
    const h = harness(2);
    deploy(
      h,
      3,
      { parallelism: 0, monitorMs: 30_000, failureAction: 'rollback' },
      { parallelism: 1, delayMs: 5_000, monitorMs: 0 },
    );
    h.settle(); // all three updated at once
    failAll(h, 'v2');
    h.settle(); // the rollback starts: one slot, then a 5 s delay
    expect(status(h).state).toBe('rollback-started');
    expect(versions(h)).toEqual(['v1', 'v2', 'v2']);
    h.clock.advance(5_000);
    h.settle();
    expect(versions(h)).toEqual(['v1', 'v1', 'v2']);
  });

  it('rolls back on request with rollbackService', () => {
    const h = harness(2);
    const v2 = deploy(h, 2, { parallelism: 0, monitorMs: 0 }, { parallelism: 0, monitorMs: 0 });
    h.settle();
    expect(versions(h)).toEqual(['v2', 'v2']);
    const rolled = rollbackService(h.scheduler.state.services.get('web') ?? v2, h.clock.now());
    expect(rolled.previous!.task.runtime).toBe('v2');
    h.scheduler.state.upsertService(rolled);
    h.settle();
    expect(versions(h)).toEqual(['v1', 'v1']);
    expect(status(h).state).toBe('rollback-completed');
  });

  it('updates a global service node by node, start-first keeping each node served', () => {
    const h = harness(3);
    const v1 = serviceInfo({
      id: 'agent',
      mode: { kind: 'global' },
      task: taskSpec({ runtime: 'v1' }),
      update: { order: 'start-first', parallelism: 1, monitorMs: 0 },
    });
    h.scheduler.state.upsertService(v1);
    h.settle();
    h.scheduler.state.upsertService({ ...v1, task: taskSpec({ runtime: 'v2' }), specVersion: 2 });
    const plan = h.step();
    expect(plan.created).toHaveLength(1);
    expect(h.live('agent')).toHaveLength(4); // one node runs old and new side by side
    h.settle();
    const live = h.live('agent');
    expect(live.map((t) => t.spec.runtime)).toEqual(['v2', 'v2', 'v2']);
    expect(new Set(live.map((t) => t.nodeId)).size).toBe(3);
  });

  it('refuses a rollback without a previous spec', () => {
    expect(() => rollbackService(serviceInfo({ id: 'x' }), 0)).toThrow(RangeError);
  });
});
