import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { type Logger, noopLogger } from '@swarm/api';
import { NotInMemoryFilesystemError, SwapEnabledError, TaskSecretsExistError } from './errors.js';
import { assertSecretName } from './names.js';
import { SecretValue } from './secret-value.js';

/** `statfs` magic numbers of in-memory filesystems (linux/magic.h). */
export const TMPFS_MAGIC = 0x01021994;
/** The statfs type of ramfs. */
export const RAMFS_MAGIC = 0x858458f6;

/** One secret file for a task. */
export interface TaskSecretFile {
  /** The file name in the task's directory (swarm's secret name rule; no separators, no `..`). */
  name: string;
  data: Uint8Array | SecretValue;
  /** Owner of the file and the task directory: the task's user and group. */
  uid: number;
  gid: number;
  /** Read bits only (a subset of 0o444). Default 0o400. */
  mode?: number;
}

/** How the writer inspects the machine; tests replace it. */
export interface FilesystemProbe {
  /** The `statfs` type of the filesystem holding `path`. */
  fsType(path: string): number;
  /** Active swap devices (from /proc/swaps), empty when swap is off. */
  swapDevices(): string[];
}

/** Options of `createSecretWriter`. */
export interface SecretWriterOptions {
  /** The directory that holds one subdirectory per task; must be on tmpfs or ramfs. Created 0700. */
  root: string;
  /**
   * Mode of the root directory, enforced at start. Default 0o700: only the node reaches task
   * directories and hands them to the sandbox (bind mount or file descriptors). 0o711 lets each
   * task user open its own directory by path without listing the others.
   */
  rootMode?: 0o700 | 0o711;
  /** Deliver even when swap is on (tmpfs pages can then reach a disk). Default false: fail closed. */
  allowSwap?: boolean;
  logger?: Logger;
  probe?: FilesystemProbe;
}

/** Delivers secrets to per-task directories on an in-memory filesystem, and removes them. */
export interface SecretWriter {
  /** The root directory (resolved). */
  readonly root: string;
  /**
   * Writes the task's secrets into `<root>/<taskId>/` (files mode 0400, directory 0500, both
   * owned by the task's user; if files name different owners, the directory stays root's with
   * mode 0511) and returns that directory. The directory appears complete or not
   * at all: it is built under a staging name and renamed into place.
   */
  writeTaskSecrets(taskId: string, files: TaskSecretFile[]): string;
  /** Removes a task's directory (overwriting the files first); a no-op when it is gone. */
  removeTask(taskId: string): void;
  /** Removes every task directory under the root (call when the node starts or stops). */
  removeAll(): void;
}

const STAGING_PREFIX = '.staging-';

/** The real machine: `statfs(2)` and `/proc/swaps`. */
export const systemProbe: FilesystemProbe = {
  fsType: (path) => Number(statfsSync(path).type) >>> 0,
  swapDevices() {
    let text: string;
    try {
      text = readFileSync('/proc/swaps', 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/)[0] ?? '')
      .filter((device) => device !== '');
  },
};

/**
 * A writer for task secrets on an in-memory filesystem. Refuses (`NOT_IN_MEMORY_FILESYSTEM`) a
 * root that is not on tmpfs/ramfs, and (`SWAP_ENABLED`) any delivery while swap is on unless
 * `allowSwap` is set. It checks before creating anything on a disk.
 */
