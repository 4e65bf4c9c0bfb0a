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
