import { fromLong, ManualClock, swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { Objects, rejection } from './helpers.js';

describe('transactions on the memory store', () => {
  it('creates objects that a view then reads, with the version and times the store set', async () => {
    const clock = new ManualClock(1_000);
    const store = createMemoryStore({ clock });
    const o = new Objects();
    const svc = o.service('web');
    const { version } = await store.update((tx) => tx.create('service', svc));
    expect(version).toBe(1n);
    const read = store.view((tx) => tx.get('service', svc.id))!;
    expect(read.spec?.annotations?.name).toBe('web');
    expect(fromLong(read.meta!.version!.index as never)).toBe(1n);
    expect(Number(read.meta!.createdAt)).toBe(1_000);
    clock.advance(500);
    await store.update((tx) => {
      const s = tx.get('service', svc.id)!;
      s.spec!.annotations!.labels = { tier: 'front' };
      tx.update('service', s);
    });
    const after = store.view((tx) => tx.get('service', svc.id))!;
    expect(Number(after.meta!.createdAt)).toBe(1_000);
    expect(Number(after.meta!.updatedAt)).toBe(1_500);
    expect(fromLong(after.meta!.version!.index as never)).toBe(2n);
    expect(after.spec?.annotations?.labels).toEqual({ tier: 'front' });
  });

  it('lets a transaction read its own changes before they are applied', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const svc = o.service('api');
    const t = o.task(svc.id);
    let seen: unknown[] = [];
    await store.update((tx) => {
      tx.create('service', svc);
      tx.create('task', t);
      seen = [
        tx.get('service', svc.id)?.id,
        tx.find('task', { serviceId: svc.id }).length,
        tx.list('task').length,
      ];
      expect(store.view((r) => r.get('service', svc.id))).toBeUndefined();
    });
    expect(seen).toEqual([svc.id, 1, 1]);
  });

  it('changes nothing when the transaction function throws', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const err = await rejection(
      store.update((tx) => {
        tx.create('service', o.service('a'));
        throw new Error('boom');
      }),
    );
    expect(err.message).toBe('boom');
    expect(store.view((tx) => tx.list('service'))).toHaveLength(0);
    expect(store.version).toBe(0n);
  });

  it('refuses a second object with the same id (EXISTS) or the same service name (NAME_CONFLICT)', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const a = o.service('Web');
    await store.update((tx) => tx.create('service', a));
    const dup = await rejection(store.update((tx) => tx.create('service', a)));
    expect(dup.code).toBe('EXISTS');
    const sameName = await rejection(store.update((tx) => tx.create('service', o.service('web'))));
    expect(sameName.code).toBe('NAME_CONFLICT');
    expect(sameName.details).toMatchObject({ kind: 'service', holder: a.id });
    expect(store.view((tx) => tx.list('service'))).toHaveLength(1);
  });

  it('allows tasks and nodes to share a name', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    await store.update((tx) => {
      tx.create('node', o.node('host'));
      tx.create('node', o.node('host'));
      tx.create('task', o.task('s', '', swarm.TaskState.RUNNING, 'same'));
      tx.create('task', o.task('s', '', swarm.TaskState.RUNNING, 'same'));
    });
    expect(store.view((tx) => tx.find('node', { name: 'HOST' }))).toHaveLength(2);
    expect(store.view((tx) => tx.find('task', { name: 'same' }))).toHaveLength(2);
  });

  it('frees a name in the same transaction that deletes or renames its holder', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const a = o.service('x');
    const b = o.service('y');
    await store.update((tx) => {
      tx.create('service', a);
      tx.create('service', b);
    });
    await store.update((tx) => {
      tx.delete('service', a.id);
      const nb = tx.get('service', b.id)!;
      nb.spec!.annotations!.name = 'x';
      tx.update('service', nb);
      tx.create('service', o.service('y'));
    });
    expect(store.view((tx) => tx.find('service', { name: 'x' }).map((s) => s.id))).toEqual([b.id]);
    expect(store.view((tx) => tx.find('service', { name: 'y' }))).toHaveLength(1);
  });

  it('reports NOT_FOUND for an update or delete of a missing object', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    expect((await rejection(store.update((tx) => tx.delete('task', o.id())))).code).toBe('NOT_FOUND');
    expect((await rejection(store.update((tx) => tx.update('task', o.task('s'))))).code).toBe('NOT_FOUND');
  });

  it('cancels a create by a delete in the same transaction', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const t = o.task('s');
    const res = await store.update((tx) => {
      tx.create('task', t);
      tx.delete('task', t.id);
    });
    expect(res.version).toBe(0n);
    expect(store.view((tx) => tx.get('task', t.id))).toBeUndefined();
  });

  it('hands out frozen objects from a view and private copies from a write transaction', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const t = o.task('svc');
    await store.update((tx) => tx.create('task', t));
    const frozen = store.view((tx) => tx.get('task', t.id))!;
    expect(() => {
      frozen.nodeId = 'elsewhere';
    }).toThrow(TypeError);
    t.nodeId = 'changed-after-create';
    await store.update((tx) => {
      const copy = tx.get('task', t.id)!;
      copy.nodeId = 'not-updated';
    });
    expect(store.view((tx) => tx.get('task', t.id))!.nodeId).toBe('');
  });

  it('rejects bad arguments with errors that name them', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    expect(() => store.view((tx) => tx.get('pod' as never, 'x'))).toThrow(/kind must be one of/);
    expect(() => store.view((tx) => tx.find('service', { nodeId: 'n' }))).toThrow(RangeError);
    const bad = await rejection(store.update((tx) => tx.create('task', swarm.Task.create({ id: 'short' }))));
    expect(bad.code).toBe('INVALID_ID');
    let leaked: { list(k: 'task'): unknown } | undefined;
    await store.update((tx) => {
      leaked = tx;
      tx.create('task', o.task('s'));
    });
    expect(() => leaked!.list('task')).toThrow(/transaction has ended/);
  });

  it('rejects updates after close', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    store.close();
    expect((await rejection(store.update(() => {}))).code).toBe('STORE_CLOSED');
  });

  it('rejects an update whose signal is already aborted, proposing nothing', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const ac = new AbortController();
    ac.abort(new Error('gone'));
    const o = new Objects();
    expect(
      (await rejection(store.update((tx) => tx.create('task', o.task('s')), { signal: ac.signal }))).message,
    ).toBe('gone');
    expect(store.version).toBe(0n);
  });
});