export function createSecretWriter(options: SecretWriterOptions): SecretWriter {
  if (typeof options?.root !== 'string' || options.root === '')
    throw new TypeError('options.root must be a directory path');
  const probe = options.probe ?? systemProbe;
  const logger = options.logger ?? noopLogger;
  const rootMode = options.rootMode ?? 0o700;
  if (rootMode !== 0o700 && rootMode !== 0o711)
    throw new RangeError('options.rootMode must be 0o700 or 0o711');
  const root = prepareRoot(options.root, probe);
  chmodSync(root, rootMode);

  const checkSwap = (): void => {
    if (options.allowSwap === true) return;
    const devices = probe.swapDevices();
    if (devices.length > 0) throw new SwapEnabledError(devices);
  };
  const checkRoot = (): void => {
    // Fail closed if someone replaced the root (a symlink or a mount change) after start.
    const st = lstatSync(root);
    if (!st.isDirectory()) throw new NotInMemoryFilesystemError(root, 0);
    const type = probe.fsType(root);
    if (!isInMemory(type)) throw new NotInMemoryFilesystemError(root, type);
  };
  checkSwap();

  return {
    root,
    writeTaskSecrets(taskId, files) {
      assertSecretName(taskId, 'taskId');
      if (!Array.isArray(files)) throw new TypeError('files must be an array of { name, data, uid, gid }');
      const seen = new Set<string>();
      for (const [i, f] of files.entries()) {
        assertSecretName(f?.name, `files[${i}].name`);
        if (seen.has(f.name)) throw new RangeError(`files[${i}].name ${f.name} appears twice`);
        seen.add(f.name);
        if (!(f.data instanceof Uint8Array) && !(f.data instanceof SecretValue)) {
          throw new TypeError(`files[${i}].data must be a Uint8Array or a SecretValue`);
        }
        checkId(f.uid, `files[${i}].uid`);
        checkId(f.gid, `files[${i}].gid`);
        const mode = f.mode ?? 0o400;
        if (!Number.isInteger(mode) || (mode & ~0o444) !== 0 || mode === 0) {
          throw new RangeError(
            `files[${i}].mode must be read bits only (within 0o444), got 0o${Number(mode).toString(8)}`,
          );
        }
      }
      checkSwap();
      checkRoot();
      const dir = join(root, taskId);
      if (existsSync(dir)) throw new TaskSecretsExistError(taskId);
      const staging = join(root, `${STAGING_PREFIX}${taskId}-${randomBytes(6).toString('hex')}`);
      mkdirSync(staging, { mode: 0o700 });
      try {
        for (const f of files) writeSecretFile(join(staging, f.name), f);
        const owner = files[0];
        const uniform = owner !== undefined && files.every((f) => f.uid === owner.uid && f.gid === owner.gid);
        if (uniform) {
          chownSync(staging, owner.uid, owner.gid);
          chmodSync(staging, 0o500);
        } else {
          // Owners differ: root keeps the directory; others may open files by name but not list them.
          chmodSync(staging, 0o511);
        }
        renameSync(staging, dir);
      } catch (err) {
        wipeDirectory(staging);
        throw err;
      }
      logger.info('delivered task secrets', { taskId, files: files.length });
      return dir;
    },
    removeTask(taskId) {
      assertSecretName(taskId, 'taskId');
      const dir = join(root, taskId);
      if (!existsSync(dir)) return;
      wipeDirectory(dir);
      logger.info('removed task secrets', { taskId });
    },
    removeAll() {
      let removed = 0;
      for (const entry of readdirSync(root)) {
        wipeDirectory(join(root, entry));
        removed++;
      }
      if (removed > 0) logger.info('removed all task secrets', { directories: removed });
    },
  };
}

function isInMemory(type: number): boolean {
  return type === TMPFS_MAGIC || type === RAMFS_MAGIC;
}

function prepareRoot(requested: string, probe: FilesystemProbe): string {
  // Check the nearest existing ancestor first, so nothing is created on a disk.
  let probeAt = requested;
  while (!existsSync(probeAt) && dirname(probeAt) !== probeAt) probeAt = dirname(probeAt);
  const type = probe.fsType(probeAt);
  if (!isInMemory(type)) throw new NotInMemoryFilesystemError(requested, type);
  mkdirSync(requested, { recursive: true, mode: 0o700 });
  const root = realpathSync(requested);
  const rootType = probe.fsType(root);
  if (!isInMemory(rootType)) throw new NotInMemoryFilesystemError(root, rootType);
  return root;
}

function writeSecretFile(path: string, f: TaskSecretFile): void {
  const bytes = f.data instanceof SecretValue ? f.data.reveal() : f.data;
  // O_EXCL and O_NOFOLLOW: never write through a file or link someone planted.
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
    fchownSync(fd, f.uid, f.gid);
    fchmodSync(fd, f.mode ?? 0o400);
  } finally {
    closeSync(fd);
    if (f.data instanceof SecretValue) bytes.fill(0);
  }
}

/** Overwrites every regular file with zeros, then removes the tree. */
function wipeDirectory(dir: string): void {
  try {
    if (lstatSync(dir).isDirectory()) {
      chmodSync(dir, 0o700);
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const st = lstatSync(path);
        if (!st.isFile()) continue;
        const fd = openSync(path, constants.O_WRONLY | constants.O_NOFOLLOW);
        try {
          writeSync(fd, new Uint8Array(st.size));
        } finally {
          closeSync(fd);
        }
      }
    }
  } catch {
    // Best effort: removal below still runs.
  }
  rmSync(dir, { recursive: true, force: true });
}

function checkId(value: unknown, what: string): void {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 0xffff_fffe) {
    throw new RangeError(`${what} must be an integer 0..4294967294, got ${String(value)}`);
  }
}
