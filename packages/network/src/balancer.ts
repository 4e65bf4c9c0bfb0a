/**
 * The VIP balancer of one node: for each service VIP and target port, a listener on `VIP:port`
 * (the node makes the VIP one of its local addresses) that sends each TCP connection to the next
 * running task of the service, round robin over all of them: a task on this node directly at its
 * bridge address, a task on another node through that node's relay (mutual TLS).
 */
import net from 'node:net';
import { type Logger, noopLogger } from '@swarm/api';
import { join } from './pipe.js';
import type { RelayClient } from './relay.js';
import { RoundRobin } from './round-robin.js';

/** One running task behind a VIP. */
export interface VipBackend {
  /** The task's ID. */
  taskId: string;
  /** The node it runs on. */
  nodeId: string;
  /** Its address on the network (on its node's bridge). */
  address: string;
}

/** One service's VIP on one network, and its running tasks. */
export interface VipService {
  /** The service's ID. */
  serviceId: string;
  /** The VIP (a local address of this node). */
  vip: string;
  /** The TCP ports the service's tasks listen on; the VIP listens on the same ports. */
  ports: readonly number[];
  /** Its running tasks. */
  backends: readonly VipBackend[];
}

/** Options of `VipBalancer`. */
export interface VipBalancerOptions {
  /** This node's ID: backends on it are reached directly. */
  nodeId: string;
  /** Opens connections to tasks on other nodes. */
  relay: Pick<RelayClient, 'connect'>;
  /** How long one backend may take before the next is tried. Default 2,000 ms. */
  connectTimeoutMs?: number;
  /** Logger. Default none. */
  logger?: Logger;
}

/** One VIP listener as `status()` reports it. */
export interface VipListenerStatus {
  /** The service. */
  serviceId: string;
  /** `vip:port`. */
  endpoint: string;
  /** True once bound. */
  listening: boolean;
  /** Why it could not be bound (retried at the next `update`). */
  error?: string;
  /** Running tasks behind it. */
  backends: number;
}

interface Listener {
  serviceId: string;
  vip: string;
  port: number;
  backends: readonly VipBackend[];
  rr: RoundRobin;
  server?: net.Server;
  listening: boolean;
  error?: string;
}

/** The VIP listeners of one node. */
export class VipBalancer {
  readonly #o: VipBalancerOptions;
  readonly #logger: Logger;
  readonly #listeners = new Map<string, Listener>();
  readonly #sockets = new Set<net.Socket>();
  readonly #stats = new Map<string, number>();
  #updating: Promise<void> = Promise.resolve();
  #closed = false;

  /** A balancer with no listener yet (`update`). */
  constructor(options: VipBalancerOptions) {
    if (typeof options?.nodeId !== 'string' || options.nodeId === '')
      throw new TypeError('VipBalancer needs options.nodeId');
    if (typeof options.relay?.connect !== 'function') throw new TypeError('VipBalancer needs options.relay');
    this.#o = options;
    this.#logger = options.logger ?? noopLogger;
  }

  /** Makes the listeners match `services`; open connections continue. Calls are serialized; one VIP that cannot be bound never fails the others. */
  update(services: readonly VipService[]): Promise<void> {
    const next = this.#updating.then(() => this.#apply(services));
    this.#updating = next.catch(() => {});
    return next;
  }

