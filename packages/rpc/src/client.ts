/**
 * Clients of the node services. `RpcClients` keeps one channel per manager address over mutual
 * TLS (our chain presented, the server verified against our roots and its SAN `swarm-manager`),
 * and rebuilds its channels after every credentials update: an HTTP/2 connection keeps the TLS
 * session it started with, so without a rebuild a renewed node would go on presenting its old
 * certificate until that expires. Calls in flight on an old channel finish there; the old channel
 * closes when its last call ends, or after a grace (long streams are then cancelled, and their
 * owners reconnect).
 *
 * `fetchRootCA` and `joinerClient` serve a joining node, which has no certificate yet.
 */
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { type Clock, type Logger, type SwarmError, systemClock, type Timer } from '@swarm/api';
import { OID, parseCertificate, parseCertificates, subjectValue } from '@swarm/ca';
import { type CredentialStore, grpcChannelOptions } from '@swarm/ca/tls';
import type { MessageSink, StreamHandle } from '@swarm/dispatcher';
import { fromServiceError, RpcError } from './errors.js';
import {
  asBuffer,
  type RpcMethod,
  SERVICE_NAMES,
  type ServiceName,
  type Services,
  serviceMethods,
} from './services.js';
import { boundTarget } from './source-address.js';

/** Per-call options: a deadline and an abort signal. */
export interface CallOptions {
  /** Time limit of the call in ms (unary calls default to the client's `defaultTimeoutMs`; streams have none). */
  timeoutMs?: number;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** The sending half of a client stream. */
export interface ClientStreamCall<ReqP, Res> {
  /** Queues a message; the callback runs once it is handed to the connection. False: wait for `onDrain`. */
  write(message: ReqP, callback?: (error?: Error | null) => void): boolean;
  /** Calls `listener` once the stream can take more messages. */
  onDrain(listener: () => void): void;
  /** No more messages; the server then answers `response`. */
  end(): void;
  /** Cancels the stream. */
  cancel(): void;
  /** The server's answer, or a SwarmError (the stream failed, the peer is unreachable, cancelled). */
  readonly response: Promise<Res>;
}

/** The client stub of one method: a promise for unary calls, a handle for streams. */
export type StubFor<M> =
  M extends RpcMethod<unknown, infer ReqP, infer Res, unknown, 'unary'>
    ? (request: ReqP, options?: CallOptions) => Promise<Res>
    : M extends RpcMethod<unknown, infer ReqP, infer Res, unknown, 'serverStream'>
      ? (request: ReqP, sink: MessageSink<Res>, options?: CallOptions) => StreamHandle
      : M extends RpcMethod<unknown, infer ReqP, infer Res, unknown, 'clientStream'>
        ? (options?: CallOptions) => ClientStreamCall<ReqP, Res>
        : never;

/** A typed client for one gRPC service: one method per RPC. */
export type ServiceStub<S extends ServiceName> = { [K in keyof Services[S]]: StubFor<Services[S][K]> };

/** Typed stubs for every service at one address. */
export type RpcStubs = { [S in ServiceName]: ServiceStub<S> };

/** A channel and the calls running on it (so that a retired channel closes when they end). */
interface Channel {
  readonly client: grpc.Client;
  readonly calls: Set<{ cancel(): void }>;
  retired: boolean;
  closed?: boolean;
  graceTimer?: Timer;
}

function closeChannel(ch: Channel): void {
  ch.graceTimer?.cancel();
  if (ch.closed) return;
  ch.closed = true;
  ch.client.close();
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_RETIRE_GRACE_MS = 30_000;
/** Largest message a node accepts from a verified manager. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Channel options every client uses. */
function baseChannelOptions(): grpc.ChannelOptions {
  return {
    // A private subchannel pool: grpc-js otherwise shares connections between channels with equal
    // credentials, and a rebuilt channel would reuse the old TLS session.
    'grpc.use_local_subchannel_pool': 1,
    'grpc.keepalive_time_ms': 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
    // A restarted manager is found again within seconds (grpc's default backoff grows to 2 min).
    'grpc.initial_reconnect_backoff_ms': 200,
    'grpc.min_reconnect_backoff_ms': 200,
    'grpc.max_reconnect_backoff_ms': 5_000,
  };
}

/**
 * Registers a call on its channel before it starts (a retired channel closes only when its last
 * call is done); `attach` gives it the grpc call to cancel, `done` takes it off.
 */
function track(ch: Channel): { attach(call: { cancel(): void }): void; done(): void } {
  let call: { cancel(): void } | undefined;
  let finished = false;
  const entry = { cancel: () => call?.cancel() };
  ch.calls.add(entry);
  return {
    attach(c) {
      call = c;
    },
    done() {
      if (finished) return;
      finished = true;
      ch.calls.delete(entry);
      if (ch.retired && ch.calls.size === 0) closeChannel(ch);
    },
  };
}

/** Builds the stubs of `services`, each call taking the channel `channel()` gives at that moment. */
function makeStubs(
  addr: string,
  channel: () => Channel,
  services: readonly ServiceName[],
  defaultTimeoutMs: number,
): Partial<RpcStubs> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of services) {
    const stub: Record<string, unknown> = {};
    for (const [key, m] of serviceMethods(s)) stub[key] = makeMethod(addr, channel, m, defaultTimeoutMs);
    out[s] = stub;
  }
  return out as Partial<RpcStubs>;
}

