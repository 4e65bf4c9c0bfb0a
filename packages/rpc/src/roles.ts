/**
 * Who may call each RPC (docs/architecture.md §4): `insecure` for what a joiner needs before it has a
 * certificate, `manager` for what only managers do, `worker|manager` for the worker channel.
 * The server refuses any method missing here, and a test fails when a .proto method or a
 * services.ts entry has no role. (Control is not served over gRPC: the CLI uses a unix socket.)
 */
import { defineRpcRoles } from '@swarm/ca';

/** Who may call each RPC the node serves (checked on every call, fail closed). */
export const RPC_ROLES = defineRpcRoles({
  // A joiner fetches the root to check it against its token, then asks for its certificate.
  '/swarm.CA/GetRootCACertificate': 'insecure',
  '/swarm.NodeCA/IssueNodeCertificate': 'insecure',
  '/swarm.NodeCA/NodeCertificateStatus': 'insecure',

  '/swarm.CA/GetUnlockKey': 'manager',
  '/swarm.Raft/ProcessRaftMessage': 'manager',
  '/swarm.Raft/StreamRaftMessage': 'manager',
  '/swarm.Raft/ResolveAddress': 'manager',
  '/swarm.RaftMembership/Join': 'manager',
  '/swarm.RaftMembership/Leave': 'manager',
  '/swarm.LogBroker/ListLogs': 'manager',

  '/swarm.Dispatcher/Session': 'worker|manager',
  '/swarm.Dispatcher/Heartbeat': 'worker|manager',
  '/swarm.Dispatcher/UpdateTaskStatus': 'worker|manager',
  '/swarm.Dispatcher/Assignments': 'worker|manager',
  '/swarm.LogBroker/PublishLogs': 'worker|manager',
  '/swarm.Ingress/Endpoints': 'worker|manager',
  // The caller's own network view: the node ID is the certificate's, so a node sees only its networks.
  '/swarm.Networks/NodeNetworks': 'worker|manager',
});
