/**
 * The relay that carries a VIP's connections between nodes: mutual TLS with the nodes' own swarm
 * certificates (the same identities as the control plane). The client asks for one target
 * (a task's address and port on the server's node); the server checks who the client is (a node of
 * this cluster, not removed, still granted a role by the cluster's records) and that the target is
 * one of its own tasks, connects, answers one status octet, and joins the two connections.
 *
 * Wire format after the TLS handshake, client to server: `S` `W` 0x01 0x00, the target IPv4 address
 * (4 octets), the target port (2 octets, big-endian); server to client: one status octet (0 = joined,
 * 1 = target refused, 2 = target unreachable), then the target's bytes.
 */
import { constants } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { type Clock, type Logger, noopLogger, systemClock } from '@swarm/api';
import { authorize, type DenyLookup, type NodeIdentity, type NodeRole, type Verifier } from '@swarm/ca';
import { nativeVerifier } from '@swarm/ca/native';
import { RelayError } from './errors.js';
import { formatIpv4, parseIpv4 } from './ipv4.js';
import { join } from './pipe.js';

/** What a node presents and trusts on the relay (the shape of `@swarm/ca/tls`'s `TlsMaterial`). */
export interface RelayTlsMaterial {
  /** The node's private key, PEM. */
  readonly keyPem: string;
  /** The node's certificate followed by intermediates, PEM. */
  readonly chainPem: string;
  /** The trusted roots, PEM. */
  readonly rootsPem: string;
}

/** Who may use the relay: the checks both ends make of the other's certificate. */
export interface RelayTrust {
  /** The node's current TLS material (read at each new connection, so renewals apply at once). */
  material: () => RelayTlsMaterial;
  /** This cluster's ID: the peer's O must equal it. */
  clusterId: string;
  /** Removed nodes: their certificates are refused though they still verify. */
  denyList: DenyLookup;
  /** The role the cluster's records grant a node now (`undefined`: none, refused). Default: the certificate's. */
  grantedRole?: (nodeId: string) => NodeRole | undefined;
  /** Time source for certificate validity. Default `systemClock`. */
  clock?: Clock;
  /** Signature verifier of the certificate checks. Default `nativeVerifier` (node:crypto). */
  verifier?: Verifier;
}

/** A target address and port. */
export interface RelayTarget {
  /** IPv4 address of the task. */
  address: string;
  /** TCP port. */
  port: number;
}

/** Options of `RelayServer`. */
export interface RelayServerOptions extends RelayTrust {
  /**
   * Whether `peer` may reach `target` through this node: true only for this node's own tasks on a
   * network (the embedder checks its table). Anything else is refused, so the relay is never an
   * open proxy into the node's namespace.
   */
  allowTarget: (target: RelayTarget, peer: NodeIdentity) => boolean;
  /** How long connecting to the target may take. Default 2,000 ms. */
  connectTimeoutMs?: number;
  /** How long a client may take to send its request after the handshake. Default 5,000 ms. */
  requestTimeoutMs?: number;
  /** Logger. Default none. */
  logger?: Logger;
}

const MAGIC = [0x53, 0x57, 0x01, 0x00] as const;
const REQUEST_LENGTH = 10;
const STATUS = { JOINED: 0, REFUSED: 1, UNREACHABLE: 2 } as const;
const ROLES = ['worker|manager'] as const;

function check(
  socket: tls.TLSSocket,
  trust: RelayTrust,
  usage: 'client' | 'server',
  m: RelayTlsMaterial,
): NodeIdentity {
  // A resumed TLS session carries no certificate chain to check again: both ends refuse resumption
  // (the server issues no ticket), so every connection is checked against the deny list and roles.
  if (socket.isSessionReused())
    throw new RelayError(
      'RELAY_PEER_REFUSED',
      'the relay peer resumed a TLS session; every connection must present its certificate',
    );
  const peer = socket.getPeerCertificate(true);
  if (peer === null || peer === undefined || peer.raw === undefined)
    throw new RelayError('RELAY_PEER_REFUSED', 'the relay peer presented no certificate');
  try {
    return authorize(peer, {
      allowedRoles: ROLES,
      clusterId: trust.clusterId,
      denyList: trust.denyList,
      roots: m.rootsPem,
      clock: trust.clock ?? systemClock,
      verifier: trust.verifier ?? nativeVerifier,
      usage,
      ...(trust.grantedRole === undefined ? {} : { grantedRole: (id: string) => trust.grantedRole!(id) }),
    });
  } catch (e) {
    throw new RelayError('RELAY_PEER_REFUSED', `relay peer refused: ${(e as Error).message}`, {
      reason: (e as { code?: string }).code ?? 'UNKNOWN',
    });
  }
}

