import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryLogger } from '@swarm/api';
import { staticProbe } from '@swarm/secret-store/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSecretWriter,
  type FilesystemProbe,
  SecretValue,
  systemProbe,
  TMPFS_MAGIC,
} from '../src/index.js';
import { diskDir } from './helpers.js';

const EXT4_MAGIC = 0xef53;
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** A fresh root under /dev/shm (tmpfs on this machine; the test below asserts that). */
function shmRoot(): string {
  const base = mkdtempSync('/dev/shm/swarm-ss-test-');
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  return join(base, 'secrets');
}

const noSwap: FilesystemProbe = { fsType: systemProbe.fsType, swapDevices: () => [] };
const TASK = 'task0000000000000000000001';

describe('worker-side delivery to an in-memory filesystem', () => {
  it('runs on a machine where /dev/shm is tmpfs', () => {
    expect(systemProbe.fsType('/dev/shm')).toBe(TMPFS_MAGIC);
  });

  it('writes each secret as a 0400 file owned by the task user, in a 0500 directory of its own', () => {
    const logger = new MemoryLogger();
    const writer = createSecretWriter({ root: shmRoot(), probe: noSwap, logger });
    const dir = writer.writeTaskSecrets(TASK, [
      { name: 'db-password', data: Buffer.from('delivered-secret-1'), uid: 1234, gid: 2345 },
      { name: 'api.token', data: new SecretValue(Buffer.from('delivered-secret-2')), uid: 1234, gid: 2345 },
    ]);
    expect(dir).toBe(join(writer.root, TASK));
    const dirStat = statSync(dir);
    expect(dirStat.mode & 0o7777).toBe(0o500);
    expect([dirStat.uid, dirStat.gid]).toEqual([1234, 2345]);
    expect(readdirSync(dir).sort()).toEqual(['api.token', 'db-password']);
    for (const [name, value] of [
      ['db-password', 'delivered-secret-1'],
      ['api.token', 'delivered-secret-2'],
    ] as const) {
      const st = statSync(join(dir, name));
      expect(st.mode & 0o7777).toBe(0o400);
      expect([st.uid, st.gid]).toEqual([1234, 2345]);
      expect(readFileSync(join(dir, name), 'utf8')).toBe(value);
    }
    expect(readdirSync(writer.root)).toEqual([TASK]);
    expect(logger.text()).not.toContain('delivered-secret');
  });

  it('keeps the root 0700 by default and 0711 when task users open their directories by path', () => {
    const root = shmRoot();
    expect(statSync(createSecretWriter({ root, probe: noSwap }).root).mode & 0o7777).toBe(0o700);
    expect(statSync(createSecretWriter({ root, probe: noSwap, rootMode: 0o711 }).root).mode & 0o7777).toBe(
      0o711,
    );
    expect(() => createSecretWriter({ root, probe: noSwap, rootMode: 0o755 as 0o700 })).toThrow(RangeError);
  });

  it('applies a requested read-only mode and refuses write or execute bits', () => {
    const writer = createSecretWriter({ root: shmRoot(), probe: noSwap });
    const dir = writer.writeTaskSecrets(TASK, [
      { name: 'cfg', data: Buffer.from('v'), uid: 1, gid: 1, mode: 0o440 },
    ]);
    expect(statSync(join(dir, 'cfg')).mode & 0o7777).toBe(0o440);
    for (const mode of [0o600, 0o700, 0o4400, 0o401, 0]) {
      expect(() =>
        writer.writeTaskSecrets('other-task', [
          { name: 'cfg', data: Buffer.from('v'), uid: 1, gid: 1, mode },
        ]),
      ).toThrow(RangeError);
    }
    expect(existsSync(join(writer.root, 'other-task'))).toBe(false);
  });

  it('keeps the directory root-owned and unlistable when files name different owners', () => {
    const writer = createSecretWriter({ root: shmRoot(), probe: noSwap });
    const dir = writer.writeTaskSecrets(TASK, [
      { name: 'a', data: Buffer.from('1'), uid: 1000, gid: 1000 },
      { name: 'b', data: Buffer.from('2'), uid: 1001, gid: 1001 },
    ]);
    const st = statSync(dir);
    expect([st.uid, st.mode & 0o7777]).toEqual([0, 0o511]);
  });

  it('removes a task directory when the task ends, and everything on removeAll', () => {
    const writer = createSecretWriter({ root: shmRoot(), probe: noSwap });
    const one = writer.writeTaskSecrets('task-one', [{ name: 's', data: Buffer.from('1'), uid: 5, gid: 5 }]);
    writer.writeTaskSecrets('task-two', [{ name: 's', data: Buffer.from('2'), uid: 5, gid: 5 }]);
    writer.removeTask('task-one');
    expect(existsSync(one)).toBe(false);
    writer.removeTask('task-one');
    expect(readdirSync(writer.root)).toEqual(['task-two']);
    writer.removeAll();
    expect(readdirSync(writer.root)).toEqual([]);
  });

  it('refuses to deliver twice for the same task', () => {
    const writer = createSecretWriter({ root: shmRoot(), probe: noSwap });
    writer.writeTaskSecrets(TASK, [{ name: 's', data: Buffer.from('1'), uid: 5, gid: 5 }]);
    expect(() =>
      writer.writeTaskSecrets(TASK, [{ name: 's', data: Buffer.from('1'), uid: 5, gid: 5 }]),
    ).toThrow(expect.objectContaining({ code: 'TASK_SECRETS_EXIST' }));
  });

  it.each(['..', '.', '../escape', 'a/b', 'a\0b', '', '.hidden', 'x'.repeat(65)])(
    'refuses the file or task name %j',
    (name) => {
      const writer = createSecretWriter({ root: shmRoot(), probe: noSwap });
      expect(() => writer.writeTaskSecrets(TASK, [{ name, data: Buffer.from('v'), uid: 1, gid: 1 }])).toThrow(
        expect.objectContaining({ code: 'INVALID_SECRET_NAME' }),
      );
      expect(() => writer.writeTaskSecrets(name, [])).toThrow(
        expect.objectContaining({ code: 'INVALID_SECRET_NAME' }),
      );
      expect(() => writer.removeTask(name)).toThrow(expect.objectContaining({ code: 'INVALID_SECRET_NAME' }));
      expect(readdirSync(writer.root)).toEqual([]);
    },
  );

  it('refuses duplicate file names and bad owners', () => {
    const writer = createSecretWriter({ root: shmRoot(), probe: noSwap });
    const f = { name: 's', data: Buffer.from('v'), uid: 1, gid: 1 };
    expect(() => writer.writeTaskSecrets(TASK, [f, f])).toThrow(RangeError);
    expect(() => writer.writeTaskSecrets(TASK, [{ ...f, uid: -1 }])).toThrow(RangeError);
    expect(() => writer.writeTaskSecrets(TASK, [{ ...f, gid: 1.5 }])).toThrow(RangeError);
  });

  it('refuses a root on a disk filesystem and creates nothing there', () => {
    const { dir, cleanup } = diskDir();
    cleanups.push(cleanup);
    expect(systemProbe.fsType(dir)).not.toBe(TMPFS_MAGIC);
    const root = join(dir, 'secrets');
    expect(() => createSecretWriter({ root, probe: noSwap })).toThrow(
      expect.objectContaining({
        code: 'NOT_IN_MEMORY_FILESYSTEM',
        details: expect.objectContaining({ path: root }),
      }),
    );
    expect(existsSync(root)).toBe(false);
  });

  it('refuses a tmpfs path that is a symlink to a disk directory', () => {
    const { dir, cleanup } = diskDir();
    cleanups.push(cleanup);
    const link = shmRoot();
    symlinkSync(dir, link);
    expect(() => createSecretWriter({ root: link, probe: noSwap })).toThrow(
      expect.objectContaining({ code: 'NOT_IN_MEMORY_FILESYSTEM' }),
    );
  });

  it('fails closed when the root stops being in memory after start', () => {
    let type = TMPFS_MAGIC;
    const writer = createSecretWriter({
      root: shmRoot(),
      probe: { fsType: () => type, swapDevices: () => [] },
    });
    type = EXT4_MAGIC;
    expect(() =>
      writer.writeTaskSecrets(TASK, [{ name: 's', data: Buffer.from('v'), uid: 1, gid: 1 }]),
    ).toThrow(expect.objectContaining({ code: 'NOT_IN_MEMORY_FILESYSTEM' }));
    expect(readdirSync(writer.root)).toEqual([]);
  });

  it('fails closed when swap is on, unless the embedder accepts the risk', () => {
    const swapOn = staticProbe({ swapDevices: ['/dev/vdb1'] });
    expect(() => createSecretWriter({ root: shmRoot(), probe: swapOn })).toThrow(
      expect.objectContaining({ code: 'SWAP_ENABLED', details: { devices: ['/dev/vdb1'] } }),
    );
    const writer = createSecretWriter({ root: shmRoot(), probe: swapOn, allowSwap: true });
    expect(writer.writeTaskSecrets(TASK, [{ name: 's', data: Buffer.from('v'), uid: 1, gid: 1 }])).toBe(
      join(writer.root, TASK),
    );
  });

  it('refuses a root that a probe reports as a disk filesystem', () => {
    expect(() => createSecretWriter({ root: shmRoot(), probe: staticProbe({ fsType: EXT4_MAGIC }) })).toThrow(
      expect.objectContaining({
        code: 'NOT_IN_MEMORY_FILESYSTEM',
        details: expect.objectContaining({ fsType: EXT4_MAGIC }),
      }),
    );
  });

  it('reads swap devices from /proc/swaps (none on this machine)', () => {
    const lines = readFileSync('/proc/swaps', 'utf8').trim().split('\n').length - 1;
    expect(systemProbe.swapDevices().length).toBe(lines);
  });
});
