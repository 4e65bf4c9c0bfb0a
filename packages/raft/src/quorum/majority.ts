import { UINT64_MAX } from '@swarm/api';
import type { MemberId } from '../types.js';
import { type AckedIndexer, sortedIds, type VoteResult } from './vote-result.js';

/**
 * A set of voters decided by simple majority: a decision needs ⌊n/2⌋+1 of the n voters. The
 * empty config is a degenerate case that commits everything and wins every vote, so that a joint
 * config whose outgoing half is empty behaves exactly like its incoming half.
 */
export class MajorityConfig {
  readonly ids: Set<MemberId>;

  constructor(ids: Iterable<MemberId> = []) {
    this.ids = new Set(ids);
  }

  get size(): number {
    return this.ids.size;
  }

  /** How many voters make a quorum (0 for the empty config). */
  quorum(): number {
    return this.ids.size === 0 ? 0 : Math.floor(this.ids.size / 2) + 1;
  }

  has(id: MemberId): boolean {
    return this.ids.has(id);
  }

  /** The voters in ascending order. */
  slice(): MemberId[] {
    return sortedIds(this.ids);
  }

  clone(): MajorityConfig {
    return new MajorityConfig(this.ids);
  }

  /**
   * The largest index acknowledged by a quorum: sort the voters' acknowledged indexes in
   * descending order and take the quorum-th one. Voters the indexer knows nothing about count as
   * 0. The empty config returns 2^64-1 (it places no constraint on a joint config's minimum).
   */
  committedIndex(acked: AckedIndexer): bigint {
    const n = this.ids.size;
    if (n === 0) return UINT64_MAX;
    const indexes: bigint[] = [];
    for (const id of this.ids) {
      // Insertion sort: configs are small, and this runs on every acknowledgement.
      const v = acked(id) ?? 0n;
      let j = indexes.length;
      indexes.push(v);
      while (j > 0 && indexes[j - 1]! > v) {
        indexes[j] = indexes[j - 1]!;
        j--;
      }
      indexes[j] = v;
    }
    // Ascending order: the quorum-th largest value sits at n - quorum.
    const pos = n - (Math.floor(n / 2) + 1);
    return indexes[pos] ?? 0n;
  }

  /**
   * Whether the votes cast so far already decide an election: won once a quorum said yes, lost
   * once a quorum can no longer say yes, pending otherwise. Votes of non-members are ignored.
   * The empty config wins.
   */
  voteResult(votes: ReadonlyMap<MemberId, boolean>): VoteResult {
    const n = this.ids.size;
    if (n === 0) return 'won';
    let yes = 0;
    let missing = 0;
    for (const id of this.ids) {
      const v = votes.get(id);
      if (v === undefined) missing++;
      else if (v) yes++;
    }
    const q = Math.floor(n / 2) + 1;
    if (yes >= q) return 'won';
    if (yes + missing >= q) return 'pending';
    return 'lost';
  }

  /** `(1 2 3)`, the voters in ascending order, as etcd prints a majority config. */
  toString(): string {
    return `(${this.slice().join(' ')})`;
  }
}
