import { execFile } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSwarmError } from '@swarm/api';
import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it } from 'vitest';
import { LevelStorage } from '../../src/durable/level-storage.js';
import { entryKey, type RecordCipher } from '../../src/durable/record.js';
import { emptyConfState } from '../../src/types.js';
import { crashWorkload, entry, modelAfter, range } from './workload.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'raft-level-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const text = (u: Uint8Array) => new TextDecoder().decode(u);

async function rawDb(path: string, fn: (db: ClassicLevel<Uint8Array, Uint8Array>) => Promise<void>) {
  const db = new ClassicLevel<Uint8Array, Uint8Array>(path, { keyEncoding: 'view', valueEncoding: 'view' });
  await db.open();
  try {
    await fn(db);
  } finally {
    await db.close();
  }
}

async function expectCorrupt(p: Promise<unknown>, pattern: RegExp) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSwarmError(err, 'STORAGE_CORRUPT'), String(err)).toBe(true);
  expect((err as Error).message).toMatch(pattern);
}

/** AES-256-GCM with the associated data bound, as @swarm/secret-store's record cipher does. */
function testCipher(key = randomBytes(32)): RecordCipher {
  return {
    encrypt(plain, ad) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(ad);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(sealed, ad) {
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAAD(ad);
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
    },
  };
}

