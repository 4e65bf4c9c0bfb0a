/**
 * The ingress proxy: every node listens on each published port on its own address and forwards
 * each TCP connection to a running task of the service (on any node), round-robin. A plain L4
 * relay: bytes are copied both ways, nothing is parsed, half-closes are passed on.
 */
import net from 'node:net';
import { type Clock, type Logger, noopLogger, type swarm, systemClock, type Timer } from '@swarm/api';

/** Options of the IngressProxy. */
export interface IngressProxyOptions {
  /** The node's address: listeners bind `address:publishedPort`. */
  address: string;
  logger?: Logger;
  /** How long one backend may take to accept a connection before the next is tried. Default 2 s. */
  connectTimeoutMs?: number;
  clock?: Clock;
}

/** One published port as `status()` reports it. */
export interface IngressPortStatus {
  publishedPort: number;
  serviceId: string;
  /** True once the listener is bound. */
  listening: boolean;
  /** Why the listener could not be bound (retried at the next `update`). */
  error?: string;
  /** Running tasks the port forwards to. */
  backends: number;
}

interface Backend {
  addr: string;
  port: number;
  taskId: string;
}

interface Listener {
  publishedPort: number;
  serviceId: string;
  backends: Backend[];
  cursor: number;
  server?: net.Server;
  listening: boolean;
  error?: string;
}

