import { inspect } from 'node:util';
import { ManualClock, MemoryLogger, seededRandom } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import {
  generateUnlockKey,
  MAX_SECRET_BYTES,
  memoryKeyStore,
  memoryStorage,
  SecretStore,
  SecretValue,
} from '../src/index.js';
import { diskDir, hashTree } from './helpers.js';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});
function tempDir(): string {
  const { dir, cleanup } = diskDir();
  cleanups.push(cleanup);
  return `${dir}/store`;
}

async function memoryStore(logger = new MemoryLogger()) {
  const store = await SecretStore.openWith({
    keyStore: memoryKeyStore(),
    storage: memoryStorage(),
    logger,
    clock: new ManualClock(1_000),
    random: seededRandom(7),
  });
  return { store, logger };
}

describe('SecretStore: create, read, list, update labels, remove', () => {
  it('reads back exactly what was created, wrapped so it never prints', async () => {
    const { store } = await memoryStore();
    const { id } = await store.create({ name: 'db-password', data: bytes('hunter2'), labels: { team: 'a' } });
    const secret = await store.read(id);
    expect(secret).toMatchObject({
      id,
      name: 'db-password',
      labels: { team: 'a' },
      createdAt: 1_000,
      version: 1,
    });
    expect(Buffer.from(secret.data.reveal()).toString()).toBe('hunter2');
    for (const shown of [String(secret.data), JSON.stringify(secret), inspect(secret), `${secret.data}`]) {
      expect(shown).not.toContain('hunter2');
    }
    await store.close();
  });

  it('lists metadata only, sorted by name, never data', async () => {
    const { store } = await memoryStore();
    await store.create({ name: 'zeta', data: bytes('z-secret-bytes') });
    await store.create({ name: 'alpha', data: bytes('a-secret-bytes') });
    const list = await store.list();
    expect(list.map((m) => m.name)).toEqual(['alpha', 'zeta']);
    expect(JSON.stringify(list)).not.toContain('secret-bytes');
    expect(list[0]).not.toHaveProperty('data');
  });

  it('accepts data from 1 byte to 500 KiB and refuses sizes outside that', async () => {
    const { store } = await memoryStore();
    await store.create({ name: 'one', data: new Uint8Array(1) });
    const big = (await store.create({ name: 'max', data: new Uint8Array(MAX_SECRET_BYTES).fill(9) })).id;
    expect((await store.read(big)).data.byteLength).toBe(MAX_SECRET_BYTES);
    await expect(async () => store.create({ name: 'empty', data: new Uint8Array(0) })).rejects.toMatchObject({
      code: 'INVALID_SECRET_SIZE',
    });
    await expect(async () =>
      store.create({ name: 'huge', data: new Uint8Array(MAX_SECRET_BYTES + 1) }),
    ).rejects.toMatchObject({
      code: 'INVALID_SECRET_SIZE',
    });
  });

  it.each([
    '',
    '.',
    '..',
    '../etc',
    'a/b',
    'a\\b',
    'a\0b',
    '-lead',
    '_lead',
    'with space',
    'x'.repeat(65),
    'é',
  ])('refuses the secret name %j', async (name) => {
    const { store } = await memoryStore();
    await expect(async () => store.create({ name, data: bytes('v') })).rejects.toMatchObject({
      code: 'INVALID_SECRET_NAME',
    });
  });

  it('refuses a second secret with the same name, naming the existing one', async () => {
    const { store } = await memoryStore();
    const { id } = await store.create({ name: 'dup', data: bytes('one') });
    await expect(store.create({ name: 'dup', data: bytes('two') })).rejects.toMatchObject({
      code: 'SECRET_NAME_CONFLICT',
      details: { existingId: id },
    });
  });

  it('updates labels without touching data and bumps the version', async () => {
    const { store } = await memoryStore();
    const { id } = await store.create({ name: 'tls-key', data: bytes('pem'), labels: { a: '1' } });
    const updated = await store.updateLabels(id, { b: '2' });
    expect(updated).toMatchObject({ labels: { b: '2' }, version: 2 });
    const read = await store.read(id);
    expect(read.labels).toEqual({ b: '2' });
    expect(Buffer.from(read.data.reveal()).toString()).toBe('pem');
  });

  it('removes a secret, frees its name, and reports unknown IDs with SECRET_NOT_FOUND', async () => {
    const { store } = await memoryStore();
    const { id } = await store.create({ name: 'gone', data: bytes('v') });
    await store.remove(id);
    await expect(store.read(id)).rejects.toMatchObject({ code: 'SECRET_NOT_FOUND' });
    await expect(store.remove(id)).rejects.toMatchObject({ code: 'SECRET_NOT_FOUND' });
    expect(await store.list()).toEqual([]);
    await store.create({ name: 'gone', data: bytes('again') });
    expect(() => store.read('not-an-id')).toThrow(expect.objectContaining({ code: 'INVALID_ID' }));
  });

  it('reads many secrets at once, or all of them, with their data', async () => {
    const { store } = await memoryStore();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await store.create({ name: `m${i}`, data: bytes(`many-${i}`) })).id);
    const picked = await store.readMany([ids[3]!, ids[1]!]);
    expect(picked.map((r) => Buffer.from(r.data.reveal()).toString())).toEqual(['many-3', 'many-1']);
    const all = await store.readAll();
    expect(all.map((r) => r.id)).toEqual([...ids].sort());
    expect(all.map((r) => Buffer.from(r.data.reveal()).toString()).sort()).toEqual(
      ids.map((_, i) => `many-${i}`),
    );
    await expect(store.readMany([ids[0]!, 'z'.repeat(25)])).rejects.toMatchObject({
      code: 'SECRET_NOT_FOUND',
    });
    expect(() => store.readMany(['nope'])).toThrow(expect.objectContaining({ code: 'INVALID_ID' }));
  });

  it('fails readAll closed when a data record is missing or has no metadata', async () => {
    const storage = memoryStorage();
    const store = await SecretStore.openWith({ keyStore: memoryKeyStore(), storage });
    const { id } = await store.create({ name: 'a', data: bytes('1') });
    await store.create({ name: 'b', data: bytes('2') });
    const data = storage.records.get(`data/${id}`)!;
    storage.records.delete(`data/${id}`);
    await expect(store.readAll()).rejects.toMatchObject({ code: 'RECORD_AUTHENTICATION_FAILED' });
    storage.records.set(`data/${id}`, data);
    storage.records.set(`data/${'z'.repeat(25)}`, data);
    await expect(store.readAll()).rejects.toMatchObject({ code: 'RECORD_AUTHENTICATION_FAILED' });
  });

  it('takes data from a SecretValue and keeps its own copy of a caller buffer', async () => {
    const { store } = await memoryStore();
    const buf = bytes('mutable');
    const { id } = await store.create({ name: 'copy', data: buf });
    buf.fill(0);
    expect(Buffer.from((await store.read(id)).data.reveal()).toString()).toBe('mutable');
    const { id: id2 } = await store.create({
      name: 'wrapped',
      data: new SecretValue(bytes('wrapped-value')),
    });
    expect(Buffer.from((await store.read(id2)).data.reveal()).toString()).toBe('wrapped-value');
  });

  it('never logs secret data', async () => {
    const { store, logger } = await memoryStore();
    const { id } = await store.create({ name: 'logged', data: bytes('do-not-log-me') });
    await store.read(id);
    await store.rotateDataKey();
    await store.rotateUnlockKey();
    await store.remove(id);
    expect(logger.entries.length).toBeGreaterThan(0);
    expect(logger.text()).not.toContain('do-not-log-me');
  });

  it('never puts secret data into errors', async () => {
    const storage = memoryStorage();
    const store = await SecretStore.openWith({ keyStore: memoryKeyStore(), storage });
    const canary = 'ERROR-CANARY-d41d8cd98f00';
    const errors: unknown[] = [];
    const capture = async (fn: () => Promise<unknown>): Promise<void> => {
      try {
        await fn();
        expect.unreachable();
      } catch (err) {
        errors.push(err);
      }
    };
    const { id } = await store.create({ name: 'dup', data: bytes(canary) });
    await capture(() => store.create({ name: 'dup', data: bytes(canary) }));
    await capture(() => store.create({ name: 'too-big', data: bytes(canary.repeat(30_000)) }));
    await capture(() => store.create({ name: '../bad', data: bytes(canary) }));
    await capture(async () =>
      store.create({ name: 'label', data: bytes(canary), labels: { x: 1 as unknown as string } }),
    );
    const sealed = storage.records.get(`data/${id}`)!;
    sealed[sealed.length - 1]! ^= 1;
    await capture(() => store.read(id));
    expect(errors).toHaveLength(5);
    for (const err of errors) {
      const e = err as Error;
      for (const shown of [e.message, e.stack ?? '', JSON.stringify(e), inspect(e)])
        expect(shown).not.toContain(canary);
    }
  });

  it('refuses every call after close with STORE_CLOSED', async () => {
    const { store } = await memoryStore();
    await store.close();
    await store.close();
    expect(() => store.list()).toThrow(expect.objectContaining({ code: 'STORE_CLOSED' }));
  });

  it('rotates the data key by itself when the threshold is reached', async () => {
    const store = await SecretStore.openWith(
      { keyStore: memoryKeyStore(), storage: memoryStorage() },
      { rotateDataKeyAfter: 10, nonceReservation: 4 },
    );
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await store.create({ name: `s${i}`, data: bytes(`v${i}`) })).id);
    expect(store.keyStatus().dataKeyId).toBeGreaterThan(1);
    for (const [i, id] of ids.entries())
      expect(Buffer.from((await store.read(id)).data.reveal()).toString()).toBe(`v${i}`);
  });
});

