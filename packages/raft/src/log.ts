// The raft log: stable storage plus the unstable suffix, the commit index and the applied index.
import type { Logger } from '@swarm/api';
import { LogCompactedError, LogUnavailableError, RaftInvariantError } from './errors.js';
import { Unstable } from './log-unstable.js';
import type { Storage } from './storage.js';
import type { Entry, Snapshot } from './types.js';
import { limitSize, maxBig, minBig, payloadsSize } from './util.js';

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

export class RaftLog {
  readonly storage: Storage;
  readonly unstable: Unstable;
  /** The highest index known to be stored on a quorum. */
  committed: bigint;
  /** The highest index handed to the embedder to apply (in a Ready, not yet acknowledged). */
  applying: bigint;
  /** The highest index the embedder has applied (acknowledged by advance()). */
  applied: bigint;
  readonly logger: Logger;
  /** Cap on the payload bytes of committed entries handed out per Ready and in flight to apply. */
  readonly maxApplyingEntsSize: number;
  applyingEntsSize = 0;
  applyingEntsPaused = false;

  constructor(storage: Storage, logger: Logger, maxApplyingEntsSize = NO_LIMIT) {
    this.storage = storage;
    this.logger = logger;
    this.maxApplyingEntsSize = maxApplyingEntsSize;
    const first = storage.firstIndex();
    const last = storage.lastIndex();
    this.unstable = new Unstable(last + 1n);
    // Everything up to the snapshot is committed and applied.
    this.committed = first - 1n;
    this.applying = first - 1n;
    this.applied = first - 1n;
  }

  toString(): string {
    return `committed=${this.committed}, applied=${this.applied}, applying=${this.applying}, unstable.offset=${this.unstable.offset}, unstable.offsetInProgress=${this.unstable.offsetInProgress}, len(unstable.entries)=${this.unstable.entries.length}`;
  }

  /**
   * Appends entries received from a leader after checking that our log has (prevIndex, prevTerm).
   * Returns the index of the last new entry, or undefined when the consistency check fails.
   * Only a conflicting suffix is truncated: entries that match are kept (a stale, reordered append
   * must not erase newer entries).
   */
  maybeAppend(prevIndex: bigint, prevTerm: bigint, committed: bigint, ents: Entry[]): bigint | undefined {
    if (!this.matchTerm(prevIndex, prevTerm)) return undefined;
    const lastNewIndex = prevIndex + BigInt(ents.length);
    const ci = this.findConflict(ents);
    if (ci !== 0n) {
      if (ci <= this.committed) {
        throw new RaftInvariantError(
          `entry ${ci} conflicts with committed entry (committed ${this.committed})`,
        );
      }
      this.append(ents.slice(Number(ci - prevIndex - 1n)));
    }
    this.commitTo(minBig(committed, lastNewIndex));
    return lastNewIndex;
  }

  append(ents: Entry[]): bigint {
    if (ents.length === 0) return this.lastIndex();
    const after = ents[0]!.index - 1n;
    if (after < this.committed) {
      throw new RaftInvariantError(`appending after ${after} is below committed ${this.committed}`);
    }
    this.unstable.truncateAndAppend(ents);
    return this.lastIndex();
  }

  /**
   * The index of the first entry in `ents` that conflicts with the log (same index, different term)
   * or is new; 0 when every entry is already present.
   */
  findConflict(ents: Entry[]): bigint {
    for (const e of ents) {
      if (!this.matchTerm(e.index, e.term)) {
        if (e.index <= this.lastIndex()) {
          this.logger.info('found conflict', {
            index: e.index.toString(),
            existingTerm: this.zeroTermOnOutOfBounds(e.index).toString(),
            conflictingTerm: e.term.toString(),
          });
        }
        return e.index;
      }
    }
    return 0n;
  }

  /**
   * The largest (index, term) with index <= `index` and term <= `term` in our log: the leader's
   * fast way to skip a whole term of mismatching entries after a rejection.
   */
  findConflictByTerm(index: bigint, term: bigint): [bigint, bigint] {
    for (; index > 0n; index--) {
      let t: bigint;
      try {
        t = this.term(index);
      } catch {
        return [index, 0n];
      }
      if (t <= term) return [index, t];
    }
    return [0n, 0n];
  }

  nextUnstableEntries(): Entry[] {
    return this.unstable.nextEntries();
  }

  hasNextUnstableEntries(): boolean {
    return this.unstable.hasNextEntries();
  }

