// The orchestrator's onAssign hook: called in the transaction that assigns a task to a node (a
// replicated task placed, a global task created on its node), never again for the same task; what
// it returns is stored, what it writes through the store's own transaction commits with the
// assignment; a refusal keeps the task pending with the refusal as its message (a global task on
// its node) until the retry finds the hook willing.
import { ManualClock, SwarmError, seededRandom, swarm } from '@swarm/api';
import { createMemoryStore, type WriteTx } from '@swarm/store';
import { afterEach, describe, expect, it } from 'vitest';
import { Orchestrator } from '../src/driver.js';
import { addNode, addService, converge, S, settle, tasksOf } from './driver-helpers.js';

const NET = 'n00000000000000000000001a';
const running: Orchestrator<WriteTx>[] = [];
afterEach(async () => {
  for (const o of running.splice(0)) await o.stop();
});

function setup(hook: (tx: WriteTx, task: swarm.Task) => swarm.Task, retryMs = 1000) {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const store = createMemoryStore({ clock });
  const calls: string[] = [];
  const orch = new Orchestrator({
    store,
    clock,
    random: seededRandom(7),
    retryMs,
    // `tx` is the store's own WriteTx (inferred from the store): every kind, networks included.
    onAssign: (tx, task) => {
      calls.push(`${task.id}@${task.nodeId}`);
      return hook(tx, task);
    },
  });
  running.push(orch);
  return { clock, store, orch, calls };
}

/** A hook that gives each task a numbered attachment and counts assignments in a network object. */
function attachingHook(tx: WriteTx, task: swarm.Task): swarm.Task {
  const n = tx.get('network', NET)!;
  const count = Number(n.driverState?.options?.assigned ?? '0') + 1;
  n.driverState = swarm.Driver.create({ name: 'overlay', options: { assigned: String(count) } });
  tx.update('network', n);
  return swarm.Task.create({
    ...task,
    networks: [swarm.NetworkAttachment.create({ networkId: NET, addresses: [`10.0.0.${count}/24`] })],
  });
}

async function addNetwork(store: ReturnType<typeof createMemoryStore>): Promise<void> {
  await store.update((tx) =>
    tx.create(
      'network',
      swarm.Network.create({
        id: NET,
        spec: { annotations: { name: 'app' } },
        driverState: { options: {} },
      }),
    ),
  );
}

describe('Orchestrator onAssign hook', () => {
  it('stores what the hook returns with the assignment, and the objects it writes in the same transaction', async () => {
    const h = setup(attachingHook);
    await addNetwork(h.store);
    await addNode(h.store);
    await addNode(h.store);
    const svc = await addService(h.store, { name: 'web', replicas: 3 });
    h.orch.start();
    await converge(h.orch, h.store, h.clock);
    const tasks = tasksOf(h.store, svc);
    expect(tasks.every((t) => t.status?.state === S.RUNNING)).toBe(true);
    expect(tasks.map((t) => t.networks[0]?.addresses?.[0]).sort()).toEqual([
      '10.0.0.1/24',
      '10.0.0.2/24',
      '10.0.0.3/24',
    ]);
    expect(h.store.view((tx) => tx.get('network', NET)?.driverState?.options?.assigned)).toBe('3');
    // Once per task, with its node; starting and running them called it no more.
    expect(h.calls).toHaveLength(3);
    for (const t of tasks) expect(h.calls).toContain(`${t.id}@${t.nodeId}`);
    // Scaling down (desired state moves on) does not call it either.
    await h.store.update((tx) => {
      const s = tx.get('service', svc)!;
      s.spec!.replicated!.replicas = 1 as never;
      tx.update('service', s);
    });
    await converge(h.orch, h.store, h.clock);
    expect(h.calls).toHaveLength(3);
  });

  it('keeps a refused task pending with the reason, retries after retryMs, and assigns it once the hook agrees', async () => {
    let refuse = true;
    const h = setup((tx, task) => {
      if (refuse)
        throw new SwarmError('ADDRESSES_EXHAUSTED', `network app has no address left on node ${task.nodeId}`);
      return attachingHook(tx, task);
    }, 5000);
    await addNetwork(h.store);
    const node = await addNode(h.store);
    const svc = await addService(h.store, { name: 'web', replicas: 1 });
    h.orch.start();
    const pass = await h.orch.reconcileNow();
    expect(pass.refused).toBe(1);
    await settle(h.orch);
    const [t] = tasksOf(h.store, svc);
    expect(t?.status?.state).toBe(S.PENDING);
    expect(t?.nodeId).toBe('');
    expect(t?.status?.message).toBe(`network app has no address left on node ${node}`);
    expect(t?.networks).toEqual([]);
    // Nothing the refused transaction's hook would have written is there.
    expect(h.store.view((tx) => tx.get('network', NET)?.driverState?.options?.assigned)).toBeUndefined();
    const tried = h.calls.length;
    // No busy loop: nothing is tried again before retryMs.
    h.clock.advance(4000);
    await new Promise((r) => setImmediate(r));
    expect(h.calls.length).toBe(tried);
    refuse = false;
    h.clock.advance(1500);
    for (let i = 0; i < 500 && tasksOf(h.store, svc)[0]?.status?.state !== S.ASSIGNED; i++)
      await new Promise((r) => setTimeout(r, 10));
    const [assigned] = tasksOf(h.store, svc);
    expect(assigned?.status?.state).toBe(S.ASSIGNED);
    expect(assigned?.nodeId).toBe(node);
    expect(assigned?.networks[0]?.addresses).toEqual(['10.0.0.1/24']);
    expect(h.orch.stats.refused).toBeGreaterThanOrEqual(1);
  });

  it('keeps a refused global task on its node, pending with the reason', async () => {
    const h = setup(() => {
      throw new SwarmError('SLICES_EXHAUSTED', 'network app has no slice left');
    });
    const a = await addNode(h.store);
    const b = await addNode(h.store);
    const svc = await addService(h.store, { name: 'agent', global: true });
    h.orch.start();
    await settle(h.orch);
    const tasks = tasksOf(h.store, svc);
    expect(tasks.map((t) => t.nodeId).sort()).toEqual([a, b].sort());
    for (const t of tasks) {
      expect(t.status?.state).toBe(S.PENDING);
      expect(t.status?.message).toBe('network app has no slice left');
    }
  });

  it('refuses a hook that is not a function', () => {
    const store = createMemoryStore();
    expect(() => new Orchestrator({ store, onAssign: 42 as never })).toThrow(TypeError);
  });
});
