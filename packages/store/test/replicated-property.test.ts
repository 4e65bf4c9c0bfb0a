import { fromLong, ManualClock, swarm } from '@swarm/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OBJECT_KINDS, ReplicatedStore } from '../src/index.js';
import { ManualProposer } from '../src/testing.js';
import { Objects, testCipher } from './helpers.js';

type Step =
  | {
      kind: 'propose';
      replica: number;
      pick: number[];
      node: number;
      create: boolean;
      rename: number | undefined;
    }
  | { kind: 'commit'; max: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('propose' as const),
      replica: fc.nat(2),
      pick: fc.array(fc.nat(30), { maxLength: 3 }),
      node: fc.nat(3),
      create: fc.boolean(),
      rename: fc.option(fc.nat(2), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('commit' as const), max: fc.integer({ min: 1, max: 4 }) }),
  },
);

const dump = (s: ReplicatedStore) =>
  s.view((tx) =>
    OBJECT_KINDS.map((k) =>
      tx
        .list(k)
        .map((x) => JSON.stringify(x))
        .sort(),
    ),
  );

describe('racing transactions from several replicas (property)', () => {
  it('apply all-or-nothing, identically on every replica, and never keep a rejected change', async () => {
    const cipher = testCipher();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 40 }), async (steps) => {
        const stores = [0, 1, 2].map(() => new ReplicatedStore({ clock: new ManualClock(), cipher }));
        const proposer = new ManualProposer(stores);
        for (const s of stores) s.attach(proposer);
        const o = new Objects(7);
        const outcomes: Promise<{ ok: boolean; index?: bigint; code?: string }>[] = [];
        for (const step of steps) {
          if (step.kind === 'commit') {
            proposer.commit(step.max);
            await new Promise<void>((r) => setImmediate(r));
            // Every replica applied the same proposals and holds the same objects.
            for (const s of stores.slice(1)) expect(dump(s)).toEqual(dump(stores[0]!));
            continue;
          }
          const store = stores[step.replica]!;
          const tasks = store.view((tx) => tx.list('task'));
          const services = store.view((tx) => tx.list('service'));
          outcomes.push(
            store
              .update((tx) => {
                // Reads this replica's (possibly stale) state; every change is checked again at apply.
                for (const i of step.pick) {
                  const t = tasks.length > 0 ? tx.get('task', tasks[i % tasks.length]!.id) : undefined;
                  if (!t) continue;
                  t.nodeId = `n${step.node}`;
                  tx.update('task', t);
                }
                if (step.create) tx.create('task', o.task('svc', `n${step.node}`, swarm.TaskState.RUNNING));
                if (step.rename !== undefined) {
                  const name = ['a', 'b', 'c'][step.rename]!;
                  if (services.length === 0 || step.pick.length === 0) {
                    if (tx.find('service', { name }).length === 0) tx.create('service', o.service(name));
                  } else {
                    const s = tx.get('service', services[0]!.id);
                    if (s && tx.find('service', { name }).length === 0) {
                      s.spec!.annotations!.name = name;
                      tx.update('service', s);
                    }
                  }
                }
              })
              .then(
                (r) => ({ ok: true, index: r.version }),
                (e: { code?: string; details?: { index?: string } }) => ({
                  ok: false,
                  ...(e.details?.index === undefined ? {} : { index: BigInt(e.details.index) }),
                  ...(e.code === undefined ? {} : { code: e.code }),
                }),
              ),
          );
        }
        proposer.commit();
        const results = await Promise.all(outcomes);
        for (const s of stores.slice(1)) expect(dump(s)).toEqual(dump(stores[0]!));
        const versions = new Set(
          stores[0]!.view((tx) =>
            OBJECT_KINDS.flatMap((k) => tx.list(k).map((x) => fromLong(x.meta!.version!.index as never))),
          ),
        );
        for (const r of results) {
          if (r.ok) continue;
          // A conflict found in the transaction function proposes nothing; one found at apply
          // names the proposal's index, and nothing carries that index as its version.
          expect(['SEQUENCE_CONFLICT', 'NAME_CONFLICT', 'NOT_FOUND', 'EXISTS']).toContain(r.code);
          if (r.index !== undefined) expect(versions.has(r.index)).toBe(false);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
