import { fromLong, ManualClock, MemoryLogger, SwarmError, swarm, toLong } from '@swarm/api';
import { createMemoryStore, ReplicatedStore, type Store } from '@swarm/store';
import { ManualProposer } from '@swarm/store/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { Orchestrator } from '../src/driver.js';
import {
  addNode,
  addService,
  converge,
  type Harness,
  harness,
  liveTasks,
  perNode,
  runWorkers,
  S,
  settle,
  slotOf,
  tasksOf,
  updateNode,
  updateService,
} from './driver-helpers.js';

const running: Orchestrator[] = [];
function track(h: Harness): Harness {
  running.push(h.orch);
  return h;
}
afterEach(async () => {
  for (const o of running.splice(0)) await o.stop();
});

async function threeNodes(h: Harness): Promise<string[]> {
  return [await addNode(h.store), await addNode(h.store), await addNode(h.store)];
}

function sortedCounts(m: Map<string, number>): number[] {
  return [...m.values()].sort((a, b) => a - b);
}

describe('Orchestrator: replicated services', () => {
  it('assigns 6 replicas 2/2/2 on 3 ready nodes, with the service spec, name and endpoint', async () => {
    const h = track(harness());
    const nodes = await threeNodes(h);
    const svc = await addService(h.store, {
      name: 'web',
      replicas: 6,
      ports: [{ targetPort: 80, publishedPort: 8080 }],
    });
    h.orch.start();
    await settle(h.orch);
    const tasks = tasksOf(h.store, svc);
    expect(tasks).toHaveLength(6);
    for (const t of tasks) {
      expect(t.status?.state).toBe(S.ASSIGNED);
      expect(t.desiredState).toBe(S.RUNNING);
      expect(nodes).toContain(t.nodeId);
      expect(t.spec?.container?.image).toBe('busybox');
      expect(t.serviceAnnotations?.name).toBe('web');
      expect(t.endpoint?.spec?.ports?.[0]?.targetPort).toBe(80);
    }
    expect(tasks.map(slotOf).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sortedCounts(perNode(tasks))).toEqual([2, 2, 2]);
    expect(h.orch.stats.created).toBe(6);
  });

  it('scales up to 9 and down to 2, reaping the removed tasks once they stopped', async () => {
    const h = track(harness());
    await threeNodes(h);
    const svc = await addService(h.store, { name: 'web', replicas: 6 });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);

    await updateService(h.store, svc, (s) => {
      s.replicated = swarm.ReplicatedService.create({ replicas: toLong(9n) });
    });
    await converge(h.orch, h.store, h.clock);
    let live = liveTasks(h.store, svc);
    expect(live).toHaveLength(9);
    expect(live.every((t) => t.status?.state === S.RUNNING)).toBe(true);
    expect(sortedCounts(perNode(live))).toEqual([3, 3, 3]);

    await updateService(h.store, svc, (s) => {
      s.replicated = swarm.ReplicatedService.create({ replicas: toLong(2n) });
    });
    await settle(h.orch);
    const removing = tasksOf(h.store, svc).filter((t) => t.desiredState === S.REMOVE);
    expect(removing).toHaveLength(7);
    await converge(h.orch, h.store, h.clock);
    live = liveTasks(h.store, svc);
    expect(live).toHaveLength(2);
    // The scaled-down tasks stopped and were deleted.
    expect(tasksOf(h.store, svc)).toHaveLength(2);
    expect(h.orch.stats.reaped).toBe(7);
  });

  it('replaces the tasks of a node that goes down', async () => {
    const h = track(harness());
    const [a] = await threeNodes(h);
    const svc = await addService(h.store, { name: 'web', replicas: 6 });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    await updateNode(h.store, a!, (n) => {
      n.status = swarm.NodeStatus.create({ state: swarm.NodeStatus.State.DOWN, addr: '127.0.0.1' });
    });
    await converge(h.orch, h.store, h.clock);
    const live = liveTasks(h.store, svc);
    expect(live).toHaveLength(6);
    expect(live.some((t) => t.nodeId === a)).toBe(false);
    expect(sortedCounts(perNode(live))).toEqual([3, 3]);
    // The old ones stay as history: their node cannot confirm they stopped.
    const old = tasksOf(h.store, svc).filter((t) => t.nodeId === a);
    expect(old).toHaveLength(2);
    expect(old.every((t) => t.desiredState === S.SHUTDOWN)).toBe(true);
  });

  it('moves tasks off a drained node', async () => {
    const h = track(harness());
    const [a] = await threeNodes(h);
    const svc = await addService(h.store, { name: 'web', replicas: 6 });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    await updateNode(h.store, a!, (n) => {
      n.spec!.availability = swarm.NodeSpec.Availability.DRAIN;
    });
    await converge(h.orch, h.store, h.clock);
    const live = liveTasks(h.store, svc);
    expect(live).toHaveLength(6);
    expect(live.some((t) => t.nodeId === a)).toBe(false);
    // The drained node's tasks shut down and are kept as slot history.
    const old = tasksOf(h.store, svc).filter((t) => t.nodeId === a);
    expect(old.map((t) => t.status?.state)).toEqual([S.SHUTDOWN, S.SHUTDOWN]);
  });

  it('reschedules the tasks of a node deleted from the store', async () => {
    const h = track(harness());
    const [a] = await threeNodes(h);
    const svc = await addService(h.store, { name: 'web', replicas: 6 });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    await h.store.update((tx) => tx.delete('node', a!));
    await converge(h.orch, h.store, h.clock);
    const live = liveTasks(h.store, svc);
    expect(live).toHaveLength(6);
    expect(live.some((t) => t.nodeId === a)).toBe(false);
    expect(live.every((t) => t.status?.state === S.RUNNING)).toBe(true);
  });

  it('shuts down the tasks of a removed service and deletes them once stopped', async () => {
    const h = track(harness());
    const [a] = await threeNodes(h);
    const svc = await addService(h.store, { name: 'web', replicas: 6 });
    const other = await addService(h.store, { name: 'db', replicas: 1 });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    // One node goes down first: its tasks of the removed service can never report a stop.
    await updateNode(h.store, a!, (n) => {
      n.status = swarm.NodeStatus.create({ state: swarm.NodeStatus.State.DOWN });
    });
    await h.store.update((tx) => tx.delete('service', svc));
    await settle(h.orch);
    const left = tasksOf(h.store, svc);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((t) => t.desiredState === S.REMOVE)).toBe(true);
    expect(left.every((t) => t.nodeId !== a)).toBe(true);
    expect(left.every((t) => t.status?.state === S.RUNNING)).toBe(true);
    await converge(h.orch, h.store, h.clock);
    expect(tasksOf(h.store, svc)).toHaveLength(0);
    expect(liveTasks(h.store, other)).toHaveLength(1);
  });

  it('reaps a large backlog over several passes, a bounded number each', async () => {
    const h = track(harness({ maxWriteBatch: 2 }));
    await threeNodes(h);
    const svc = await addService(h.store, { name: 'big', replicas: 20 });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    await h.store.update((tx) => tx.delete('service', svc));
    await settle(h.orch);
    await runWorkers(h.store, h.clock);
    const first = await h.orch.reconcileNow();
    expect(first.reaped).toBe(8); // 4 x maxWriteBatch
    await settle(h.orch);
    expect(tasksOf(h.store, svc)).toHaveLength(0);
    expect(h.orch.stats.reaped).toBe(20);
  });
});

