import { SwarmError } from '@swarm/api';

/** The stable `code` of every error the Docker executor throws. */
export type DockerExecutorErrorCode =
  | 'INVALID_EXECUTOR_OPTIONS'
  | 'INVALID_DOCKER_HOST'
  | 'ENGINE_UNREACHABLE'
  | 'ENGINE_TOO_OLD'
  | 'UNKNOWN_NETWORK'
  | 'EXECUTOR_CLOSED'
  | 'TASK_ALREADY_RUNNING'
  | 'INVALID_TASK';

/** An option of `DockerExecutor` is missing or malformed. */
export class InvalidExecutorOptionsError extends SwarmError<'INVALID_EXECUTOR_OPTIONS'> {
  override readonly name = 'InvalidExecutorOptionsError';
  constructor(message: string) {
    super('INVALID_EXECUTOR_OPTIONS', message);
  }
}

/** A Docker host address that is not `unix:///path` or `tcp://host:port`. */
export class InvalidDockerHostError extends SwarmError<'INVALID_DOCKER_HOST'> {
  override readonly name = 'InvalidDockerHostError';
  constructor(host: string) {
    super(
      'INVALID_DOCKER_HOST',
      `invalid Docker host ${JSON.stringify(host)}: expected unix:///path/to/docker.sock or tcp://HOST:PORT`,
      { host },
    );
  }
}

/** No Docker Engine answered at the address. */
export class EngineUnreachableError extends SwarmError<'ENGINE_UNREACHABLE'> {
  override readonly name = 'EngineUnreachableError';
  constructor(host: string, reason: string) {
    super(
      'ENGINE_UNREACHABLE',
      `no Docker Engine answers at ${host} (${reason}): start dockerd, or point --docker-host at its socket`,
      { host, reason },
    );
  }
}

/** The engine speaks an API older than the one this executor needs. */
export class EngineTooOldError extends SwarmError<'ENGINE_TOO_OLD'> {
  override readonly name = 'EngineTooOldError';
  constructor(host: string, apiVersion: string, minimum: string) {
    super(
      'ENGINE_TOO_OLD',
      `the Docker Engine at ${host} speaks API ${apiVersion}; this executor needs ${minimum} or newer (Docker 20.10+)`,
      { host, apiVersion, minimum },
    );
  }
}

/** The network tasks should attach to does not exist on the engine. */
export class UnknownNetworkError extends SwarmError<'UNKNOWN_NETWORK'> {
  override readonly name = 'UnknownNetworkError';
  constructor(network: string, available: readonly string[]) {
    super(
      'UNKNOWN_NETWORK',
      `the Docker Engine has no network ${JSON.stringify(network)} (it has ${available.join(', ') || 'none'}): create it or choose another`,
      { network, available: [...available] },
    );
  }
}

/** `start` after `close` or `detach`. */
export class ExecutorClosedError extends SwarmError<'EXECUTOR_CLOSED'> {
  override readonly name = 'ExecutorClosedError';
  constructor() {
    super('EXECUTOR_CLOSED', 'the executor is closed; the node is shutting down');
  }
}

/** `start` of a task this executor already runs. */
export class TaskAlreadyRunningError extends SwarmError<'TASK_ALREADY_RUNNING'> {
  override readonly name = 'TaskAlreadyRunningError';
  constructor(taskId: string) {
    super('TASK_ALREADY_RUNNING', `task ${taskId} was already started by this executor`, { taskId });
  }
}

/** A task without an ID. */
export class InvalidTaskError extends SwarmError<'INVALID_TASK'> {
  override readonly name = 'InvalidTaskError';
  constructor(message: string) {
    super('INVALID_TASK', message);
  }
}
