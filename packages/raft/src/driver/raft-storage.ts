// What the driver needs from stable storage: the core's read-only view plus durable writes.
import { type InitialState, MemoryStorage, type Storage } from '../storage.js';
import type { ConfState, Entry, HardState, Snapshot } from '../types.js';

/** What one `Ready` asks to persist. */
export interface StorageUpdate {
  hardState?: HardState | undefined;
  entries?: readonly Entry[] | undefined;
  snapshot?: Snapshot | undefined;
}

/** How a `save` is to be made. */
export interface SaveOptions {
  /** Durable (synced to stable storage) before the promise settles. */
  sync: boolean;
  /**
   * A hint: the caller has nothing else to do until this small write completes (a follower's
   * append of one or two entries: its answer waits for it), so a storage may write on the calling
   * thread instead of handing the write to a thread pool and back (`WalStorage` does). Storages may
   * ignore it.
   */
  inline?: boolean;
}

/**
 * Durable raft storage as the driver uses it. `LevelStorage` (LevelDB) is the production
 * implementation, `memoryRaftStorage()` a volatile one for tests; the simulator has its own that
 * loses unsynced writes on a simulated crash.
 */
export interface RaftStorage extends Storage {
  /**
   * Persists a Ready's hard state, entries and snapshot atomically; synced before resolving if
   * `sync`. A synced save makes every earlier save durable too (as a write-ahead log does): the
   * driver relies on it to make a commit index written without sync durable before it applies a
   * conf change.
   */
  save(update: StorageUpdate, options: SaveOptions): Promise<void>;
  /** Records a snapshot of the applied state at index `i` (durably). */
  createSnapshot(i: bigint, confState: ConfState | undefined, data: Uint8Array): Promise<Snapshot>;
  /** Discards entries up to `i`, which a stored snapshot must cover. */
  compact(i: bigint): Promise<void>;
  /** The stored hard state (term, vote, commit). */
  hardState(): HardState;
  /** Releases the storage (files, locks); the driver never calls it: the embedder does, after `stop()`. */
  close(): Promise<void>;
}

/**
 * The core's read view, served from an in-memory mirror of what the storage holds (the pairing of
 * etcd's WAL and MemoryStorage). Durable storages extend it and keep `mirror` in step with disk.
 */
export abstract class MirroredStorage implements Storage {
  protected mirror: MemoryStorage;

  constructor(mirror: MemoryStorage = new MemoryStorage()) {
    this.mirror = mirror;
  }

  initialState(): InitialState {
    return this.mirror.initialState();
  }
  entries(lo: bigint, hi: bigint, maxSize: number): Entry[] {
    return this.mirror.entries(lo, hi, maxSize);
  }
  term(i: bigint): bigint {
    return this.mirror.term(i);
  }
  /** The index of the last entry in the log (the snapshot's index when the log is empty). */
  lastIndex(): bigint {
    return this.mirror.lastIndex();
  }
  firstIndex(): bigint {
    return this.mirror.firstIndex();
  }
  snapshot(): Snapshot {
    return this.mirror.snapshot();
  }
  /** The stored hard state (term, vote, commit). */
  hardState(): HardState {
    return this.mirror.hardState();
  }
}

/** A RaftStorage that lives in memory only (nothing survives the process). */
export function memoryRaftStorage(mem = new MemoryStorage()): RaftStorage {
  return new MemoryRaftStorage(mem);
}

class MemoryRaftStorage extends MirroredStorage implements RaftStorage {
  async save(update: StorageUpdate): Promise<void> {
    const mem = this.mirror;
    if (update.snapshot !== undefined && update.snapshot.metadata.index > 0n)
      mem.applySnapshot(update.snapshot);
    if (update.entries !== undefined && update.entries.length > 0) mem.append(update.entries);
    if (update.hardState !== undefined) mem.setHardState(update.hardState);
  }
  async createSnapshot(i: bigint, cs: ConfState | undefined, data: Uint8Array): Promise<Snapshot> {
    return this.mirror.createSnapshot(i, cs, data);
  }
  async compact(i: bigint): Promise<void> {
    if (i > this.mirror.snapshot().metadata.index) {
      throw new RangeError(`compact(${i}): only entries covered by the snapshot may be compacted`);
    }
    if (i >= this.mirror.firstIndex()) this.mirror.compact(i);
  }
  async close(): Promise<void> {}
}