/** A node's relay listener: accepts mutual-TLS connections from the cluster's nodes and joins each to one local task. */
export class RelayServer {
  readonly #o: RelayServerOptions;
  readonly #logger: Logger;
  readonly #server: tls.Server;
  readonly #sockets = new Set<net.Socket>();
  #refused = 0;
  #joined = 0;

  /** A server that is not yet listening (`listen`). */
  constructor(options: RelayServerOptions) {
    if (typeof options?.allowTarget !== 'function')
      throw new TypeError('RelayServer needs options.allowTarget');
    if (typeof options.material !== 'function') throw new TypeError('RelayServer needs options.material');
    this.#o = options;
    this.#logger = options.logger ?? noopLogger;
    const m = options.material();
    this.#server = tls.createServer(
      {
        key: m.keyPem,
        cert: m.chainPem,
        ca: m.rootsPem,
        requestCert: true,
        rejectUnauthorized: true,
        // A half-closed request is carried on; the answer still comes back.
        allowHalfOpen: true,
        // A client that stops in the handshake (a half-open socket stays open otherwise) is dropped.
        handshakeTimeout: options.requestTimeoutMs ?? 5_000,
        minVersion: 'TLSv1.2',
        // No session tickets: a resumed session would skip the certificate checks.
        secureOptions: constants.SSL_OP_NO_TICKET,
      },
      (socket) => this.#accept(socket),
    );
    // Every raw connection, handshake done or not, is closed by close().
    this.#server.on('connection', (raw: net.Socket) => {
      this.#sockets.add(raw);
      raw.on('close', () => this.#sockets.delete(raw));
    });
    this.#server.on('tlsClientError', (err) => {
      this.#refused++;
      this.#logger.warn('relay handshake refused', { err: err.message });
    });
  }

  /** Listens on `host:port` (port 0: any); resolves with the bound address. */
  listen(host: string, port: number): Promise<net.AddressInfo> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen({ host, port, exclusive: true }, () => {
        this.#server.off('error', reject);
        resolve(this.#server.address() as net.AddressInfo);
      });
    });
  }

  /** Connections joined and refused so far (a refused handshake counts as refused). */
  stats(): { joined: number; refused: number } {
    return { joined: this.#joined, refused: this.#refused };
  }

  /** Loads `material()` again for new connections (after a certificate renewal or a root rotation). */
  refresh(): void {
    const m = this.#o.material();
    this.#server.setSecureContext({ key: m.keyPem, cert: m.chainPem, ca: m.rootsPem, minVersion: 'TLSv1.2' });
  }

  /** Stops listening and closes every open connection. */
  close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: tls.TLSSocket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let peer: NodeIdentity;
    try {
      peer = check(socket, this.#o, 'client', this.#o.material());
    } catch (e) {
      this.#refused++;
      this.#logger.warn('relay peer refused', { err: (e as Error).message });
      socket.destroy();
      return;
    }
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(), this.#o.requestTimeoutMs ?? 5_000);
    // A client that ends before its request is complete is gone (the socket is half-open).
    const onEnd = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    socket.once('end', onEnd);
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < REQUEST_LENGTH) return;
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.pause();
      clearTimeout(timer);
      const rest = buf.subarray(REQUEST_LENGTH);
      if (MAGIC.some((b, i) => buf[i] !== b)) {
        this.#refused++;
        socket.destroy();
        return;
      }
      const target = {
        address: formatIpv4(buf.readUInt32BE(4)),
        port: buf.readUInt16BE(8),
      };
      if (target.port === 0 || !this.#o.allowTarget(target, peer)) {
        this.#refused++;
        this.#logger.warn('relay target refused', { nodeId: peer.nodeId, ...target });
        socket.end(Buffer.from([STATUS.REFUSED]));
        return;
      }
      this.#connect(socket, target, rest);
    };
    socket.on('data', onData);
  }

  #connect(socket: tls.TLSSocket, target: RelayTarget, rest: Buffer): void {
    const upstream = net.connect({ host: target.address, port: target.port, allowHalfOpen: true });
    const timer = setTimeout(
      () => upstream.destroy(new Error('connect timeout')),
      this.#o.connectTimeoutMs ?? 2_000,
    );
    upstream.once('error', () => {
      clearTimeout(timer);
      if (!socket.destroyed) socket.end(Buffer.from([STATUS.UNREACHABLE]));
    });
    upstream.once('connect', () => {
      clearTimeout(timer);
      upstream.removeAllListeners('error');
      upstream.setNoDelay(true);
      socket.setNoDelay(true);
      this.#joined++;
      socket.write(Buffer.from([STATUS.JOINED]));
      if (rest.length > 0) upstream.write(rest);
      join(socket, upstream);
      socket.resume();
    });
  }
}

