import { UINT64_MAX } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { JointConfig } from '../../src/quorum/joint.js';
import { MajorityConfig } from '../../src/quorum/majority.js';
import { mapAckIndexer } from '../../src/quorum/vote-result.js';

const acked = (entries: Array<[number, number]>) =>
  mapAckIndexer(new Map(entries.map(([id, idx]) => [BigInt(id), BigInt(idx)])));
const votes = (entries: Array<[number, boolean]>) => new Map(entries.map(([id, v]) => [BigInt(id), v]));
const maj = (...ids: number[]) => new MajorityConfig(ids.map(BigInt));

describe('JointConfig', () => {
  it('behaves like its incoming config when not joint', () => {
    const j = new JointConfig(maj(1, 2, 3));
    expect(j.isJoint()).toBe(false);
    expect(
      j.committedIndex(
        acked([
          [1, 5],
          [2, 7],
          [3, 1],
        ]),
      ),
    ).toBe(5n);
    expect(
      j.voteResult(
        votes([
          [1, true],
          [2, true],
        ]),
      ),
    ).toBe('won');
    expect(j.toString()).toBe('(1 2 3)');
  });

  it('commits everything and wins when both halves are empty', () => {
    const j = new JointConfig();
    expect(j.committedIndex(acked([]))).toBe(UINT64_MAX);
    expect(j.voteResult(votes([]))).toBe('won');
  });

  it('commits the smaller of the two halves', () => {
    const j = new JointConfig(maj(1, 2, 3), maj(3, 4, 5));
    // incoming: 1=10 2=9 3=2 -> 9; outgoing: 3=2 4=3 5=1 -> 2
    expect(
      j.committedIndex(
        acked([
          [1, 10],
          [2, 9],
          [3, 2],
          [4, 3],
          [5, 1],
        ]),
      ),
    ).toBe(2n);
    expect(j.toString()).toBe('(1 2 3)&&(3 4 5)');
    expect(j.isJoint()).toBe(true);
  });

  it('wins only when both halves win', () => {
    const j = new JointConfig(maj(1, 2, 3), maj(3, 4, 5));
    expect(
      j.voteResult(
        votes([
          [1, true],
          [2, true],
        ]),
      ),
    ).toBe('pending');
    expect(
      j.voteResult(
        votes([
          [1, true],
          [2, true],
          [3, true],
        ]),
      ),
    ).toBe('pending');
    expect(
      j.voteResult(
        votes([
          [1, true],
          [3, true],
          [4, true],
        ]),
      ),
    ).toBe('won');
  });

  it('loses as soon as either half loses', () => {
    const j = new JointConfig(maj(1, 2, 3), maj(3, 4, 5));
    expect(
      j.voteResult(
        votes([
          [1, true],
          [2, true],
          [4, false],
          [5, false],
        ]),
      ),
    ).toBe('lost');
    expect(
      j.voteResult(
        votes([
          [1, false],
          [2, false],
          [4, true],
          [5, true],
          [3, true],
        ]),
      ),
    ).toBe('lost');
  });

  it('lists the union of both halves', () => {
    const j = new JointConfig(maj(1, 2), maj(2, 3));
    expect([...j.ids()].sort()).toEqual([1n, 2n, 3n]);
  });

  it('clones both halves deeply', () => {
    const j = new JointConfig(maj(1), maj(2));
    const c = j.clone();
    c.incoming.ids.add(7n);
    c.outgoing.ids.add(8n);
    expect(j.toString()).toBe('(1)&&(2)');
  });
});
