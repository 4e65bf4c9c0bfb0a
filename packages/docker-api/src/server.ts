/**
 * The Docker Engine API server: `createDockerApiHandler` turns requests into backend calls (usable
 * with any `node:http` server), and `serveDockerApi` listens on a unix socket (mode 0600) or on TCP
 * with mutual TLS, as dockerd's `--tlsverify`: plain TCP is refused, since whoever reaches the API
 * controls the cluster.
 */
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect } from 'node:net';
import { type Logger, noopLogger } from '@swarm/api';
import type { SwarmBackend } from './backend.js';
import {
  DockerApiOptionsError,
  DockerNotFoundError,
  DockerNotImplementedError,
  responseFor,
} from './errors.js';
import { type DockerRequest, type ServerIdentity, sendError } from './http.js';
import { type CompiledRoute, compile, type HandlerContext, match, type RouteOf } from './route.js';
import { clusterRoutes } from './routes-cluster.js';
import { isEngineOnly, objectRoutes } from './routes-objects.js';
import { serviceRoutes } from './routes-services.js';
import { systemRoutes } from './routes-system.js';
import { checkTcpRequest, type TcpGuard, tcpGuard } from './tcp-guard.js';
import { checkVersion, splitVersion } from './version.js';

const ROUTES: CompiledRoute<HandlerContext>[] = compile<HandlerContext>([
  ...systemRoutes,
  ...clusterRoutes,
  ...serviceRoutes,
  ...objectRoutes,
]);

export interface DockerApiHandlerOptions {
  backend: SwarmBackend;
  logger?: Logger;
  /** Clock for `since`/`until` (tests); default `Date.now`. */
  now?: () => number;
  /** Checks applied to every request before routing (the TCP listener sets them). */
  guard?: TcpGuard;
}

export type DockerApiHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** What every routed request gets, whatever the server: the base of a route's context. */
export interface BaseContext {
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** The API version of the request (`1.41` for an unprefixed path). */
  apiVersion: string;
  /** The `X-Registry-Auth` header, if sent. */
  registryAuth?: string;
  /** The `Server` header value. */
  id: ServerIdentity;
  /** Now in ms. */
  now: () => number;
}

/** Options of `createRoutedHandler`. */
export interface RoutedHandlerOptions<H> {
  /** The routes, compiled with `compileRoutes`. */
  routes: readonly CompiledRoute<H>[];
  /** Builds a route's context for one request. */
  context: (base: BaseContext) => H;
  /** The `Server` header, e.g. `swarm/0.1.0 (linux)`. */
  server: string;
  logger?: Logger;
  /** Default `Date.now`. */
  now?: () => number;
  /** Checks applied to every request before routing (the TCP listener sets them). */
  guard?: TcpGuard;
  /** The error for a path no route serves (default 404 "page not found", as dockerd). */
  unrouted?: (path: string, method: string) => Error;
}

/**
 * A `node:http` request handler with dockerd's conventions around any route table: the `/vX.Y`
 * prefix and its version check, `HEAD` as `GET`, the TCP guard, errors answered as `{"message"}`
 * with the status of their `Docker*Error` class, and a debug log line per call without bodies or
 * queries. `createDockerApiHandler` is this with the swarm-mode routes.
 */
