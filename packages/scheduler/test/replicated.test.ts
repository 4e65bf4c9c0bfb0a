import { describe, expect, it } from 'vitest';
import { serviceInfo, TaskState, taskSpec } from '../src/index.js';
import { tasksPerNode } from '../src/testing.js';
import { changeNode, harness } from './harness.js';

describe('replicated orchestrator', () => {
  it('creates slots 1..N and scales up into the free slots', () => {
    const h = harness(3);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 3 } }));
    h.settle();
    expect(
      h
        .live('web')
        .map((t) => t.slot)
        .sort(),
    ).toEqual([1, 2, 3]);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 5 } }));
    const plan = h.step();
    expect(plan.created.map((t) => t.slot).sort()).toEqual([4, 5]);
  });

  it('scales down from the most-loaded nodes first', () => {
    const h = harness(3);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 6 } }));
    h.settle();
    expect([...tasksPerNode(h.scheduler.state, 'web').values()]).toEqual([2, 2, 2]);
    // Node 0 ends up with 4 tasks, node 1 with 2.
    const before = h.live('web');
    const moved = before.filter((t) => t.nodeId === h.node(2).id);
    for (const t of moved) h.scheduler.state.upsertTask({ ...t, nodeId: h.node(0).id });
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 4 } }));
    const plan = h.step();
    const removed = plan.updated.filter((t) => t.desiredState === TaskState.REMOVE);
    expect(removed).toHaveLength(2);
    expect(removed.every((t) => t.nodeId === h.node(0).id)).toBe(true);
  });

  it('removes unassigned tasks before running ones when scaling down', () => {
    const h = harness([{ resources: { nanoCpus: 1e9, memoryBytes: 2 ** 30 } }]);
    const spec = taskSpec({ reservations: { nanoCpus: 1e9, memoryBytes: 0 } });
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 2 }, task: spec }),
    );
    h.settle();
    h.scheduler.state.upsertService(
      serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 1 }, task: spec }),
    );
    const plan = h.step();
    expect(plan.updated.filter((t) => t.desiredState === TaskState.REMOVE).map((t) => t.state)).toEqual([
      TaskState.PENDING,
    ]);
  });

  it('replaces the tasks of a node that goes down', () => {
    const h = harness(2);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 4 } }));
    h.settle();
    changeNode(h, 0, { status: 'down' });
    h.settle();
    const live = h.live('web');
    expect(live).toHaveLength(4);
    expect(live.every((t) => t.nodeId === h.node(1).id)).toBe(true);
  });

  it('scales to zero right after replacing the tasks of a down node, within the same millisecond', () => {
    const h = harness(3);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 4 } }));
    h.settle();
    changeNode(h, 0, { status: 'down' });
    h.settle(); // replacements are created at the same clock time as the tasks they replace
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 0 } }));
    h.settle();
    expect(h.live('web')).toHaveLength(0);
  });

  it('moves tasks off a drained node', () => {
    const h = harness(2);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 2 } }));
    h.settle();
    changeNode(h, 1, { availability: 'drain' });
    const plan = h.step();
    expect(plan.updated.filter((t) => t.desiredState === TaskState.SHUTDOWN)[0]!.message).toContain(
      'is drained',
    );
    h.settle();
    expect([...tasksPerNode(h.scheduler.state, 'web').entries()]).toEqual([[h.node(0).id, 2]]);
  });

  it('keeps tasks on a paused node but gives it no new ones', () => {
    const h = harness(2);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 2 } }));
    h.settle();
    changeNode(h, 1, { availability: 'pause' });
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 4 } }));
    h.settle();
    expect(tasksPerNode(h.scheduler.state, 'web').get(h.node(1).id)).toBe(1);
  });

  it('replaces tasks on a node that stops matching a constraint (constraint enforcer)', () => {
    const h = harness([{ labels: { disk: 'ssd' } }, { labels: { disk: 'ssd' } }]);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'db',
        mode: { kind: 'replicated', replicas: 2 },
        task: taskSpec({ constraints: ['node.labels.disk==ssd'] }),
      }),
    );
    h.settle();
    changeNode(h, 0, { labels: { disk: 'hdd' } });
    const plan = h.step();
    expect(
      plan.updated.some((t) =>
        t.message.includes('no longer matches (node fails constraint node.labels.disk==ssd)'),
      ),
    ).toBe(true);
    h.settle();
    expect([...tasksPerNode(h.scheduler.state, 'db').entries()]).toEqual([[h.node(1).id, 2]]);
  });

  it('stops the tasks of a removed service', () => {
    const h = harness(1);
    h.scheduler.state.upsertService(serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 2 } }));
    h.settle();
    h.scheduler.state.removeService('web');
    const plan = h.step();
    expect(plan.updated.map((t) => t.desiredState)).toEqual([TaskState.REMOVE, TaskState.REMOVE]);
  });
});