/** How long one backend may take to accept a connection before the next is tried. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 2_000;

/** The routing mesh of published ports: every node listens on each published port and forwards connections to the service's running tasks, on any node. */
export class IngressProxy {
  readonly #address: string;
  readonly #logger: Logger;
  readonly #connectTimeoutMs: number;
  readonly #clock: Clock;
  readonly #listeners = new Map<number, Listener>();
  readonly #sockets = new Set<net.Socket>();
  readonly #stats = new Map<string, number>();
  #updating: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: IngressProxyOptions) {
    if (typeof options?.address !== 'string' || options.address === '')
      throw new TypeError("IngressProxy needs options.address (the node's IP address to listen on)");
    const timeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    if (!Number.isFinite(timeout) || timeout <= 0)
      throw new RangeError(`connectTimeoutMs must be a number > 0, got ${String(timeout)}`);
    this.#address = options.address;
    this.#logger = options.logger ?? noopLogger;
    this.#connectTimeoutMs = timeout;
    this.#clock = options.clock ?? systemClock;
  }

  /**
   * Makes the listeners match `endpoints`: opens new published ports, closes ports that are gone,
   * and swaps backend lists in place (open connections continue). A port that cannot be bound is
   * logged, shown in `status()` and retried at the next update; this never throws for one port.
   */
  update(endpoints: readonly swarm.PublishedEndpoint.$Properties[]): Promise<void> {
    const next = this.#updating.then(() => this.#apply(endpoints));
    this.#updating = next.catch(() => {});
    return next;
  }

  /** Each published port: listening or the bind error, and its number of backends. */
  status(): IngressPortStatus[] {
    return [...this.#listeners.values()]
      .sort((a, b) => a.publishedPort - b.publishedPort)
      .map((l) => ({
        publishedPort: l.publishedPort,
        serviceId: l.serviceId,
        listening: l.listening,
        ...(l.error === undefined ? {} : { error: l.error }),
        backends: l.backends.length,
      }));
  }

  /** Connections forwarded so far, per backend `addr:port`. */
  stats(): Record<string, number> {
    return Object.fromEntries(this.#stats);
  }

  /** Closes every listener and every open connection. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#updating;
    const closing = [...this.#listeners.values()].map((l) => this.#closeListener(l));
    this.#listeners.clear();
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
    await Promise.all(closing);
  }

  async #apply(endpoints: readonly swarm.PublishedEndpoint.$Properties[]): Promise<void> {
    if (this.#closed) return;
    const wanted = new Map<number, { serviceId: string; backends: Backend[] }>();
    for (const e of endpoints) {
      const port = e.publishedPort ?? 0;
      if ((e.protocol ?? 0) !== 0) {
        this.#logger.warn('UDP published ports are not supported by the ingress proxy; ignored', {
          serviceId: e.serviceId,
          publishedPort: port,
        });
        continue;
      }
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        this.#logger.warn('published endpoint without a valid port ignored', {
          serviceId: e.serviceId,
          port,
        });
        continue;
      }
      if (wanted.has(port)) {
        this.#logger.warn('two services publish the same port; the first is used', {
          publishedPort: port,
          serviceId: e.serviceId,
        });
        continue;
      }
      const backends: Backend[] = [];
      for (const t of e.tasks ?? []) {
        if (!t.addr || !t.port) continue;
        backends.push({ addr: t.addr, port: t.port, taskId: t.taskId ?? '' });
      }
      wanted.set(port, { serviceId: e.serviceId ?? '', backends });
    }

    const closing: Promise<void>[] = [];
    for (const [port, l] of this.#listeners) {
      if (wanted.has(port)) continue;
      this.#listeners.delete(port);
      closing.push(this.#closeListener(l));
      this.#logger.info('published port closed', { publishedPort: port, serviceId: l.serviceId });
    }

    const opening: Promise<void>[] = [];
    for (const [port, w] of wanted) {
      let l = this.#listeners.get(port);
      if (l === undefined) {
        l = {
          publishedPort: port,
          serviceId: w.serviceId,
          backends: w.backends,
          cursor: 0,
          listening: false,
        };
        this.#listeners.set(port, l);
      } else {
        l.serviceId = w.serviceId;
        l.backends = w.backends;
        if (l.cursor >= l.backends.length) l.cursor = 0;
      }
      if (!l.listening) opening.push(this.#listen(l));
    }
    await Promise.all([...closing, ...opening]);
  }

  #listen(l: Listener): Promise<void> {
    return new Promise((resolve) => {
      // pauseOnConnect: the client's bytes wait in the kernel until a backend is connected.
      const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) =>
        this.#accept(l, client),
      );
      const onError = (err: NodeJS.ErrnoException): void => {
        l.listening = false;
        l.error =
          err.code === 'EADDRINUSE'
            ? `port ${l.publishedPort} on ${this.#address} is already in use`
            : `cannot listen on ${this.#address}:${l.publishedPort}: ${err.message}`;
        delete l.server;
        this.#logger.warn('published port cannot be opened; retried at the next update', {
          publishedPort: l.publishedPort,
          serviceId: l.serviceId,
          err: l.error,
        });
        resolve();
      };
      server.once('error', onError);
      server.listen({ host: this.#address, port: l.publishedPort, exclusive: true }, () => {
        server.off('error', onError);
        server.on('error', (err) =>
          this.#logger.warn('ingress listener error', { publishedPort: l.publishedPort, err: err.message }),
        );
        if (this.#listeners.get(l.publishedPort) !== l || this.#closed) {
          server.close(); // removed while we were binding
          resolve();
          return;
        }
        l.server = server;
        l.listening = true;
        delete l.error;
        this.#logger.info('published port open', { publishedPort: l.publishedPort, serviceId: l.serviceId });
        resolve();
      });
    });
  }

  #closeListener(l: Listener): Promise<void> {
    const server = l.server;
    delete l.server;
    l.listening = false;
    if (server === undefined) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  #accept(l: Listener, client: net.Socket): void {
    this.#track(client);
    client.on('error', () => client.destroy());
    const n = l.backends.length;
    if (n === 0 || this.#closed) {
      client.destroy();
      return;
    }
    // Round-robin: each connection starts one further; on failure try the others, each once.
    const start = l.cursor % n;
    l.cursor = (start + 1) % n;
    const order = [...l.backends.slice(start), ...l.backends.slice(0, start)];
    this.#tryBackend(l, client, order, 0);
  }

  #tryBackend(l: Listener, client: net.Socket, order: Backend[], i: number): void {
    if (client.destroyed) return;
    const backend = order[i];
    if (backend === undefined) {
      this.#logger.warn('no backend accepted the connection', {
        publishedPort: l.publishedPort,
        tried: order.length,
      });
      client.destroy();
      return;
    }
    const upstream = net.connect({ host: backend.addr, port: backend.port, allowHalfOpen: true });
    this.#track(upstream);
    let settled = false;
    let timer: Timer | undefined;
    const onClientGone = (): void => {
      if (settled) return;
      settled = true;
      timer?.cancel();
      upstream.destroy();
    };
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      timer?.cancel();
      client.off('close', onClientGone);
      upstream.destroy();
      this.#logger.debug('backend failed, trying the next', {
        publishedPort: l.publishedPort,
        backend: `${backend.addr}:${backend.port}`,
        why,
      });
      this.#tryBackend(l, client, order, i + 1);
    };
    client.once('close', onClientGone);
    timer = this.#clock.setTimeout(() => fail('connect timed out'), this.#connectTimeoutMs);
    upstream.once('error', (err) => fail(err.message));
    upstream.once('connect', () => {
      if (settled) return;
      settled = true;
      timer?.cancel();
      client.off('close', onClientGone);
      const key = `${backend.addr}:${backend.port}`;
      this.#stats.set(key, (this.#stats.get(key) ?? 0) + 1);
      this.#pipe(client, upstream);
    });
  }

  /** Copies both ways; an end on one side becomes an end (FIN) on the other; an error ends both. */
  #pipe(client: net.Socket, upstream: net.Socket): void {
    const destroyBoth = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.removeAllListeners('error');
    client.on('error', destroyBoth);
    upstream.on('error', destroyBoth);
    // A side that closed completely (both directions done, or reset) takes the other with it.
    client.on('close', () => upstream.destroySoon());
    upstream.on('close', () => client.destroySoon());
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  }

  #track(socket: net.Socket): void {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
  }
}