export function createRoutedHandler<H>(o: RoutedHandlerOptions<H>): DockerApiHandler {
  const logger = o.logger ?? noopLogger;
  const now = o.now ?? Date.now;
  const id: ServerIdentity = { server: o.server };

  async function handle(req: IncomingMessage, res: ServerResponse, abort: AbortController): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://docker');
    const { version, path, prefixed } = splitVersion(url.pathname);
    let apiVersion: string | undefined;
    const started = now();
    let status = 200;
    try {
      if (o.guard) checkTcpRequest(o.guard, req);
      apiVersion = version;
      if (prefixed) checkVersion(version);
      const method = req.method === 'HEAD' && path !== '/_ping' ? 'GET' : (req.method ?? 'GET');
      const found = match(o.routes, method, path);
      if (!('route' in found)) {
        // dockerd answers an unknown path, and a known path with another method, with 404.
        throw o.unrouted?.(path, method) ?? new DockerNotFoundError('page not found');
      }
      const dreq: DockerRequest = { method, path, query: url.searchParams, params: found.params, raw: req };
      const registryAuth = req.headers['x-registry-auth'];
      await found.route.handle(
        dreq,
        res,
        o.context({
          signal: abort.signal,
          apiVersion: version,
          ...(typeof registryAuth === 'string' ? { registryAuth } : {}),
          id,
          now,
        }),
      );
      status = res.statusCode;
    } catch (e) {
      const r = responseFor(e);
      status = r.status;
      if (!res.headersSent) sendError(res, r.status, r.message, apiVersion, id);
      else res.destroy();
      if (r.status >= 500)
        logger.warn('docker API call failed', { path, status: r.status, message: r.message });
    }
    // Never log bodies or queries: they carry secrets, tokens and unlock keys.
    logger.debug('docker API call', { method: req.method, path, status, ms: now() - started });
  }

  return (req, res) => {
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    handle(req, res, abort).catch((e: unknown) => {
      logger.error('docker API handler crashed', { message: e instanceof Error ? e.message : String(e) });
      res.destroy();
    });
  };
}

/** Compiles a route table for `createRoutedHandler`. */
export function compileRoutes<H>(routes: readonly RouteOf<H>[]): CompiledRoute<H>[] {
  return compile(routes);
}

/** The swarm-mode Docker API over `backend`, as a `node:http` handler. */
export function createDockerApiHandler(o: DockerApiHandlerOptions): DockerApiHandler {
  return createRoutedHandler<HandlerContext>({
    routes: ROUTES,
    server: `${o.backend.engine.name}/${o.backend.engine.version} (linux)`,
    ...(o.logger !== undefined ? { logger: o.logger } : {}),
    ...(o.now !== undefined ? { now: o.now } : {}),
    ...(o.guard !== undefined ? { guard: o.guard } : {}),
    unrouted: (path) =>
      isEngineOnly(path)
        ? new DockerNotImplementedError(
            `${o.backend.engine.name} serves the swarm-mode part of the Docker API: ${path.split('/')[1]} are not served by this node (use docker service and docker stack)`,
          )
        : new DockerNotFoundError('page not found'),
    context: (b) => ({
      backend: o.backend,
      ctx: {
        signal: b.signal,
        apiVersion: b.apiVersion,
        ...(b.registryAuth !== undefined ? { registryAuth: b.registryAuth } : {}),
      },
      id: b.id,
      now: b.now,
    }),
  });
}

export type DockerApiListen =
  | { socketPath: string }
  | {
      host: string;
      port: number;
      /** PEM: the CA that signed the clients' certificates, the server's certificate and key. */
      tls: { ca: string | Buffer; cert: string | Buffer; key: string | Buffer };
    };

export interface DockerApiServer {
  /** `unix:///path/docker.sock` or `tcp://HOST:PORT` (the port actually bound). */
  readonly address: string;
  close(): Promise<void>;
}

/**
 * Parses `unix:///path` or `tcp://HOST:PORT`. TCP needs the three TLS files (Docker's
 * `--tlsverify`); without them it is refused with `DOCKER_API_TLS_REQUIRED`.
 */
