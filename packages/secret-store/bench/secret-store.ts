// Throughput of the secret store on this machine. Prints one JSON line:
// creates/s and reads/s (autolocked store on disk, 64-byte secrets), the time to unlock a store
// and decrypt all of its 10,000 secrets with readAll() (goal: under 1 s), record cipher seals/s, and the same
// number of plain LevelDB puts as a peer (the cost of the store without encryption). Wall times
// swing with machine load; the CPU time of the unlock run is reported next to its wall time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ClassicLevel } from 'classic-level';
import { associatedData, generateUnlockKey, KeyManager, memoryKeyStore, SecretStore } from '../src/index.js';

const COUNT = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'swarm-ss-bench-'));
try {
  const path = join(dir, 'store');
  const unlockKey = generateUnlockKey();
  const data = (i: number): Uint8Array => Buffer.from(`bench-secret-${i}`.padEnd(64, '.'));

  let store = await SecretStore.open({ path, unlockKey });
  const ids: string[] = [];
  let t = performance.now();
  for (let i = 0; i < COUNT; i++) ids.push((await store.create({ name: `bench-${i}`, data: data(i) })).id);
  const createMs = performance.now() - t;

  t = performance.now();
  for (const id of ids) (await store.read(id)).data.wipe();
  const readMs = performance.now() - t;
  await store.close();

  t = performance.now();
  const cpuBefore = process.cpuUsage();
  store = await SecretStore.open({ path, unlockKey });
  const unlockMs = performance.now() - t;
  const all = await store.readAll();
  const unlockAndDecryptMs = performance.now() - t;
  const cpu = process.cpuUsage(cpuBefore);
  const unlockAndDecryptCpuMs = (cpu.user + cpu.system) / 1000;

  t = performance.now();
  const many = await store.readMany((await store.list()).map((m) => m.id));
  const listAndReadManyMs = performance.now() - t;
  for (const s of many) s.data.wipe();
  if (all.length !== COUNT) throw new Error(`read back ${all.length} of ${COUNT} secrets`);
  for (const s of all) s.data.wipe();

  t = performance.now();
  for (const id of ids) (await store.read(id)).data.wipe();
  const readOneByOneAfterUnlockMs = performance.now() - t;

  t = performance.now();
  const listed = (await store.list()).length;
  const listMs = performance.now() - t;

  t = performance.now();
  await store.rotateDataKey();
  const rotateDataKeyMs = performance.now() - t;
  await store.close();

  const keys = KeyManager.open({ keyStore: memoryKeyStore() });
  const plain = new Uint8Array(256);
  const ad = associatedData('raft-entry', 1n, 1n);
  const SEALS = 50_000;
  t = performance.now();
  for (let i = 0; i < SEALS; i++) keys.recordCipher.encrypt(plain, ad);
  const sealMs = performance.now() - t;
  keys.close();

  const peer = new ClassicLevel<string, Uint8Array>(join(dir, 'peer'), {
    keyEncoding: 'utf8',
    valueEncoding: 'view',
  });
  await peer.open();
  t = performance.now();
  for (let i = 0; i < COUNT; i++) await peer.batch([{ type: 'put', key: `data/${i}`, value: data(i) }]);
  const peerMs = performance.now() - t;
  await peer.close();

  const perSec = (n: number, ms: number): number => Math.round((n / ms) * 1000);
  console.log(
    JSON.stringify({
      bench: 'secret-store',
      secrets: COUNT,
      secretBytes: 64,
      createPerSec: perSec(COUNT, createMs),
      readPerSec: perSec(COUNT, readMs),
      unlockMs: Math.round(unlockMs * 10) / 10,
      unlockAndDecrypt10kMs: Math.round(unlockAndDecryptMs),
      unlockAndDecrypt10kCpuMs: Math.round(unlockAndDecryptCpuMs),
      unlockGoalMet: unlockAndDecryptMs < 1000,
      listAndReadMany10kMs: Math.round(listAndReadManyMs),
      readOneByOneAfterUnlockMs: Math.round(readOneByOneAfterUnlockMs),
      listMs: Math.round(listMs),
      listed,
      rotateDataKeyMs: Math.round(rotateDataKeyMs),
      recordSeal256BPerSec: perSec(SEALS, sealMs),
      peerPlainLevelPutPerSec: perSec(COUNT, peerMs),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
