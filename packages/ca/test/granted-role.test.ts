import { swarm, toLong } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { grantedRole, isManagerNow, STALE_RECORD_MARGIN_MS } from '../src/manager.js';

const M = swarm.NodeRole.NODE_ROLE_MANAGER;
const W = swarm.NodeRole.NODE_ROLE_WORKER;
const HOUR = 3600_000;

function node(role: swarm.NodeRole, desired: swarm.NodeRole, updatedAt: number, raftId = 0n): swarm.Node {
  return swarm.Node.create({
    id: 'n'.repeat(25),
    role,
    spec: { desiredRole: desired },
    meta: { updatedAt: toLong(BigInt(updatedAt)) },
    ...(raftId === 0n ? {} : { managerStatus: { raftId: toLong(raftId), addr: '10.0.0.1:2377' } }),
  });
}

const UNLOCK = '/swarm.CA/GetUnlockKey';
const RAFT = '/swarm.Raft/ProcessRaftMessage';
const none = () => false;

describe('the role the store grants a caller', () => {
  const issuedAt = 10 * HOUR;
  const leaf = { notBefore: issuedAt - HOUR };

  it('is manager only while role and desired role are both manager', () => {
    expect(isManagerNow(node(M, M, 0))).toBe(true);
    expect(isManagerNow(node(M, W, 0))).toBe(false); // demoted, not renewed yet
    expect(isManagerNow(node(W, M, 0))).toBe(false); // promoted, not renewed yet
    expect(grantedRole(node(M, W, issuedAt + 1000), UNLOCK, leaf, none)).toBe('swarm-worker');
    expect(grantedRole(node(W, M, issuedAt + 1000), UNLOCK, leaf, none)).toBe('swarm-worker');
    expect(grantedRole(undefined, UNLOCK, leaf, none)).toBeUndefined();
  });

  it('lets a raft member being removed be heard on the raft transport only', () => {
    const demoted = node(M, W, issuedAt + 1000, 7n);
    expect(grantedRole(demoted, RAFT, leaf, (id) => id === 7n)).toBe('swarm-manager');
    expect(grantedRole(demoted, UNLOCK, leaf, (id) => id === 7n)).toBe('swarm-worker');
    expect(grantedRole(demoted, RAFT, leaf, none)).toBe('swarm-worker');
  });

  it('on the raft transport, does not let a replica that cannot judge lock out the peer it must catch up from', () => {
    // Never heard of the node: a new member whose store is still empty.
    expect(grantedRole(undefined, RAFT, leaf, none)).toBe('swarm-manager');
    // A record much older than the certificate: this replica has not seen the promotion yet.
    const stale = node(W, W, issuedAt - STALE_RECORD_MARGIN_MS - 1);
    expect(grantedRole(stale, RAFT, leaf, none)).toBe('swarm-manager');
    expect(grantedRole(stale, UNLOCK, leaf, none)).toBe('swarm-worker');
    // A demotion is always newer than the old certificate (even within the clock-skew margin).
    expect(grantedRole(node(M, W, issuedAt - 1000), RAFT, leaf, none)).toBe('swarm-worker');
  });
});