function deadlineOf(timeoutMs: number | undefined): grpc.CallOptions {
  return timeoutMs === undefined || !Number.isFinite(timeoutMs) ? {} : { deadline: Date.now() + timeoutMs };
}

function makeMethod(addr: string, channel: () => Channel, m: RpcMethod, defaultTimeoutMs: number): unknown {
  const path = m.path;
  const serialize = (v: unknown) => asBuffer(m.request.encode(v).finish());
  const deserialize = (b: Buffer) => m.response.decode(b);

  switch (m.kind) {
    case 'unary':
      return (request: unknown, options: CallOptions = {}) =>
        new Promise((resolve, reject) => {
          const ch = channel();
          const tracked = track(ch);
          const call = ch.client.makeUnaryRequest(
            path,
            serialize,
            deserialize,
            request,
            new grpc.Metadata(),
            deadlineOf(options.timeoutMs ?? defaultTimeoutMs),
            (err, res) => {
              tracked.done();
              options.signal?.removeEventListener('abort', abort);
              if (err) reject(fromServiceError(err, addr, path));
              else resolve(res);
            },
          );
          tracked.attach(call);
          const abort = () => call.cancel();
          if (options.signal?.aborted) call.cancel();
          else options.signal?.addEventListener('abort', abort, { once: true });
        });

    case 'serverStream':
      return (request: unknown, sink: MessageSink<unknown>, options: CallOptions = {}): StreamHandle => {
        let ch: Channel;
        try {
          ch = channel();
        } catch (err) {
          queueMicrotask(() => sink.end(err as Error));
          return { cancel() {} };
        }
        let cancelled = false;
        let ended = false;
        const tracked = track(ch);
        const call = ch.client.makeServerStreamRequest(
          path,
          serialize,
          deserialize,
          request,
          new grpc.Metadata(),
          deadlineOf(options.timeoutMs),
        );
        tracked.attach(call);
        const finish = (err?: SwarmError) => {
          tracked.done();
          options.signal?.removeEventListener('abort', handle.cancel);
          if (cancelled || ended) return;
          ended = true;
          sink.end(err);
        };
        call.on('data', (message: unknown) => {
          if (!cancelled && !ended) sink.send(message);
        });
        call.on('error', (err: grpc.ServiceError) => finish(fromServiceError(err, addr, path)));
        call.on('end', () => finish());
        const handle: StreamHandle = {
          cancel() {
            if (cancelled) return;
            cancelled = true;
            call.cancel();
            tracked.done();
          },
        };
        if (options.signal?.aborted) handle.cancel();
        else options.signal?.addEventListener('abort', handle.cancel, { once: true });
        return handle;
      };

    case 'clientStream':
      return (options: CallOptions = {}): ClientStreamCall<unknown, unknown> => {
        const ch = channel();
        let resolve!: (v: unknown) => void;
        let reject!: (e: unknown) => void;
        const response = new Promise<unknown>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        // Owners that only write (the raft transport) learn of failures elsewhere; no unhandled rejection.
        response.catch(() => {});
        const tracked = track(ch);
        const call = ch.client.makeClientStreamRequest(
          path,
          serialize,
          deserialize,
          new grpc.Metadata(),
          deadlineOf(options.timeoutMs),
          (err, res) => {
            tracked.done();
            if (err) reject(fromServiceError(err, addr, path));
            else resolve(res);
          },
        );
        call.on('error', () => {}); // failures arrive through the callback above
        tracked.attach(call);
        const cancel = () => call.cancel();
        if (options.signal?.aborted) cancel();
        else options.signal?.addEventListener('abort', cancel, { once: true });
        return {
          write: (message, callback) => call.write(message, callback),
          onDrain: (listener) => void call.once('drain', listener),
          end: () => call.end(),
          cancel,
          response,
        };
      };
  }
}

