/**
 * The glue between the node's components and gRPC: which handler serves each RPC on a manager,
 * and the calls workers and joining managers make.
 */
import { SwarmError, swarm } from '@swarm/api';
import type { Connector } from '@swarm/dispatcher';
import type { Manager } from '../manager/manager.js';
import type { RpcClients } from '../rpc/client.js';
import { dispatcherHandlers, grpcConnector } from '../rpc/dispatcher-binding.js';
import { raftHandlers } from '../rpc/raft-transport.js';
import type { CallContext, RpcServer } from '../rpc/server.js';
import type { WorkerCalls } from '../worker/worker.js';

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
    raftHandlers(() => manager.raft, {
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
    leave: async (_req, ctx) => {
      await manager.removeManager(caller(ctx));
      return swarm.LeaveResponse.create();
    },
  });
  server.addService(
    'Dispatcher',
    dispatcherHandlers(() => manager.dispatcher),
  );
  server.addService('LogBroker', {
    publishLogs: (req, ctx) => manager.logs.publish(caller(ctx), req),
    listLogs: (req) => manager.logs.list(req),
  });
  server.addService('Ingress', {
    endpoints: () => swarm.EndpointsResponse.create({ endpoints: [...manager.endpoints.endpoints] }),
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
    listLogs: (addr: string, req: swarm.ListLogsRequest.$Properties) =>
      clients.get(addr).LogBroker.listLogs(req, { timeoutMs: 5000 }),
  };
}

export function workerCalls(clients: RpcClients): WorkerCalls {
  const connector: Connector = grpcConnector(clients);
  return {
    connector,
    endpoints: (addr) => clients.get(addr).Ingress.endpoints({}, { timeoutMs: 3000 }),
    publishLogs: async (addr, req) => {
      await clients.get(addr).LogBroker.publishLogs(req, { timeoutMs: 5000 });
    },
  };
}
