import { ManualClock, MemoryLogger, type swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type StoreEvent } from '../src/index.js';
import { Objects } from './helpers.js';

const summary = (batches: StoreEvent[][]) =>
  batches.map((b) => b.map((e) => `${e.action} ${e.kind} v${e.version}`));

describe('watches', () => {
  it('delivers one batch of events per transaction, in apply order, with the old object on update', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const got: StoreEvent[][] = [];
    store.watch({}, (events) => got.push(events));
    const svc = o.service('web');
    const t = o.task(svc.id, 'n1');
    await store.update((tx) => {
      tx.create('service', svc);
      tx.create('task', t);
    });
    await store.update((tx) => {
      const c = tx.get('task', t.id)!;
      c.nodeId = 'n2';
      tx.update('task', c);
    });
    await store.update((tx) => tx.delete('task', t.id));
    expect(summary(got)).toEqual([
      ['create service v1', 'create task v1'],
      ['update task v2'],
      ['delete task v3'],
    ]);
    const update = got[1]![0]!;
    expect((update.object as swarm.Task).nodeId).toBe('n2');
    expect((update.old as swarm.Task).nodeId).toBe('n1');
    expect((got[2]![0]!.object as swarm.Task).nodeId).toBe('n2');
  });

  it('filters by kind, action and a match function', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const tasks: StoreEvent[][] = [];
    const deletes: StoreEvent[][] = [];
    const onN1: StoreEvent[][] = [];
    store.watch({ kinds: ['task'] }, (e) => tasks.push(e));
    store.watch({ actions: ['delete'] }, (e) => deletes.push(e));
    store.watch({ kinds: ['task'], match: (e) => (e.object as swarm.Task).nodeId === 'n1' }, (e) =>
      onN1.push(e),
    );
    const svc = o.service('web');
    const a = o.task(svc.id, 'n1');
    const b = o.task(svc.id, 'n2');
    await store.update((tx) => {
      tx.create('service', svc);
      tx.create('task', a);
      tx.create('task', b);
    });
    await store.update((tx) => tx.delete('service', svc.id));
    expect(summary(tasks)).toEqual([['create task v1', 'create task v1']]);
    expect(summary(deletes)).toEqual([['delete service v2']]);
    expect(onN1.flat().map((e) => e.object.id)).toEqual([a.id]);
  });

  it('stops delivering after unsubscribe, and a throwing listener does not starve the others', async () => {
    const logger = new MemoryLogger();
    const store = createMemoryStore({ clock: new ManualClock(), logger });
    const o = new Objects();
    let first = 0;
    let second = 0;
    store.watch({}, () => {
      throw new Error('listener bug');
    });
    const stop = store.watch({}, () => first++);
    store.watch({}, () => second++);
    await store.update((tx) => tx.create('task', o.task('s')));
    stop();
    await store.update((tx) => tx.create('task', o.task('s')));
    expect([first, second]).toEqual([1, 2]);
    expect(logger.entries.some((e) => e.level === 'error')).toBe(true);
  });

  it('delivers events of a transaction a listener causes only after every listener saw the current one', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const order: string[] = [];
    store.watch({ kinds: ['service'] }, (events) => {
      order.push(`A:${events[0]!.action} ${events[0]!.kind}`);
      void store.update((tx) => tx.create('task', o.task(events[0]!.object.id)));
    });
    store.watch({}, (events) => order.push(`B:${events[0]!.action} ${events[0]!.kind}`));
    await store.update((tx) => tx.create('service', o.service('web')));
    expect(order).toEqual(['A:create service', 'B:create service', 'B:create task']);
  });

  it('validates the filter', () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    expect(() => store.watch({ kinds: ['pods' as never] }, () => {})).toThrow(TypeError);
    expect(() => store.watch({ actions: ['upsert' as never] }, () => {})).toThrow(/actions/);
  });
});
