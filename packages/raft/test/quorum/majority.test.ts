import { UINT64_MAX } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { MajorityConfig } from '../../src/quorum/majority.js';
import { formatIndex, mapAckIndexer } from '../../src/quorum/vote-result.js';

const acked = (entries: Array<[number, number]>) =>
  mapAckIndexer(new Map(entries.map(([id, idx]) => [BigInt(id), BigInt(idx)])));
const votes = (entries: Array<[number, boolean]>) => new Map(entries.map(([id, v]) => [BigInt(id), v]));
const cfg = (...ids: number[]) => new MajorityConfig(ids.map(BigInt));

describe('MajorityConfig.committedIndex', () => {
  it('commits everything in an empty config', () => {
    expect(cfg().committedIndex(acked([]))).toBe(UINT64_MAX);
    expect(formatIndex(cfg().committedIndex(acked([])))).toBe('∞');
  });

  it('commits what a single voter acknowledged, and nothing if it acknowledged nothing', () => {
    expect(cfg(1).committedIndex(acked([[1, 12]]))).toBe(12n);
    expect(cfg(1).committedIndex(acked([]))).toBe(0n);
  });

  it('needs both voters of a two-voter config', () => {
    expect(
      cfg(1, 2).committedIndex(
        acked([
          [1, 12],
          [2, 5],
        ]),
      ),
    ).toBe(5n);
    expect(cfg(1, 2).committedIndex(acked([[1, 12]]))).toBe(0n);
  });

  it('takes the second largest index among three voters', () => {
    expect(
      cfg(1, 2, 3).committedIndex(
        acked([
          [1, 12],
          [2, 5],
          [3, 7],
        ]),
      ),
    ).toBe(7n);
    expect(
      cfg(1, 2, 3).committedIndex(
        acked([
          [1, 12],
          [2, 5],
        ]),
      ),
    ).toBe(5n);
    expect(cfg(1, 2, 3).committedIndex(acked([[1, 12]]))).toBe(0n);
  });

  it('needs three of four voters (a tie of two is not a majority)', () => {
    expect(
      cfg(1, 2, 3, 4).committedIndex(
        acked([
          [1, 100],
          [2, 100],
          [3, 1],
          [4, 1],
        ]),
      ),
    ).toBe(1n);
    expect(
      cfg(1, 2, 3, 4).committedIndex(
        acked([
          [1, 100],
          [2, 100],
          [3, 50],
        ]),
      ),
    ).toBe(50n);
  });

  it('ignores indexes acknowledged by non-members', () => {
    expect(
      cfg(1, 2, 3).committedIndex(
        acked([
          [1, 9],
          [4, 100],
          [5, 100],
        ]),
      ),
    ).toBe(0n);
  });

  it('handles indexes beyond 2^53 exactly', () => {
    const big = (1n << 60n) + 3n;
    const idx = mapAckIndexer(
      new Map([
        [1n, big],
        [2n, big],
        [3n, 1n],
      ]),
    );
    expect(cfg(1, 2, 3).committedIndex(idx)).toBe(big);
  });
});

describe('MajorityConfig.voteResult', () => {
  it('wins every vote in an empty config', () => {
    expect(cfg().voteResult(votes([]))).toBe('won');
    expect(cfg().voteResult(votes([[1, false]]))).toBe('won');
  });

  it('is decided by the single voter alone', () => {
    expect(cfg(1).voteResult(votes([]))).toBe('pending');
    expect(cfg(1).voteResult(votes([[1, true]]))).toBe('won');
    expect(cfg(1).voteResult(votes([[1, false]]))).toBe('lost');
  });

  it('loses a two-voter election on the first no', () => {
    expect(cfg(1, 2).voteResult(votes([[1, true]]))).toBe('pending');
    expect(cfg(1, 2).voteResult(votes([[1, false]]))).toBe('lost');
    expect(
      cfg(1, 2).voteResult(
        votes([
          [1, true],
          [2, true],
        ]),
      ),
    ).toBe('won');
  });

  it('stays pending while a quorum can still be reached', () => {
    expect(
      cfg(1, 2, 3).voteResult(
        votes([
          [1, true],
          [2, false],
        ]),
      ),
    ).toBe('pending');
    expect(
      cfg(1, 2, 3).voteResult(
        votes([
          [1, false],
          [2, false],
        ]),
      ),
    ).toBe('lost');
    expect(
      cfg(1, 2, 3).voteResult(
        votes([
          [1, true],
          [3, true],
        ]),
      ),
    ).toBe('won');
  });

  it('loses a tie with all votes in (two yes, two no of four)', () => {
    expect(
      cfg(1, 2, 3, 4).voteResult(
        votes([
          [1, true],
          [2, true],
          [3, false],
          [4, false],
        ]),
      ),
    ).toBe('lost');
    expect(
      cfg(1, 2, 3, 4).voteResult(
        votes([
          [1, true],
          [2, true],
          [3, false],
        ]),
      ),
    ).toBe('pending');
  });

  it('ignores votes from non-members', () => {
    expect(
      cfg(1, 2, 3).voteResult(
        votes([
          [1, true],
          [4, true],
          [5, true],
        ]),
      ),
    ).toBe('pending');
  });
});

describe('MajorityConfig basics', () => {
  it('prints its voters sorted numerically', () => {
    expect(cfg(10, 2, 1).toString()).toBe('(1 2 10)');
    expect(cfg().toString()).toBe('()');
  });

  it('computes quorum sizes', () => {
    expect(
      [0, 1, 2, 3, 4, 5].map((n) =>
        new MajorityConfig(Array.from({ length: n }, (_, i) => BigInt(i + 1))).quorum(),
      ),
    ).toEqual([0, 1, 2, 2, 3, 3]);
  });

  it('copies its ids, so the caller can keep mutating its iterable', () => {
    const ids = new Set([1n, 2n]);
    const c = new MajorityConfig(ids);
    ids.add(3n);
    expect(c.size).toBe(2);
    const d = c.clone();
    d.ids.add(9n);
    expect(c.has(9n)).toBe(false);
  });
});
