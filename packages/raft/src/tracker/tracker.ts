import { JointConfig } from '../quorum/joint.js';
import { MajorityConfig } from '../quorum/majority.js';
import { compareBigint, sortedIds, type VoteResult } from '../quorum/vote-result.js';
import type { ConfState, MemberId } from '../types.js';
import type { Progress } from './progress.js';

/**
 * The membership of a raft group. Voters may be a joint config during a membership change.
 * Learners receive the log but never vote; `learnersNext` holds members that are demoted from
 * voter to learner by the current joint change: they are still voters of the outgoing config, so
 * they become learners only when the joint config is left. Invariants (enforced by the changer):
 * learners are disjoint from both voter halves; `learnersNext` is a subset of the outgoing voters
 * and is empty, like `autoLeave` false, outside a joint config.
 */
export interface TrackerConfig {
  voters: JointConfig;
  /** Leave the joint config automatically once it is committed (ConfChangeV2 implicit transitions). */
  autoLeave: boolean;
  learners: Set<MemberId>;
  learnersNext: Set<MemberId>;
}

export type ProgressMap = Map<MemberId, Progress>;

/** An empty, non-joint config. */
export function emptyTrackerConfig(): TrackerConfig {
  return { voters: new JointConfig(), autoLeave: false, learners: new Set(), learnersNext: new Set() };
}

/** A deep copy of a config. */
export function cloneConfig(cfg: TrackerConfig): TrackerConfig {
  return {
    voters: cfg.voters.clone(),
    autoLeave: cfg.autoLeave,
    learners: new Set(cfg.learners),
    learnersNext: new Set(cfg.learnersNext),
  };
}

/** A deep copy of a progress map (each Progress and its inflights are cloned). */
export function cloneProgressMap(progress: ProgressMap): ProgressMap {
  const out: ProgressMap = new Map();
  for (const [id, pr] of progress) out.set(id, pr.clone());
  return out;
}

/** etcd's format: `voters=(1 2)&&(1) learners=(3) learners_next=(4) autoleave`. */
export function describeConfig(cfg: TrackerConfig): string {
  let s = `voters=${cfg.voters.toString()}`;
  if (cfg.learners.size > 0) s += ` learners=${new MajorityConfig(cfg.learners).toString()}`;
  if (cfg.learnersNext.size > 0) s += ` learners_next=${new MajorityConfig(cfg.learnersNext).toString()}`;
  if (cfg.autoLeave) s += ' autoleave';
  return s;
}

/** One line per member in ascending ID order: `1: StateProbe match=0 next=1`. */
export function describeProgressMap(progress: ProgressMap): string {
  return [...progress.keys()]
    .sort(compareBigint)
    .map((id) => `${id}: ${(progress.get(id) as Progress).toString()}\n`)
    .join('');
}

/** The ConfState that describes a config (all lists sorted). */
export function configToConfState(cfg: TrackerConfig): ConfState {
  return {
    voters: cfg.voters.incoming.slice(),
    learners: sortedIds(cfg.learners),
    votersOutgoing: cfg.voters.outgoing.slice(),
    learnersNext: sortedIds(cfg.learnersNext),
    autoLeave: cfg.autoLeave,
  };
}

/**
 * The leader's bookkeeping for the whole group: the membership, each member's Progress, and the
 * votes of the election in course. Quorum questions (what is committed, who won, is a quorum
 * active) are answered against the joint voter config.
 */
export class ProgressTracker {
  config: TrackerConfig = emptyTrackerConfig();
  progress: ProgressMap = new Map();
  votes: Map<MemberId, boolean> = new Map();
  /** The inflights window size, in messages, given to every new Progress. */
  readonly maxInflight: number;
  /** The inflights byte limit given to every new Progress (0 = no limit). */
  readonly maxInflightBytes: number;

  constructor(maxInflight: number, maxInflightBytes: number) {
    if (!Number.isSafeInteger(maxInflight) || maxInflight < 1) {
      throw new RangeError(
        `ProgressTracker: maxInflight must be a positive integer, got ${String(maxInflight)}`,
      );
    }
    if (!Number.isSafeInteger(maxInflightBytes) || maxInflightBytes < 0) {
      throw new RangeError(
        `ProgressTracker: maxInflightBytes must be a non-negative integer (0 = no limit), got ${String(maxInflightBytes)}`,
      );
    }
    this.maxInflight = maxInflight;
    this.maxInflightBytes = maxInflightBytes;
  }

  confState(): ConfState {
    return configToConfState(this.config);
  }

  /** True when the group has exactly one voter and is not joint. */
  isSingleton(): boolean {
    return this.config.voters.incoming.size === 1 && !this.config.voters.isJoint();
  }

  /** The largest index a quorum of voters has matched (2^64-1 with no voters at all). */
  committed(): bigint {
    return this.config.voters.committedIndex((id) => this.progress.get(id)?.match);
  }

  /** Calls `fn` for every tracked member in ascending ID order (deterministic output). */
  visit(fn: (id: MemberId, pr: Progress) => void): void {
    for (const id of this.#sortedIds()) fn(id, this.progress.get(id) as Progress);
  }

  #sorted: { map: ProgressMap; ids: MemberId[] } | undefined;

  /** The tracked IDs in ascending order, cached while the map holds the same members. */
  #sortedIds(): MemberId[] {
    const c = this.#sorted;
    if (c !== undefined && c.map === this.progress && c.ids.length === this.progress.size) {
      let same = true;
      for (const id of c.ids) {
        if (!this.progress.has(id)) {
          same = false;
          break;
        }
      }
      if (same) return c.ids;
    }
    const ids = sortedIds(this.progress.keys());
    this.#sorted = { map: this.progress, ids };
    return ids;
  }

  /**
   * Whether the voters marked recentActive form a quorum. The leader is one of them through its own
   * Progress, whose recentActive the leader keeps true.
   */
  quorumActive(): boolean {
    const votes = new Map<MemberId, boolean>();
    this.visit((id, pr) => {
      if (!pr.isLearner) votes.set(id, pr.recentActive);
    });
    return this.config.voters.voteResult(votes) === 'won';
  }

  /** The voters of both halves, sorted. */
  voterNodes(): MemberId[] {
    return sortedIds(this.config.voters.ids());
  }

  /** The learners, sorted (learnersNext excluded: they still vote in the outgoing config). */
  learnerNodes(): MemberId[] {
    return sortedIds(this.config.learners);
  }

  resetVotes(): void {
    this.votes = new Map();
  }

  /** Records a member's vote; the first vote of a member in an election is the one that counts. */
  recordVote(id: MemberId, granted: boolean): void {
    if (!this.votes.has(id)) this.votes.set(id, granted);
  }

  /** Counts the votes of tracked voters and decides the election so far. */
  tallyVotes(): { granted: number; rejected: number; result: VoteResult } {
    let granted = 0;
    let rejected = 0;
    for (const [id, pr] of this.progress) {
      if (pr.isLearner) continue;
      const v = this.votes.get(id);
      if (v === undefined) continue;
      if (v) granted++;
      else rejected++;
    }
    return { granted, rejected, result: this.config.voters.voteResult(this.votes) };
  }
}