describe('LevelStorage', () => {
  it('recovers entries and hard state after a restart', async () => {
    const path = tempDir();
    const s = await LevelStorage.open({ path });
    await s.save(
      { entries: range(1n, 10n, 1n), hardState: { term: 1n, vote: 7n, commit: 4n } },
      { sync: true },
    );
    await s.close();

    const r = await LevelStorage.open({ path });
    expect(r.firstIndex()).toBe(1n);
    expect(r.lastIndex()).toBe(10n);
    expect(r.term(7n)).toBe(1n);
    expect(r.initialState().hardState).toEqual({ term: 1n, vote: 7n, commit: 4n });
    expect(r.entries(3n, 6n, Number.MAX_SAFE_INTEGER).map((e) => text(e.data))).toEqual([
      'e3t1',
      'e4t1',
      'e5t1',
    ]);
    await r.close();
  });

  it('replaces a conflicting suffix on disk, so a restart does not resurrect overwritten entries', async () => {
    const path = tempDir();
    const s = await LevelStorage.open({ path });
    await s.save({ entries: range(1n, 10n, 1n) }, { sync: true });
    await s.save({ entries: range(6n, 7n, 2n) }, { sync: true });
    expect(s.lastIndex()).toBe(7n);
    await s.close();
    const r = await LevelStorage.open({ path });
    expect(r.lastIndex()).toBe(7n);
    expect(r.term(6n)).toBe(2n);
    expect(r.term(5n)).toBe(1n);
    await r.close();
    await rawDb(path, async (db) => {
      expect(await db.get(entryKey(8n))).toBeUndefined();
      expect(await db.get(entryKey(10n))).toBeUndefined();
    });
  });

  it('installs a snapshot from the leader, replacing the whole log', async () => {
    const path = tempDir();
    const s = await LevelStorage.open({ path });
    await s.save({ entries: range(1n, 5n, 1n) }, { sync: true });
    const cs = { ...emptyConfState(), voters: [1n, 2n, 3n] };
    await s.save(
      {
        snapshot: { data: Uint8Array.of(9, 9), metadata: { index: 20n, term: 3n, confState: cs } },
        entries: [entry(21n, 3n)],
        hardState: { term: 3n, vote: 0n, commit: 20n },
      },
      { sync: true },
    );
    await s.close();
    const r = await LevelStorage.open({ path });
    expect(r.firstIndex()).toBe(21n);
    expect(r.lastIndex()).toBe(21n);
    expect(r.term(20n)).toBe(3n);
    expect(r.snapshot().metadata.confState.voters).toEqual([1n, 2n, 3n]);
    expect(Array.from(r.snapshot().data)).toEqual([9, 9]);
    expect(r.initialState().confState.voters).toEqual([1n, 2n, 3n]);
    await r.close();
  });

  it('compacts only what a stored snapshot covers and keeps the rest across restarts', async () => {
    const path = tempDir();
    const s = await LevelStorage.open({ path });
    await s.save(
      { entries: range(1n, 30n, 1n), hardState: { term: 1n, vote: 1n, commit: 30n } },
      { sync: true },
    );
    await expect(s.compact(10n)).rejects.toThrow(RangeError);
    await s.createSnapshot(20n, { ...emptyConfState(), voters: [1n] }, Uint8Array.of(1));
    await s.compact(15n);
    expect(s.firstIndex()).toBe(16n);
    await s.close();
    const r = await LevelStorage.open({ path });
    // the snapshot at 20 covers 16..20 too: recovery starts the log after the snapshot
    expect(r.snapshot().metadata.index).toBe(20n);
    expect(r.firstIndex()).toBe(21n);
    expect(r.lastIndex()).toBe(30n);
    expect(text(r.entries(25n, 26n, 1_000)[0]!.data)).toBe('e25t1');
    await r.close();
  });

  it('refuses to open a log with a flipped bit in a record, naming the record', async () => {
    const path = tempDir();
    const s = await LevelStorage.open({ path });
    await s.save({ entries: range(1n, 5n, 1n) }, { sync: true });
    await s.close();
    await rawDb(path, async (db) => {
      const v = (await db.get(entryKey(3n)))!;
      v[v.length - 1] = v[v.length - 1]! ^ 0x10;
      await db.put(entryKey(3n), v);
    });
    await expectCorrupt(LevelStorage.open({ path }), /entry 3: checksum mismatch/);
  });

  it('detects a record copied to another index, a hole in the log and a torn record', async () => {
    for (const damage of ['moved', 'hole', 'torn'] as const) {
      const path = tempDir();
      const s = await LevelStorage.open({ path });
      await s.save({ entries: range(1n, 5n, 1n) }, { sync: true });
      await s.close();
      await rawDb(path, async (db) => {
        if (damage === 'moved') await db.put(entryKey(4n), (await db.get(entryKey(3n)))!);
        if (damage === 'hole') await db.del(entryKey(3n));
        if (damage === 'torn') await db.put(entryKey(5n), (await db.get(entryKey(5n)))!.subarray(0, 3));
      });
      const pattern = { moved: /entry 4: checksum/, hole: /entry 3: missing/, torn: /entry 5: .*torn/ }[
        damage
      ];
      await expectCorrupt(LevelStorage.open({ path }), pattern);
    }
  });

  it('with a record cipher, keeps no plaintext on disk and refuses the wrong key or no key', async () => {
    const path = tempDir();
    const cipher = testCipher();
    const s = await LevelStorage.open({ path, cipher });
    const canary = 'CANARY-raft-payload-7f3a9';
    await s.save(
      {
        entries: [entry(1n, 1n, canary), entry(2n, 1n, canary)],
        hardState: { term: 1n, vote: 1n, commit: 1n },
      },
      { sync: true },
    );
    await s.close();
    for (const f of readdirSync(path)) {
      expect(readFileSync(join(path, f)).includes(Buffer.from(canary)), f).toBe(false);
    }
    const r = await LevelStorage.open({ path, cipher });
    expect(text(r.entries(1n, 2n, 100)[0]!.data)).toBe(canary);
    await r.close();
    await expectCorrupt(LevelStorage.open({ path, cipher: testCipher() }), /failed authentication/);
    await expectCorrupt(LevelStorage.open({ path }), /encrypted but no record cipher/);
  });

  it('refuses plaintext records when a cipher is set (no silent downgrade)', async () => {
    const path = tempDir();
    const s = await LevelStorage.open({ path });
    await s.save({ entries: [entry(1n, 1n)] }, { sync: true });
    await s.close();
    await expectCorrupt(LevelStorage.open({ path, cipher: testCipher() }), /not encrypted/);
  });

  it('refuses a hard state whose commit index is beyond the log', async () => {
    const path = tempDir();
    const s = await LevelStorage.open({ path });
    await s.save(
      { entries: range(1n, 3n, 1n), hardState: { term: 1n, vote: 1n, commit: 3n } },
      { sync: true },
    );
    await s.close();
    await rawDb(path, async (db) => {
      await db.del(entryKey(3n));
    });
    await expectCorrupt(LevelStorage.open({ path }), /commit index 3 is beyond the last entry 2/);
  });

  it('refuses entries that would open a hole, and stops writing after a failed write', async () => {
    const path = tempDir();
    let fail = false;
    const s = await LevelStorage.open({
      path,
      onWriteStep: (step) => {
        if (fail && step === 'encoded') throw new Error('injected I/O error');
      },
    });
    await s.save({ entries: range(1n, 3n, 1n) }, { sync: true });
    await expect(s.save({ entries: [entry(9n, 1n)] }, { sync: true })).rejects.toThrow(/hole/);
    fail = true;
    await expect(s.save({ entries: [entry(4n, 1n)] }, { sync: true })).rejects.toThrow(/injected/);
    fail = false;
    const err = await s.save({ entries: [entry(4n, 1n)] }, { sync: true }).catch((e: unknown) => e);
    expect(isSwarmError(err, 'STORAGE_CLOSED')).toBe(true);
    await s.close();
    const r = await LevelStorage.open({ path });
    expect(r.lastIndex()).toBe(3n);
    await r.close();
  });

  it('serializes concurrent saves in call order', async () => {
    const path = tempDir();
    const s = await LevelStorage.open({ path });
    await Promise.all([
      s.save({ entries: range(1n, 5n, 1n) }, { sync: false }),
      s.save({ entries: range(6n, 8n, 1n) }, { sync: false }),
      s.save({ entries: range(4n, 4n, 2n) }, { sync: true }),
    ]);
    expect(s.lastIndex()).toBe(4n);
    expect(s.term(4n)).toBe(2n);
    await s.close();
  });
});