describe('Orchestrator: global services and zones', () => {
  it('runs one task per node, including a node added later', async () => {
    const h = track(harness());
    await threeNodes(h);
    const svc = await addService(h.store, { name: 'agent', global: true });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    let live = liveTasks(h.store, svc);
    expect(live).toHaveLength(3);
    expect(sortedCounts(perNode(live))).toEqual([1, 1, 1]);
    expect(live.every((t) => slotOf(t) === 0)).toBe(true);

    const d = await addNode(h.store);
    await converge(h.orch, h.store, h.clock);
    live = liveTasks(h.store, svc);
    expect(live).toHaveLength(4);
    expect(live.filter((t) => t.nodeId === d)).toHaveLength(1);
    expect(live.every((t) => t.status?.state === S.RUNNING)).toBe(true);
  });

  it('places a zone-constrained service only on the node with both the zone label and Node.zone', async () => {
    const h = track(harness());
    const zoned = await addNode(h.store, { labels: { 'swarm.zone': 'pci' }, zone: 'pci' });
    const labelOnly = await addNode(h.store, { labels: { 'swarm.zone': 'pci' } });
    const certOnly = await addNode(h.store, { zone: 'pci' });
    const plain = await addNode(h.store);
    const engineLabelled = await addNode(h.store, { engineLabels: { 'swarm.zone': 'pci' }, zone: 'pci' });
    const svc = await addService(h.store, {
      name: 'payments',
      replicas: 4,
      constraints: ['node.labels.swarm.zone==pci'],
    });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    const live = liveTasks(h.store, svc);
    expect(live).toHaveLength(4);
    expect([...perNode(live).keys()]).toEqual([zoned]);
    for (const n of [labelOnly, certOnly, plain, engineLabelled]) {
      expect(live.some((t) => t.nodeId === n)).toBe(false);
    }
  });

  it('leaves zone tasks pending, with the reason, when no node has the zone', async () => {
    const h = track(harness());
    await addNode(h.store, { labels: { 'swarm.zone': 'pci' } }); // certificate zone not yet issued
    await addNode(h.store);
    const svc = await addService(h.store, {
      name: 'payments',
      replicas: 2,
      constraints: ['node.labels.swarm.zone==pci'],
    });
    h.orch.start();
    await settle(h.orch);
    const tasks = tasksOf(h.store, svc);
    expect(tasks).toHaveLength(2);
    for (const t of tasks) {
      expect(t.status?.state).toBe(S.PENDING);
      expect(t.nodeId).toBe('');
      expect(t.status?.message).toMatch(/^no suitable node/);
    }
    expect(h.orch.stats.unplaced).toBe(2);
  });
});

