import { ManualClock, swarm } from '@swarm/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type MemoryStore, OBJECT_KINDS } from '../src/index.js';
import { Objects, testCipher } from './helpers.js';

const STATES = [swarm.TaskState.NEW, swarm.TaskState.RUNNING, swarm.TaskState.SHUTDOWN];
const NAMES = ['a', 'b', 'A', 'c'];

type Op =
  | { op: 'createTask'; service: number; node: number; state: number }
  | { op: 'moveTask'; task: number; node: number }
  | { op: 'setDesired'; task: number; state: number }
  | { op: 'deleteTask'; task: number }
  | { op: 'createService'; name: number }
  | { op: 'renameService'; service: number; name: number }
  | { op: 'deleteService'; service: number }
  | { op: 'staleUpdate'; task: number }
  | { op: 'multi'; tasks: number[]; node: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('createTask' as const),
    service: fc.nat(3),
    node: fc.nat(3),
    state: fc.nat(2),
  }),
  fc.record({ op: fc.constant('moveTask' as const), task: fc.nat(20), node: fc.nat(3) }),
  fc.record({ op: fc.constant('setDesired' as const), task: fc.nat(20), state: fc.nat(2) }),
  fc.record({ op: fc.constant('deleteTask' as const), task: fc.nat(20) }),
  fc.record({ op: fc.constant('createService' as const), name: fc.nat(3) }),
  fc.record({ op: fc.constant('renameService' as const), service: fc.nat(3), name: fc.nat(3) }),
  fc.record({ op: fc.constant('deleteService' as const), service: fc.nat(3) }),
  fc.record({ op: fc.constant('staleUpdate' as const), task: fc.nat(20) }),
  fc.record({
    op: fc.constant('multi' as const),
    tasks: fc.array(fc.nat(20), { maxLength: 4 }),
    node: fc.nat(3),
  }),
);

function dump(store: MemoryStore): string[][] {
  return store.view((tx) =>
    OBJECT_KINDS.map((k) =>
      tx
        .list(k)
        .map((o) => JSON.stringify(o))
        .sort(),
    ),
  );
}

async function run(store: MemoryStore, o: Objects, op: Op, stale: Map<string, swarm.Task>): Promise<void> {
  const tasks = store.view((tx) => tx.list('task'));
  const services = store.view((tx) => tx.list('service'));
  const pick = <T>(xs: T[], i: number): T | undefined => (xs.length === 0 ? undefined : xs[i % xs.length]);
  const editTask = (id: string, edit: (t: swarm.Task) => void) =>
    store.update((tx) => {
      const t = tx.get('task', id)!;
      edit(t);
      tx.update('task', t);
    });
  switch (op.op) {
    case 'createTask':
      return void (await store.update((tx) =>
        tx.create('task', o.task(pick(services, op.service)?.id ?? 'none', `n${op.node}`, STATES[op.state]!)),
      ));
    case 'moveTask': {
      const t = pick(tasks, op.task);
      if (t === undefined) return;
      stale.set(t.id, swarm.Task.decode(swarm.Task.encode(t).finish()));
      return void (await editTask(t.id, (x) => (x.nodeId = `n${op.node}`)));
    }
    case 'setDesired': {
      const t = pick(tasks, op.task);
      if (t) await editTask(t.id, (x) => (x.desiredState = STATES[op.state]!));
      return;
    }
    case 'deleteTask': {
      const t = pick(tasks, op.task);
      if (t) await store.update((tx) => tx.delete('task', t.id));
      return;
    }
    case 'createService':
      return void (await store.update((tx) => tx.create('service', o.service(NAMES[op.name]!))));
    case 'renameService': {
      const s = pick(services, op.service);
      if (!s) return;
      return void (await store.update((tx) => {
        const c = tx.get('service', s.id)!;
        c.spec!.annotations!.name = NAMES[op.name]!;
        tx.update('service', c);
      }));
    }
    case 'deleteService': {
      const s = pick(services, op.service);
      if (s) await store.update((tx) => tx.delete('service', s.id));
      return;
    }
    case 'staleUpdate': {
      const old = pick([...stale.values()], op.task);
      if (!old) return;
      old.nodeId = 'stale-writer';
      return void (await store.update((tx) => tx.update('task', old)));
    }
    case 'multi':
      return void (await store.update((tx) => {
        for (const i of op.tasks) {
          const t = pick(tasks, i);
          const c = t && tx.get('task', t.id);
          if (!c) continue;
          c.nodeId = `n${op.node}`;
          tx.update('task', c);
        }
        tx.create('task', o.task('multi', `n${op.node}`));
      }));
  }
}

describe('random histories of transactions (property)', () => {
  it('keep indexes equal to a scan, change nothing when rejected, and survive snapshot and restore', async () => {
    const cipher = testCipher();
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (ops, seed) => {
          const store = createMemoryStore({ clock: new ManualClock(), cipher });
          const o = new Objects(seed);
          const stale = new Map<string, swarm.Task>();
          for (const op of ops) {
            const before = dump(store);
            const version = store.version;
            let rejected: { code?: string } | undefined;
            try {
              await run(store, o, op, stale);
            } catch (err) {
              rejected = err as { code?: string };
            }
            if (rejected !== undefined) {
              expect(['SEQUENCE_CONFLICT', 'NAME_CONFLICT', 'NOT_FOUND', 'EXISTS']).toContain(rejected.code);
              expect(store.version).toBe(version);
              expect(dump(store)).toEqual(before);
            }
            // Every index lookup equals a scan of all objects.
            store.view((tx) => {
              const all = tx.list('task');
              for (const nodeId of ['n0', 'n1', 'n2', 'n3', 'stale-writer']) {
                expect(
                  tx
                    .find('task', { nodeId })
                    .map((t) => t.id)
                    .sort(),
                ).toEqual(
                  all
                    .filter((t) => t.nodeId === nodeId)
                    .map((t) => t.id)
                    .sort(),
                );
              }
              for (const desiredState of STATES) {
                expect(tx.find('task', { desiredState }).length).toBe(
                  all.filter((t) => t.desiredState === desiredState).length,
                );
              }
              for (const s of tx.list('service')) {
                expect(tx.find('task', { serviceId: s.id }).length).toBe(
                  all.filter((t) => t.serviceId === s.id).length,
                );
              }
              // Service names stay unique, case-insensitively.
              const names = tx.list('service').map((s) => s.spec!.annotations!.name!.toLowerCase());
              expect(new Set(names).size).toBe(names.length);
            });
          }
          const copy = createMemoryStore({ clock: new ManualClock(), cipher });
          copy.restore(store.snapshot());
          expect(dump(copy)).toEqual(dump(store));
          expect(copy.version).toBe(store.version);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });
});
