// Less common paths through the store: automatic rollback (a service write with the spec swap),
// start-first updates, drained nodes under a global service, and jobs.
import { swarm, toLong } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import type { Orchestrator } from '../src/driver.js';
import {
  addNode,
  addService,
  converge,
  harness,
  liveTasks,
  runWorkers,
  S,
  settle,
  tasksOf,
  updateNode,
  updateService,
} from './driver-helpers.js';

const running: Orchestrator[] = [];
afterEach(async () => {
  for (const o of running.splice(0)) await o.stop();
});

const image = (t: swarm.Task): string => t.spec?.container?.image ?? '';

describe('Orchestrator: update modes', () => {
  it('rolls back automatically when an updated task fails, storing the spec swap', async () => {
    const h = harness();
    running.push(h.orch);
    for (let i = 0; i < 3; i++) await addNode(h.store);
    const svc = await addService(h.store, { name: 'web', replicas: 3, image: 'v1' });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    await updateService(h.store, svc, (s) => {
      s.task!.container!.image = 'v2';
      s.update = {
        parallelism: toLong(1n),
        failureAction: swarm.UpdateConfig.FailureAction.ROLLBACK,
        monitorMs: toLong(60_000n),
      };
      s.rollback = { parallelism: toLong(0n) };
    });
    await settle(h.orch);
    await runWorkers(h.store, h.clock); // the old task of the first slot stops
    await settle(h.orch);
    await runWorkers(h.store, h.clock); // its v2 replacement starts
    await settle(h.orch);
    const v2 = liveTasks(h.store, svc).filter((t) => image(t) === 'v2');
    expect(v2).toHaveLength(1);
    // The new task fails within the monitor window.
    await h.store.update((tx) => {
      const t = tx.get('task', v2[0]!.id)!;
      t.status = swarm.TaskStatus.create({ state: S.FAILED, timestamp: toLong(BigInt(h.clock.now())) });
      tx.update('task', t);
    });
    await settle(h.orch);
    const stored = h.store.view((tx) => tx.get('service', svc))!;
    expect(stored.updateStatus?.state).toBe(swarm.UpdateStatus.UpdateState.ROLLBACK_STARTED);
    expect(stored.spec?.task?.container?.image).toBe('v1');
    expect(stored.previousSpec?.task?.container?.image).toBe('v2');
    expect(Number(stored.specVersion)).toBe(3);
    await converge(h.orch, h.store, h.clock);
    // The rollback completes once its monitor window (the restored spec's default, 5 s) has passed;
    // the orchestrator's wake-up timer brings that pass.
    h.clock.advance(10_000);
    await settle(h.orch);
    const after = h.store.view((tx) => tx.get('service', svc))!;
    expect(after.updateStatus?.state).toBe(swarm.UpdateStatus.UpdateState.ROLLBACK_COMPLETED);
    const live = liveTasks(h.store, svc);
    expect(live).toHaveLength(3);
    expect(live.every((t) => image(t) === 'v1' && t.status?.state === S.RUNNING)).toBe(true);
  });

  it('starts the new task before stopping the old one with start-first', async () => {
    const h = harness();
    running.push(h.orch);
    for (let i = 0; i < 2; i++) await addNode(h.store);
    const svc = await addService(h.store, { name: 'web', replicas: 2, image: 'v1' });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    await updateService(h.store, svc, (s) => {
      s.task!.container!.image = 'v2';
      s.update = { parallelism: toLong(1n), order: swarm.UpdateConfig.UpdateOrder.START_FIRST };
    });
    await settle(h.orch);
    // The replacement exists while both old tasks still run.
    const live = liveTasks(h.store, svc);
    expect(live.filter((t) => image(t) === 'v1' && t.status?.state === S.RUNNING)).toHaveLength(2);
    expect(live.filter((t) => image(t) === 'v2')).toHaveLength(1);
    await converge(h.orch, h.store, h.clock);
    const done = liveTasks(h.store, svc);
    expect(done.map(image)).toEqual(['v2', 'v2']);
  });
});

describe('Orchestrator: global services on drained nodes, and jobs', () => {
  it('removes a global task from a drained node and adds it back when the node is active again', async () => {
    const h = harness();
    running.push(h.orch);
    const a = await addNode(h.store);
    await addNode(h.store);
    const svc = await addService(h.store, { name: 'agent', global: true });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    await updateNode(h.store, a, (n) => {
      n.spec!.availability = swarm.NodeSpec.Availability.DRAIN;
    });
    await converge(h.orch, h.store, h.clock);
    expect(liveTasks(h.store, svc).map((t) => t.nodeId)).not.toContain(a);
    // Removed from the drained node for good: stopped, then reaped.
    expect(tasksOf(h.store, svc).filter((t) => t.nodeId === a)).toHaveLength(0);
    await updateNode(h.store, a, (n) => {
      n.spec!.availability = swarm.NodeSpec.Availability.ACTIVE;
    });
    await converge(h.orch, h.store, h.clock);
    expect(liveTasks(h.store, svc).filter((t) => t.nodeId === a)).toHaveLength(1);
  });

  it('runs a replicated job to completion, at most maxConcurrent at a time', async () => {
    const h = harness();
    running.push(h.orch);
    for (let i = 0; i < 2; i++) await addNode(h.store);
    const svc = await addService(h.store, { name: 'job', replicas: 1 });
    await h.store.update((tx) => {
      const s = tx.get('service', svc)!;
      s.spec!.replicated = null;
      s.spec!.replicatedJob = { maxConcurrent: toLong(2n), totalCompletions: toLong(5n) };
      tx.update('service', s);
    });
    h.orch.start();
    for (let round = 0; round < 20; round++) {
      await settle(h.orch);
      const tasks = tasksOf(h.store, svc);
      expect(tasks.filter((t) => (t.status?.state ?? 0) < S.COMPLETE).length).toBeLessThanOrEqual(2);
      if (tasks.filter((t) => t.status?.state === S.COMPLETE).length === 5) break;
      await runWorkers(h.store, h.clock);
      // Every running task finishes.
      await h.store.update((tx) => {
        for (const t of tx.find('task', { serviceId: svc })) {
          if (t.status?.state !== S.RUNNING) continue;
          t.status = swarm.TaskStatus.create({ state: S.COMPLETE, timestamp: toLong(BigInt(h.clock.now())) });
          tx.update('task', t);
        }
      });
      h.clock.advance(1000);
    }
    const tasks = tasksOf(h.store, svc);
    expect(tasks.filter((t) => t.status?.state === S.COMPLETE)).toHaveLength(5);
    await settle(h.orch);
    expect(tasksOf(h.store, svc)).toHaveLength(5);
  });
});