describe('Orchestrator: rolling updates, conflicts, scale', () => {
  it('rolls an update out two tasks at a time as the workers report them running', async () => {
    const h = track(harness());
    await threeNodes(h);
    const svc = await addService(h.store, { name: 'web', replicas: 6, parallelism: 2 });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    await updateService(h.store, svc, (s) => {
      s.task!.container!.image = 'busybox:2';
    });
    const image = (t: swarm.Task): string => t.spec?.container?.image ?? '';
    const newRunning: number[] = [];
    for (let round = 0; round < 30; round++) {
      await settle(h.orch);
      const tasks = tasksOf(h.store, svc);
      const live = tasks.filter((t) => t.desiredState <= S.RUNNING);
      // Never more than one batch (2 slots) between old-running and new-running.
      const inFlight = live.filter((t) => image(t) === 'busybox:2' && t.status?.state !== S.RUNNING);
      const stopping = tasks.filter(
        (t) => image(t) === 'busybox' && t.desiredState === S.SHUTDOWN && t.status?.state === S.RUNNING,
      );
      expect(inFlight.length + stopping.length).toBeLessThanOrEqual(2);
      newRunning.push(live.filter((t) => image(t) === 'busybox:2' && t.status?.state === S.RUNNING).length);
      if (newRunning.at(-1) === 6) break;
      await runWorkers(h.store, h.clock);
      h.clock.advance(1000);
    }
    expect(newRunning.at(-1)).toBe(6);
    // Progress came in steps of at most two.
    for (let i = 1; i < newRunning.length; i++) {
      expect(newRunning[i]! - newRunning[i - 1]!).toBeLessThanOrEqual(2);
    }
    await converge(h.orch, h.store, h.clock);
    const stored = h.store.view((tx) => tx.get('service', svc))!;
    expect(stored.updateStatus?.state).toBe(swarm.UpdateStatus.UpdateState.COMPLETED);
    expect(liveTasks(h.store, svc).every((t) => image(t) === 'busybox:2')).toBe(true);
  });

  it('survives a concurrent write that makes its own write conflict at apply time', async () => {
    const h0 = harness();
    const clock = h0.clock;
    const store = new ReplicatedStore({ clock });
    // Commits each proposal on the next microtask, unless held.
    const inner = new ManualProposer([store]);
    let hold = false;
    store.attach({
      propose(data, options) {
        const p = inner.propose(data, options);
        if (!hold) queueMicrotask(() => inner.commit());
        return p;
      },
    });
    const logger = new MemoryLogger();
    const h = track(harness({ clock, store, logger }));
    const [a] = await threeNodes(h);
    const svc = await addService(h.store, { name: 'web', replicas: 3 });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    const victim = liveTasks(store, svc).find((t) => t.nodeId === a)!;

    // The node goes down (the orchestrator will stop and replace the victim) ...
    await updateNode(store, a!, (n) => {
      n.status = swarm.NodeStatus.create({ state: swarm.NodeStatus.State.DOWN });
    });
    // ... while a concurrent writer's change to the victim is proposed first and not yet applied.
    hold = true;
    const bump = store.update((tx) => {
      const t = tx.get('task', victim.id)!;
      t.status = swarm.TaskStatus.create({ ...t.status, message: 'bumped by someone else' });
      tx.update('task', t);
    });
    const pass = h.orch.reconcileNow();
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(inner.pending).toBe(2);
    hold = false;
    inner.commit();
    await bump;
    const result = await pass;
    expect(result.conflicts).toBeGreaterThanOrEqual(1);
    expect(h.orch.stats.conflicts).toBeGreaterThanOrEqual(1);
    expect(logger.text()).toMatch(/conflict/);
    await settle(h.orch);
    const after = store.view((tx) => tx.get('task', victim.id))!;
    expect(after.desiredState).toBe(S.SHUTDOWN);
    expect(after.status?.message).toBe('bumped by someone else');
    await converge(h.orch, store, clock);
    const live = liveTasks(store, svc);
    expect(live).toHaveLength(3);
    expect(live.some((t) => t.nodeId === a)).toBe(false);
  });

  it('assigns 100 replicas on 5 nodes within a few passes, writing in batches', async () => {
    const h = track(harness({ maxWriteBatch: 16 }));
    for (let i = 0; i < 5; i++) await addNode(h.store);
    const svc = await addService(h.store, { name: 'big', replicas: 100 });
    h.orch.start();
    await settle(h.orch);
    const tasks = tasksOf(h.store, svc);
    expect(tasks).toHaveLength(100);
    expect(tasks.every((t) => t.status?.state === S.ASSIGNED)).toBe(true);
    expect(sortedCounts(perNode(tasks))).toEqual([20, 20, 20, 20, 20]);
    expect(h.orch.stats.writes).toBeGreaterThanOrEqual(7);
  });
});