describe('global orchestrator', () => {
  it('runs one task per eligible node and gives a joining node its task', () => {
    const h = harness([{}, { labels: { gpu: 'yes' } }, { availability: 'drain' }]);
    h.scheduler.state.upsertService(serviceInfo({ id: 'agent', mode: { kind: 'global' } }));
    h.settle();
    expect([...tasksPerNode(h.scheduler.state, 'agent').keys()].sort()).toEqual([h.node(0).id, h.node(1).id]);
    changeNode(h, 2, { availability: 'active' });
    h.settle();
    expect(tasksPerNode(h.scheduler.state, 'agent').size).toBe(3);
  });

  it('removes the task from a node that stops matching and keeps it on a node that is down', () => {
    const h = harness([{ labels: { gpu: 'yes' } }, { labels: { gpu: 'yes' } }]);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'agent',
        mode: { kind: 'global' },
        task: taskSpec({ constraints: ['node.labels.gpu==yes'] }),
      }),
    );
    h.settle();
    changeNode(h, 0, { labels: {} });
    changeNode(h, 1, { status: 'down' });
    const plan = h.step();
    expect(plan.updated.filter((t) => t.desiredState === TaskState.REMOVE).map((t) => t.nodeId)).toEqual([
      h.node(0).id,
    ]);
    expect(h.live('agent').map((t) => t.nodeId)).toEqual([h.node(1).id]);
  });

  it('waits for capacity on its node and says why', () => {
    const h = harness([{ resources: { nanoCpus: 1e9, memoryBytes: 2 ** 30 } }]);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'agent',
        mode: { kind: 'global' },
        task: taskSpec({ reservations: { nanoCpus: 2e9, memoryBytes: 0 } }),
      }),
    );
    const plan = h.step();
    expect(plan.unplaced[0]!.reason).toBe('no suitable node (1 node has insufficient CPU)');
    expect(plan.created[0]!.nodeId).toBe(h.node(0).id);
    expect(plan.created[0]!.state).toBe(TaskState.PENDING);
  });

  it('removes a task still waiting for capacity when its node leaves', () => {
    const h = harness([{ resources: { nanoCpus: 1e9, memoryBytes: 2 ** 30 } }, {}]);
    h.scheduler.state.upsertService(
      serviceInfo({
        id: 'agent',
        mode: { kind: 'global' },
        task: taskSpec({ reservations: { nanoCpus: 2e9, memoryBytes: 0 } }),
      }),
    );
    const first = h.step();
    const waiting = first.created.find((t) => t.nodeId === h.node(0).id)!;
    expect(waiting.state).toBe(TaskState.PENDING);
    h.scheduler.state.removeNode(h.node(0).id);
    const plan = h.step();
    expect(plan.updated.find((t) => t.id === waiting.id)!.desiredState).toBe(TaskState.REMOVE);
    expect(plan.unplaced).toHaveLength(0);
  });
});
