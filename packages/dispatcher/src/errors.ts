import { SwarmError } from '@swarm/api';

/** The codes of the dispatcher's errors. */
export type DispatcherErrorCode =
  | 'NODE_NOT_FOUND'
  | 'NODE_DENIED'
  | 'INVALID_SESSION'
  | 'TASK_NOT_ASSIGNED'
  | 'INVALID_STATUS_UPDATE'
  | 'HOST_PORT_NOT_ALLOWED'
  | 'INVALID_NODE_DESCRIPTION'
  | 'DISPATCHER_UNAVAILABLE'
  | 'MANAGER_UNAVAILABLE'
  | 'NO_MANAGERS';

/** A session was opened by a node ID the store does not know (never joined, or removed and deleted). */
export class NodeNotFoundError extends SwarmError<'NODE_NOT_FOUND'> {
  override readonly name = 'NodeNotFoundError';
  constructor(nodeId: string) {
    super(
      'NODE_NOT_FOUND',
      `node ${nodeId} is not in the cluster store; join the node again with a join token`,
      { nodeId },
    );
  }
}

/** The caller's node ID is on the cluster's deny list (the node was removed). Fails closed. */
export class NodeDeniedError extends SwarmError<'NODE_DENIED'> {
  override readonly name = 'NodeDeniedError';
  constructor(nodeId: string) {
    super(
      'NODE_DENIED',
      `node ${nodeId} was removed from the cluster and is denied; it must leave and join again as a new node`,
      { nodeId },
    );
  }
}

/** A call named a session that is unknown, expired, or belongs to another node. */
export class InvalidSessionError extends SwarmError<'INVALID_SESSION'> {
  override readonly name = 'InvalidSessionError';
  constructor(nodeId: string, reason: string) {
    super('INVALID_SESSION', `node ${nodeId} has no such session (${reason}); open a new session first`, {
      nodeId,
      reason,
    });
  }
}

/**
 * A node reported the status of a task that is not assigned to it (or no longer exists on it).
 * The whole request is refused and nothing from it is written.
 */
export class TaskNotAssignedError extends SwarmError<'TASK_NOT_ASSIGNED'> {
  override readonly name = 'TaskNotAssignedError';
  constructor(nodeId: string, taskId: string) {
    super(
      'TASK_NOT_ASSIGNED',
      `node ${nodeId} may not update task ${taskId}: the task is not assigned to it; ` +
        'a worker reports only on the tasks of its own assignments',
      { nodeId, taskId },
    );
  }
}

/** A status update that lacks a task ID or a status, or names a state that is not a TaskState. */
export class InvalidStatusUpdateError extends SwarmError<'INVALID_STATUS_UPDATE'> {
  override readonly name = 'InvalidStatusUpdateError';
  constructor(nodeId: string, problem: string) {
    super('INVALID_STATUS_UPDATE', `invalid task status update from node ${nodeId}: ${problem}`, {
      nodeId,
      problem,
    });
  }
}

/**
 * A status update reports a host port the ingress rule does not allow (outside the task port range,
 * a daemon's own port, or not a port of the task's service). The whole request is refused.
 */
export class HostPortNotAllowedError extends SwarmError<'HOST_PORT_NOT_ALLOWED'> {
  override readonly name = 'HostPortNotAllowedError';
  constructor(nodeId: string, taskId: string, port: number, reason: string) {
    super(
      'HOST_PORT_NOT_ALLOWED',
      `node ${nodeId} reported task ${taskId} on a host port that is not allowed: ${reason}; ` +
        'allocate task ports from the task port range (the same on every node)',
      { nodeId, taskId, port, reason },
    );
  }
}

/** A session request whose node description is too large (or otherwise unusable). The session is refused. */
export class InvalidNodeDescriptionError extends SwarmError<'INVALID_NODE_DESCRIPTION'> {
  override readonly name = 'InvalidNodeDescriptionError';
  constructor(nodeId: string, problem: string) {
    super('INVALID_NODE_DESCRIPTION', `node ${nodeId} sent an unusable node description: ${problem}`, {
      nodeId,
      problem,
    });
  }
}

/** The dispatcher is not running on this manager (not the leader, or stopping); try another manager. */
export class DispatcherUnavailableError extends SwarmError<'DISPATCHER_UNAVAILABLE'> {
  override readonly name = 'DispatcherUnavailableError';
  constructor(reason: string) {
    super('DISPATCHER_UNAVAILABLE', `the dispatcher is not serving (${reason}); connect to another manager`, {
      reason,
    });
  }
}

/** A transport could not reach a manager, or the connection to it was lost. */
export class ManagerUnavailableError extends SwarmError<'MANAGER_UNAVAILABLE'> {
  override readonly name = 'ManagerUnavailableError';
  constructor(addr: string, reason: string) {
    super('MANAGER_UNAVAILABLE', `manager ${addr} is unavailable: ${reason}`, { addr, reason });
  }
}

/** The agent was given an empty manager list. */
export class NoManagersError extends SwarmError<'NO_MANAGERS'> {
  override readonly name = 'NoManagersError';
  constructor() {
    super('NO_MANAGERS', 'the agent has no manager address to connect to; pass at least one in `managers`');
  }
}
