// A snapshot of a member's state for monitoring and tests.
import type { Raft, SoftState } from './raft.js';
import type { ProgressState } from './tracker/progress.js';
import type { ConfState, HardState, MemberId } from './types.js';

/** A leader's view of one member's replication. */
export interface ProgressStatus {
  match: bigint;
  next: bigint;
  state: ProgressState;
  pendingSnapshot: bigint;
  recentActive: boolean;
  paused: boolean;
  inflight: number;
  isLearner: boolean;
}

/** A member's state for monitoring and tests (`RawNode.status()`). */
export interface Status {
  id: MemberId;
  hardState: HardState;
  softState: SoftState;
  applied: bigint;
  config: ConfState;
  /** Every member's replication progress; only on a leader. */
  progress?: Map<MemberId, ProgressStatus>;
  leadTransferee: MemberId;
}

export function getStatus(r: Raft): Status {
  const s: Status = {
    id: r.id,
    hardState: r.hardState(),
    softState: r.softState(),
    applied: r.raftLog.applied,
    config: r.trk.confState(),
    leadTransferee: r.leadTransferee,
  };
  if (r.state === 'leader') {
    const progress = new Map<MemberId, ProgressStatus>();
    r.trk.visit((id, pr) => {
      progress.set(id, {
        match: pr.match,
        next: pr.next,
        state: pr.state,
        pendingSnapshot: pr.pendingSnapshot,
        recentActive: pr.recentActive,
        paused: pr.isPaused(),
        inflight: pr.inflights.count(),
        isLearner: pr.isLearner,
      });
    });
    s.progress = progress;
  }
  return s;
}
