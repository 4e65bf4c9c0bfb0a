import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { MemoryLogger } from '@swarm/api';
import { afterEach, expect, it } from 'vitest';
import { runReadmeExamples } from '../../../vitest.readme.js';
import {
  associatedData,
  createSecretWriter,
  fileKeyStore,
  KeyManager,
  SecretStore,
  systemProbe,
} from '../src/index.js';
import { diskDir } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

it('runs the README example end to end', async () => {
  const { dir, cleanup } = diskDir();
  cleanups.push(cleanup);
  const shm = mkdtempSync('/dev/shm/swarm-ss-readme-');
  cleanups.push(() => rmSync(shm, { recursive: true, force: true }));
  const logger = new MemoryLogger();
  const path = `${dir}/secrets`;

  let store = await SecretStore.open({ path, logger });
  const unlockKey = await store.rotateUnlockKey();
  expect(unlockKey.reveal()).toMatch(/^SWMKEY-1-[A-Za-z0-9+/]{43}$/);
  const { id } = await store.create({
    name: 'db-password',
    data: Buffer.from('hunter2'),
    labels: { app: 'db' },
  });
  await store.close();

  await expect(SecretStore.open({ path })).rejects.toMatchObject({ code: 'LOCKED' });
  store = await SecretStore.open({ path, unlockKey: unlockKey.reveal() });
  expect((await store.list()).map((m) => m.name)).toEqual(['db-password']);
  const secret = await store.read(id);
  expect(`${secret.data}`).toBe('[redacted]');
  await store.rotateDataKey();
  await store.close();

  // The probe's swap check is replaced so the example also runs on machines with swap on.
  const writer = createSecretWriter({
    root: `${shm}/swarm-secrets`,
    probe: { fsType: systemProbe.fsType, swapDevices: () => [] },
  });
  writer.removeAll();
  const taskId = '0abc...taskid';
  const out = writer.writeTaskSecrets(taskId, [
    { name: 'db-password', data: secret.data, uid: 1500, gid: 1500 },
  ]);
  expect(readFileSync(`${out}/db-password`, 'utf8')).toBe('hunter2');
  writer.removeTask(taskId);

  const keys = KeyManager.open({ keyStore: fileKeyStore(`${dir}/raft-keys.json`), unlockKey });
  const entryBytes = Buffer.from('raft entry');
  const [term, index] = [3n, 42n];
  const sealed = keys.recordCipher.encrypt(entryBytes, associatedData('raft-entry', term, index));
  expect(Buffer.from(keys.recordCipher.decrypt(sealed, associatedData('raft-entry', term, index)))).toEqual(
    entryBytes,
  );
  expect(() => keys.recordCipher.decrypt(sealed, associatedData('raft-entry', term, index + 1n))).toThrow(
    expect.objectContaining({ code: 'RECORD_AUTHENTICATION_FAILED' }),
  );
  keys.close();
});

it('runs every README example as written and prints what the README says', async () => {
  const runs = await runReadmeExamples(new URL('../', import.meta.url));
  expect(runs.length).toBe(2);
  for (const r of runs) expect(r.printed, `README line ${r.line}`).toBe(r.expected);
});
