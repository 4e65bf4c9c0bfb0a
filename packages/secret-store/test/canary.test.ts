import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { MemoryLogger } from '@swarm/api';
import { afterEach, describe, expect, it } from 'vitest';
import { generateUnlockKey, SecretStore, type UnlockKey } from '../src/index.js';
import { contains, diskDir, listFiles } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** Each canary in the forms a leak could take: raw bytes, hex and base64. */
function needles(canaries: string[]): Uint8Array[] {
  return canaries.flatMap((c) => {
    const raw = Buffer.from(c, 'utf8');
    return [raw, Buffer.from(raw.toString('hex')), Buffer.from(raw.toString('base64').replace(/=+$/, ''))];
  });
}

/** Every canary form found in any byte of any file under `dir` or in the log text. */
function scan(dir: string, logText: string, canaries: string[]): string[] {
  const found: string[] = [];
  const haystacks = listFiles(dir).map((p) => [p, readFileSync(p)] as const);
  haystacks.push(['captured logs', Buffer.from(logText, 'utf8')]);
  const forms = needles(canaries);
  for (const [where, bytes] of haystacks) {
    for (const needle of forms) if (contains(bytes, needle)) found.push(where);
  }
  return found;
}

describe('canaries: no plaintext secret ever reaches the data directory or the logs', () => {
  it('stores, rotates (30 unlock key and 30 data key rotations with restarts) and removes 100 canaries without a trace', async () => {
    const { dir, cleanup } = diskDir();
    cleanups.push(cleanup);
    const path = `${dir}/store`;
    const logger = new MemoryLogger();
    const canaries = Array.from({ length: 100 }, (_, i) => `CANARY-${i}-${randomBytes(12).toString('hex')}`);
    let unlockKey: UnlockKey = generateUnlockKey();
    let store = await SecretStore.open({ path, unlockKey, logger });
    const ids = new Map<string, string>();
    for (const [i, canary] of canaries.entries()) {
      const { id } = await store.create({
        name: `canary-${i}`,
        data: Buffer.from(canary),
        labels: { kind: 'canary' },
      });
      ids.set(id, canary);
    }
    let dataKeyId = store.keyStatus().dataKeyId;
    for (let round = 0; round < 30; round++) {
      unlockKey = await store.rotateUnlockKey();
      await store.close();
      store = await SecretStore.open({ path, unlockKey, logger });
      const { dataKeyId: next, records } = await store.rotateDataKey();
      expect(next).toBe(dataKeyId + 1);
      expect(records).toBe(200);
      dataKeyId = next;
      await store.close();
      store = await SecretStore.open({ path, unlockKey, logger });
    }
    expect(store.keyStatus()).toMatchObject({ autolock: true, dataKeyId: 31 });
    for (const [id, canary] of ids)
      expect(Buffer.from((await store.read(id)).data.reveal()).toString()).toBe(canary);
    await store.close();
    expect(listFiles(path).some((p) => /\.(log|ldb)$/.test(p))).toBe(true);
    expect(scan(path, logger.text(), canaries)).toEqual([]);

    store = await SecretStore.open({ path, unlockKey, logger });
    for (const id of ids.keys()) await store.remove(id);
    expect(await store.list()).toEqual([]);
    await store.close();
    expect(scan(path, logger.text(), canaries)).toEqual([]);
    expect(logger.entries.length).toBeGreaterThan(100);
  });

  it('finds a planted canary, so a clean scan means something', () => {
    const { dir, cleanup } = diskDir();
    cleanups.push(cleanup);
    const canary = `CANARY-planted-${randomBytes(8).toString('hex')}`;
    writeFileSync(
      `${dir}/leak.bin`,
      Buffer.concat([randomBytes(100), Buffer.from(canary), randomBytes(100)]),
    );
    expect(scan(dir, '', [canary])).toEqual([`${dir}/leak.bin`]);
    expect(scan(dir, `log line with ${Buffer.from(canary).toString('hex')}`, [canary])).toContain(
      'captured logs',
    );
  });
});
