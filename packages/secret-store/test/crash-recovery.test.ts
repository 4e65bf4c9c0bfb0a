import { cpSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CrashPoint, generateUnlockKey, SecretStore, type UnlockKey } from '../src/index.js';
import { diskDir } from './helpers.js';

class InjectedCrash extends Error {}

/** A crash hook that throws at its `target`-th call (0-based) once armed, recording the points seen. */
function crashAt(target: number) {
  const hook = {
    armed: false,
    calls: 0,
    crashedAt: undefined as CrashPoint | undefined,
    fn: (point: CrashPoint) => {
      if (!hook.armed) return;
      if (hook.calls++ === target) {
        hook.crashedAt = point;
        throw new InjectedCrash(`injected crash at ${point}`);
      }
    },
  };
  return hook;
}

const SECRETS = 12;

async function seed(path: string, hook: ReturnType<typeof crashAt>, unlockKey?: UnlockKey) {
  const store = await SecretStore.open({
    path,
    crashHook: hook.fn,
    reencryptBatchSize: 5,
    nonceReservation: 7,
    ...(unlockKey === undefined ? {} : { unlockKey }),
  });
  const ids = new Map<string, string>();
  for (let i = 0; i < SECRETS; i++) {
    const { id } = await store.create({
      name: `s-${i}`,
      data: Buffer.from(`value-${i}`),
      labels: { i: String(i) },
    });
    ids.set(id, `value-${i}`);
  }
  return { store, ids };
}

async function expectAllReadBack(store: SecretStore, ids: Map<string, string>): Promise<void> {
  expect((await store.list()).length).toBe(ids.size);
  for (const [id, value] of ids)
    expect(Buffer.from((await store.read(id)).data.reveal()).toString()).toBe(value);
}

/** Runs `operation` with a crash at each successive hook call until one run completes uncrashed. */
async function everyCrashPoint(
  run: (hook: ReturnType<typeof crashAt>, path: string) => Promise<void>,
): Promise<CrashPoint[]> {
  const seen: CrashPoint[] = [];
  for (let target = 0; target < 200; target++) {
    const { dir, cleanup } = diskDir();
    try {
      const hook = crashAt(target);
      await run(hook, `${dir}/store`);
      if (hook.crashedAt === undefined) return seen;
      seen.push(hook.crashedAt);
    } finally {
      cleanup();
    }
  }
  throw new Error('the operation never completed');
}

describe('crash recovery: a crash at every step of a rotation loses nothing', () => {
  it('recovers a data key rotation from a crash at each step, finishing it on reopen', async () => {
    const points = await everyCrashPoint(async (hook, path) => {
      const { store, ids } = await seed(path, hook);
      hook.armed = true;
      let crashed = false;
      try {
        await store.rotateDataKey();
      } catch (err) {
        expect(err).toBeInstanceOf(InjectedCrash);
        crashed = true;
      }
      await store.close();
      const reopened = await SecretStore.open({ path });
      const status = reopened.keyStatus();
      expect(status.pendingDataKeyId).toBeUndefined();
      // Either the crash came before the pending key was durable (nothing to finish) or it was finished.
      expect([1, 2]).toContain(status.dataKeyId);
      if (!crashed) expect(status.dataKeyId).toBe(2);
      await expectAllReadBack(reopened, ids);
      await reopened.close();
    });
    for (const p of [
      'key-file:temp-written',
      'key-file:renamed',
      'data-key:pending-written',
      'data-key:batch-reencrypted',
      'data-key:all-reencrypted',
      'data-key:promoted',
    ] as const) {
      expect(points).toContain(p);
    }
    expect(points.filter((p) => p === 'data-key:batch-reencrypted').length).toBeGreaterThanOrEqual(4);
  });

  it('recovers when the resumed rotation crashes too, at each step', async () => {
    const { dir, cleanup } = diskDir();
    try {
      const path = `${dir}/store`;
      let batches = 0;
      const { store, ids } = await seed(path, crashAt(-1));
      const crashOnSecondBatch = (point: CrashPoint): void => {
        if (point === 'data-key:batch-reencrypted' && ++batches === 2) throw new InjectedCrash(point);
      };
      await store.close();
      const crashing = await SecretStore.open({ path, crashHook: crashOnSecondBatch, reencryptBatchSize: 5 });
      await expect(crashing.rotateDataKey()).rejects.toBeInstanceOf(InjectedCrash);
      await crashing.close();
      // Every attempt starts from the same crashed state and crashes one step later than the last.
      cpSync(path, `${dir}/crashed`, { recursive: true });
      let crashesDuringRecovery = 0;
      for (let target = 0; ; target++) {
        rmSync(path, { recursive: true });
        cpSync(`${dir}/crashed`, path, { recursive: true });
        const hook = crashAt(target);
        hook.armed = true;
        let reopened: SecretStore | undefined;
        try {
          reopened = await SecretStore.open({ path, crashHook: hook.fn });
        } catch (err) {
          expect(err).toBeInstanceOf(InjectedCrash);
          crashesDuringRecovery++;
          continue;
        }
        expect(crashesDuringRecovery).toBeGreaterThanOrEqual(5);
        expect(reopened.keyStatus().pendingDataKeyId).toBeUndefined();
        await expectAllReadBack(reopened, ids);
        await reopened.close();
        break;
      }
    } finally {
      cleanup();
    }
  });

  it('recovers an unlock key rotation from a crash at each step: the old or the new key opens it', async () => {
    const points = await everyCrashPoint(async (hook, path) => {
      const oldKey = generateUnlockKey();
      const newKey = generateUnlockKey();
      const { store, ids } = await seed(path, hook, oldKey);
      hook.armed = true;
      try {
        await store.rotateUnlockKey(newKey);
      } catch (err) {
        expect(err).toBeInstanceOf(InjectedCrash);
      }
      await store.close();
      const opensWith = async (key: UnlockKey): Promise<boolean> => {
        try {
          const s = await SecretStore.open({ path, unlockKey: key });
          await expectAllReadBack(s, ids);
          await s.close();
          return true;
        } catch (err) {
          expect(err).toMatchObject({ code: 'INVALID_UNLOCK_KEY' });
          return false;
        }
      };
      const winner = (await opensWith(newKey)) ? newKey : oldKey;
      if (winner === oldKey) expect(await opensWith(oldKey)).toBe(true);
      if (hook.crashedAt === undefined) expect(winner).toBe(newKey);
      // The successful open settled the file: from now on only the key that opened it works.
      const loser = winner === newKey ? oldKey : newKey;
      expect(await opensWith(loser)).toBe(false);
      expect(await opensWith(winner)).toBe(true);
    });
    expect(points).toContain('unlock-key:both-wrapped');
    expect(points).toContain('unlock-key:rewrapped');
  });

  it('recovers enabling autolock from a crash at each step: no key or the new key opens it', async () => {
    await everyCrashPoint(async (hook, path) => {
      const newKey = generateUnlockKey();
      const { store, ids } = await seed(path, hook);
      hook.armed = true;
      try {
        await store.rotateUnlockKey(newKey);
      } catch (err) {
        expect(err).toBeInstanceOf(InjectedCrash);
      }
      await store.close();
      let reopened: SecretStore;
      try {
        reopened = await SecretStore.open({ path, unlockKey: newKey });
      } catch (err) {
        expect(err).toMatchObject({ code: 'NOT_LOCKED' });
        expect(hook.crashedAt).toBeDefined();
        reopened = await SecretStore.open({ path });
      }
      await expectAllReadBack(reopened, ids);
      await reopened.close();
    });
  });
});
