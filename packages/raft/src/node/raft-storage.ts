// What the driver needs from stable storage: the core's read-only view plus durable writes.
import { MemoryStorage, type Storage } from '../storage.js';
import type { ConfState, Entry, HardState, Snapshot } from '../types.js';

/** What one `Ready` asks to persist. */
export interface StorageUpdate {
  hardState?: HardState | undefined;
  entries?: readonly Entry[] | undefined;
  snapshot?: Snapshot | undefined;
}

/**
 * Durable raft storage as the driver uses it. `LevelStorage` (LevelDB) is the production
 * implementation, `memoryRaftStorage()` a volatile one for tests; the simulator has its own that
 * loses unsynced writes on a simulated crash.
 */
export interface RaftStorage extends Storage {
  /** Persists a Ready's hard state, entries and snapshot atomically; synced before resolving if `sync`. */
  save(update: StorageUpdate, options: { sync: boolean }): Promise<void>;
  /** Records a snapshot of the applied state at index `i` (durably). */
  createSnapshot(i: bigint, confState: ConfState | undefined, data: Uint8Array): Promise<Snapshot>;
  /** Discards entries up to `i`, which a stored snapshot must cover. */
  compact(i: bigint): Promise<void>;
  hardState(): HardState;
  close(): Promise<void>;
}

/** A RaftStorage that lives in memory only (nothing survives the process). */
export function memoryRaftStorage(mem = new MemoryStorage()): RaftStorage {
  return {
    initialState: () => mem.initialState(),
    entries: (lo, hi, max) => mem.entries(lo, hi, max),
    term: (i) => mem.term(i),
    lastIndex: () => mem.lastIndex(),
    firstIndex: () => mem.firstIndex(),
    snapshot: () => mem.snapshot(),
    hardState: () => mem.hardState(),
    async save(update) {
      if (update.snapshot !== undefined && update.snapshot.metadata.index > 0n)
        mem.applySnapshot(update.snapshot);
      if (update.entries !== undefined && update.entries.length > 0) mem.append(update.entries);
      if (update.hardState !== undefined) mem.setHardState(update.hardState);
    },
    async createSnapshot(i, cs, data) {
      return mem.createSnapshot(i, cs, data);
    },
    async compact(i) {
      if (i > mem.snapshot().metadata.index) {
        throw new RangeError(`compact(${i}): only entries covered by the snapshot may be compacted`);
      }
      if (i >= mem.firstIndex()) mem.compact(i);
    },
    async close() {},
  };
}
