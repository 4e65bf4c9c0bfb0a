/**
 * `@swarm/ca/manager`: the CA as a swarm manager serves it, over a cluster store. The
 * {@link ManagerCA} issues node certificates from CSRs (a join token decides a joiner's role, the
 * store decides a renewal's), serves the root bundle and the unlock key; {@link grantedRole} says
 * what the store grants a caller now, for RPC authorization. Portable: the store is a structural
 * contract ({@link CAStore}) that any @swarm/store `Store` fits, and the signing backend is injected.
 *
 * @module
 */
export {
  grantedRole,
  isManagerNow,
  issuedAt,
  RAFT_PEER_METHODS,
  raftIdOf,
  STALE_RECORD_MARGIN_MS,
} from './granted-role.js';
export {
  type CAReadTx,
  type CAStore,
  type CAWriteTx,
  chainNotAfter,
  clusterOf,
  DEFAULT_ZONE_LABEL,
  deniedNodes,
  ManagerCA,
  type ManagerCAOptions,
  roleName,
  trustBundle,
} from './manager-ca.js';
export {
  RootRotationDriver,
  type RootRotationDriverOptions,
  type RotationReadTx,
  type RotationStatus,
  type RotationStore,
  type RotationWriteTx,
} from './rotation-driver.js';
