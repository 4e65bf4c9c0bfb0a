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