  hasNextOrInProgressUnstableEntries(): boolean {
    return this.unstable.entries.length > 0;
  }

  /**
   * Committed entries ready to apply. With `allowUnstable`, entries still being persisted are
   * included (the embedder persists a Ready's entries before applying its committed entries).
   */
  nextCommittedEntries(allowUnstable: boolean): Entry[] {
    if (this.applyingEntsPaused) return [];
    if (this.hasNextOrInProgressSnapshot()) return [];
    const lo = this.applying + 1n;
    const hi = this.maxAppliableIndex(allowUnstable) + 1n;
    if (lo >= hi) return [];
    const maxSize = this.maxApplyingEntsSize - this.applyingEntsSize;
    if (maxSize <= 0)
      throw new RaftInvariantError(`applying entries size ${this.applyingEntsSize} over limit`);
    return this.slice(lo, hi, maxSize);
  }

  hasNextCommittedEntries(allowUnstable: boolean): boolean {
    if (this.applyingEntsPaused) return false;
    if (this.hasNextOrInProgressSnapshot()) return false;
    return this.applying + 1n < this.maxAppliableIndex(allowUnstable) + 1n;
  }

  maxAppliableIndex(allowUnstable: boolean): bigint {
    let hi = this.committed;
    if (!allowUnstable) hi = minBig(hi, this.unstable.offset - 1n);
    return hi;
  }

  nextUnstableSnapshot(): Snapshot | undefined {
    return this.unstable.nextSnapshot();
  }

  hasNextUnstableSnapshot(): boolean {
    return this.unstable.nextSnapshot() !== undefined;
  }

  hasNextOrInProgressSnapshot(): boolean {
    return this.unstable.snapshot !== undefined;
  }

  snapshot(): Snapshot {
    if (this.unstable.snapshot !== undefined) return this.unstable.snapshot;
    return this.storage.snapshot();
  }

  firstIndex(): bigint {
    const i = this.unstable.maybeFirstIndex();
    return i ?? this.storage.firstIndex();
  }

  lastIndex(): bigint {
    const i = this.unstable.maybeLastIndex();
    return i ?? this.storage.lastIndex();
  }

  commitTo(toCommit: bigint): void {
    // Never decrease the commit index.
    if (this.committed < toCommit) {
      if (this.lastIndex() < toCommit) {
        throw new RaftInvariantError(
          `commit index ${toCommit} is out of range [last index ${this.lastIndex()}]; was the log corrupted, truncated or lost?`,
        );
      }
      this.committed = toCommit;
    }
  }

  appliedTo(i: bigint, size: number): void {
    if (this.committed < i || i < this.applied) {
      throw new RaftInvariantError(
        `applied index ${i} is out of range [prev applied ${this.applied}, committed ${this.committed}]`,
      );
    }
    this.applied = i;
    this.applying = maxBig(this.applying, i);
    if (this.applyingEntsSize > size) this.applyingEntsSize -= size;
    else this.applyingEntsSize = 0;
    this.applyingEntsPaused = this.applyingEntsSize >= this.maxApplyingEntsSize;
  }

  acceptApplying(i: bigint, size: number, allowUnstable: boolean): void {
    if (this.committed < i)
      throw new RaftInvariantError(`applying index ${i} above committed ${this.committed}`);
    this.applying = i;
    this.applyingEntsSize += size;
    // Pause when the limit is reached, or when the Ready was cut short by it (the next entry would
    // overflow): more committed entries are handed out only after the embedder acknowledges these.
    this.applyingEntsPaused =
      this.applyingEntsSize >= this.maxApplyingEntsSize || i < this.maxAppliableIndex(allowUnstable);
  }

  stableTo(i: bigint, t: bigint): void {
    this.unstable.stableTo(i, t);
  }

  stableSnapTo(i: bigint): void {
    this.unstable.stableSnapTo(i);
  }

  acceptUnstable(): void {
    this.unstable.acceptInProgress();
  }

  lastTerm(): bigint {
    return this.term(this.lastIndex());
  }

  /** The term of entry i; throws LogCompactedError / LogUnavailableError outside the log. */
  term(i: bigint): bigint {
    const t = this.unstable.maybeTerm(i);
    if (t !== undefined) return t;
    // The valid range is [index of the dummy entry, last index].
    if (i + 1n < this.firstIndex()) throw new LogCompactedError(i, this.firstIndex());
    if (i > this.lastIndex()) throw new LogUnavailableError(i, this.lastIndex());
    return this.storage.term(i);
  }

