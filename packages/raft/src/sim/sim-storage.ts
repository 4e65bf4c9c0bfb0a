// Storage for the simulator with the durability semantics of a real disk: writes land in a
// volatile view at once and become durable only when synced; a crash throws the unsynced writes
// away (or keeps a torn prefix of them, as a disk that had flushed part of its cache would).
import { MirroredStorage, type RaftStorage, type StorageUpdate } from '../driver/raft-storage.js';
import { MemoryStorage } from '../storage.js';
import type { ConfState, Entry, HardState, Snapshot } from '../types.js';

/** The durable contents: what survives a crash. */
interface DiskImage {
  hardState: HardState;
  snapshot: Snapshot | undefined;
  entries: Entry[];
}

/** Checks the simulator runs on every write, to catch unsafe behaviour where it happens. */
export interface StorageObserver {
  /** A write is about to replace stored entries from `index` on (called before the write). */
  onTruncate?(storage: SimStorage, index: bigint, replaced: Entry[], incoming: readonly Entry[]): void;
  /** Entries were appended (called after the write). */
  onAppend?(storage: SimStorage, entries: readonly Entry[]): void;
  /** A hard state was written. */
  onHardState?(storage: SimStorage, hs: HardState): void;
}

/** Disk faults the simulator arms on a member's storage. */
export interface SimStorageFaults {
  /** Fail the next synced write (the member must stop; the write is lost). */
  failNextSync: boolean;
  /** On the next crash keep this many of the unsynced writes (a torn tail), 0 = lose them all. */
  tornWrites: number;
  /**
   * A deliberately broken disk for checking the simulator itself: resolve synced writes without
   * making them durable ("acknowledge before sync").
   */
  ackBeforeSync: boolean;
  /** On the next crash, damage a durable record (a bad sector): the checksum catches it at restart. */
  corruptOnCrash: boolean;
}

export class SimStorage extends MirroredStorage implements RaftStorage {
  readonly name: string;
  #disk: DiskImage = { hardState: { term: 0n, vote: 0n, commit: 0n }, snapshot: undefined, entries: [] };
  /** Writes done since the last sync, in order. */
  #unsynced: StorageUpdate[] = [];
  readonly faults: SimStorageFaults = {
    failNextSync: false,
    tornWrites: 0,
    ackBeforeSync: false,
    corruptOnCrash: false,
  };
  /**
   * Set when a durable record was damaged. Like LevelStorage's checksum check, opening refuses the
   * data: the member cannot restart and must be replaced (it never serves from a damaged log).
   */
  corrupt = false;
  observer: StorageObserver = {};
  syncs = 0;

  constructor(name: string) {
    super();
    this.name = name;
  }

  /** The entry at `i` in the current view, or undefined when compacted or beyond the log. */
  entryAt(i: bigint): Entry | undefined {
    if (i < this.mirror.firstIndex() || i > this.mirror.lastIndex()) return undefined;
    return this.mirror.entries(i, i + 1n, Number.MAX_SAFE_INTEGER)[0];
  }

  async save(update: StorageUpdate, options: { sync: boolean }): Promise<void> {
    if (options.sync && this.faults.failNextSync) {
      this.faults.failNextSync = false;
      throw new Error(`simulated fsync failure on ${this.name}`);
    }
    this.#applyToView(update);
    this.#unsynced.push(update);
    if (options.sync && !this.faults.ackBeforeSync) this.#sync();
  }

  async createSnapshot(i: bigint, cs: ConfState | undefined, data: Uint8Array): Promise<Snapshot> {
    const snap = this.mirror.createSnapshot(i, cs, data);
    this.#sync();
    // A snapshot write is its own durable record.
    this.#disk.snapshot = snap;
    return snap;
  }

  async compact(i: bigint): Promise<void> {
    if (i > this.mirror.snapshot().metadata.index) {
      throw new RangeError(`compact(${i}): only entries covered by the snapshot may be compacted`);
    }
    if (i < this.mirror.firstIndex()) return;
    this.mirror.compact(i);
    this.#sync();
  }

  /** Closes the storage (nothing to release on a simulated disk). */
  async close(): Promise<void> {}

  /**
   * A crash: unsynced writes are lost (or a torn prefix of them survives), and the view is rebuilt
   * from what is durable.
   */
  crash(): void {
    if (this.faults.corruptOnCrash && this.#disk.entries.length > 0) this.corrupt = true;
    this.faults.corruptOnCrash = false;
    const keep = Math.min(this.faults.tornWrites, this.#unsynced.length);
    this.faults.tornWrites = 0;
    const survivors = this.#unsynced.slice(0, keep);
    this.#unsynced = [];
    this.#rebuildView();
    for (const u of survivors) this.#applyToView(u);
    if (survivors.length > 0) this.#sync();
  }

  #applyToView(update: StorageUpdate): void {
    const snap =
      update.snapshot !== undefined && update.snapshot.metadata.index > 0n ? update.snapshot : undefined;
    if (snap) this.mirror.applySnapshot(snap);
    const ents = update.entries ?? [];
    if (ents.length > 0) {
      const first = ents[0]!.index;
      if (first <= this.mirror.lastIndex() && this.observer.onTruncate) {
        const from = first < this.mirror.firstIndex() ? this.mirror.firstIndex() : first;
        const replaced =
          from <= this.mirror.lastIndex()
            ? this.mirror.entries(from, this.mirror.lastIndex() + 1n, Number.MAX_SAFE_INTEGER)
            : [];
        this.observer.onTruncate(this, from, replaced, ents);
      }
      this.mirror.append(ents);
      this.observer.onAppend?.(this, ents);
    }
    if (update.hardState !== undefined) {
      this.mirror.setHardState(update.hardState);
      this.observer.onHardState?.(this, update.hardState);
    }
  }

  #sync(): void {
    this.syncs++;
    const snap = this.mirror.snapshot();
    const first = this.mirror.firstIndex();
    const last = this.mirror.lastIndex();
    this.#disk = {
      hardState: this.mirror.hardState(),
      snapshot: snap.metadata.index > 0n ? snap : undefined,
      entries: last >= first ? this.mirror.entries(first, last + 1n, Number.MAX_SAFE_INTEGER) : [],
    };
    this.#unsynced = [];
  }

  #rebuildView(): void {
    const mem = new MemoryStorage();
    if (this.#disk.snapshot !== undefined) mem.applySnapshot(this.#disk.snapshot);
    if (this.#disk.entries.length > 0) mem.append(this.#disk.entries);
    mem.setHardState(this.#disk.hardState);
    this.mirror = mem;
  }
}
