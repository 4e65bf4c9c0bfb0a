// gRPC over mutual TLS for swarm nodes: the services nodes serve each other, their roles, the server
// that authorizes every call, the clients, the raft transport and the dispatcher binding.
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
  type StubFor,
} from './client.js';
export { dispatcherHandlers, grpcConnector, peerHost } from './dispatcher-binding.js';
export {
  ERROR_METADATA_KEY,
  fromServiceError,
  grpcStatusFor,
  RpcError,
  type RpcErrorCode,
  toStatus,
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
  type HandlerFor,
  RpcServer,
  type RpcServerOptions,
  type ServerStreamHandler,
  type ServiceHandlers,
  type UnaryHandler,
} from './server.js';
export {
  ALL_METHOD_PATHS,
  asBuffer,
  type MessageCodec,
  type MethodKind,
  methodDefinition,
  RPC_SERVICES,
  type RpcMethod,
  SERVICE_NAMES,
  type ServiceName,
  type Services,
  serviceDefinition,
  serviceMethods,
} from './services.js';
export { boundTarget } from './source-address.js';