/** Options of RpcClients: the node's credentials and the managers' addresses. */
export interface RpcClientsOptions {
  /** The node's TLS material: presented to servers, and the roots servers are verified against. */
  credentials: CredentialStore;
  logger: Logger;
  /** Timers for retiring old channels. Default `systemClock`. */
  clock?: Clock;
  /** The SAN a server must carry. Default `swarm-manager`. */
  servername?: string;
  /** Time limit of unary calls without their own. Default 20,000 ms. */
  defaultTimeoutMs?: number;
  /** After a credentials update, how long calls may go on over the old channels. Default 30,000 ms. */
  retireGraceMs?: number;
  /** Extra grpc-js channel options. */
  channelOptions?: grpc.ChannelOptions;
  /**
   * The cluster a server's certificate must name (O), given our own chain; `ownCluster` reads it
   * from our leaf. Default: no cluster check of the server (its chain, SAN, OU, EKU and CA flag
   * are always checked).
   */
  serverClusterId?: (ownChainPem: string) => string | undefined;
  /**
   * The local address every connection leaves from (the node's advertised host): managers record
   * a node's address from the peer of its connections. Default: the kernel's choice.
   */
  localAddress?: string;
}

/** Stubs for every service of every manager, over mutual TLS that follows certificate renewals. */
export class RpcClients {
  readonly #o: RpcClientsOptions;
  readonly #clock: Clock;
  readonly #channels = new Map<string, Channel>();
  readonly #retired = new Set<Channel>();
  readonly #stubs = new Map<string, RpcStubs>();
  readonly #renewListeners = new Set<() => void>();
  readonly #unsubscribe: () => void;
  #closed = false;

  constructor(options: RpcClientsOptions) {
    if (options?.credentials === undefined)
      throw new TypeError('RpcClients: options.credentials is required');
    if (options.logger === undefined) throw new TypeError('RpcClients: options.logger is required');
    this.#o = options;
    this.#clock = options.clock ?? systemClock;
    this.#unsubscribe = options.credentials.onUpdate(() => this.#renew());
  }

  /** The stubs for the manager at `addr` (`host:port`). Each call uses the current channel. */
  get(addr: string): RpcStubs {
    if (typeof addr !== 'string' || addr === '')
      throw new TypeError('RpcClients.get: addr must be "host:port"');
    let stubs = this.#stubs.get(addr);
    if (stubs === undefined) {
      stubs = makeStubs(
        addr,
        () => this.#channel(addr),
        SERVICE_NAMES,
        this.#o.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS,
      ) as RpcStubs;
      this.#stubs.set(addr, stubs);
    }
    return stubs;
  }

