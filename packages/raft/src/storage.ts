// The core's read-only view of stable storage, and an in-memory implementation of it.
import {
  LogCompactedError,
  LogUnavailableError,
  RaftInvariantError,
  SnapshotOutOfDateError,
} from './errors.js';
import type { ConfState, Entry, HardState, Snapshot } from './types.js';
import { emptyHardState, emptySnapshot, limitSize } from './util.js';

/** What a storage holds at start: the hard state and the configuration. */
export interface InitialState {
  hardState: HardState;
  confState: ConfState;
}

/**
 * What the core reads from stable storage. The core never writes: the embedder persists what each
 * `Ready` carries (hard state, entries, snapshot) and only then calls `advance()`. Methods throw
 * `LogCompactedError` for indexes below `firstIndex()` and `LogUnavailableError` above
 * `lastIndex()`; `snapshot()` may throw `SnapshotTemporarilyUnavailableError`.
 */
export interface Storage {
  /** The persisted hard state and the configuration as of the last snapshot or conf change. */
  initialState(): InitialState;
  /** Entries in [lo, hi), limited to `maxSize` payload bytes (at least one entry is returned). */
  entries(lo: bigint, hi: bigint, maxSize: number): Entry[];
  /** The term of entry `i`, for i in [firstIndex()-1, lastIndex()]. */
  term(i: bigint): bigint;
  /** The index of the last entry in the log (the snapshot's index when the log is empty). */
  lastIndex(): bigint;
  /** The index of the first entry that may be available (older ones were compacted). */
  firstIndex(): bigint;
  /** The most recent snapshot. */
  snapshot(): Snapshot;
}

const cloneSnapshot = (s: Snapshot): Snapshot => ({
  data: s.data,
  metadata: {
    index: s.metadata.index,
    term: s.metadata.term,
    confState: {
      voters: [...s.metadata.confState.voters],
      learners: [...s.metadata.confState.learners],
      votersOutgoing: [...s.metadata.confState.votersOutgoing],
      learnersNext: [...s.metadata.confState.learnersNext],
      autoLeave: s.metadata.confState.autoLeave,
    },
  },
});

/**
 * Storage held in memory: for tests, simulations, and as the reference a durable implementation
 * must behave like. `ents[0]` is a dummy entry holding the snapshot's index and term.
 */
export class MemoryStorage implements Storage {
  #hardState: HardState = emptyHardState();
  #snapshot: Snapshot = emptySnapshot();
  #ents: Entry[] = [{ term: 0n, index: 0n, type: 0, data: new Uint8Array(0) }];

  initialState(): InitialState {
    return { hardState: { ...this.#hardState }, confState: cloneSnapshot(this.#snapshot).metadata.confState };
  }

  /** Stores the hard state of a Ready. */
  setHardState(hs: HardState): void {
    this.#hardState = { ...hs };
  }

  /** The stored hard state. */
  hardState(): HardState {
    return { ...this.#hardState };
  }

  entries(lo: bigint, hi: bigint, maxSize: number): Entry[] {
    const offset = this.#ents[0]!.index;
    if (lo <= offset) throw new LogCompactedError(lo, offset + 1n);
    if (hi > this.lastIndex() + 1n) throw new LogUnavailableError(hi - 1n, this.lastIndex());
    if (hi < lo) throw new RangeError(`entries(lo, hi): lo ${lo} > hi ${hi}`);
    // Only the dummy entry: no entries available.
    if (this.#ents.length === 1) throw new LogUnavailableError(lo, this.lastIndex());
    const ents = this.#ents.slice(Number(lo - offset), Number(hi - offset));
    return limitSize(ents, maxSize);
  }

  term(i: bigint): bigint {
    const offset = this.#ents[0]!.index;
    if (i < offset) throw new LogCompactedError(i, offset + 1n);
    if (i - offset >= BigInt(this.#ents.length)) throw new LogUnavailableError(i, this.lastIndex());
    return this.#ents[Number(i - offset)]!.term;
  }

  /** The index of the last entry in the log (the snapshot's index when the log is empty). */
  lastIndex(): bigint {
    return this.#ents[0]!.index + BigInt(this.#ents.length) - 1n;
  }

  firstIndex(): bigint {
    return this.#ents[0]!.index + 1n;
  }

  snapshot(): Snapshot {
    return this.#snapshot;
  }

  /** Replaces the storage's contents with a snapshot (a follower installing one from its leader). */
  applySnapshot(snap: Snapshot): void {
    const cur = this.#snapshot.metadata.index;
    if (cur >= snap.metadata.index) throw new SnapshotOutOfDateError(snap.metadata.index, cur);
    this.#snapshot = cloneSnapshot(snap);
    this.#ents = [{ term: snap.metadata.term, index: snap.metadata.index, type: 0, data: new Uint8Array(0) }];
  }

  /**
   * Records a snapshot of the applied state at index `i` (which must be <= the last index), so that
   * the log up to `i` may be compacted and followers behind it catch up by snapshot.
   */
  createSnapshot(i: bigint, cs: ConfState | undefined, data: Uint8Array): Snapshot {
    const cur = this.#snapshot.metadata.index;
    if (i <= cur) throw new SnapshotOutOfDateError(i, cur);
    const offset = this.#ents[0]!.index;
    if (i > this.lastIndex()) throw new LogUnavailableError(i, this.lastIndex());
    const term = this.#ents[Number(i - offset)]!.term;
    this.#snapshot = cloneSnapshot({
      data,
      metadata: { index: i, term, confState: cs ?? this.#snapshot.metadata.confState },
    });
    return this.#snapshot;
  }

  /** Discards entries up to and including `compactIndex` (which must be covered by a snapshot or applied). */
  compact(compactIndex: bigint): void {
    const offset = this.#ents[0]!.index;
    if (compactIndex <= offset) throw new LogCompactedError(compactIndex, offset + 1n);
    if (compactIndex > this.lastIndex()) throw new LogUnavailableError(compactIndex, this.lastIndex());
    const i = Number(compactIndex - offset);
    const head = this.#ents[i]!;
    this.#ents = [
      { term: head.term, index: head.index, type: 0, data: new Uint8Array(0) },
      ...this.#ents.slice(i + 1),
    ];
  }

  /**
   * Appends entries from a Ready. Entries that overlap the log replace it from the first
   * overlapping index on (a leader overwrote an uncommitted suffix); entries already compacted are
   * ignored.
   */
  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const first = this.firstIndex();
    const last = entries[0]!.index + BigInt(entries.length) - 1n;
    if (last < first) return;
    let ents = entries as Entry[];
    if (first > ents[0]!.index) ents = ents.slice(Number(first - ents[0]!.index));
    const offset = ents[0]!.index - this.#ents[0]!.index;
    const len = BigInt(this.#ents.length);
    if (offset === len) {
      // The common case: right after the last entry.
      for (const e of ents) this.#ents.push(e);
      return;
    }
    if (offset > len) {
      throw new RaftInvariantError(
        `missing log entry: last index ${this.lastIndex()}, appending at ${ents[0]!.index}`,
      );
    }
    this.#ents = [...this.#ents.slice(0, Number(offset)), ...ents];
  }
}
