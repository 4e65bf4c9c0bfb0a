/**
 * Checks on a task's secret directory before it is bound into a container: on an in-memory
 * filesystem, swap off (unless allowed), and every expected file a regular file (no symlink that
 * could point the bind elsewhere). Fails closed with a message that says how to fix it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** `statfs` magic numbers of in-memory filesystems (linux/magic.h). */
export const TMPFS_MAGIC = 0x01021994;
/** `statfs` magic number of ramfs (linux/magic.h). */
export const RAMFS_MAGIC = 0x858458f6;

/** How the machine is inspected; tests replace it. */
export interface FilesystemProbe {
  /** The `statfs` filesystem type of a path. */
  fsType(path: string): number;
  /** The active swap devices (from /proc/swaps). */
  swapDevices(): string[];
}

/** The probe of the real machine: statfs and /proc/swaps. */
export const systemProbe: FilesystemProbe = {
  fsType: (p) => Number(fs.statfsSync(p).type) >>> 0,
  swapDevices() {
    let text: string;
    try {
      text = fs.readFileSync('/proc/swaps', 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/)[0] ?? '')
      .filter((d) => d !== '');
  },
};

/**
 * Refuses to bind a task's secret directory unless it is on tmpfs or ramfs, swap is off (unless
 * `allowSwap`), and each expected target is a regular file there; throws with the reason.
 */
export function checkSecretsDir(
  dir: string,
  targets: readonly string[],
  probe: FilesystemProbe,
  allowSwap: boolean,
): void {
  if (!path.isAbsolute(dir))
    throw new Error(`the task's secret directory must be an absolute path, got ${dir} (fail closed)`);
  let type: number;
  try {
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) throw new Error('not a directory');
    type = probe.fsType(dir);
  } catch (err) {
    throw new Error(
      `the task's secret directory ${dir} cannot be read: ${(err as Error).message} (fail closed)`,
    );
  }
  if (type !== TMPFS_MAGIC && type !== RAMFS_MAGIC)
    throw new Error(
      `secrets need an in-memory filesystem: ${dir} is on a filesystem of type 0x${type.toString(16)}, ` +
        'not tmpfs or ramfs; give the secret writer a root on /dev/shm or a tmpfs (fail closed)',
    );
  if (!allowSwap) {
    const devices = probe.swapDevices();
    if (devices.length > 0)
      throw new Error(
        `secrets need memory that cannot be swapped to disk, but swap is on (${devices.join(', ')}): ` +
          'turn swap off (swapoff -a) or start the node with swap allowed (fail closed)',
      );
  }
  for (const t of targets) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(path.join(dir, t));
    } catch {
      throw new Error(`secret file ${t} is missing from the task's secret directory (fail closed)`);
    }
    if (!st.isFile()) throw new Error(`secret file ${t} is not a regular file (fail closed)`);
  }
}
