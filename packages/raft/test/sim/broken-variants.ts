// Deliberately broken variants of the core, made by patching prototypes (test code only), to show
// that the simulator catches each class of bug. Each `apply()` returns the function that undoes it.
import { RaftLog } from '../../src/log.js';
import { Raft } from '../../src/raft.js';
import type { Entry } from '../../src/types.js';

export interface BrokenVariant {
  name: string;
  description: string;
  /** Storage-level variants are switched on through the simulator's options instead. */
  ackBeforeSync?: boolean;
  apply(): () => void;
}

function patch<T extends object, K extends keyof T>(proto: T, key: K, replacement: T[K]): () => void {
  const original = proto[key];
  proto[key] = replacement;
  return () => {
    proto[key] = original;
  };
}

type LogInternals = RaftLog & {
  committed: bigint;
  unstable: { truncateAndAppend(ents: Entry[]): void };
};

export const brokenVariants: BrokenVariant[] = [
  {
    name: 'ack-before-sync',
    description:
      'storage acknowledges a synced write before it is durable (a crash loses acknowledged entries and votes)',
    ackBeforeSync: true,
    apply: () => () => {},
  },
  {
    name: 'vote-without-log-term-check',
    description:
      'a vote is granted when the candidate log is as long as ours, ignoring its last term (§5.4.1 broken)',
    apply: () =>
      patch(RaftLog.prototype, 'isUpToDate', function (this: RaftLog, lastIndex: bigint) {
        return lastIndex >= this.lastIndex();
      }),
  },
  {
    name: 'commit-old-term-entries',
    description: 'the leader commits an entry of an older term by counting replicas (Figure 8 broken)',
    apply: () =>
      patch(RaftLog.prototype, 'maybeCommit', function (this: RaftLog, maxIndex: bigint) {
        const log = this as LogInternals;
        if (maxIndex > log.committed) {
          this.commitTo(maxIndex);
          return true;
        }
        return false;
      }),
  },
  {
    name: 'truncate-on-stale-append',
    description:
      'a follower truncates its log after every append, so a stale, reordered append erases newer entries',
    apply: () =>
      patch(
        RaftLog.prototype,
        'maybeAppend',
        function (this: RaftLog, prevIndex: bigint, prevTerm: bigint, committed: bigint, ents: Entry[]) {
          if (!this.matchTerm(prevIndex, prevTerm)) return undefined;
          const lastNewIndex = prevIndex + BigInt(ents.length);
          if (ents.length > 0) (this as LogInternals).unstable.truncateAndAppend(ents);
          const c = committed < lastNewIndex ? committed : lastNewIndex;
          if (c > (this as LogInternals).committed) this.commitTo(c);
          return lastNewIndex;
        },
      ),
  },
  {
    name: 'read-index-without-current-term-commit',
    description: 'a new leader serves ReadIndex before it has committed an entry of its own term',
    apply: () => patch(Raft.prototype, 'committedEntryInCurrentTerm', () => true),
  },
];
