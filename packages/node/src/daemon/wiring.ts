/**
 * The glue between the node's components and gRPC: which handler serves each RPC on a manager,
 * and the calls workers and joining managers make.
 */
import { type Clock, fromLong, isSwarmError, SwarmError, swarm, systemClock } from '@swarm/api';
import { raftIdOf } from '@swarm/ca/manager';
import type { Connector } from '@swarm/dispatcher';
import {
  type NodeNetworkView,
  networkViewFromProto,
  networkViewToProto,
  nodeNetworkView,
} from '@swarm/network';
import {
  type CallContext,
  dispatcherHandlers,
  grpcConnector,
  type RpcClients,
  type RpcServer,
  raftHandlers,
} from '@swarm/rpc';
import { RaftJoinError } from '../manager/errors.js';
import type { Manager } from '../manager/manager.js';

function caller(ctx: CallContext): string {
  const id = ctx.identity?.nodeId;
  if (id === undefined)
    throw new SwarmError('AUTH_NO_CERTIFICATE', 'this call needs a verified node certificate');
  return id;
}

/** Serves every manager RPC from `manager`. */
export function serveManager(server: RpcServer, manager: Manager): void {
  server.addService('CA', {
    getRootCACertificate: () => manager.ca.getRootCACertificate(),
    getUnlockKey: () => manager.ca.getUnlockKey(),
  });
  server.addService('NodeCA', {
    issueNodeCertificate: (req, ctx) => manager.ca.issueNodeCertificate(req, ctx.identity),
    nodeCertificateStatus: (req) => manager.ca.nodeCertificateStatus(req),
  });
  server.addService(
    'Raft',
    raftHandlers(() => manager.raftInbox, {
      resolveAddress: (id) => manager.resolve(id),
      // A manager may speak only for its own raft member (a member the store does not know yet,
      // e.g. while a new manager catches up, is let through: raft itself ignores strangers).
      checkSender: (from, identity) => {
        const owner = manager.nodeIdOfMember(from);
        return owner === undefined || owner === identity.nodeId;
      },
    }),
  );
  server.addService('RaftMembership', {
    join: (req, ctx) => manager.addManager(caller(ctx), req.addr ?? ''),
    leave: async (req, ctx) => {
      const nodeId = caller(ctx);
      // The caller names the member it leaves with: a member of another node, or a stale one, is refused.
      const own = manager.store.view((tx) => raftIdOf(tx.get('node', nodeId)));
      const named = fromLong(req.node?.raftId ?? 0);
      if (own === 0n || named !== own)
        throw new RaftJoinError(
          'RAFT_JOIN_REFUSED',
          `raft leave: node ${nodeId} may leave only with its own raft member (${own === 0n ? 'it has none' : own.toString()}), not ${named.toString()}`,
          { nodeId },
        );
      await manager.removeManager(nodeId);
      return swarm.LeaveResponse.create();
    },
  });
  server.addService(
    'Dispatcher',
    dispatcherHandlers(() => manager.dispatcher),
  );
  server.addService('LogBroker', {
    publishLogs: (req, ctx) => manager.logs.publish(caller(ctx), req),
    listLogs: (req) => manager.logs.wait(req),
  });
  server.addService('Ingress', {
    endpoints: () => swarm.EndpointsResponse.create({ endpoints: [...manager.endpoints.endpoints] }),
  });
  // The caller's view of its networks: the node ID is its certificate's, never the request's.
  server.addService('Networks', {
    nodeNetworks: (_req, ctx) =>
      networkViewToProto(manager.store.view((tx) => nodeNetworkView(tx, caller(ctx)))),
  });
}