  /** The term of entry i, or 0 when i is outside the log (compacted or beyond the end). */
  zeroTermOnOutOfBounds(i: bigint): bigint {
    // Bounds first: followers ask about indexes past their log on every append, and building an
    // error for each one showed up in profiles.
    if (i > this.lastIndex() || i + 1n < this.firstIndex()) return 0n;
    try {
      return this.term(i);
    } catch (err) {
      if (err instanceof LogCompactedError || err instanceof LogUnavailableError) return 0n;
      throw err;
    }
  }

  entries(i: bigint, maxSize: number): Entry[] {
    if (i > this.lastIndex()) return [];
    return this.slice(i, this.lastIndex() + 1n, maxSize);
  }

  allEntries(): Entry[] {
    for (;;) {
      try {
        return this.entries(this.firstIndex(), NO_LIMIT);
      } catch (err) {
        // The log was compacted concurrently; try again.
        if (err instanceof LogCompactedError) continue;
        throw err;
      }
    }
  }

  /**
   * The election restriction (Raft §5.4.1): a candidate's log is at least as up to date as ours if
   * its last term is higher, or the same with an index at least as high.
   */
  isUpToDate(lastIndex: bigint, term: bigint): boolean {
    const ourTerm = this.lastTerm();
    return term > ourTerm || (term === ourTerm && lastIndex >= this.lastIndex());
  }

  matchTerm(i: bigint, term: bigint): boolean {
    if (i > this.lastIndex() || i + 1n < this.firstIndex()) return false;
    try {
      return this.term(i) === term;
    } catch (err) {
      if (err instanceof LogCompactedError || err instanceof LogUnavailableError) return false;
      throw err;
    }
  }

  /**
   * Advances the commit index to `maxIndex` only if that entry is from `term`, the leader's
   * current term (Raft §5.4.2, Figure 8): an older-term entry is committed only indirectly.
   */
  maybeCommit(maxIndex: bigint, term: bigint): boolean {
    if (maxIndex > this.committed && this.zeroTermOnOutOfBounds(maxIndex) === term) {
      this.commitTo(maxIndex);
      return true;
    }
    return false;
  }

  restore(s: Snapshot): void {
    this.logger.info('log starts to restore snapshot', {
      index: s.metadata.index.toString(),
      term: s.metadata.term.toString(),
    });
    this.committed = s.metadata.index;
    this.unstable.restore(s);
  }

  /** Entries in [lo, hi) up to maxSize payload bytes, from storage and then the unstable suffix. */
  slice(lo: bigint, hi: bigint, maxSize: number): Entry[] {
    this.mustCheckOutOfBounds(lo, hi);
    if (lo === hi) return [];
    if (lo >= this.unstable.offset) return limitSize(this.unstable.slice(lo, hi), maxSize);
    const cut = minBig(hi, this.unstable.offset);
    let ents: Entry[];
    try {
      ents = this.storage.entries(lo, cut, maxSize);
    } catch (err) {
      if (err instanceof LogCompactedError) throw err;
      if (err instanceof LogUnavailableError) {
        throw new RaftInvariantError(`entries[${lo}:${cut}) are unavailable from storage`);
      }
      throw err;
    }
    if (hi <= this.unstable.offset) return ents;
    // Storage returned fewer entries than asked: the size limit was reached.
    if (BigInt(ents.length) < cut - lo) return ents;
    let size = payloadsSize(ents);
    if (size >= maxSize) return ents;
    const unstable = limitSize(this.unstable.slice(this.unstable.offset, hi), maxSize - size);
    // Keep entries that fit; limitSize always returns one, drop it if it overflows.
    const out = ents.slice();
    for (const e of unstable) {
      size += e.data.byteLength;
      if (size > maxSize && out.length > 0) break;
      out.push(e);
    }
    return out;
  }

  mustCheckOutOfBounds(lo: bigint, hi: bigint): void {
    if (lo > hi) throw new RaftInvariantError(`invalid slice ${lo} > ${hi}`);
    const fi = this.firstIndex();
    if (lo < fi) throw new LogCompactedError(lo, fi);
    const length = this.lastIndex() + 1n - fi;
    if (hi > fi + length)
      throw new RaftInvariantError(`slice[${lo},${hi}) out of bound [${fi},${this.lastIndex()}]`);
  }
}