/** Options of `RelayClient`. */
export interface RelayClientOptions extends RelayTrust {
  /** Where a node's relay listens (from the store: its advertised address), or `undefined` if unknown. */
  nodeAddress: (nodeId: string) => { host: string; port: number } | undefined;
  /** How long the TLS handshake and the relay's answer may take. Default 5,000 ms. */
  timeoutMs?: number;
}

/** Opens relayed connections to tasks on other nodes; each is a full TLS handshake (no resumption). */
export class RelayClient {
  readonly #o: RelayClientOptions;

  /** A client; nothing is opened until `connect`. */
  constructor(options: RelayClientOptions) {
    if (typeof options?.nodeAddress !== 'function')
      throw new TypeError('RelayClient needs options.nodeAddress');
    if (typeof options.material !== 'function') throw new TypeError('RelayClient needs options.material');
    this.#o = options;
  }

  /**
   * A connection to `target` on node `nodeId`, through its relay, once the relay joined it. Rejects
   * with `RelayError`: `RELAY_UNKNOWN_NODE`, `RELAY_PEER_REFUSED` (the server is not a node of this
   * cluster, or was removed), `RELAY_TARGET_REFUSED`, `RELAY_TARGET_UNREACHABLE` or `RELAY_PROTOCOL`.
   */
  connect(nodeId: string, target: RelayTarget, signal?: AbortSignal): Promise<tls.TLSSocket> {
    const where = this.#o.nodeAddress(nodeId);
    if (where === undefined)
      return Promise.reject(
        new RelayError('RELAY_UNKNOWN_NODE', `node ${nodeId} has no known relay address`, { nodeId }),
      );
    const m = this.#o.material();
    const request = Buffer.alloc(REQUEST_LENGTH);
    Buffer.from(MAGIC).copy(request, 0);
    request.writeUInt32BE(parseIpv4(target.address), 4);
    request.writeUInt16BE(target.port, 8);
    return new Promise((resolve, reject) => {
      const socket = tls.connect({
        host: where.host,
        port: where.port,
        key: m.keyPem,
        cert: m.chainPem,
        ca: m.rootsPem,
        servername: nodeId,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
      });
      socket.setNoDelay(true);
      let done = false;
      const fail = (e: Error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.destroy();
        reject(e);
      };
      const onAbort = () => fail(new RelayError('RELAY_PROTOCOL', 'relayed connection aborted', { nodeId }));
      signal?.addEventListener('abort', onAbort);
      const timer = setTimeout(
        () =>
          fail(new RelayError('RELAY_PROTOCOL', `node ${nodeId}'s relay did not answer in time`, { nodeId })),
        this.#o.timeoutMs ?? 5_000,
      );
      socket.once('error', (e: NodeJS.ErrnoException) =>
        fail(
          e.code?.startsWith('ERR_TLS') ||
            e.code?.includes('CERT') ||
            e.code === 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'
            ? new RelayError('RELAY_PEER_REFUSED', `node ${nodeId}'s relay failed TLS: ${e.message}`, {
                nodeId,
              })
            : new RelayError('RELAY_PROTOCOL', `node ${nodeId}'s relay: ${e.message}`, { nodeId }),
        ),
      );
      socket.once('secureConnect', () => {
        let peer: NodeIdentity;
        try {
          peer = check(socket, this.#o, 'server', m);
        } catch (e) {
          return fail(e as Error);
        }
        if (peer.nodeId !== nodeId)
          return fail(
            new RelayError(
              'RELAY_PEER_REFUSED',
              `the relay at ${where.host}:${where.port} is node ${peer.nodeId}, not ${nodeId}`,
              { nodeId },
            ),
          );
        socket.write(request);
      });
      socket.once('end', () =>
        fail(new RelayError('RELAY_PROTOCOL', `node ${nodeId}'s relay closed the connection`, { nodeId })),
      );
      const onReadable = () => {
        const status = socket.read(1) as Buffer | null;
        if (status === null) return;
        socket.off('readable', onReadable);
        if (status[0] === STATUS.JOINED) {
          done = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          socket.removeAllListeners('error');
          socket.removeAllListeners('end');
          resolve(socket);
        } else if (status[0] === STATUS.REFUSED)
          fail(
            new RelayError(
              'RELAY_TARGET_REFUSED',
              `node ${nodeId} refused to relay to ${target.address}:${target.port}: not one of its tasks`,
              { nodeId, ...target },
            ),
          );
        else
          fail(
            new RelayError(
              'RELAY_TARGET_UNREACHABLE',
              `node ${nodeId} could not reach ${target.address}:${target.port}`,
              { nodeId, ...target },
            ),
          );
      };
      socket.on('readable', onReadable);
    });
  }
}