/** The calls a node makes to managers over mutual TLS. */
export function managerCalls(clients: RpcClients) {
  return {
    issue: (addr: string, req: swarm.IssueNodeCertificateRequest.$Properties) =>
      clients.get(addr).NodeCA.issueNodeCertificate(req, { timeoutMs: 10_000 }),
    rootCA: async (addr: string): Promise<string> => {
      const res = await clients.get(addr).CA.getRootCACertificate({}, { timeoutMs: 5000 });
      return new TextDecoder().decode(res.certificate ?? new Uint8Array());
    },
    certStatus: (addr: string, nodeId: string) =>
      clients.get(addr).NodeCA.nodeCertificateStatus({ nodeId }, { timeoutMs: 5000 }),
    unlockKey: async (addr: string): Promise<string> => {
      const res = await clients.get(addr).CA.getUnlockKey({}, { timeoutMs: 10_000 });
      return new TextDecoder().decode(res.unlockKey ?? new Uint8Array());
    },
    raftJoin: (addr: string, advertiseAddr: string) =>
      clients.get(addr).RaftMembership.join({ addr: advertiseAddr }, { timeoutMs: 60_000 }),
    listLogs: (addr: string, req: swarm.ListLogsRequest.$Properties, signal?: AbortSignal) =>
      clients
        .get(addr)
        .LogBroker.listLogs(req, { timeoutMs: 5000 + (req.waitMs ?? 0), ...(signal ? { signal } : {}) }),
  };
}

/** What the worker asks of managers (the gRPC stubs, behind a seam for tests). */
export interface WorkerCalls {
  connector: Connector;
  /** The published-port table from manager `addr`. */
  endpoints(addr: string): Promise<swarm.EndpointsResponse>;
  /** This node's view of its cluster networks from manager `addr`. */
  networks(addr: string): Promise<NodeNetworkView>;
  /** Sends task output to manager `addr`. */
  publishLogs(addr: string, req: swarm.PublishLogsRequest.$Properties): Promise<void>;
}

/** The worker's calls over `clients`. */
export function workerCalls(clients: RpcClients): WorkerCalls {
  const connector: Connector = grpcConnector(clients);
  return {
    connector,
    endpoints: (addr) => clients.get(addr).Ingress.endpoints({}, { timeoutMs: 3000 }),
    networks: async (addr) =>
      networkViewFromProto(await clients.get(addr).Networks.nodeNetworks({}, { timeoutMs: 3000 })),
    publishLogs: async (addr, req) => {
      await clients.get(addr).LogBroker.publishLogs(req, { timeoutMs: 5000 });
    },
  };
}

/**
 * Joins raft through the leader (only the leader serves RaftMembership.Join: a follower answers
 * NOT_LEADER naming it). Tries `managers` in order, follows the leader hints, and retries for up
 * to `timeoutMs` while no leader is known.
 */
export async function joinRaft(
  calls: Pick<ReturnType<typeof managerCalls>, 'raftJoin'>,
  managers: readonly string[],
  advertiseAddr: string,
  timeoutMs = 60_000,
  clock: Clock = systemClock,
): Promise<swarm.JoinResponse> {
  const deadline = clock.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const tried = new Set<string>();
    const queue = [...managers];
    while (queue.length > 0) {
      const addr = queue.shift()!;
      if (tried.has(addr)) continue;
      tried.add(addr);
      try {
        return await calls.raftJoin(addr, advertiseAddr);
      } catch (e) {
        lastError = e;
        const leader = isSwarmError(e, 'NOT_LEADER') ? e.details.leaderAddr : undefined;
        if (typeof leader === 'string' && leader !== '') queue.unshift(leader);
        else if (
          !isSwarmError(e, 'NOT_LEADER') &&
          !isSwarmError(e, 'MANAGER_UNAVAILABLE') &&
          !isSwarmError(e, 'RPC_DEADLINE_EXCEEDED')
        )
          throw e; // refused for a reason a retry does not change
      }
    }
    if (clock.now() > deadline) break;
    await new Promise<void>((r) => clock.setTimeout(r, 250));
  }
  throw lastError ?? new SwarmError('RAFT_JOIN_FAILED', 'no manager accepted this node into raft');
}
