/**
 * The swarm core's errors as dockerd reports the same cases: the status code of Docker's error
 * class and, where the case exists in Docker, its message word for word (the "rpc error: code =
 * ... desc = ..." form is how dockerd passes swarmkit's gRPC errors through, and scripts match on it).
 * The codes are those of `@swarm/node`'s control API and of the libraries under it (store,
 * scheduler, CA); a backend on another model maps its own errors.
 */

import { isSwarmError } from '@swarm/api';
import {
  type DockerApiError,
  DockerConflictError,
  DockerInvalidParameterError,
  DockerNotFoundError,
  DockerSystemError,
  DockerUnavailableError,
} from './errors.js';

/** What a backend call was about, for the wording of Docker's errors ("service web not found"). */
export type DockerObjectKind = 'node' | 'service' | 'task' | 'secret' | 'config' | 'network' | 'swarm';

const NOT_A_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
const WORKER_NOT_MANAGER =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";

const invalidArgument = (desc: string) =>
  new DockerInvalidParameterError(`rpc error: code = InvalidArgument desc = ${desc}`);
const failedPrecondition = (desc: string) =>
  new DockerInvalidParameterError(`rpc error: code = FailedPrecondition desc = ${desc}`);

/**
 * Maps an error of the swarm core (a `SwarmError` by its `code` and `details`) to Docker's; anything
 * else is returned as it is. `kind` and `ref` name the object the call was about (for "service web
 * not found"); `name` the name being created (for conflicts).
 */
export function toDockerError(
  e: unknown,
  kind?: DockerObjectKind,
  ref?: string,
  name?: string,
): DockerApiError | unknown {
  if (!isSwarmError(e)) return e;
  const d = e.details as Record<string, unknown>;
  const str = (k: string) => (typeof d[k] === 'string' || typeof d[k] === 'number' ? String(d[k]) : '');
  switch (e.code) {
    case 'NOT_A_MANAGER':
      return new DockerUnavailableError(
        e.message.includes('Worker nodes') ? WORKER_NOT_MANAGER : NOT_A_MANAGER,
      );
    case 'SWARM_LOCKED':
      return new DockerUnavailableError(
        'Swarm is encrypted and needs to be unlocked before it can be used. Please use "docker swarm unlock" to unlock it.',
      );
    case 'ALREADY_IN_SWARM':
      return new DockerUnavailableError(
        'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
      );
    case 'NOT_IN_SWARM':
      return new DockerUnavailableError('This node is not part of a swarm');
    case 'MANAGER_LEAVE_NEEDS_FORCE':
      return new DockerUnavailableError(
        'You are attempting to leave the swarm on a node that is participating as a manager. Doing so may lose the consensus of your cluster. The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.',
      );
    case 'NOT_FOUND': {
      const k = str('kind') || kind;
      const r = str('ref') || str('secret') || ref;
      return new DockerNotFoundError(k && r ? `${k} ${r} not found` : e.message);
    }
    case 'AMBIGUOUS':
      return new DockerInvalidParameterError(
        `${str('kind') || kind || 'object'} ${str('ref') || ref} is ambiguous (${str('matches') || 'several'} matches found)`,
      );
    case 'NAME_CONFLICT': {
      const n = str('objectName') || name || ref || '';
      const k = str('kind') || kind;
      if (k === 'network') return new DockerConflictError(`network with name ${n} already exists`);
      if (k === 'secret' || k === 'config')
        return new DockerConflictError(`rpc error: code = AlreadyExists desc = ${k} ${n} already exists`);
      return new DockerConflictError(
        `rpc error: code = AlreadyExists desc = name conflicts with an existing object: ${k ?? 'object'} ${n} already exists`,
      );
    }
    case 'SEQUENCE_CONFLICT':
      return new DockerSystemError('rpc error: code = Unknown desc = update out of sequence');
    case 'PORT_IN_USE':
      return invalidArgument(
        `port '${str('port')}' is already in use by service '${str('service')}' (${str('serviceId')}) as an ingress port`,
      );
    case 'SECRET_IN_USE':
    case 'CONFIG_IN_USE':
    case 'CONFIG_TOO_LARGE':
      return invalidArgument(e.message);
    case 'LAST_MANAGER':
      return failedPrecondition('attempting to demote the last manager of the swarm');
    case 'NODE_IS_MANAGER':
      return failedPrecondition(
        `node ${str('node') || ref} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
      );
    case 'NODE_NOT_DOWN':
      return failedPrecondition(`node ${str('node') || ref} is not down and can't be removed`);
    case 'NETWORK_IN_USE':
      return failedPrecondition(`network ${str('network')} is in use by service ${str('service')}`);
    case 'INVALID_UNLOCK_KEY':
      return new DockerInvalidParameterError('swarm could not be unlocked: invalid key');
    case 'NOT_LOCKED':
      return new DockerConflictError('swarm is not locked');
    case 'INVALID_ARGUMENT':
    case 'INVALID_CONSTRAINT':
    case 'INVALID_ZONE_CONSTRAINT':
    case 'JOIN_TOKEN_INVALID':
    case 'ROOT_DIGEST_MISMATCH':
      return invalidArgument(e.message);
    case 'NO_LEADER':
    case 'CLUSTER_NOT_READY':
    case 'UNAVAILABLE':
      return new DockerUnavailableError(`rpc error: code = Unavailable desc = ${e.message}`);
    default:
      return new DockerSystemError(e.message);
  }
}
