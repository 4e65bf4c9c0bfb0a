import { generateId, ManualClock, swarm, toLong } from '@swarm/api';
import { createMemoryStore, type Store } from '@swarm/store';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TASK_HISTORY_RETENTION,
  retentionOf,
  stillReapable,
  taskHistoryRetention,
  tasksToReap,
} from '../src/driver.js';
import { nodeObject, S, serviceSpec } from './driver-helpers.js';

interface T {
  slot?: number;
  node?: string;
  state: number;
  desired: number;
  service?: string;
}

async function setup() {
  const clock = new ManualClock(1_000);
  const store = createMemoryStore({ clock });
  const up = 'u'.repeat(25);
  const down = 'd'.repeat(25);
  const svc = 's'.repeat(25);
  await store.update((tx) => {
    tx.create('node', nodeObject(up));
    tx.create('node', nodeObject(down, { state: swarm.NodeStatus.State.DOWN }));
    tx.create('service', swarm.Service.create({ id: svc, spec: serviceSpec({ name: 'web', replicas: 1 }) }));
  });
  const add = async (t: T): Promise<string> => {
    const id = generateId();
    clock.advance(1); // creation order = age
    await store.update((tx) =>
      tx.create(
        'task',
        swarm.Task.create({
          id,
          serviceId: t.service ?? svc,
          slot: toLong(BigInt(t.slot ?? 1)),
          nodeId: t.node ?? up,
          desiredState: t.desired,
          status: { state: t.state },
        }),
      ),
    );
    return id;
  };
  return { clock, store, up, down, svc, add };
}

function reap(store: Store, retention?: number) {
  return store
    .view((tx) => tasksToReap(tx, retention === undefined ? {} : { retention }))
    .map((c) => `${c.reason}:${c.id}`)
    .sort();
}

describe('task reaper', () => {
  it('keeps the newest 5 dead tasks per slot and never a live one', async () => {
    const { store, add } = await setup();
    const dead: string[] = [];
    for (let i = 0; i < 8; i++) dead.push(await add({ state: S.FAILED, desired: S.SHUTDOWN }));
    const live = await add({ state: S.RUNNING, desired: S.RUNNING });
    const otherSlot = await add({ slot: 2, state: S.FAILED, desired: S.SHUTDOWN });
    const got = reap(store);
    expect(got).toEqual(
      dead
        .slice(0, 3)
        .map((id) => `history:${id}`)
        .sort(),
    );
    expect(got.join()).not.toContain(live);
    expect(got.join()).not.toContain(otherSlot);
    expect(reap(store, 0)).toHaveLength(9);
    expect(reap(store, -1)).toEqual([]);
  });

  it('counts never-started and orphaned-by-a-left-node tasks as dead, but not those on a down node', async () => {
    const { store, add, down } = await setup();
    const neverStarted = await add({ node: '', state: S.PENDING, desired: S.SHUTDOWN });
    const leftNode = await add({ node: 'x'.repeat(25), state: S.RUNNING, desired: S.SHUTDOWN });
    const onDown = await add({ node: down, state: S.RUNNING, desired: S.SHUTDOWN });
    const stopping = await add({ state: S.RUNNING, desired: S.SHUTDOWN });
    expect(reap(store, 0)).toEqual([`history:${neverStarted}`, `history:${leftNode}`].sort());
    expect(reap(store, 0).join()).not.toMatch(new RegExp(`${onDown}|${stopping}`));
  });

  it('deletes removed tasks once stopped, unassigned, or their node is gone or down', async () => {
    const { store, add, down } = await setup();
    const stopped = await add({ state: S.SHUTDOWN, desired: S.REMOVE });
    const unassigned = await add({ node: '', state: S.PENDING, desired: S.REMOVE });
    const onDown = await add({ node: down, state: S.RUNNING, desired: S.REMOVE });
    const gone = await add({ node: 'x'.repeat(25), state: S.RUNNING, desired: S.REMOVE });
    const stillRunning = await add({ state: S.RUNNING, desired: S.REMOVE });
    const got = reap(store);
    expect(got).toEqual([stopped, unassigned, onDown, gone].map((id) => `removed:${id}`).sort());
    expect(got.join()).not.toContain(stillRunning);
  });

  it('deletes the tasks of a removed service once they cannot run any more', async () => {
    const { store, add } = await setup();
    const orphan = 'o'.repeat(25);
    const done = await add({ service: orphan, state: S.COMPLETE, desired: S.RUNNING });
    const running = await add({ service: orphan, state: S.RUNNING, desired: S.REMOVE });
    const pending = await add({ service: orphan, node: '', state: S.PENDING, desired: S.RUNNING });
    const got = store.view((tx) => tasksToReap(tx, { services: [orphan] }));
    expect(got.map((c) => c.id).sort()).toEqual([done, pending].sort());
    expect(got.every((c) => c.reason === 'service-removed')).toBe(true);
    expect(got.map((c) => c.id)).not.toContain(running);
    // Confirmed in a write transaction: still true; after the task is gone, no longer.
    expect(store.view((tx) => got.every((c) => stillReapable(tx, c)))).toBe(true);
    await store.update((tx) => tx.delete('task', done));
    expect(store.view((tx) => stillReapable(tx, got.find((c) => c.id === done)!))).toBe(false);
  });

  it('limits the candidates and scopes them to services', async () => {
    const { store, add, svc } = await setup();
    for (let i = 0; i < 4; i++) await add({ state: S.SHUTDOWN, desired: S.REMOVE });
    expect(store.view((tx) => tasksToReap(tx, { limit: 3 }))).toHaveLength(3);
    expect(store.view((tx) => tasksToReap(tx, { services: ['z'.repeat(25)] }))).toHaveLength(0);
    expect(store.view((tx) => tasksToReap(tx, { services: [svc] }))).toHaveLength(4);
  });

  it('reads the retention limit from the cluster, 5 by default', async () => {
    const { store } = await setup();
    expect(store.view(taskHistoryRetention)).toBe(DEFAULT_TASK_HISTORY_RETENTION);
    expect(retentionOf(undefined)).toBe(5);
    await store.update((tx) =>
      tx.create(
        'cluster',
        swarm.Cluster.create({
          id: 'c'.repeat(25),
          spec: {
            annotations: { name: 'default' },
            orchestration: { taskHistoryRetentionLimit: toLong(2n) },
          },
        }),
      ),
    );
    expect(store.view(taskHistoryRetention)).toBe(2);
  });
});
