/**
 * The node's gRPC server over mutual TLS. One port serves joiners (no certificate) and nodes (a
 * certificate verified against our roots): the TLS layer requests but does not require a client
 * certificate, and every call is authorized here, before its handler runs, from the method's role
 * in the role table the embedder gives (`RPC_ROLES` for swarm's services) and, when `grantedRole`
 * is given, from what the store says the caller is now.
 * Refusals fail closed: an undeclared method cannot be added, a call to a non-insecure method
 * without a verified certificate is UNAUTHENTICATED, a wrong role, a revoked role, a denied node or
 * another cluster is PERMISSION_DENIED, each with the AuthorizationError's code. Insecure methods
 * (root fetch, certificate issue and status) derive the identity from the certificate alone, so a
 * demoted node can still renew.
 */
import type { PeerCertificate } from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { type Clock, type Logger, systemClock } from '@swarm/api';
import {
  AuthorizationError,
  allowedRolesFor,
  authorize,
  type Certificate,
  checkRpcRoles,
  type DenyLookup,
  decodePemAll,
  type NodeIdentity,
  type NodeRole,
  type PeerCertChain,
  type RpcRoleTable,
} from '@swarm/ca';
import { nativeVerifier } from '@swarm/ca/native';
import { type CredentialStore, grpcServerCredentials } from '@swarm/ca/tls';
import type { MessageSink, StreamHandle } from '@swarm/dispatcher';
import { RpcError, toStatus } from './errors.js';
import {
  type RpcMethod,
  type ServiceName,
  type Services,
  serviceDefinition,
  serviceMethods,
} from './services.js';

/** Who is calling: the verified identity (undefined for an anonymous caller of an insecure RPC). */
export interface CallContext {
  readonly identity: NodeIdentity | undefined;
  /** The peer's address as grpc-js reports it (`ipv4:127.0.0.1:40000`). */
  readonly peer: string;
  /** The method path, e.g. `/swarm.Dispatcher/Session`. */
  readonly path: string;
}

/** What a client-stream handler returns: fed each message, then asked for the response. */
export interface ClientStreamReceiver<Req, ResP> {
  /** Takes one message of the client's stream. */
  onMessage(message: Req): void;
  /** The client finished sending: the response (or a thrown/rejected error). */
  onEnd(): Promise<ResP> | ResP;
  /** The client went away or the call failed; release what the stream holds. */
  onCancel?(): void;
}

/** A handler of a unary RPC. */
export type UnaryHandler<Req, ResP> = (request: Req, ctx: CallContext) => Promise<ResP> | ResP;
/** A handler of a server-streaming RPC. */
export type ServerStreamHandler<Req, ResP> = (
  request: Req,
  ctx: CallContext,
  sink: MessageSink<ResP>,
) => StreamHandle;
/** A handler of a client-streaming RPC. */
export type ClientStreamHandler<Req, ResP> = (ctx: CallContext) => ClientStreamReceiver<Req, ResP>;

/** The handler type of one method, from its streaming kind. */
export type HandlerFor<M> =
  M extends RpcMethod<infer Req, unknown, unknown, infer ResP, 'unary'>
    ? UnaryHandler<Req, ResP>
    : M extends RpcMethod<infer Req, unknown, unknown, infer ResP, 'serverStream'>
      ? ServerStreamHandler<Req, ResP>
      : M extends RpcMethod<infer Req, unknown, unknown, infer ResP, 'clientStream'>
        ? ClientStreamHandler<Req, ResP>
        : never;

/** The handlers of one service, by camelCase method name (all of them are required). */
export type ServiceHandlers<S extends ServiceName> = { [K in keyof Services[S]]: HandlerFor<Services[S][K]> };

/** Options of the RpcServer: credentials, roles, the cluster it belongs to. */
export interface RpcServerOptions {
  /** The node's TLS material; its updates hot-swap the server certificate and trusted roots. */
  credentials: CredentialStore;
  /** This cluster's ID (read on every call). */
  clusterId: () => string;
  /** The current deny list (read on every call: removals apply at once). */
  denyList: () => DenyLookup;
  /**
   * The role the cluster's records grant a node now for a method (read on every call that needs a
   * certificate): a call is refused unless both the certificate's OU and this role may make it, so
   * a demotion applies at once (`AUTH_ROLE_REVOKED`). Without it, the certificate alone decides.
   */
  grantedRole?: (nodeId: string, method: string, leaf: Certificate) => NodeRole | undefined;
  logger: Logger;
  /** Time for certificate validity checks (not for socket timers). Default `systemClock`. */
  clock?: Clock;
  /**
   * Intermediates (PEM) a caller's leaf may chain through to `rootsPem`: during a root rotation,
   * the cross-signed new root. grpc-js shows only the peer's leaf, so without them a node issued by
   * the new key is refused by a node that still trusts only the old root. They add no trust: every
   * path must still end at a root in `rootsPem`.
   */
  intermediatesPem?: () => string | undefined;
  /**
   * Who may call each method (`RPC_ROLES` for swarm's services). A method without a row is never
   * served (`AUTH_RPC_UNDECLARED`).
   */
  roles: RpcRoleTable;
  /**
   * Connections older than this are closed (calls in flight get 30 s more; clients reconnect).
   * Default 24 hours; 0 or Infinity for no bound.
   */
  maxConnectionAgeMs?: number;
  /** Extra grpc-js server options. */
  grpcOptions?: grpc.ServerOptions;
}

