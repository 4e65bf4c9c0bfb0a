import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type CrashPoint, generateUnlockKey, SecretStore, type UnlockKey } from '../src/index.js';
import { diskDir } from './helpers.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const packageDir = fileURLToPath(new URL('../', import.meta.url));
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function seeded(unlockKey?: UnlockKey) {
  const { dir, cleanup } = diskDir();
  cleanups.push(cleanup);
  const path = `${dir}/store`;
  const store = await SecretStore.open({ path, ...(unlockKey === undefined ? {} : { unlockKey }) });
  const values = new Map<string, string>();
  for (let i = 0; i < 10; i++) {
    const value = `killed-${i}`;
    values.set((await store.create({ name: `k${i}`, data: Buffer.from(value) })).id, value);
  }
  await store.close();
  return { path, values };
}

/** Runs the rotation in a child process that SIGKILLs itself at the `nth` call of `point`. */
function killAt(
  path: string,
  rotation: 'data' | 'unlock',
  point: CrashPoint,
  nth: number,
  env: Record<string, string> = {},
) {
  // node itself (not the tsx wrapper, which would turn the signal into an exit code) with tsx's loader.
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', `${fixtures}kill-during-rotation.ts`, path, rotation, point, String(nth)],
    {
      cwd: packageDir,
      env: { ...process.env, ...env, TSX_TSCONFIG_PATH: `${fixtures}tsconfig.json` },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(child.stderr).not.toMatch(/Error/);
  expect(child.signal).toBe('SIGKILL');
}

async function expectIntact(store: SecretStore, values: Map<string, string>): Promise<void> {
  for (const [id, value] of values)
    expect(Buffer.from((await store.read(id)).data.reveal()).toString()).toBe(value);
  await store.close();
}

describe('crash recovery with a real process kill (SIGKILL between writes)', () => {
  it('finishes a data key rotation killed between re-encryption batches', async () => {
    const { path, values } = await seeded();
    killAt(path, 'data', 'data-key:batch-reencrypted', 2);
    const store = await SecretStore.open({ path });
    expect(store.keyStatus()).toMatchObject({ dataKeyId: 2, pendingDataKeyId: undefined });
    await expectIntact(store, values);
  });

  it('opens with either unlock key after a rotation killed with both wraps on disk', async () => {
    const oldKey = generateUnlockKey();
    const newKey = generateUnlockKey();
    const { path, values } = await seeded(oldKey);
    killAt(path, 'unlock', 'unlock-key:both-wrapped', 1, {
      OLD_KEY: oldKey.reveal(),
      NEW_KEY: newKey.reveal(),
    });
    await expectIntact(await SecretStore.open({ path, unlockKey: newKey }), values);
    await expect(SecretStore.open({ path, unlockKey: oldKey })).rejects.toMatchObject({
      code: 'INVALID_UNLOCK_KEY',
    });
  });
});
