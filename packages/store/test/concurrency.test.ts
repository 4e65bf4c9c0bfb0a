import { ManualClock, swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, ReplicatedStore } from '../src/index.js';
import { ManualProposer, Objects, rejection, tick } from './helpers.js';

describe('optimistic concurrency', () => {
  it('rejects an update carrying a stale version with SEQUENCE_CONFLICT and changes nothing', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const t = o.task('svc', 'node-a');
    await store.update((tx) => tx.create('task', t));
    const stale = store.view((tx) => swarm.Task.decode(swarm.Task.encode(tx.get('task', t.id)!).finish()));
    await store.update((tx) => {
      const cur = tx.get('task', t.id)!;
      cur.desiredState = swarm.TaskState.SHUTDOWN;
      tx.update('task', cur);
    });
    const before = store.version;
    const other = o.task('svc');
    const err = await rejection(
      store.update((tx) => {
        tx.create('task', other);
        stale.nodeId = 'node-b';
        tx.update('task', stale);
      }),
    );
    expect(err.code).toBe('SEQUENCE_CONFLICT');
    expect(err.details).toMatchObject({ kind: 'task', id: t.id, given: '1', stored: '2', atApply: false });
    expect(store.version).toBe(before);
    expect(store.view((tx) => tx.get('task', t.id))!.nodeId).toBe('node-a');
    expect(store.view((tx) => tx.get('task', other.id))).toBeUndefined();
  });

  it('detects at apply time a conflict between two transactions prepared from the same state', async () => {
    const replica = new ReplicatedStore({ clock: new ManualClock() });
    const proposer = new ManualProposer([replica]);
    replica.attach(proposer);
    const o = new Objects();
    const t = o.task('svc');
    const created = replica.update((tx) => tx.create('task', t));
    proposer.commit();
    await created;
    // Both read version 1 before either is committed.
    const first = replica.update((tx) => {
      const c = tx.get('task', t.id)!;
      c.nodeId = 'first';
      tx.update('task', c);
    });
    const extra = o.task('svc');
    const second = replica.update((tx) => {
      const c = tx.get('task', t.id)!;
      c.nodeId = 'second';
      tx.update('task', c);
      tx.create('task', extra);
    });
    await tick();
    expect(proposer.commit()).toBe(2);
    expect((await first).version).toBe(2n);
    const err = await rejection(second);
    expect(err.code).toBe('SEQUENCE_CONFLICT');
    expect(err.details).toMatchObject({ atApply: true, given: '1', stored: '2' });
    expect(replica.view((tx) => tx.get('task', t.id))!.nodeId).toBe('first');
    expect(replica.view((tx) => tx.get('task', extra.id))).toBeUndefined();
    expect(replica.version).toBe(2n);
  });

  it('detects at apply time two creates of the same service name', async () => {
    const replica = new ReplicatedStore({ clock: new ManualClock() });
    const proposer = new ManualProposer([replica]);
    replica.attach(proposer);
    const o = new Objects();
    const a = replica.update((tx) => tx.create('service', o.service('db')));
    const b = replica.update((tx) => tx.create('service', o.service('DB')));
    await tick();
    proposer.commit();
    await a;
    const err = await rejection(b);
    expect(err.code).toBe('NAME_CONFLICT');
    expect(replica.view((tx) => tx.list('service'))).toHaveLength(1);
  });

  it('detects at apply time a delete of an object another transaction deleted first', async () => {
    const replica = new ReplicatedStore({ clock: new ManualClock() });
    const proposer = new ManualProposer([replica]);
    replica.attach(proposer);
    const o = new Objects();
    const t = o.task('svc');
    const c = replica.update((tx) => tx.create('task', t));
    proposer.commit();
    await c;
    const d1 = replica.update((tx) => tx.delete('task', t.id));
    const d2 = replica.update((tx) => tx.delete('task', t.id));
    await tick();
    proposer.commit();
    await d1;
    expect((await rejection(d2)).code).toBe('NOT_FOUND');
  });

  it('refuses to update before a proposer is attached', async () => {
    const replica = new ReplicatedStore({ clock: new ManualClock() });
    expect((await rejection(replica.update(() => {}))).code).toBe('STORE_CLOSED');
  });
});
