// gRPC over mutual TLS: the services nodes serve each other, their roles, server, clients, the raft
// transport and the dispatcher binding.
export {
  type CallOptions,
  type ClientStreamCall,
  fetchRootCA,
  type JoinerClient,
  joinerClient,
  managerServerCheck,
  ownCluster,
  RpcClients,
  type RpcClientsOptions,
  type RpcStubs,
  type ServiceStub,
} from './client.js';
export { dispatcherHandlers, grpcConnector } from './dispatcher-binding.js';
export {
  ERROR_METADATA_KEY,
  fromServiceError,
  grpcStatusFor,
  RpcError,
  type RpcErrorCode,
} from './errors.js';
export {
  GrpcRaftTransport,
  type GrpcRaftTransportOptions,
  RAFT_CHUNK_BYTES,
  type RaftHandlersOptions,
  raftFrames,
  raftHandlers,
} from './raft-transport.js';
export { RPC_ROLES } from './roles.js';
export {
  type CallContext,
  type ClientStreamHandler,
  type ClientStreamReceiver,
  RpcServer,
  type RpcServerOptions,
  type ServerStreamHandler,
  type ServiceHandlers,
  type UnaryHandler,
} from './server.js';
export {
  ALL_METHOD_PATHS,
  type MethodKind,
  RPC_SERVICES,
  type RpcMethod,
  SERVICE_NAMES,
  type ServiceName,
  serviceDefinition,
} from './services.js';