  /** Calls `listener` after channels were rebuilt for new credentials (long-lived streams should reopen). */
  onRenewed(listener: () => void): () => void {
    this.#renewListeners.add(listener);
    return () => this.#renewListeners.delete(listener);
  }

  /** Closes every channel and cancels every call. Later calls fail with `RPC_CLIENT_CLOSED`. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    for (const ch of [...this.#channels.values(), ...this.#retired]) this.#shut(ch);
    this.#channels.clear();
    this.#retired.clear();
  }

  #channel(addr: string): Channel {
    if (this.#closed)
      throw new RpcError('RPC_CLIENT_CLOSED', `the RPC clients were closed; no call to ${addr} is possible`, {
        addr,
      });
    let ch = this.#channels.get(addr);
    if (ch === undefined) {
      const store = this.#o.credentials;
      const serverCluster = this.#o.serverClusterId;
      const credentials = grpc.experimental.createCertificateProviderChannelCredentials(store, store, {
        checkServerIdentity: managerServerCheck(
          serverCluster === undefined ? undefined : () => serverCluster(store.current.chainPem),
        ),
      });
      const bound = boundTarget(addr, this.#o.localAddress);
      const client = new grpc.Client(bound.target, credentials, {
        ...grpcChannelOptions(this.#o.servername ?? 'swarm-manager'),
        ...baseChannelOptions(),
        ...bound.options,
        // The server is a verified manager; an assignment set with many secrets (up to 500 KiB
        // each) can exceed gRPC's default 4 MiB.
        'grpc.max_receive_message_length': MAX_RESPONSE_BYTES,
        ...this.#o.channelOptions,
      });
      ch = { client, calls: new Set(), retired: false };
      this.#channels.set(addr, ch);
    }
    return ch;
  }

  #renew(): void {
    if (this.#closed) return;
    const grace = this.#o.retireGraceMs ?? DEFAULT_RETIRE_GRACE_MS;
    for (const [addr, ch] of this.#channels) {
      ch.retired = true;
      if (ch.calls.size === 0) {
        closeChannel(ch);
        continue;
      }
      this.#retired.add(ch);
      ch.graceTimer = this.#clock.setTimeout(() => {
        if (ch.calls.size > 0)
          this.#o.logger.info('closing a channel with old credentials', { addr, calls: ch.calls.size });
        this.#retired.delete(ch);
        this.#shut(ch);
      }, grace);
    }
    this.#channels.clear();
    for (const l of this.#renewListeners) {
      try {
        l();
      } catch (err) {
        this.#o.logger.warn('RpcClients renew listener failed', { error: String(err) });
      }
    }
  }

  #shut(ch: Channel): void {
    ch.retired = true;
    for (const c of [...ch.calls]) c.cancel();
    ch.calls.clear();
    closeChannel(ch);
  }
}

/** The cluster ID (O) of the leaf of `chainPem`, or undefined when it cannot be read. */
export function ownCluster(chainPem: string): string | undefined {
  try {
    const leaf = parseCertificates(chainPem)[0];
    return leaf === undefined ? undefined : subjectValue(leaf, OID.organizationName);
  } catch {
    return undefined;
  }
}

/**
 * The server's leaf, beyond what TLS checks (a chain to our roots, the SAN): it must be a manager
 * certificate (OU swarm-manager), not a CA, allow TLS server authentication, and belong to our
 * cluster when `clusterId()` says which. These are the checks the server makes of its callers;
 * without them a client would talk to a CA:true or EKU-less leaf, or another cluster's manager,
 * issued under the same root. Fails closed: an unparsable leaf is refused.
 */
export function managerServerCheck(clusterId: () => string | undefined = () => undefined) {
  return (host: string, cert: PeerCertificate): Error | undefined => {
    const sanError = checkServerIdentity(host, cert);
    if (sanError !== undefined) return sanError;
    let reason: string | undefined;
    try {
      const leaf = parseCertificate(new Uint8Array(cert.raw));
      const cluster = clusterId();
      if (leaf.isCA) reason = 'is a CA certificate, not a node certificate';
      else if (!(leaf.extKeyUsage ?? []).includes(OID.serverAuth))
        reason = 'does not allow TLS server authentication';
      else if (subjectValue(leaf, OID.organizationalUnitName) !== 'swarm-manager')
        reason = 'is not a manager certificate';
      else if (cluster !== undefined && subjectValue(leaf, OID.organizationName) !== cluster)
        reason = `belongs to another cluster than ${cluster}`;
    } catch (err) {
      reason = `cannot be read (${(err as Error).message})`;
    }
    return reason === undefined ? undefined : new Error(`the server's certificate ${reason}`);
  };
}

function fixedChannel(client: grpc.Client): () => Channel {
  const ch: Channel = { client, calls: new Set(), retired: false };
  return () => ch;
}

/** The most a root bundle fetched from an unverified server may weigh. */
const MAX_ROOT_BUNDLE_BYTES = 256 * 1024;

/**
 * Fetches the cluster's root CA bundle (PEM) from `addr` WITHOUT verifying the server: a joiner
 * has nothing to verify it against yet. The result is untrusted until the caller checks it
 * against the join token's digest (`verifyRootBundle` in @swarm/ca); nothing secret is sent here.
 */
export async function fetchRootCA(addr: string, options: { timeoutMs?: number } = {}): Promise<string> {
  const client = new grpc.Client(
    addr,
    grpc.credentials.createSsl(null, null, null, {
      checkServerIdentity: () => undefined,
      rejectUnauthorized: false,
    }),
    {
      ...grpcChannelOptions(),
      ...baseChannelOptions(),
      'grpc.max_receive_message_length': MAX_ROOT_BUNDLE_BYTES,
    },
  );
  try {
    const stubs = makeStubs(addr, fixedChannel(client), ['CA'], options.timeoutMs ?? 10_000) as Pick<
      RpcStubs,
      'CA'
    >;
    const res = await stubs.CA.getRootCACertificate({}, { timeoutMs: options.timeoutMs ?? 10_000 });
    const pem = Buffer.from(res.certificate ?? new Uint8Array()).toString('utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----'))
      throw new RpcError(
        'RPC_BAD_RESPONSE',
        `the root CA bundle from ${addr} is not PEM certificates; is it a swarm manager?`,
        {
          addr,
          method: '/swarm.CA/GetRootCACertificate',
        },
      );
    return pem;
  } finally {
    client.close();
  }
}

