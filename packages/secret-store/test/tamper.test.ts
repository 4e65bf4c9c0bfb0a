import { readFileSync, writeFileSync } from 'node:fs';
import { isSwarmError, seededRandom } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import { fileKeyStore, generateUnlockKey, levelStorage, SecretStore } from '../src/index.js';
import { diskDir } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function levelStore(count: number) {
  const { dir, cleanup } = diskDir();
  cleanups.push(cleanup);
  const storage = levelStorage(`${dir}/db`);
  const unlockKey = generateUnlockKey();
  const store = await SecretStore.openWith(
    { keyStore: fileKeyStore(`${dir}/keys.json`), storage },
    { unlockKey },
  );
  const values = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const value = `tamper-value-${i}-${'x'.repeat(i * 7)}`;
    const { id } = await store.create({ name: `t${i}`, data: Buffer.from(value), labels: { n: String(i) } });
    values.set(id, value);
  }
  return { dir, storage, store, values, unlockKey };
}

async function rejectsAsTampered(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code: 'RECORD_AUTHENTICATION_FAILED' });
}

describe('tamper detection: stored records are authenticated', () => {
  it('detects 1,200 single-bit flips at random offsets of stored records in LevelDB', async () => {
    const { storage, store } = await levelStore(10);
    const records: Array<[string, Uint8Array]> = [];
    for (const prefix of ['meta/', 'data/'])
      for await (const entry of storage.entries(prefix)) records.push(entry);
    const random = seededRandom(20261128);
    let detected = 0;
    for (let trial = 0; trial < 1_200; trial++) {
      const [key, original] = records[random.int(records.length)]!;
      const bit = random.int(original.byteLength * 8);
      const flipped = Uint8Array.from(original);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      await storage.write([{ type: 'put', key, value: flipped }]);
      const id = key.slice(5);
      await rejectsAsTampered(key.startsWith('meta/') ? store.get(id) : store.read(id));
      detected++;
      await storage.write([{ type: 'put', key, value: original }]);
    }
    expect(detected).toBe(1_200);
    await store.close();
  });

  it('rejects data records swapped between two secrets', async () => {
    const { storage, store, values } = await levelStore(2);
    const [a, b] = [...values.keys()] as [string, string];
    const da = (await storage.get(`data/${a}`))!;
    const db = (await storage.get(`data/${b}`))!;
    await storage.write([
      { type: 'put', key: `data/${a}`, value: db },
      { type: 'put', key: `data/${b}`, value: da },
    ]);
    await rejectsAsTampered(store.read(a));
    await rejectsAsTampered(store.read(b));
    await store.close();
  });

  it('rejects a record moved from the data slot to the metadata slot', async () => {
    const { storage, store, values } = await levelStore(1);
    const [a] = [...values.keys()] as [string];
    await storage.write([{ type: 'put', key: `meta/${a}`, value: (await storage.get(`data/${a}`))! }]);
    await rejectsAsTampered(store.get(a));
    await rejectsAsTampered(store.list());
    await store.close();
  });

  it('rejects a record copied under another secret ID', async () => {
    const { storage, store, values } = await levelStore(1);
    const [a] = [...values.keys()] as [string];
    const other = 'z'.repeat(25);
    await storage.write([
      { type: 'put', key: `meta/${other}`, value: (await storage.get(`meta/${a}`))! },
      { type: 'put', key: `data/${other}`, value: (await storage.get(`data/${a}`))! },
    ]);
    await rejectsAsTampered(store.read(other));
    await store.close();
  });

  it('rejects an old record restored after a data key rotation', async () => {
    const { storage, store, values } = await levelStore(1);
    const [a] = [...values.keys()] as [string];
    const before = (await storage.get(`data/${a}`))!;
    await store.rotateDataKey();
    await storage.write([{ type: 'put', key: `data/${a}`, value: before }]);
    await rejectsAsTampered(store.read(a));
    await store.close();
  });

  it('reports a deleted data record as tampered, not as missing data', async () => {
    const { storage, store, values } = await levelStore(1);
    const [a] = [...values.keys()] as [string];
    await storage.write([{ type: 'del', key: `data/${a}` }]);
    await rejectsAsTampered(store.read(a));
    await store.close();
  });

  it('never opens with wrong keys after 300 random byte changes in the key file', async () => {
    const { dir, store, values, unlockKey } = await levelStore(3);
    await store.close();
    const keyPath = `${dir}/keys.json`;
    const original = readFileSync(keyPath);
    const random = seededRandom(99);
    for (let trial = 0; trial < 300; trial++) {
      const changed = Buffer.from(original);
      const at = random.int(changed.byteLength);
      changed[at] = changed[at]! ^ (1 + random.int(255));
      writeFileSync(keyPath, changed);
      let opened: SecretStore | undefined;
      try {
        opened = await SecretStore.open({ path: dir, unlockKey });
        for (const [id, value] of values)
          expect(Buffer.from((await opened.read(id)).data.reveal()).toString()).toBe(value);
      } catch (err) {
        expect(isSwarmError(err)).toBe(true);
        expect(['INVALID_UNLOCK_KEY', 'KEY_FILE_INVALID', 'RECORD_AUTHENTICATION_FAILED']).toContain(
          (err as { code: string }).code,
        );
      } finally {
        await opened?.close();
      }
    }
    writeFileSync(keyPath, original);
  });
});
