/**
 * The Dispatcher service over gRPC. Manager side: the four calls go to the local `Dispatcher`
 * with the caller's node ID taken from its verified certificate (never from the request). A
 * manager that is not the leader has no dispatcher running and answers DISPATCHER_UNAVAILABLE, so
 * the worker's agent fails over. Worker side: `grpcConnector` gives the Agent its connections.
 */
import { isIP } from 'node:net';
import { SwarmError, type swarm } from '@swarm/api';
import {
  type Connector,
  type DispatcherConnection,
  type DispatcherService,
  DispatcherUnavailableError,
  ManagerUnavailableError,
  type MessageSink,
  type SessionPeer,
  type StreamHandle,
} from '@swarm/dispatcher';
import type { RpcClients } from './client.js';
import type { CallContext, ServiceHandlers } from './server.js';

function callerOf(ctx: CallContext): string {
  // The role table makes every Dispatcher method worker|manager, so this holds; fail closed anyway.
  if (ctx.identity === undefined)
    throw new SwarmError('AUTH_NO_CERTIFICATE', `RPC refused: ${ctx.path} needs a verified node certificate`);
  return ctx.identity.nodeId;
}

const NOT_SERVING = 'this manager is not the leader';

/**
 * The host of a grpc-js peer string (`127.0.0.1:40000`, `::ffff:10.0.0.5:40000`, `[fd00::1]:40000`,
 * `ipv4:10.0.0.5:40000`): an IPv4-mapped IPv6 address becomes plain IPv4. Empty when unknown.
 */
export function peerHost(peer: string): string {
  let p = peer.trim().replace(/^ipv[46]:/, '');
  if (p.startsWith('[')) {
    const end = p.indexOf(']');
    p = end > 0 ? p.slice(1, end) : '';
  } else {
    // grpc-js writes `${address}:${port}`, IPv6 without brackets: strip the port when what is left
    // is an address (else the whole string is a bare address).
    const m = /^(.*):\d+$/.exec(p);
    if (m !== null && isIP(m[1]!) !== 0) p = m[1]!;
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(p);
  const host = mapped ? mapped[1]! : p;
  return isIP(host) === 0 ? '' : host;
}

function peerAddress(peer: string): SessionPeer {
  const addr = peerHost(peer);
  return addr === '' ? {} : { addr };
}

/** The Dispatcher service handlers over `service()` (undefined while this manager is not the leader). */
export function dispatcherHandlers(
  service: () => DispatcherService | undefined,
): ServiceHandlers<'Dispatcher'> {
  const stream =
    <Req, Msg>(
      open: (s: DispatcherService, nodeId: string, request: Req, sink: MessageSink<Msg>) => StreamHandle,
    ) =>
    (request: Req, ctx: CallContext, sink: MessageSink<Msg>): StreamHandle => {
      const nodeId = callerOf(ctx);
      const s = service();
      if (s === undefined) {
        sink.end(new DispatcherUnavailableError(NOT_SERVING));
        return { cancel() {} };
      }
      return open(s, nodeId, request, sink);
    };
  const need = (): DispatcherService => {
    const s = service();
    if (s === undefined) throw new DispatcherUnavailableError(NOT_SERVING);
    return s;
  };
  return {
    // The node's address is the one its connection came from, never the one it describes.
    session: (request, ctx, sink) =>
      stream<swarm.SessionRequest, swarm.SessionMessage>((s, nodeId, r, k) =>
        s.session(nodeId, r, k, peerAddress(ctx.peer)),
      )(request, ctx, sink),
    assignments: stream((s, nodeId, request, sink) => s.assignments(nodeId, request, sink as never)),
    heartbeat: (request, ctx) => need().heartbeat(callerOf(ctx), request),
    updateTaskStatus: (request, ctx) => need().updateTaskStatus(callerOf(ctx), request),
  };
}

/**
 * The worker Agent's connector over RpcClients: the caller's identity is its client certificate.
 * `close()` cancels the connection's open streams (the channel stays, shared by other users).
 */
export function grpcConnector(clients: RpcClients, options: { callTimeoutMs?: number } = {}): Connector {
  return (addr: string): DispatcherConnection => {
    const stub = clients.get(addr).Dispatcher;
    const open = new Set<StreamHandle>();
    let closed = false;
    const gone = () => Promise.reject(new ManagerUnavailableError(addr, 'the connection was closed'));
    const timeout = options.callTimeoutMs === undefined ? {} : { timeoutMs: options.callTimeoutMs };
    const track = (
      start: (sink: MessageSink<never>) => StreamHandle,
      sink: MessageSink<never>,
    ): StreamHandle => {
      if (closed) {
        queueMicrotask(() => sink.end(new ManagerUnavailableError(addr, 'the connection was closed')));
        return { cancel() {} };
      }
      let handle: StreamHandle | undefined;
      const wrapped: MessageSink<never> = {
        send: (m) => sink.send(m),
        end: (err) => {
          if (handle !== undefined) open.delete(handle);
          sink.end(err);
        },
      };
      const inner = start(wrapped);
      handle = {
        cancel() {
          open.delete(handle!);
          inner.cancel();
        },
      };
      open.add(handle);
      return handle;
    };
    return {
      session: (request, sink) => track((w) => stub.session(request, w), sink as MessageSink<never>),
      assignments: (request, sink) => track((w) => stub.assignments(request, w), sink as MessageSink<never>),
      heartbeat: (request) => (closed ? gone() : stub.heartbeat(request, timeout)),
      updateTaskStatus: (request) => (closed ? gone() : stub.updateTaskStatus(request, timeout)),
      close() {
        closed = true;
        for (const h of [...open]) h.cancel();
      },
    };
  };
}
