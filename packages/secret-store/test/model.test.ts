import { seededRandom } from '@swarm/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateUnlockKey,
  memoryKeyStore,
  memoryStorage,
  SecretStore,
  type UnlockKey,
} from '../src/index.js';

type Op =
  | { kind: 'create'; name: number; data: Uint8Array }
  | { kind: 'remove'; pick: number }
  | { kind: 'labels'; pick: number; value: string }
  | { kind: 'rotateData' }
  | { kind: 'rotateUnlock' }
  | { kind: 'restart' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      name: fc.nat(20),
      data: fc.uint8Array({ minLength: 1, maxLength: 40 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('labels' as const),
      pick: fc.nat(),
      value: fc.string({ maxLength: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'rotateData' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'rotateUnlock' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

interface ModelSecret {
  name: string;
  data: Uint8Array;
  labels: Record<string, string>;
}

describe('SecretStore against a model', () => {
  it('agrees with a plain map under any sequence of creates, removes, label updates, rotations and restarts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), fc.integer(), async (ops, seed) => {
        const keyStore = memoryKeyStore();
        const storage = memoryStorage();
        const random = seededRandom(seed);
        let unlockKey: UnlockKey = generateUnlockKey();
        const open = (): Promise<SecretStore> =>
          SecretStore.openWith({ keyStore, storage, random }, { unlockKey, nonceReservation: 3 });
        let store = await open();
        const model = new Map<string, ModelSecret>();
        const ids = (): string[] => [...model.keys()].sort();
        for (const o of ops) {
          if (o.kind === 'create') {
            const name = `n${o.name}`;
            const taken = [...model.values()].some((s) => s.name === name);
            if (taken) {
              await expect(store.create({ name, data: o.data })).rejects.toMatchObject({
                code: 'SECRET_NAME_CONFLICT',
              });
            } else {
              const { id } = await store.create({ name, data: o.data });
              model.set(id, { name, data: Uint8Array.from(o.data), labels: {} });
            }
          } else if (o.kind === 'remove' && model.size > 0) {
            const id = ids()[o.pick % model.size]!;
            await store.remove(id);
            model.delete(id);
          } else if (o.kind === 'labels' && model.size > 0) {
            const id = ids()[o.pick % model.size]!;
            await store.updateLabels(id, { v: o.value });
            model.get(id)!.labels = { v: o.value };
          } else if (o.kind === 'rotateData') {
            await store.rotateDataKey();
          } else if (o.kind === 'rotateUnlock') {
            unlockKey = await store.rotateUnlockKey();
          } else if (o.kind === 'restart') {
            await store.close();
            store = await open();
          }
        }
        const listed = await store.list();
        expect(listed.map((m) => m.id).sort()).toEqual(ids());
        for (const meta of listed) {
          const want = model.get(meta.id)!;
          expect({ name: meta.name, labels: meta.labels }).toEqual({ name: want.name, labels: want.labels });
        }
        const all = await store.readAll();
        for (const r of all) expect(r.data.reveal()).toEqual(model.get(r.id)!.data);
        await store.close();
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
