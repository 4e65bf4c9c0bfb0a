import { SwarmError } from '@swarm/api';

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
