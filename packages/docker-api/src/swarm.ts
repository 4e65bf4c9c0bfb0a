/**
 * `@swarm/docker-api/swarm`: conversions between the swarm core's objects (`@swarm/api`) and
 * Docker's JSON, its errors as dockerd words them, and Docker's event stream from a swarm store,
 * for a backend built on the swarm core (the reference node's is one). Kept out of the root entry
 * so that a backend over another model does not load the protobuf code.
 */
export { networkSpecFromDocker, serviceSpecFromDocker } from './docker-to-swarm.js';
export { type DockerObjectKind, toDockerError } from './swarm-errors.js';
export { SwarmEventLog } from './swarm-events.js';
export {
  type FollowLogOptions,
  followLogMessages,
  type SequencedLogMessage,
  type SwarmInitOptions,
  type SwarmJoinOptions,
  type SwarmSpecChanges,
  swarmInitFromDocker,
  swarmJoinFromDocker,
  swarmSpecChangesFromDocker,
} from './swarm-requests.js';
export type { SwarmEventLogOptions, SwarmStoreEvent, WatchableSwarmStore } from './swarm-store.js';
export {
  clusterToDocker,
  configToDocker,
  type NodeExtras,
  networkToDocker,
  nodeToDocker,
  num,
  secretToDocker,
  serviceSpecToDocker,
  serviceToDocker,
  taskSpecToDocker,
  taskStateName,
  taskToDocker,
} from './swarm-to-docker.js';
