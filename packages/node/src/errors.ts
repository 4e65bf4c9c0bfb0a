/**
 * Typed errors of the node as a whole (its data directory). Each carries a stable `code`; callers
 * branch with `isSwarmError(err, code)` of @swarm/api, never on the message. The manager's errors
 * are in manager/errors.ts, the control API's in control/errors.ts (the CLI's are @swarm/cli's).
 */
import { SwarmError } from '@swarm/api';

/** Codes of {@link NodeDataError}. */
export type NodeDataErrorCode = 'CREDENTIALS_MISSING' | 'STATE_CORRUPT';

/**
 * The node's data directory cannot be used as it is: its certificates cannot be read
 * (`CREDENTIALS_MISSING`, `details.dir`) or its `state.json` is not a node state
 * (`STATE_CORRUPT`, `details.file`). The message names the path and the fix.
 */
export class NodeDataError extends SwarmError<NodeDataErrorCode> {
  override readonly name = 'NodeDataError';
}

/** Codes of {@link BackupError}. */
export type BackupErrorCode =
  | 'BACKUP_INVALID'
  | 'BACKUP_TRUNCATED'
  | 'BACKUP_NEEDS_KEY'
  | 'BACKUP_WRONG_KEY'
  | 'BACKUP_OTHER_CLUSTER'
  | 'BACKUP_OTHER_NODE';

/**
 * A backup that cannot be written or restored: not a backup or damaged (`BACKUP_INVALID`,
 * `BACKUP_TRUNCATED`), no key to write it under (`BACKUP_NEEDS_KEY`), a key that does not open it
 * (`BACKUP_WRONG_KEY`), or a data directory of another cluster or node (`BACKUP_OTHER_CLUSTER`,
 * `BACKUP_OTHER_NODE`). Nothing was changed.
 */
export class BackupError extends SwarmError<BackupErrorCode> {
  override readonly name = 'BackupError';
}

/** Codes of {@link LookupError}. */
export type LookupErrorCode = 'NOT_FOUND' | 'AMBIGUOUS';

/**
 * A control call named an object (by ID, ID prefix or name) that does not exist (`NOT_FOUND`) or
 * that matches several (`AMBIGUOUS`: use a longer ID prefix). `details.kind` and `details.ref`
 * say what was looked up.
 */
export class LookupError extends SwarmError<LookupErrorCode> {
  override readonly name = 'LookupError';
}
