/**
 * What the store grants a node now, for RPC authorization: the certificate says what a node was
 * when it was issued, the store says what it is. A manager-only RPC needs both (`authorize`'s
 * `grantedRole` option), so a demotion or a removal takes effect at once and a promotion only
 * once the node holds a manager certificate.
 */
import { fromLong, swarm } from '@swarm/api';
import type { NodeRole } from './issue.js';
import { BACKDATE_MS } from './root-ca.js';

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
 * How much older than a certificate a store record must be before a raft peer's certificate is
 * trusted over it (clock skew between the managers that wrote each).
 */
export const STALE_RECORD_MARGIN_MS = 60_000;

/** When a certificate was issued: its validity starts an hour back (BACKDATE_MS of @swarm/ca). */
export function issuedAt(leaf: { notBefore: number }): number {
  return leaf.notBefore + BACKDATE_MS;
}

/**
 * The role the store grants `node` for `method`, given the caller's verified certificate:
 *
 * - a manager now gets the manager role; any other node it knows gets the worker role; a node it
 *   does not know gets nothing (removed, or not replicated here yet);
 * - for the raft transport only, a member that cannot judge yet is not allowed to lock itself out
 *   of catching up: a node it has never heard of, a node that still owns a member of the current
 *   configuration (its removal must be able to commit), and a node whose record here is older
 *   than its certificate (this replica has not seen the promotion the certificate reflects) get
 *   the manager role. A demoted node's record is always newer than its old certificate: refused.
 */
export function grantedRole(
  node: swarm.Node | undefined,
  method: string,
  leaf: { notBefore: number },
  isRaftMember: (raftId: bigint) => boolean,
): NodeRole | undefined {
  const raftPeer = RAFT_PEER_METHODS.has(method);
  if (node === undefined) return raftPeer ? 'swarm-manager' : undefined;
  if (isManagerNow(node)) return 'swarm-manager';
  if (raftPeer) {
    const id = raftIdOf(node);
    if (id !== 0n && isRaftMember(id)) return 'swarm-manager';
    const recordAt = Number(fromLong(node.meta?.updatedAt ?? 0));
    if (recordAt + STALE_RECORD_MARGIN_MS < issuedAt(leaf)) return 'swarm-manager';
  }
  return 'swarm-worker';
}