describe('SecretStore on disk: autolock', () => {
  it('persists secrets across restarts', async () => {
    const path = tempDir();
    const store = await SecretStore.open({ path });
    const { id } = await store.create({ name: 'persist', data: bytes('kept') });
    await store.close();
    const again = await SecretStore.open({ path });
    expect(Buffer.from((await again.read(id)).data.reveal()).toString()).toBe('kept');
    await again.close();
  });

  it('fails a locked open without or with a wrong key, with nothing changed on disk', async () => {
    const path = tempDir();
    const unlockKey = generateUnlockKey();
    const store = await SecretStore.open({ path, unlockKey });
    const { id } = await store.create({ name: 'locked', data: bytes('behind-the-lock') });
    await store.close();
    const before = hashTree(path);
    expect(Object.keys(before).length).toBeGreaterThan(3);
    await expect(SecretStore.open({ path })).rejects.toMatchObject({ code: 'LOCKED' });
    expect(hashTree(path)).toEqual(before);
    for (let i = 0; i < 20; i++) {
      await expect(SecretStore.open({ path, unlockKey: generateUnlockKey() })).rejects.toMatchObject({
        code: 'INVALID_UNLOCK_KEY',
      });
    }
    await expect(SecretStore.open({ path, unlockKey: 'SWMKEY-1-short' })).rejects.toMatchObject({
      code: 'MALFORMED_UNLOCK_KEY',
    });
    expect(hashTree(path)).toEqual(before);
    const opened = await SecretStore.open({ path, unlockKey: unlockKey.reveal() });
    expect(Buffer.from((await opened.read(id)).data.reveal()).toString()).toBe('behind-the-lock');
    await opened.close();
  });

  it('turns autolock on and off, and a rotated unlock key replaces the old one', async () => {
    const path = tempDir();
    const store = await SecretStore.open({ path });
    const { id } = await store.create({ name: 'x', data: bytes('v') });
    const first = await store.rotateUnlockKey();
    expect(store.keyStatus().autolock).toBe(true);
    await store.close();
    await expect(SecretStore.open({ path })).rejects.toMatchObject({ code: 'LOCKED' });
    const s2 = await SecretStore.open({ path, unlockKey: first });
    const second = await s2.rotateUnlockKey(generateUnlockKey().reveal());
    await s2.close();
    await expect(SecretStore.open({ path, unlockKey: first })).rejects.toMatchObject({
      code: 'INVALID_UNLOCK_KEY',
    });
    const s3 = await SecretStore.open({ path, unlockKey: second });
    await s3.disableAutolock();
    await s3.close();
    const s4 = await SecretStore.open({ path });
    expect(Buffer.from((await s4.read(id)).data.reveal()).toString()).toBe('v');
    await s4.close();
  });

  it('refuses to open records whose key file is missing', async () => {
    const path = tempDir();
    const store = await SecretStore.open({ path });
    await store.create({ name: 'x', data: bytes('v') });
    await store.close();
    const { rmSync } = await import('node:fs');
    rmSync(`${path}/keys.json`);
    await expect(SecretStore.open({ path })).rejects.toMatchObject({ code: 'KEY_FILE_INVALID' });
  });
});
