import { SwarmError } from '@swarm/api';

/** A raft `Config` is invalid (bad tick counts, a zero ID, lease-based reads without check-quorum...). */
export class RaftConfigError extends SwarmError<'INVALID_RAFT_CONFIG'> {
  override readonly name = 'RaftConfigError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('INVALID_RAFT_CONFIG', message, details);
  }
}

/**
 * A proposal was dropped: no leader is known, forwarding is disabled, a leadership transfer is in
 * progress, this member was removed, or the uncommitted-size cap is reached. Retry later.
 */
export class ProposalDroppedError extends SwarmError<'PROPOSAL_DROPPED'> {
  override readonly name = 'ProposalDroppedError';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super('PROPOSAL_DROPPED', `raft proposal dropped: ${reason}`, { reason, ...details });
  }
}

/** The requested index is older than the storage's first index: it was compacted into a snapshot. */
export class LogCompactedError extends SwarmError<'LOG_COMPACTED'> {
  override readonly name = 'LogCompactedError';
  constructor(index: bigint, firstIndex: bigint) {
    super(
      'LOG_COMPACTED',
      `raft log index ${index} is compacted (first available index is ${firstIndex}); send a snapshot instead`,
      { index: index.toString(), firstIndex: firstIndex.toString() },
    );
  }
}

/** The requested index is beyond the storage's last index. */
export class LogUnavailableError extends SwarmError<'LOG_UNAVAILABLE'> {
  override readonly name = 'LogUnavailableError';
  constructor(index: bigint, lastIndex: bigint) {
    super('LOG_UNAVAILABLE', `raft log index ${index} is not available (last index is ${lastIndex})`, {
      index: index.toString(),
      lastIndex: lastIndex.toString(),
    });
  }
}

/** A snapshot older than the storage's current one was offered to `applySnapshot`/`createSnapshot`. */
export class SnapshotOutOfDateError extends SwarmError<'SNAPSHOT_OUT_OF_DATE'> {
  override readonly name = 'SnapshotOutOfDateError';
  constructor(index: bigint, current: bigint) {
    super(
      'SNAPSHOT_OUT_OF_DATE',
      `raft snapshot at index ${index} is older than the stored snapshot at index ${current}`,
      { index: index.toString(), current: current.toString() },
    );
  }
}

/**
 * Storage cannot produce a snapshot right now; the leader retries on a later heartbeat. Storage
 * implementations throw this from `snapshot()`.
 */
export class SnapshotTemporarilyUnavailableError extends SwarmError<'SNAPSHOT_TEMPORARILY_UNAVAILABLE'> {
  override readonly name = 'SnapshotTemporarilyUnavailableError';
  constructor() {
    super('SNAPSHOT_TEMPORARILY_UNAVAILABLE', 'raft snapshot is temporarily unavailable; retry later');
  }
}

/** `RawNode.step` was given a local message type (Hup, Beat, ...) from the network. */
export class StepLocalMessageError extends SwarmError<'STEP_LOCAL_MESSAGE'> {
  override readonly name = 'StepLocalMessageError';
  constructor(type: string) {
    super(
      'STEP_LOCAL_MESSAGE',
      `raft: cannot step the local message ${type} received from the network; use tick()/campaign() instead`,
      { type },
    );
  }
}

/** `RawNode.step` was given a response from a member that is not in the configuration. */
export class StepPeerNotFoundError extends SwarmError<'STEP_PEER_NOT_FOUND'> {
  override readonly name = 'StepPeerNotFoundError';
  constructor(from: bigint, type: string) {
    super('STEP_PEER_NOT_FOUND', `raft: ${type} from ${from}, which is not a member of the configuration`, {
      from: from.toString(),
      type,
    });
  }
}

/** The core found its own state inconsistent (a bug or corrupt storage). The node must stop. */
export class RaftInvariantError extends SwarmError<'RAFT_INVARIANT'> {
  override readonly name = 'RaftInvariantError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('RAFT_INVARIANT', `raft invariant violated: ${message}`, details);
  }
}

/** `RawNode.advance()` was called without an outstanding `ready()`. */
export class NoReadyError extends SwarmError<'NO_READY'> {
  override readonly name = 'NoReadyError';
  constructor() {
    super('NO_READY', 'raft: advance() called without a preceding ready(); call ready() first');
  }
}

/**
 * `RawNode.advance()` was called on a core configured with `asyncStorageWrites`: there, the
 * responses of the local storage messages take its place.
 */
export class AdvanceWithAsyncStorageWritesError extends SwarmError<'ADVANCE_WITH_ASYNC_STORAGE_WRITES'> {
  override readonly name = 'AdvanceWithAsyncStorageWritesError';
  constructor() {
    super(
      'ADVANCE_WITH_ASYNC_STORAGE_WRITES',
      'raft: advance() must not be called with asyncStorageWrites; step the responses of the ' +
        'StorageAppend and StorageApply messages once their work is done instead',
    );
  }
}

// ---- durable storage ----
/** A stored raft record failed its checksum or authentication, or the log has a hole. Fail closed. */
export class StorageCorruptError extends SwarmError<'STORAGE_CORRUPT'> {
  override readonly name = 'StorageCorruptError';
  constructor(record: string, problem: string, cause?: unknown) {
    super(
      'STORAGE_CORRUPT',
      `raft storage: ${record}: ${problem}. The data directory is damaged; restore this member from a ` +
        'snapshot or remove it and re-add it to the cluster',
      { record, problem },
      cause === undefined ? undefined : { cause },
    );
  }
}

/** The storage was used after `close()`, or a write failed (the member must stop: state is unknown). */
export class StorageClosedError extends SwarmError<'STORAGE_CLOSED'> {
  override readonly name = 'StorageClosedError';
  constructor(reason: string) {
    super('STORAGE_CLOSED', `raft storage is closed: ${reason}; reopen it to continue`, { reason });
  }
}

// ---- the RaftNode driver ----
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
    super('RAFT_TIMEOUT', `raft ${what} did not complete within ${ms} ms (outcome unknown); retry`, {
      what,
      ms,
    });
  }
}

/** No leader is known right now (an election is in progress or this member is cut off). Retry shortly. */
export class NoLeaderError extends SwarmError<'NO_LEADER'> {
  override readonly name = 'NoLeaderError';
  constructor(what: string) {
    super(
      'NO_LEADER',
      `raft ${what}: no leader is known (election in progress or member partitioned); retry shortly`,
      {
        what,
      },
    );
  }
}
