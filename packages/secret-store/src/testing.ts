// Test doubles for embedders' tests: `@swarm/secret-store/testing`.
export type { CrashHook, CrashPoint } from './crash-points.js';
export { memoryKeyStore } from './key-file-store.js';
export { memoryStorage } from './record-storage.js';

import { type FilesystemProbe, TMPFS_MAGIC } from './secret-writer.js';

/**
 * A filesystem probe with fixed answers (tmpfs and no swap unless told otherwise), for testing
 * how a worker reacts to a disk-backed root or to swap without changing the machine.
 */
export function staticProbe(answers: { fsType?: number; swapDevices?: string[] } = {}): FilesystemProbe {
  return {
    fsType: () => answers.fsType ?? TMPFS_MAGIC,
    swapDevices: () => [...(answers.swapDevices ?? [])],
  };
}
