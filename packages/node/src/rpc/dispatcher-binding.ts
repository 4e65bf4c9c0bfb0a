/**
 * The Dispatcher service over gRPC. Manager side: the four calls go to the local `Dispatcher`
 * with the caller's node ID taken from its verified certificate (never from the request). A
 * manager that is not the leader has no dispatcher running and answers DISPATCHER_UNAVAILABLE, so
 * the worker's agent fails over. Worker side: `grpcConnector` gives the Agent its connections.
 */
import { SwarmError } from '@swarm/api';
import {
  type Connector,
  type DispatcherConnection,
  type DispatcherService,
  DispatcherUnavailableError,
  ManagerUnavailableError,
  type MessageSink,
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
    session: stream((s, nodeId, request, sink) => s.session(nodeId, request, sink as never)),
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
