/**
 * The gRPC services a swarm node serves to other nodes, described once from the static protobufjs
 * codecs of @swarm/api. Paths are `/swarm.<Service>/<Method>` exactly as in the .proto files, so
 * any gRPC client built from those files interoperates. The Control service is deliberately absent:
 * the CLI talks to its local daemon over a unix socket, never over the network.
 */
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { swarm } from '@swarm/api';

/** How an RPC streams. */
export type MethodKind = 'unary' | 'serverStream' | 'clientStream';

/** A protobufjs static message class: encodes its plain properties, decodes to an instance. */
export interface MessageCodec<T, P> {
  /** Encodes a message; `finish()` gives its bytes. */
  encode(message: P): {
    /** The encoded bytes. */
    finish(): Uint8Array;
  };
  /** Decodes bytes into a message instance. */
  decode(bytes: Uint8Array): T;
}

/**
 * One RPC. `Req`/`Res` are the decoded message classes, `ReqP`/`ResP` the plain property shapes a
 * sender may pass.
 */
export interface RpcMethod<
  Req = unknown,
  ReqP = unknown,
  Res = unknown,
  ResP = unknown,
  K extends MethodKind = MethodKind,
> {
  readonly service: string;
  readonly name: string;
  readonly path: string;
  readonly kind: K;
  readonly request: MessageCodec<Req, ReqP>;
  readonly response: MessageCodec<Res, ResP>;
}

function method<K extends MethodKind>(kind: K) {
  return <Req, ReqP, Res, ResP>(
    service: string,
    name: string,
    request: MessageCodec<Req, ReqP>,
    response: MessageCodec<Res, ResP>,
  ): RpcMethod<Req, ReqP, Res, ResP, K> =>
    Object.freeze({ service, name, path: `/swarm.${service}/${name}`, kind, request, response });
}

const unary = method('unary');
const serverStream = method('serverStream');
const clientStream = method('clientStream');

/** Every service served over the network, keyed by service name, then by camelCase method name. */
export const RPC_SERVICES = {
  CA: {
    getRootCACertificate: unary(
      'CA',
      'GetRootCACertificate',
      swarm.GetRootCACertificateRequest,
      swarm.GetRootCACertificateResponse,
    ),
    getUnlockKey: unary('CA', 'GetUnlockKey', swarm.GetUnlockKeyRequest, swarm.GetUnlockKeyResponse),
  },
  NodeCA: {
    issueNodeCertificate: unary(
      'NodeCA',
      'IssueNodeCertificate',
      swarm.IssueNodeCertificateRequest,
      swarm.IssueNodeCertificateResponse,
    ),
    nodeCertificateStatus: unary(
      'NodeCA',
      'NodeCertificateStatus',
      swarm.NodeCertificateStatusRequest,
      swarm.NodeCertificateStatusResponse,
    ),
  },
  Dispatcher: {
    session: serverStream('Dispatcher', 'Session', swarm.SessionRequest, swarm.SessionMessage),
    heartbeat: unary('Dispatcher', 'Heartbeat', swarm.HeartbeatRequest, swarm.HeartbeatResponse),
    updateTaskStatus: unary(
      'Dispatcher',
      'UpdateTaskStatus',
      swarm.UpdateTaskStatusRequest,
      swarm.UpdateTaskStatusResponse,
    ),
    assignments: serverStream(
      'Dispatcher',
      'Assignments',
      swarm.AssignmentsRequest,
      swarm.AssignmentsMessage,
    ),
  },
  Raft: {
    processRaftMessage: unary(
      'Raft',
      'ProcessRaftMessage',
      swarm.ProcessRaftMessageRequest,
      swarm.ProcessRaftMessageResponse,
    ),
    streamRaftMessage: clientStream(
      'Raft',
      'StreamRaftMessage',
      swarm.StreamRaftMessageRequest,
      swarm.StreamRaftMessageResponse,
    ),
    resolveAddress: unary(
      'Raft',
      'ResolveAddress',
      swarm.ResolveAddressRequest,
      swarm.ResolveAddressResponse,
    ),
  },
  RaftMembership: {
    join: unary('RaftMembership', 'Join', swarm.JoinRequest, swarm.JoinResponse),
    leave: unary('RaftMembership', 'Leave', swarm.LeaveRequest, swarm.LeaveResponse),
  },
  LogBroker: {
    publishLogs: unary('LogBroker', 'PublishLogs', swarm.PublishLogsRequest, swarm.PublishLogsResponse),
    listLogs: unary('LogBroker', 'ListLogs', swarm.ListLogsRequest, swarm.ListLogsResponse),
  },
  Ingress: {
    endpoints: unary('Ingress', 'Endpoints', swarm.EndpointsRequest, swarm.EndpointsResponse),
  },
  Networks: {
    nodeNetworks: unary('Networks', 'NodeNetworks', swarm.NodeNetworksRequest, swarm.NodeNetworksResponse),
  },
} as const;

/** The shape of `RPC_SERVICES`: service name, then method name, to its `RpcMethod`. */
export type Services = typeof RPC_SERVICES;
/** The name of one of the node's gRPC services. */
export type ServiceName = keyof Services;

/** Every gRPC service the node serves. */
export const SERVICE_NAMES = Object.keys(RPC_SERVICES) as readonly ServiceName[];

/** The methods of one service, by camelCase name. */
export function serviceMethods(name: ServiceName): ReadonlyArray<readonly [string, RpcMethod]> {
  return Object.entries(RPC_SERVICES[name]) as unknown as ReadonlyArray<readonly [string, RpcMethod]>;
}

/** Every method path served over gRPC (`/swarm.CA/GetRootCACertificate`, ...). */
export const ALL_METHOD_PATHS: readonly string[] = Object.freeze(
  SERVICE_NAMES.flatMap((s) => serviceMethods(s).map(([, m]) => m.path)),
);

/** Bytes as a Buffer view without copying (grpc-js wants Buffers). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The grpc-js definition of one method (serializers from the protobufjs codecs). */
export function methodDefinition(m: RpcMethod): MethodDefinition<unknown, unknown> {
  return {
    path: m.path,
    requestStream: m.kind === 'clientStream',
    responseStream: m.kind === 'serverStream',
    requestSerialize: (v: unknown) => asBuffer(m.request.encode(v).finish()),
    requestDeserialize: (b: Buffer) => m.request.decode(b),
    responseSerialize: (v: unknown) => asBuffer(m.response.encode(v).finish()),
    responseDeserialize: (b: Buffer) => m.response.decode(b),
    originalName: m.name,
  };
}

/** The grpc-js ServiceDefinition of a service, keyed by camelCase method name. */
export function serviceDefinition(name: ServiceName): ServiceDefinition {
  const def: Record<string, MethodDefinition<unknown, unknown>> = {};
  for (const [key, m] of serviceMethods(name)) def[key] = methodDefinition(m);
  return def as ServiceDefinition;
}
