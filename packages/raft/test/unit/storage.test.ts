import { describe, expect, it } from 'vitest';
import { LogCompactedError, LogUnavailableError, SnapshotOutOfDateError } from '../../src/errors.js';
import { MemoryStorage } from '../../src/storage.js';
import { type Entry, emptyConfState } from '../../src/types.js';

const e = (index: bigint, term: bigint, size = 0): Entry => ({
  index,
  term,
  type: 0,
  data: new Uint8Array(size),
});

function storageWith(...ents: Entry[]): MemoryStorage {
  const s = new MemoryStorage();
  s.append(ents);
  return s;
}

describe('MemoryStorage', () => {
  it('starts empty with a dummy entry at index 0', () => {
    const s = new MemoryStorage();
    expect(s.firstIndex()).toBe(1n);
    expect(s.lastIndex()).toBe(0n);
    expect(s.term(0n)).toBe(0n);
  });

  it('returns the terms of stored entries and throws typed errors outside them', () => {
    const s = storageWith(e(1n, 1n), e(2n, 2n), e(3n, 2n));
    s.compact(1n);
    expect(s.term(1n)).toBe(1n);
    expect(s.term(3n)).toBe(2n);
    expect(() => s.term(0n)).toThrow(LogCompactedError);
    expect(() => s.term(4n)).toThrow(LogUnavailableError);
  });

  it('returns entries in [lo, hi) limited by size, but always at least one', () => {
    const s = storageWith(e(1n, 1n, 10), e(2n, 1n, 10), e(3n, 1n, 10), e(4n, 1n, 10));
    expect(s.entries(1n, 5n, 1000).map((x) => x.index)).toEqual([1n, 2n, 3n, 4n]);
    expect(s.entries(1n, 5n, 25).map((x) => x.index)).toEqual([1n, 2n]);
    expect(s.entries(2n, 5n, 1).map((x) => x.index)).toEqual([2n]);
    s.compact(2n);
    expect(() => s.entries(2n, 4n, 100)).toThrow(LogCompactedError);
    expect(() => s.entries(3n, 6n, 100)).toThrow(LogUnavailableError);
  });

  it('replaces an overlapping suffix on append and ignores compacted entries', () => {
    const s = storageWith(e(1n, 1n), e(2n, 1n), e(3n, 1n));
    s.append([e(2n, 2n)]);
    expect([s.lastIndex(), s.term(2n)]).toEqual([2n, 2n]);
    s.compact(2n);
    s.append([e(1n, 1n), e(2n, 2n), e(3n, 3n)]);
    expect([s.firstIndex(), s.lastIndex(), s.term(3n)]).toEqual([3n, 3n, 3n]);
  });

  it('refuses an append that would leave a gap', () => {
    const s = storageWith(e(1n, 1n));
    expect(() => s.append([e(3n, 1n)])).toThrow(/missing log entry/);
  });

  it('creates and applies snapshots, refusing older ones', () => {
    const s = storageWith(e(1n, 1n), e(2n, 2n), e(3n, 2n));
    const cs = { ...emptyConfState(), voters: [1n, 2n] };
    const snap = s.createSnapshot(2n, cs, new Uint8Array([7]));
    expect(snap.metadata).toMatchObject({ index: 2n, term: 2n });
    expect(() => s.createSnapshot(1n, cs, new Uint8Array())).toThrow(SnapshotOutOfDateError);
    const other = new MemoryStorage();
    other.applySnapshot(snap);
    expect([other.firstIndex(), other.lastIndex(), other.term(2n)]).toEqual([3n, 2n, 2n]);
    expect(other.initialState().confState.voters).toEqual([1n, 2n]);
    expect(() => other.applySnapshot(snap)).toThrow(SnapshotOutOfDateError);
  });

  it('keeps term and index values exact beyond 2^53', () => {
    const big = (1n << 60n) + 3n;
    const s = new MemoryStorage();
    s.applySnapshot({
      data: new Uint8Array(),
      metadata: { index: big, term: big, confState: emptyConfState() },
    });
    s.append([e(big + 1n, big + 1n)]);
    expect(s.lastIndex()).toBe(big + 1n);
    expect(s.term(big + 1n)).toBe(big + 1n);
  });
});
