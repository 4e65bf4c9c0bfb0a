import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CrashHook } from './crash-points.js';

/**
 * Where the key file lives: a small blob read once at open and replaced atomically on every key
 * change. It is synchronous on purpose, so that a sealing record cipher can durably reserve its
 * next block of nonces without turning `encrypt` into a promise.
 */
export interface KeyFileStore {
  /** Names the key file in errors (a path, or `memory`). */
  readonly description: string;
  /** The key file's bytes, or undefined when none exists yet. */
  read(): Uint8Array | undefined;
  /** Replaces the key file atomically and durably: after a crash it holds the old or the new bytes. */
  write(bytes: Uint8Array): void;
}

/**
 * A key file on disk, mode 0600: writes go to `<path>.tmp`, are fsynced, renamed over `path`,
 * and the directory is fsynced.
 */
export function fileKeyStore(path: string, options: { crashHook?: CrashHook } = {}): KeyFileStore {
  const crash = options.crashHook ?? (() => {});
  return {
    description: path,
    read() {
      try {
        return readFileSync(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    write(bytes) {
      const tmp = `${path}.tmp`;
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      crash('key-file:temp-written');
      renameSync(tmp, path);
      crash('key-file:renamed');
      syncDirectory(dirname(path));
    },
  };
}

/** A key file in memory, for tests; `bytes` shows what a disk would hold. */
export function memoryKeyStore(initial?: Uint8Array): KeyFileStore & { bytes: Uint8Array | undefined } {
  const store = {
    description: 'memory',
    bytes: initial === undefined ? undefined : Uint8Array.from(initial),
    read: () => (store.bytes === undefined ? undefined : Uint8Array.from(store.bytes)),
    write: (bytes: Uint8Array) => {
      store.bytes = Uint8Array.from(bytes);
    },
  };
  return store;
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
