import { noopLogger } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { RaftInvariantError } from '../../src/errors.js';
import { RaftLog } from '../../src/log.js';
import { Unstable } from '../../src/log-unstable.js';
import { MemoryStorage } from '../../src/storage.js';
import type { Entry } from '../../src/types.js';

const e = (index: bigint, term: bigint, size = 0): Entry => ({
  index,
  term,
  type: 0,
  data: new Uint8Array(size),
});

function logWith(stable: Entry[], unstable: Entry[] = []): RaftLog {
  const s = new MemoryStorage();
  s.append(stable);
  const l = new RaftLog(s, noopLogger);
  l.append(unstable);
  return l;
}

describe('RaftLog', () => {
  it('finds the first conflicting or new entry', () => {
    const l = logWith([e(1n, 1n), e(2n, 2n), e(3n, 3n)]);
    expect(l.findConflict([e(1n, 1n), e(2n, 2n)])).toBe(0n);
    expect(l.findConflict([e(2n, 2n), e(3n, 3n), e(4n, 4n)])).toBe(4n);
    expect(l.findConflict([e(2n, 2n), e(3n, 4n)])).toBe(3n);
  });

  it('appends after a matching (term, index), truncating only from a conflict', () => {
    const l = logWith([e(1n, 1n), e(2n, 2n), e(3n, 3n)]);
    expect(l.maybeAppend(3n, 2n, 3n, [e(4n, 4n)])).toBeUndefined();
    expect(l.maybeAppend(1n, 1n, 0n, [e(2n, 2n)])).toBe(2n);
    expect(l.lastIndex()).toBe(3n); // the matching entry did not truncate 3
    expect(l.maybeAppend(2n, 2n, 0n, [e(3n, 4n), e(4n, 4n)])).toBe(4n);
    expect([l.term(3n), l.lastIndex()]).toEqual([4n, 4n]);
  });

  it('refuses to truncate a committed entry', () => {
    const l = logWith([e(1n, 1n), e(2n, 2n)]);
    l.commitTo(2n);
    expect(() => l.maybeAppend(1n, 1n, 2n, [e(2n, 3n)])).toThrow(RaftInvariantError);
  });

  it('commits only up to what the leader sent in this append', () => {
    const l = logWith([e(1n, 1n)]);
    l.maybeAppend(1n, 1n, 10n, [e(2n, 1n)]);
    expect(l.committed).toBe(2n);
  });

  it('compares logs by last term, then last index (isUpToDate)', () => {
    const l = logWith([e(1n, 1n), e(2n, 2n), e(3n, 3n)]);
    expect(l.isUpToDate(3n, 3n)).toBe(true);
    expect(l.isUpToDate(2n, 3n)).toBe(false);
    expect(l.isUpToDate(1n, 4n)).toBe(true);
    expect(l.isUpToDate(10n, 2n)).toBe(false);
  });

  it('commits a quorum index only when it is from the given term', () => {
    const l = logWith([e(1n, 1n), e(2n, 2n)]);
    expect(l.maybeCommit(2n, 3n)).toBe(false);
    expect(l.maybeCommit(2n, 2n)).toBe(true);
    expect(l.committed).toBe(2n);
  });

  it('finds where to resume after a rejection by term', () => {
    const l = logWith([e(1n, 1n), e(2n, 2n), e(3n, 2n), e(4n, 5n), e(5n, 5n)]);
    expect(l.findConflictByTerm(5n, 5n)).toEqual([5n, 5n]);
    expect(l.findConflictByTerm(5n, 4n)).toEqual([3n, 2n]);
    expect(l.findConflictByTerm(5n, 1n)).toEqual([1n, 1n]);
  });

  it('hands out committed entries to apply, including unstable ones when allowed, within the size limit', () => {
    const s = new MemoryStorage();
    s.append([e(1n, 1n, 5), e(2n, 1n, 5)]);
    const l = new RaftLog(s, noopLogger, 8);
    l.append([e(3n, 1n, 5)]);
    l.commitTo(3n);
    expect(l.nextCommittedEntries(false).map((x) => x.index)).toEqual([1n]);
    l.acceptApplying(1n, 5, true);
    // The limit (8 bytes) was hit by a short batch: paused until applied.
    expect(l.nextCommittedEntries(true)).toEqual([]);
    l.appliedTo(1n, 5);
    expect(l.nextCommittedEntries(true).map((x) => x.index)).toEqual([2n]);
  });

  it('persists entries with stableTo only if the term still matches', () => {
    const u = new Unstable(5n);
    u.truncateAndAppend([e(5n, 1n), e(6n, 1n)]);
    u.acceptInProgress();
    u.truncateAndAppend([e(6n, 2n)]);
    u.stableTo(6n, 1n); // a write for the replaced entry
    expect(u.entries.map((x) => [x.index, x.term])).toEqual([
      [5n, 1n],
      [6n, 2n],
    ]);
    expect(u.nextEntries().map((x) => x.index)).toEqual([6n]);
    u.stableTo(5n, 1n);
    expect(u.offset).toBe(6n);
  });
});