describe('LevelStorage crash recovery (real processes, SIGKILL at every step of the write path)', () => {
  const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
  const workload = crashWorkload();

  function runWriter(path: string, killWrite: number, killStep: string): Promise<number> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', writer, path, String(killWrite), killStep],
        { cwd: fileURLToPath(new URL('../..', import.meta.url)) },
        (err, stdout, stderr) => {
          const acks = stdout.split('\n').filter((l) => l.startsWith('ack ')).length;
          const killed = err && (err as { signal?: string }).signal === 'SIGKILL';
          if (err && !killed) reject(new Error(`writer failed: ${stderr}`));
          else resolve(acks);
        },
      );
    });
  }

  it('keeps every acknowledged write and never exposes half a batch', async () => {
    const cases: [number, string][] = [];
    for (let w = 1; w <= workload.length; w++)
      for (const step of ['encoded', 'written', 'applied']) cases.push([w, step]);
    const results = await Promise.all(
      cases.map(async ([w, step]) => {
        const path = tempDir();
        const acks = await runWriter(path, w, step);
        const r = await LevelStorage.open({ path });
        try {
          // Killed during write w: writes 1..w-1 were acknowledged; write w is either wholly on
          // disk (killed after the batch) or wholly absent (killed before it).
          expect(acks, `kill at ${w}/${step}`).toBe(w - 1);
          const onDisk = step === 'encoded' ? w - 1 : w;
          const model = modelAfter(workload, onDisk);
          expect(r.lastIndex(), `kill at ${w}/${step}`).toBe(model.last);
          for (const [i, e] of model.log) {
            const got = r.entries(i, i + 1n, 1_000)[0]!;
            expect(got.term, `entry ${i} after kill at ${w}/${step}`).toBe(e.term);
            expect(text(got.data)).toBe(text(e.data));
          }
          expect(r.initialState().hardState).toEqual(model.hardState);
        } finally {
          await r.close();
        }
        return `${w}/${step}`;
      }),
    );
    expect(results).toHaveLength(workload.length * 3);
  }, 120_000);
});