export function parseListen(
  address: string,
  tls?: { ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer },
): DockerApiListen {
  if (address.startsWith('unix://')) {
    const socketPath = address.slice('unix://'.length);
    if (!socketPath.startsWith('/'))
      throw new DockerApiOptionsError(
        'DOCKER_API_BAD_LISTEN',
        `${address}: use an absolute path, unix:///path/docker.sock`,
      );
    return { socketPath };
  }
  const m = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})$/.exec(address);
  if (m === null)
    throw new DockerApiOptionsError(
      'DOCKER_API_BAD_LISTEN',
      `${JSON.stringify(address)} is not a Docker API address: use unix:///path/docker.sock or tcp://HOST:PORT`,
    );
  if (tls?.ca === undefined || tls.cert === undefined || tls.key === undefined)
    throw new DockerApiOptionsError(
      'DOCKER_API_TLS_REQUIRED',
      `refusing to serve the Docker API on ${address} without mutual TLS: whoever reaches it controls the cluster. Give --docker-api-tlscacert, --docker-api-tlscert and --docker-api-tlskey (clients then need a certificate signed by that CA, as with dockerd --tlsverify), or use a unix socket`,
    );
  return {
    host: m[1]!.replace(/^\[|\]$/g, ''),
    port: Number(m[2]),
    tls: { ca: tls.ca, cert: tls.cert, key: tls.key },
  };
}

function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ path });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Removes a stale socket left by a process that died; refuses to touch anything else. */
async function clearStaleSocket(path: string): Promise<void> {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(path);
  } catch {
    return;
  }
  if (!st.isSocket())
    throw new DockerApiOptionsError(
      'DOCKER_API_BAD_LISTEN',
      `${path} exists and is not a socket; choose another path`,
    );
  if (await socketAnswers(path))
    throw new DockerApiOptionsError(
      'DOCKER_API_BAD_LISTEN',
      `another process answers on ${path}; choose another path`,
    );
  unlinkSync(path);
}

function listen(server: Server, ...args: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    (server.listen as (...a: unknown[]) => void)(...args, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function serveDockerApi(
  o: Omit<DockerApiHandlerOptions, 'guard'> & { listen: DockerApiListen },
): Promise<DockerApiServer> {
  return serveHandler({
    listen: o.listen,
    ...(o.logger !== undefined ? { logger: o.logger } : {}),
    handler: (guard) => createDockerApiHandler({ ...o, ...(guard !== undefined ? { guard } : {}) }),
  });
}

/** Options of `serveHandler`. */
export interface ServeHandlerOptions {
  listen: DockerApiListen;
  logger?: Logger;
  /** Makes the handler; over TCP it is given the guard to apply to every request. */
  handler: (guard: TcpGuard | undefined) => DockerApiHandler;
}

/**
 * Listens as `serveDockerApi` does (a unix socket created mode 0600, a stale one replaced; or TCP
 * with mutual TLS and the TCP guard) with any handler, e.g. one from `createRoutedHandler`.
 */
export async function serveHandler(o: ServeHandlerOptions): Promise<DockerApiServer> {
  const logger = o.logger ?? noopLogger;
  let server: Server;
  let address: string;
  if ('socketPath' in o.listen) {
    const path = o.listen.socketPath;
    await clearStaleSocket(path);
    server = createServer(o.handler(undefined));
    // Create the socket already private (a chmod after listen leaves a window); umask cannot be
    // changed in worker threads, where the chmod below still applies.
    let mask: number | undefined;
    try {
      mask = process.umask(0o177);
    } catch {
      mask = undefined;
    }
    try {
      await listen(server, path);
    } finally {
      if (mask !== undefined) process.umask(mask);
    }
    chmodSync(path, 0o600);
    address = `unix://${path}`;
  } else {
    const { host, port, tls } = o.listen;
    const guard = tcpGuard(tls.cert);
    // Docker's --tlsverify: the client must present a certificate signed by `ca`.
    server = createHttpsServer(
      {
        ca: tls.ca,
        cert: tls.cert,
        key: tls.key,
        requestCert: true,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
      },
      o.handler(guard),
    );
    server.on('tlsClientError', (e: Error) =>
      logger.debug('docker API TLS handshake refused', { message: e.message }),
    );
    await listen(server, port, host);
    const a = server.address();
    const bound = typeof a === 'object' && a !== null ? a.port : port;
    const shown = host.includes(':') ? `[${host}]` : host;
    guard.port = bound;
    guard.hosts.add(shown);
    address = `tcp://${shown}:${bound}`;
  }
  server.requestTimeout = 0;
  logger.info('docker API listening', { address });
  return {
    address,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections?.();
      }),
  };
}