type AnyHandler = (...args: never[]) => unknown;

/** The part of a grpc-js call's auth context we read. */
type AuthContextLike = ReturnType<grpc.ServerUnaryCall<unknown, unknown>['getAuthContext']>;

const FORCE_CLOSE_MS = 1000;
const DEFAULT_MAX_CONNECTION_AGE_MS = 24 * 60 * 60 * 1000;

/** The node's gRPC server over mutual TLS: checks every call's peer certificate and role before its handler runs. */
export class RpcServer {
  readonly #o: RpcServerOptions;
  readonly #roles: RpcRoleTable;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #server: grpc.Server;
  readonly #services = new Set<ServiceName>();
  #intermediates: { pem: string; der: Uint8Array[] } | undefined;
  #closed = false;

  constructor(options: RpcServerOptions) {
    for (const k of ['credentials', 'clusterId', 'denyList', 'logger', 'roles'] as const)
      if (options[k] === undefined || options[k] === null)
        throw new TypeError(`RpcServer: options.${k} is required`);
    this.#o = options;
    this.#roles = options.roles;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger;
    const maxAge = options.maxConnectionAgeMs ?? DEFAULT_MAX_CONNECTION_AGE_MS;
    this.#server = new grpc.Server({
      // Dead peers are found by pings, so their streams (raft, sessions) end.
      'grpc.keepalive_time_ms': 30_000,
      'grpc.keepalive_timeout_ms': 10_000,
      // Bounded connection age: a connection keeps the TLS session (and certificates) it began
      // with, so old sessions end in time; clients reconnect transparently.
      ...(maxAge > 0 && Number.isFinite(maxAge)
        ? { 'grpc.max_connection_age_ms': maxAge, 'grpc.max_connection_age_grace_ms': 30_000 }
        : {}),
      ...options.grpcOptions,
    });
  }

  /**
   * Serves a service. Every method needs a handler and a declared role (else `AUTH_RPC_UNDECLARED`
   * / `RPC_HANDLER_MISSING`: a method is never served unchecked).
   */
  addService<S extends ServiceName>(name: S, handlers: ServiceHandlers<S>): void {
    if (this.#services.has(name)) throw new TypeError(`RpcServer: service ${name} was already added`);
    const methods = serviceMethods(name);
    checkRpcRoles(
      this.#roles,
      methods.map(([, m]) => m.path),
    );
    const impl: grpc.UntypedServiceImplementation = {};
    for (const [key, m] of methods) {
      const h = (handlers as unknown as Record<string, AnyHandler | undefined>)[key];
      if (typeof h !== 'function')
        throw new RpcError(
          'RPC_HANDLER_MISSING',
          `RpcServer.addService(${name}): no handler for ${key} (${m.path})`,
          {
            service: name,
            method: key,
          },
        );
      impl[key] = this.#wrap(m, h);
    }
    this.#server.addService(serviceDefinition(name), impl);
    this.#services.add(name);
  }

  /** Binds `hostPort` (e.g. `127.0.0.1:2377`, port 0 for any) and starts serving; resolves to the bound port. */
  listen(hostPort: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.bindAsync(hostPort, grpcServerCredentials(this.#o.credentials), (err, port) => {
        if (err) {
          reject(
            new RpcError(
              'RPC_LISTEN_FAILED',
              `cannot listen on ${hostPort}: ${err.message}; pick a free address`,
              {
                hostPort,
              },
            ),
          );
          return;
        }
        this.#logger.info('RPC server listening', { hostPort, port });
        resolve(port);
      });
    });
  }

  /** Stops accepting calls, lets running ones finish, and cuts what is left after 1 s. */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    return new Promise((resolve) => {
      // A real timer, not the injected clock: this bounds real sockets, and a manual clock
      // (used for validity checks in tests) would leave close() hanging.
      const force = setTimeout(() => {
        this.#server.forceShutdown();
        resolve();
      }, FORCE_CLOSE_MS);
      force.unref();
      this.#server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
  }

  /** Authorizes a call from its peer certificate. Throws AuthorizationError to refuse it. */
  #authorize(path: string, call: { getAuthContext(): AuthContextLike }): NodeIdentity | undefined {
    const role = this.#roles[path];
    if (role === undefined)
      throw new AuthorizationError('AUTH_RPC_UNDECLARED', `RPC refused: ${path} declares no role`, {
        method: path,
      });
    // Present only for a certificate that verified against our roots during the handshake.
    const leaf = call.getAuthContext()?.sslPeerCertificate;
    const peer = leaf === undefined ? undefined : this.#withIntermediates(leaf);
    const options = {
      clusterId: this.#o.clusterId(),
      denyList: this.#o.denyList(),
      roots: this.#o.credentials.current.rootsPem,
      clock: this.#clock,
      verifier: nativeVerifier,
    };
    if (role === 'insecure') {
      if (peer === undefined) return undefined;
      try {
        return authorize(peer, { ...options, allowedRoles: ['worker|manager'] });
      } catch {
        return undefined; // an insecure RPC works anonymously; its handler decides what that allows
      }
    }
    const granted = this.#o.grantedRole;
    return authorize(peer, {
      ...options,
      allowedRoles: allowedRolesFor(role),
      ...(granted === undefined
        ? {}
        : { grantedRole: (nodeId: string, leaf: Certificate) => granted(nodeId, path, leaf) }),
    });
  }

  #withIntermediates(leaf: PeerCertificate): PeerCertChain {
    const pem = this.#o.intermediatesPem?.();
    if (pem === undefined || pem.trim() === '') return leaf;
    if (this.#intermediates?.pem !== pem)
      this.#intermediates = { pem, der: decodePemAll(pem, 'CERTIFICATE') };
    return [leaf.raw, ...this.#intermediates.der];
  }

  #context(path: string, call: { getAuthContext(): AuthContextLike; getPeer(): string }): CallContext {
    return { identity: this.#authorize(path, call), peer: call.getPeer(), path };
  }

  #refusal(err: unknown, path: string, peer: string): Partial<grpc.StatusObject> {
    if (err instanceof AuthorizationError)
      this.#logger.warn('RPC refused', { method: path, peer, code: err.code });
    return toStatus(err, this.#logger, path);
  }

  #wrap(m: RpcMethod, handler: AnyHandler): grpc.UntypedHandleCall {
    const path = m.path;
    switch (m.kind) {
      case 'unary':
        return ((call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
          let ctx: CallContext;
          try {
            ctx = this.#context(path, call);
          } catch (err) {
            callback(this.#refusal(err, path, call.getPeer()));
            return;
          }
          const h = handler as unknown as UnaryHandler<unknown, unknown>;
          Promise.resolve()
            .then(() => h(call.request, ctx))
            .then(
              (res) => callback(null, res),
              (err: unknown) => callback(toStatus(err, this.#logger, path)),
            );
        }) as grpc.handleUnaryCall<unknown, unknown>;

      case 'serverStream':
        return ((call: grpc.ServerWritableStream<unknown, unknown>) => {
          let ctx: CallContext;
          try {
            ctx = this.#context(path, call);
          } catch (err) {
            call.emit('error', this.#refusal(err, path, call.getPeer()));
            return;
          }
          let ended = false;
          let handle: StreamHandle | undefined;
          let cancelled = false;
          const sink: MessageSink<unknown> = {
            send: (message) => {
              if (ended || call.cancelled) return;
              call.write(message);
            },
            end: (error) => {
              if (ended) return;
              ended = true;
              if (call.cancelled) return;
              if (error === undefined) call.end();
              else call.emit('error', toStatus(error, this.#logger, path));
            },
          };
          call.on('cancelled', () => {
            if (cancelled) return;
            cancelled = true;
            ended = true;
            handle?.cancel();
          });
          try {
            handle = (handler as unknown as ServerStreamHandler<unknown, unknown>)(call.request, ctx, sink);
          } catch (err) {
            sink.end(err instanceof Error ? err : new Error(String(err)));
            return;
          }
          if (cancelled) handle.cancel();
        }) as grpc.handleServerStreamingCall<unknown, unknown>;

      case 'clientStream':
        return ((
          call: grpc.ServerReadableStream<unknown, unknown>,
          callback: grpc.sendUnaryData<unknown>,
        ) => {
          let receiver: ClientStreamReceiver<unknown, unknown> | undefined;
          let done = false;
          const finish = (err: unknown, res?: unknown) => {
            if (done) return;
            done = true;
            if (err !== undefined) {
              receiver?.onCancel?.();
              callback(toStatus(err, this.#logger, path));
            } else callback(null, res);
          };
          try {
            const ctx = this.#context(path, call);
            receiver = (handler as unknown as ClientStreamHandler<unknown, unknown>)(ctx);
          } catch (err) {
            done = true;
            callback(this.#refusal(err, path, call.getPeer()));
            call.destroy();
            return;
          }
          call.on('data', (message: unknown) => {
            if (done || receiver === undefined) return;
            try {
              receiver.onMessage(message);
            } catch (err) {
              finish(err);
              call.destroy();
            }
          });
          call.on('end', () => {
            if (done || receiver === undefined) return;
            const r = receiver;
            Promise.resolve()
              .then(() => r.onEnd())
              .then(
                (res) => finish(undefined, res),
                (err: unknown) => finish(err),
              );
          });
          call.on('cancelled', () => {
            if (done) return;
            done = true;
            receiver?.onCancel?.();
          });
          call.on('error', () => {
            if (done) return;
            done = true;
            receiver?.onCancel?.();
          });
        }) as grpc.handleClientStreamingCall<unknown, unknown>;
    }
  }
}
