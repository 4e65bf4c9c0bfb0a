/** Typed errors of the manager half (raft membership, logs). Each carries a stable `code`. */
import { SwarmError } from '@swarm/api';

/** A call only the raft leader serves reached a follower; `details.leaderAddr` names the leader. */
export class NotLeaderError extends SwarmError<'NOT_LEADER'> {
  override readonly name = 'NotLeaderError';
  constructor(what: string, leaderAddr: string | undefined) {
    super(
      'NOT_LEADER',
      leaderAddr === undefined
        ? `${what} is served by the raft leader, and no leader is known right now; retry shortly`
        : `${what} is served by the raft leader: call ${leaderAddr}`,
      { leaderAddr: leaderAddr ?? '' },
    );
  }
}

export type RaftJoinErrorCode = 'INVALID_RAFT_ADDRESS' | 'RAFT_JOIN_REFUSED';

/** A `RaftMembership.Join` or `Leave` that is refused before anything changes. */
export class RaftJoinError extends SwarmError<RaftJoinErrorCode> {
  override readonly name = 'RaftJoinError';
}

export type LogErrorCode = 'TASK_NOT_ASSIGNED' | 'LOG_RATE_LIMITED';

/** A `PublishLogs` call that is refused as a whole (nothing of it is kept). */
export class LogPublishError extends SwarmError<LogErrorCode> {
  override readonly name = 'LogPublishError';
}

/** What a manager can see of its raft quorum: voters, how many it reaches, how many a quorum needs. */
export interface QuorumView {
  /** Voting managers in the raft configuration. */
  managers: number;
  /** Voters this manager heard from recently, itself included. */
  reachable: number;
  /** A majority of `managers`. */
  needed: number;
  /** Whether some member leads now. */
  leader: boolean;
}

/**
 * A write refused because the managers lost their quorum: no leader, and fewer managers reachable
 * than a majority. `proposed` says the change had been handed to raft before (it is then not
 * acknowledged, and may still apply if the lost managers return with it in their logs).
 */
export class QuorumLostError extends SwarmError<'QUORUM_LOST'> {
  override readonly name = 'QuorumLostError';
  constructor(q: QuorumView, proposed: boolean) {
    super(
      'QUORUM_LOST',
      `The swarm does not have a leader: quorum is lost, ${q.reachable} of ${q.managers} managers reachable and ${q.needed} needed. ` +
        (proposed
          ? 'The change was not acknowledged (it may still apply if the lost managers come back with it). '
          : 'Nothing was changed. ') +
        "Bring the lost managers back online; until then reads answer from this manager's local copy, which may be stale.",
      { managers: q.managers, reachable: q.reachable, needed: q.needed, proposed },
    );
  }
}
