/**
 * What the store grants a node now, for RPC authorization: the certificate says what a node was
 * when it was issued, the store says what it is. A manager-only RPC needs both (see
 * `grantedRole` in @swarm/ca's `authorize`), so a demotion or a removal takes effect at once and a
 * promotion only once the node holds a manager certificate.
 */
import { fromLong, swarm } from '@swarm/api';
import type { NodeRole } from '@swarm/ca';

/**
 * The raft transport RPCs. A manager that is being removed from raft must still be heard until
 * its removal commits (with two managers, the removal needs its vote), so for these the store
 * also grants the manager role to a node that still owns a member of the current configuration.
 */
export const RAFT_PEER_METHODS: ReadonlySet<string> = new Set([
  '/swarm.Raft/ProcessRaftMessage',
  '/swarm.Raft/StreamRaftMessage',
  '/swarm.Raft/ResolveAddress',
]);

/** A manager now: its role and its desired role are both manager (not demoted, not mid-promotion). */
export function isManagerNow(node: swarm.Node | undefined): boolean {
  return (
    node !== undefined &&
    node.role === swarm.NodeRole.NODE_ROLE_MANAGER &&
    node.spec?.desiredRole === swarm.NodeRole.NODE_ROLE_MANAGER
  );
}

/** The raft member a node's manager status names (0n: none). */
export function raftIdOf(node: swarm.Node | undefined): bigint {
  return fromLong(node?.managerStatus?.raftId ?? 0);
}

/**
 * The role the store grants `node` for `method`: manager when it is a manager now (or, for a
 * raft transport RPC, while it still owns a member of the raft configuration), worker for any
 * other node it knows, nothing for a node it does not know (removed, or not replicated here yet).
 */
export function grantedRole(
  node: swarm.Node | undefined,
  method: string,
  isRaftMember: (raftId: bigint) => boolean,
): NodeRole | undefined {
  if (node === undefined) return undefined;
  if (isManagerNow(node)) return 'swarm-manager';
  if (RAFT_PEER_METHODS.has(method)) {
    const id = raftIdOf(node);
    if (id !== 0n && isRaftMember(id)) return 'swarm-manager';
  }
  return 'swarm-worker';
}
