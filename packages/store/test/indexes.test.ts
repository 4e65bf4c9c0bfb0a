import { ManualClock, swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type FindBy } from '../src/index.js';
import { Objects } from './helpers.js';

const { RUNNING, SHUTDOWN } = swarm.TaskState;

describe('indexes', () => {
  it('finds tasks by service, node and desired state, alone and combined', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const t1 = o.task('s1', 'n1', RUNNING);
    const t2 = o.task('s1', 'n2', RUNNING);
    const t3 = o.task('s2', 'n1', SHUTDOWN);
    await store.update((tx) => {
      for (const t of [t1, t2, t3]) tx.create('task', t);
    });
    const ids = (by: FindBy) =>
      store.view((tx) =>
        tx
          .find('task', by)
          .map((t) => t.id)
          .sort(),
      );
    expect(ids({ serviceId: 's1' })).toEqual([t1.id, t2.id].sort());
    expect(ids({ nodeId: 'n1' })).toEqual([t1.id, t3.id].sort());
    expect(ids({ desiredState: SHUTDOWN })).toEqual([t3.id]);
    expect(ids({ serviceId: 's1', nodeId: 'n1' })).toEqual([t1.id]);
    expect(ids({ serviceId: 's2', desiredState: RUNNING })).toEqual([]);
    expect(ids({})).toHaveLength(3);
  });

  it('moves a task between index entries when it is updated, and drops it when deleted', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const t = o.task('s1', 'n1', RUNNING);
    await store.update((tx) => tx.create('task', t));
    await store.update((tx) => {
      const c = tx.get('task', t.id)!;
      c.nodeId = 'n2';
      c.desiredState = SHUTDOWN;
      tx.update('task', c);
    });
    expect(store.view((tx) => tx.find('task', { nodeId: 'n1' }))).toHaveLength(0);
    expect(store.view((tx) => tx.find('task', { nodeId: 'n2', desiredState: SHUTDOWN }))).toHaveLength(1);
    await store.update((tx) => tx.delete('task', t.id));
    expect(store.view((tx) => tx.find('task', { serviceId: 's1' }))).toHaveLength(0);
  });

  it('finds by name case-insensitively for every kind, nodes by hostname unless named', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const n = o.node('worker-1');
    const named = o.node('worker-2');
    named.spec = { annotations: { name: 'edge' } };
    const sec = o.secret('TLS-key', 'k');
    await store.update((tx) => {
      tx.create('node', n);
      tx.create('node', named);
      tx.create('secret', sec);
    });
    expect(store.view((tx) => tx.find('node', { name: 'Worker-1' }).map((x) => x.id))).toEqual([n.id]);
    expect(store.view((tx) => tx.find('node', { name: 'edge' }).map((x) => x.id))).toEqual([named.id]);
    expect(store.view((tx) => tx.find('node', { name: 'worker-2' }))).toHaveLength(0);
    expect(store.view((tx) => tx.find('secret', { name: 'tls-key' }).map((x) => x.id))).toEqual([sec.id]);
  });

  it("sees a transaction's own changes in its index lookups", async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const t = o.task('s1', 'n1');
    await store.update((tx) => tx.create('task', t));
    await store.update((tx) => {
      const c = tx.get('task', t.id)!;
      c.nodeId = 'n9';
      tx.update('task', c);
      tx.create('task', o.task('s1', 'n9'));
      expect(tx.find('task', { nodeId: 'n1' })).toHaveLength(0);
      expect(tx.find('task', { nodeId: 'n9' })).toHaveLength(2);
      tx.delete('task', t.id);
      expect(tx.find('task', { serviceId: 's1' })).toHaveLength(1);
    });
  });
});