  /** Each listener: bound or its error, and its number of backends. */
  status(): VipListenerStatus[] {
    return [...this.#listeners.values()].map((l) => ({
      serviceId: l.serviceId,
      endpoint: `${l.vip}:${l.port}`,
      listening: l.listening,
      ...(l.error === undefined ? {} : { error: l.error }),
      backends: l.backends.length,
    }));
  }

  /** Connections sent so far, per task ID. */
  stats(): Record<string, number> {
    return Object.fromEntries(this.#stats);
  }

  /** Closes every listener and connection. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#updating;
    const closing = [...this.#listeners.values()].map((l) => closeServer(l.server));
    this.#listeners.clear();
    for (const s of this.#sockets) s.destroy();
    await Promise.all(closing);
  }

  async #apply(services: readonly VipService[]): Promise<void> {
    if (this.#closed) return;
    const wanted = new Map<string, { s: VipService; port: number }>();
    for (const s of services)
      for (const port of s.ports) {
        if (!Number.isInteger(port) || port < 1 || port > 65535) continue;
        wanted.set(`${s.vip}:${port}`, { s, port });
      }
    const work: Promise<void>[] = [];
    for (const [key, l] of this.#listeners)
      if (!wanted.has(key)) {
        this.#listeners.delete(key);
        work.push(closeServer(l.server));
      }
    for (const [key, { s, port }] of wanted) {
      let l = this.#listeners.get(key);
      if (l === undefined) {
        l = {
          serviceId: s.serviceId,
          vip: s.vip,
          port,
          backends: s.backends,
          rr: new RoundRobin(),
          listening: false,
        };
        this.#listeners.set(key, l);
      } else {
        l.serviceId = s.serviceId;
        l.backends = s.backends;
      }
      if (!l.listening) work.push(this.#listen(l));
    }
    await Promise.all(work);
  }

  #listen(l: Listener): Promise<void> {
    return new Promise((resolve) => {
      const server = net.createServer(
        // Half-open: a client that ends its request (as `nc` does) still gets the answer.
        { pauseOnConnect: true, allowHalfOpen: true },
        (c) => void this.#accept(l, c),
      );
      server.once('error', (err: NodeJS.ErrnoException) => {
        l.listening = false;
        l.error = `cannot listen on ${l.vip}:${l.port}: ${err.message}`;
        delete l.server;
        this.#logger.warn('VIP listener cannot be opened; retried at the next update', { err: l.error });
        resolve();
      });
      server.listen({ host: l.vip, port: l.port, exclusive: true }, () => {
        server.removeAllListeners('error');
        server.on('error', (err) => this.#logger.warn('VIP listener error', { err: err.message }));
        l.server = server;
        l.listening = true;
        delete l.error;
        resolve();
      });
    });
  }

  async #accept(l: Listener, client: net.Socket): Promise<void> {
    this.#sockets.add(client);
    client.on('close', () => this.#sockets.delete(client));
    client.on('error', () => client.destroy());
    client.setNoDelay(true);
    for (const { backend } of l.rr.order(l.backends)) {
      if (client.destroyed) return;
      let upstream: net.Socket;
      try {
        upstream = await this.#open(backend, l.port);
      } catch (e) {
        this.#logger.warn('VIP backend unavailable; trying the next', {
          serviceId: l.serviceId,
          taskId: backend.taskId,
          err: (e as Error).message,
        });
        continue;
      }
      if (client.destroyed) {
        upstream.destroy();
        return;
      }
      this.#stats.set(backend.taskId, (this.#stats.get(backend.taskId) ?? 0) + 1);
      this.#sockets.add(upstream);
      upstream.on('close', () => this.#sockets.delete(upstream));
      join(client, upstream);
      client.resume();
      return;
    }
    client.destroy();
  }

  #open(b: VipBackend, port: number): Promise<net.Socket> {
    const timeoutMs = this.#o.connectTimeoutMs ?? 2_000;
    if (b.nodeId !== this.#o.nodeId)
      return this.#o.relay.connect(b.nodeId, { address: b.address, port }, AbortSignal.timeout(timeoutMs));
    return new Promise((resolve, reject) => {
      const s = net.connect({ host: b.address, port, allowHalfOpen: true });
      const timer = setTimeout(
        () => s.destroy(new Error(`connect to ${b.address}:${port} timed out`)),
        timeoutMs,
      );
      s.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      s.once('connect', () => {
        clearTimeout(timer);
        s.removeAllListeners('error');
        s.setNoDelay(true);
        resolve(s);
      });
    });
  }
}

function closeServer(server: net.Server | undefined): Promise<void> {
  return new Promise((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
}