describe('Orchestrator: reaper and lifecycle', () => {
  async function crashLoop(h: Harness, svc: string, times: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      await converge(h.orch, h.store, h.clock);
      await h.store.update((tx) => {
        for (const t of tx.find('task', { serviceId: svc })) {
          if (t.status?.state !== S.RUNNING) continue;
          t.status = swarm.TaskStatus.create({
            state: S.FAILED,
            timestamp: toLong(BigInt(h.clock.now())),
            message: 'exit 1',
          });
          tx.update('task', t);
        }
      });
    }
    await converge(h.orch, h.store, h.clock);
  }

  it('keeps at most 5 stopped tasks per slot', async () => {
    const h = track(harness());
    await threeNodes(h);
    const svc = await addService(h.store, { name: 'crashy', replicas: 2 });
    h.orch.start();
    await crashLoop(h, svc, 9);
    const tasks = tasksOf(h.store, svc);
    for (const slot of [1, 2]) {
      const inSlot = tasks.filter((t) => slotOf(t) === slot);
      expect(inSlot.filter((t) => t.desiredState <= S.RUNNING)).toHaveLength(1);
      expect(inSlot.filter((t) => t.desiredState > S.RUNNING)).toHaveLength(5);
    }
    // The newest failures are the ones kept.
    expect(h.orch.stats.reaped).toBe(2 * (9 - 5));
  });

  it('follows the cluster task history retention limit', async () => {
    const h = track(harness());
    await h.store.update((tx) =>
      tx.create(
        'cluster',
        swarm.Cluster.create({
          id: 'c'.repeat(25),
          spec: {
            annotations: { name: 'default' },
            orchestration: { taskHistoryRetentionLimit: toLong(1n) },
          },
        }),
      ),
    );
    await threeNodes(h);
    const svc = await addService(h.store, { name: 'crashy', replicas: 1 });
    h.orch.start();
    await crashLoop(h, svc, 4);
    const tasks = tasksOf(h.store, svc);
    expect(tasks.filter((t) => t.desiredState > S.RUNNING)).toHaveLength(1);
    expect(tasks.filter((t) => t.desiredState <= S.RUNNING)).toHaveLength(1);
  });

  it('passes on its own after store changes (coalesced on the clock) and follows wake-ups', async () => {
    const h = track(harness({ batchMs: 20 }));
    await threeNodes(h);
    h.orch.start();
    await settle(h.orch);
    const svc = await addService(h.store, { name: 'web', replicas: 3, restartDelayMs: 5000 });
    expect(tasksOf(h.store, svc)).toHaveLength(0);
    const flush = async (): Promise<void> => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    };
    h.clock.advance(20);
    await flush();
    expect(tasksOf(h.store, svc)).toHaveLength(3);
    await runWorkers(h.store, h.clock);
    h.clock.advance(20);
    await flush();
    // A failure: the restart waits for the 5 s delay, then a timer brings the replacement.
    const victim = liveTasks(h.store, svc)[0]!;
    await h.store.update((tx) => {
      const t = tx.get('task', victim.id)!;
      t.status = swarm.TaskStatus.create({ state: S.FAILED, timestamp: toLong(BigInt(h.clock.now())) });
      tx.update('task', t);
    });
    h.clock.advance(20);
    await flush();
    expect(liveTasks(h.store, svc)).toHaveLength(2);
    h.clock.advance(2000);
    await flush();
    expect(liveTasks(h.store, svc)).toHaveLength(2);
    h.clock.advance(3000);
    await flush();
    h.clock.advance(20);
    await flush();
    expect(liveTasks(h.store, svc)).toHaveLength(3);
    const replacement = liveTasks(h.store, svc).find((t) => slotOf(t) === slotOf(victim))!;
    expect(replacement.id).not.toBe(victim.id);
  });

  it('stops writing after stop(); a new start picks up from the store', async () => {
    const h = track(harness());
    await threeNodes(h);
    const svc = await addService(h.store, { name: 'web', replicas: 3 });
    h.orch.start();
    await settle(h.orch);
    await h.orch.stop();
    expect(h.orch.running).toBe(false);
    await expect(h.orch.reconcileNow()).rejects.toMatchObject({ code: 'ORCHESTRATOR_NOT_RUNNING' });
    await updateService(h.store, svc, (s) => {
      s.replicated = swarm.ReplicatedService.create({ replicas: toLong(5n) });
    });
    h.clock.advance(1000);
    await new Promise((r) => setImmediate(r));
    expect(tasksOf(h.store, svc)).toHaveLength(3);
    // A new leader: a fresh orchestrator over the same store continues without duplicating slots.
    const next = new Orchestrator({ store: h.store, clock: h.clock });
    running.push(next);
    next.start();
    await settle(next);
    const tasks = tasksOf(h.store, svc);
    expect(tasks).toHaveLength(5);
    expect(tasks.map(slotOf).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(tasks.map((t) => Number(fromLong(t.specVersion as never))).sort()).toEqual([1, 1, 1, 2, 2]);
  });

  it('retries after a failed write, without duplicating tasks whose write committed late', async () => {
    for (const lateCommit of [false, true]) {
      const clock = new ManualClock(Date.UTC(2026, 0, 1));
      const inner = createMemoryStore({ clock });
      let failures = 0;
      let late: (() => Promise<unknown>) | undefined;
      // A store whose next update fails as a raft timeout would; with lateCommit it still commits later.
      const store: Store = {
        view: (fn) => inner.view(fn),
        watch: (filter, listener) => inner.watch(filter, listener),
        async update(fn, options) {
          if (failures > 0) {
            failures--;
            if (lateCommit) late = () => inner.update(fn, options);
            throw new SwarmError('RAFT_TIMEOUT', 'the proposal timed out; its outcome is unknown');
          }
          return inner.update(fn, options);
        },
      };
      const logger = new MemoryLogger();
      const h = track(harness({ clock, store, logger, retryMs: 1000 }));
      await threeNodes(h);
      const svc = await addService(inner, { name: 'web', replicas: 3 });
      failures = 1;
      h.orch.start();
      await new Promise((r) => setImmediate(r));
      expect(h.orch.stats.writeErrors).toBe(1);
      expect(logger.text()).toContain('RAFT_TIMEOUT');
      expect(tasksOf(inner, svc)).toHaveLength(0);
      await late?.();
      // Nothing is retried before retryMs, even though the store changed meanwhile.
      clock.advance(500);
      await new Promise((r) => setImmediate(r));
      expect(tasksOf(inner, svc)).toHaveLength(lateCommit ? 3 : 0);
      clock.advance(500);
      await new Promise((r) => setImmediate(r));
      await settle(h.orch);
      const tasks = tasksOf(inner, svc);
      expect(tasks).toHaveLength(3);
      expect(tasks.map(slotOf).sort()).toEqual([1, 2, 3]);
    }
  });

  it('rejects bad options', () => {
    const { store } = harness();
    expect(() => new Orchestrator({ store, batchMs: -1 })).toThrow(RangeError);
    expect(() => new Orchestrator({ store, maxWriteBatch: 0 })).toThrow(RangeError);
    expect(() => new Orchestrator({} as never)).toThrow(TypeError);
    expect(
      () => new Orchestrator({ store, scheduler: { placement: { strategy: 'nope' as never } } }),
    ).toThrow(RangeError);
  });
});