/** What a joiner may call: the certificate calls and the root fetch. */
export interface JoinerClient {
  readonly CA: Pick<ServiceStub<'CA'>, 'getRootCACertificate'>;
  readonly NodeCA: ServiceStub<'NodeCA'>;
  /** Closes the channel. */
  close(): void;
}

/**
 * A client for a node without a certificate: it verifies the server against the pinned `rootsPem`
 * (and its SAN `swarm-manager`) but presents no certificate of its own.
 */
export function joinerClient(
  addr: string,
  rootsPem: string,
  options: { defaultTimeoutMs?: number; servername?: string } = {},
): JoinerClient {
  if (typeof rootsPem !== 'string' || !rootsPem.includes('-----BEGIN CERTIFICATE-----'))
    throw new TypeError('joinerClient: rootsPem must be the pinned root bundle (PEM)');
  const client = new grpc.Client(
    addr,
    grpc.credentials.createSsl(Buffer.from(rootsPem), null, null, {
      checkServerIdentity: managerServerCheck(),
    }),
    {
      ...grpcChannelOptions(options.servername ?? 'swarm-manager'),
      ...baseChannelOptions(),
    },
  );
  const stubs = makeStubs(
    addr,
    fixedChannel(client),
    ['CA', 'NodeCA'],
    options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  ) as Pick<RpcStubs, 'CA' | 'NodeCA'>;
  return {
    CA: { getRootCACertificate: stubs.CA.getRootCACertificate },
    NodeCA: stubs.NodeCA,
    close: () => client.close(),
  };
}
