import { SwarmError } from '@swarm/api';

/** The RaftNode was stopped (by `stop()` or after a fatal storage error); the outcome of pending calls is unknown. */
export class RaftNodeStoppedError extends SwarmError<'RAFT_NODE_STOPPED'> {
  override readonly name = 'RaftNodeStoppedError';
  constructor(reason: string) {
    super('RAFT_NODE_STOPPED', `raft node stopped: ${reason}`, { reason });
  }
}

/**
 * A proposal or read did not complete in time. For a proposal the outcome is unknown: it may still
 * commit. Retry with the same client request ID if the state machine deduplicates.
 */
export class RaftTimeoutError extends SwarmError<'RAFT_TIMEOUT'> {
  override readonly name = 'RaftTimeoutError';
  constructor(what: string, ms: number) {
    super('RAFT_TIMEOUT', `raft ${what} did not complete within ${ms} ms (outcome unknown); retry`, { what, ms });
  }
}

/** No leader is known right now (an election is in progress or this member is cut off). Retry shortly. */
export class NoLeaderError extends SwarmError<'NO_LEADER'> {
  override readonly name = 'NoLeaderError';
  constructor(what: string) {
    super('NO_LEADER', `raft ${what}: no leader is known (election in progress or member partitioned); retry shortly`, {
      what,
    });
  }
}
