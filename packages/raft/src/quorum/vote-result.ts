import { UINT64_MAX } from '@swarm/api';
import type { MemberId } from '../types.js';

/** The outcome of an election as far as the votes received so far can tell. */
export type VoteResult = 'pending' | 'lost' | 'won';

/**
 * Returns the highest log index a member is known to have acknowledged, or `undefined` when
 * nothing is known about that member (it then counts as having acknowledged nothing).
 */
export type AckedIndexer = (id: MemberId) => bigint | undefined;

/** Orders member IDs and indexes numerically (bigint has no default numeric sort). */
export function compareBigint(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The IDs of a set in ascending order. */
export function sortedIds(ids: Iterable<MemberId>): MemberId[] {
  return [...ids].sort(compareBigint);
}

/** An index for display: the "commit everything" value of an empty config prints as ∞, like etcd. */
export function formatIndex(index: bigint): string {
  return index === UINT64_MAX ? '∞' : index.toString();
}

/** An AckedIndexer over a plain map, handy in tests and in the scenario runner. */
export function mapAckIndexer(acked: ReadonlyMap<MemberId, bigint>): AckedIndexer {
  return (id) => acked.get(id);
}
