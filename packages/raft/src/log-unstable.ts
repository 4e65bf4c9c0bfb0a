// Entries and a snapshot the core has accepted but the embedder has not yet persisted.
import { RaftInvariantError } from './errors.js';
import type { Entry, Snapshot } from './types.js';

/**
 * `entries[i]` has index `offset + i`. Entries from `offsetInProgress` on (and the snapshot, unless
 * `snapshotInProgress`) have not yet been handed out in a Ready; the rest are being persisted and
 * leave this structure on `stableTo`.
 */
export class Unstable {
  snapshot: Snapshot | undefined;
  entries: Entry[] = [];
  offset: bigint;
  snapshotInProgress = false;
  offsetInProgress: bigint;

  constructor(offset: bigint) {
    this.offset = offset;
    this.offsetInProgress = offset;
  }

  /** The index of the first possible entry, if a snapshot is held. */
  maybeFirstIndex(): bigint | undefined {
    return this.snapshot === undefined ? undefined : this.snapshot.metadata.index + 1n;
  }

  maybeLastIndex(): bigint | undefined {
    if (this.entries.length !== 0) return this.offset + BigInt(this.entries.length) - 1n;
    return this.snapshot === undefined ? undefined : this.snapshot.metadata.index;
  }

  maybeTerm(i: bigint): bigint | undefined {
    if (i < this.offset) {
      if (this.snapshot !== undefined && this.snapshot.metadata.index === i)
        return this.snapshot.metadata.term;
      return undefined;
    }
    const last = this.maybeLastIndex();
    if (last === undefined || i > last) return undefined;
    return this.entries[Number(i - this.offset)]!.term;
  }

  /** Entries not yet handed out for persistence. */
  nextEntries(): Entry[] {
    const inProgress = Number(this.offsetInProgress - this.offset);
    if (this.entries.length === inProgress) return [];
    return this.entries.slice(inProgress);
  }

  /** Whether nextEntries() would return anything (without building the slice). */
  hasNextEntries(): boolean {
    return this.entries.length > Number(this.offsetInProgress - this.offset);
  }

  nextSnapshot(): Snapshot | undefined {
    if (this.snapshot === undefined || this.snapshotInProgress) return undefined;
    return this.snapshot;
  }

  /** Marks everything returned by nextEntries/nextSnapshot as being persisted. */
  acceptInProgress(): void {
    if (this.entries.length > 0) this.offsetInProgress = this.entries[this.entries.length - 1]!.index + 1n;
    if (this.snapshot !== undefined) this.snapshotInProgress = true;
  }

  /**
   * Entries up to (i, t) are persisted. Ignored if the entry at i was since replaced by one of
   * another term (the write that completed was for a log that no longer exists).
   */
  stableTo(i: bigint, t: bigint): void {
    const gt = this.maybeTerm(i);
    if (gt === undefined || i < this.offset || gt !== t) return;
    const n = Number(i + 1n - this.offset);
    this.entries = this.entries.slice(n);
    this.offset = i + 1n;
    if (this.offsetInProgress < this.offset) this.offsetInProgress = this.offset;
  }

  stableSnapTo(i: bigint): void {
    if (this.snapshot !== undefined && this.snapshot.metadata.index === i) {
      this.snapshot = undefined;
      this.snapshotInProgress = false;
    }
  }

  restore(s: Snapshot): void {
    this.offset = s.metadata.index + 1n;
    this.offsetInProgress = this.offset;
    this.entries = [];
    this.snapshot = s;
    this.snapshotInProgress = false;
  }

  truncateAndAppend(ents: Entry[]): void {
    const fromIndex = ents[0]!.index;
    const after = fromIndex - 1n;
    const end = this.offset + BigInt(this.entries.length);
    if (fromIndex === end) {
      // The common case: directly after what we hold. Appended in place (the array is never
      // handed out: readers get slices).
      for (const e of ents) this.entries.push(e);
    } else if (fromIndex <= this.offset) {
      // Replaces everything unstable; the log before `fromIndex` is in storage.
      this.entries = [...ents];
      this.offset = fromIndex;
      this.offsetInProgress = this.offset;
    } else {
      // Keep [offset, fromIndex), replace the rest.
      this.entries = this.slice(this.offset, fromIndex).concat(ents);
      if (this.offsetInProgress > after + 1n) this.offsetInProgress = after + 1n;
    }
  }

  slice(lo: bigint, hi: bigint): Entry[] {
    const upper = this.offset + BigInt(this.entries.length);
    if (lo > hi || lo < this.offset || hi > upper) {
      throw new RaftInvariantError(`unstable.slice[${lo},${hi}) out of bounds [${this.offset},${upper}]`);
    }
    return this.entries.slice(Number(lo - this.offset), Number(hi - this.offset));
  }
}
