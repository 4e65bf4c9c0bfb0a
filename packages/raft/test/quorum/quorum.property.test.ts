import { UINT64_MAX } from '@swarm/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JointConfig } from '../../src/quorum/joint.js';
import { MajorityConfig } from '../../src/quorum/majority.js';
import { compareBigint, mapAckIndexer, type VoteResult } from '../../src/quorum/vote-result.js';

const SEED = 20261128;
const RUNS = 300;

const memberId = fc.bigInt({ min: 1n, max: 12n });
const voterSet = fc.uniqueArray(memberId, { maxLength: 9 });
// Acknowledged indexes for some members (possibly none, possibly non-voters), with large values too.
const ackedMap = fc
  .array(
    fc.tuple(
      memberId,
      fc.oneof(fc.bigInt({ min: 0n, max: 20n }), fc.bigInt({ min: 0n, max: UINT64_MAX - 1n })),
    ),
    {
      maxLength: 14,
    },
  )
  .map((pairs) => new Map(pairs));
const voteMap = fc.array(fc.tuple(memberId, fc.boolean()), { maxLength: 14 }).map((pairs) => new Map(pairs));

/** The quorum-th largest acknowledged index, computed the obvious way. */
function referenceCommitted(voters: bigint[], acked: Map<bigint, bigint>): bigint {
  if (voters.length === 0) return UINT64_MAX;
  const desc = voters.map((id) => acked.get(id) ?? 0n).sort((a, b) => compareBigint(b, a));
  const quorum = Math.floor(voters.length / 2) + 1;
  return desc[quorum - 1] as bigint;
}

const RANK: Record<VoteResult, number> = { lost: 0, pending: 1, won: 2 };

describe('quorum properties', () => {
  it('majority committedIndex is the quorum-th largest acknowledged index', () => {
    fc.assert(
      fc.property(voterSet, ackedMap, (voters, acked) => {
        const got = new MajorityConfig(voters).committedIndex(mapAckIndexer(acked));
        expect(got).toBe(referenceCommitted(voters, acked));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a majority of voters acknowledged the committed index, and no higher index has a majority', () => {
    fc.assert(
      fc.property(
        voterSet.filter((v) => v.length > 0),
        ackedMap,
        (voters, acked) => {
          const c = new MajorityConfig(voters).committedIndex(mapAckIndexer(acked));
          const atLeast = (i: bigint) => voters.filter((id) => (acked.get(id) ?? 0n) >= i).length;
          const q = Math.floor(voters.length / 2) + 1;
          expect(atLeast(c)).toBeGreaterThanOrEqual(q);
          expect(atLeast(c + 1n)).toBeLessThan(q);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('joint committedIndex is the minimum of its two halves', () => {
    fc.assert(
      fc.property(voterSet, voterSet, ackedMap, (inc, out, acked) => {
        const idx = mapAckIndexer(acked);
        const a = referenceCommitted(inc, acked);
        const b = referenceCommitted(out, acked);
        const joint = new JointConfig(new MajorityConfig(inc), new MajorityConfig(out));
        expect(joint.committedIndex(idx)).toBe([a, b].sort(compareBigint)[0]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a yes vote never worsens, and a no vote never improves, the result', () => {
    fc.assert(
      fc.property(voterSet, voterSet, voteMap, memberId, (inc, out, votes, voter) => {
        fc.pre(!votes.has(voter));
        for (const cfg of [
          new MajorityConfig(inc),
          new JointConfig(new MajorityConfig(inc), new MajorityConfig(out)),
        ]) {
          const before = RANK[cfg.voteResult(votes)];
          const yes = RANK[cfg.voteResult(new Map(votes).set(voter, true))];
          const no = RANK[cfg.voteResult(new Map(votes).set(voter, false))];
          expect(yes).toBeGreaterThanOrEqual(before);
          expect(no).toBeLessThanOrEqual(before);
          // 'won' and 'lost' are final whatever else arrives.
          if (before !== RANK.pending) expect([yes, no]).toEqual([before, before]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('is never pending once every voter has voted, and wins exactly with a majority of yes', () => {
    fc.assert(
      fc.property(voterSet, voterSet, fc.func(fc.boolean()), (inc, out, decide) => {
        const votes = new Map<bigint, boolean>();
        for (const id of [...inc, ...out]) votes.set(id, decide(id.toString()));
        const yes = (ids: bigint[]) => ids.filter((id) => votes.get(id)).length;
        const wins = (ids: bigint[]) => ids.length === 0 || yes(ids) > ids.length / 2;
        const maj = new MajorityConfig(inc).voteResult(votes);
        expect(maj).toBe(wins(inc) ? 'won' : 'lost');
        const joint = new JointConfig(new MajorityConfig(inc), new MajorityConfig(out)).voteResult(votes);
        expect(joint).toBe(wins(inc) && wins(out) ? 'won' : 'lost');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
