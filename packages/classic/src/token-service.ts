/**
 * A small token service for `token://` discovery, in place of the Docker Hub one Swarm 0.2 used:
 * `POST /v1/clusters` makes a cluster and answers its token (201, text); `POST
 * /v1/clusters/TOKEN?ttl=SECONDS` with a JSON string body `"HOST:PORT"` registers an engine until
 * the TTL runs out (200); `GET /v1/clusters/TOKEN` lists the live ones (200, JSON array); `DELETE
 * /v1/clusters/TOKEN` forgets the cluster (204). Unknown tokens are 404: an engine can only join a
 * cluster somebody created. The token is the only credential, as with the Hub service: serve it
 * over TLS (or on a network only the cluster reaches).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type Clock, cryptoRandom, type Logger, noopLogger, type Random, systemClock } from '@swarm/api';
import { canonicalAddress } from './address.js';
import { TOKEN_PATTERN } from './discovery/token.js';

/** Options of `createTokenService`. */
export interface TokenServiceOptions {
  /** Expiry of registrations (default the system clock). */
  readonly clock?: Clock;
  /** Tokens (default crypto-random). */
  readonly random?: Random;
  readonly logger?: Logger;
  /** At most this many clusters (default 10,000). */
  readonly maxClusters?: number;
  /** At most this many engines per cluster (default 1,000). */
  readonly maxEngines?: number;
  /** The longest TTL accepted, seconds (default 3,600). */
  readonly maxTtlSeconds?: number;
}

/** The service's state and its request handler. */
export interface TokenService {
  /** The `node:http` request handler. */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The live engines of a cluster (undefined for an unknown token). */
  engines(token: string): string[] | undefined;
}

function send(res: ServerResponse, status: number, body?: unknown, text = false): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const out = text ? `${body as string}\n` : `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'content-type': text ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': Buffer.byteLength(out),
  });
  res.end(out);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > limit) return undefined;
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Makes a token service (pair with `serveTokenService`, or mount `handler` on a server of yours). */
export function createTokenService(o: TokenServiceOptions = {}): TokenService {
  const clock = o.clock ?? systemClock;
  const random = o.random ?? cryptoRandom;
  const logger = o.logger ?? noopLogger;
  const maxClusters = o.maxClusters ?? 10_000;
  const maxEngines = o.maxEngines ?? 1_000;
  const maxTtl = o.maxTtlSeconds ?? 3_600;
  /** token → address → expiry (ms). */
  const clusters = new Map<string, Map<string, number>>();

  function live(token: string): string[] | undefined {
    const c = clusters.get(token);
    if (c === undefined) return undefined;
    const now = clock.now();
    for (const [a, until] of c) if (until <= now) c.delete(a);
    return [...c.keys()].sort();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://token');
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/v1/clusters') {
      if (req.method !== 'POST')
        return send(res, 405, { message: 'use POST /v1/clusters to create a cluster' });
      if (clusters.size >= maxClusters)
        return send(res, 503, { message: `this token service keeps at most ${maxClusters} clusters` });
      const token = Buffer.from(random.bytes(16)).toString('hex');
      clusters.set(token, new Map());
      logger.info('token service: cluster created');
      return send(res, 201, token, true);
    }
    const m = /^\/v1\/clusters\/([^/]+)$/.exec(path);
    if (m === null) return send(res, 404, { message: 'page not found' });
    const token = m[1]!;
    if (!TOKEN_PATTERN.test(token) || !clusters.has(token))
      return send(res, 404, { message: 'no such cluster: create one with swarm create (POST /v1/clusters)' });
    switch (req.method) {
      case 'GET':
        return send(res, 200, live(token));
      case 'DELETE':
        clusters.delete(token);
        return send(res, 204);
      case 'POST': {
        const ttlText = url.searchParams.get('ttl') ?? '60';
        const ttl = Number(ttlText);
        if (!/^\d+$/.test(ttlText) || ttl < 1 || ttl > maxTtl)
          return send(res, 400, {
            message: `ttl must be whole seconds from 1 to ${maxTtl}, got ${JSON.stringify(ttlText)}`,
          });
        const body = await readBody(req, 1024);
        let addr: string;
        try {
          const parsed = JSON.parse(body ?? '') as unknown;
          if (typeof parsed !== 'string') throw new Error('not a string');
          addr = canonicalAddress(parsed);
        } catch (e) {
          return send(res, 400, {
            message: `the body must be a JSON string "HOST:PORT", the engine's address (${(e as Error).message})`,
          });
        }
        const engines = clusters.get(token)!;
        live(token);
        if (!engines.has(addr) && engines.size >= maxEngines)
          return send(res, 503, { message: `a cluster holds at most ${maxEngines} engines` });
        engines.set(addr, clock.now() + ttl * 1000);
        return send(res, 200, { addr, ttl });
      }
      default:
        return send(res, 405, { message: `${req.method} is not served on /v1/clusters/TOKEN` });
    }
  }

  return {
    handler: (req, res) => {
      handle(req, res).catch((e: unknown) => {
        logger.error('token service request failed', { message: (e as Error).message });
        if (!res.headersSent) send(res, 500, { message: 'internal error' });
        else res.destroy();
      });
    },
    engines: live,
  };
}

/** A listening token service. */
export interface TokenServer {
  /** `http(s)://HOST:PORT` with the bound port. */
  readonly url: string;
  readonly service: TokenService;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Serves a token service on `host:port` (port 0 picks one); HTTPS when `tls` is given. */
export async function serveTokenService(
  o: TokenServiceOptions & {
    readonly host: string;
    readonly port: number;
    readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  },
): Promise<TokenServer> {
  const service = createTokenService(o);
  const server: Server =
    o.tls === undefined
      ? createServer(service.handler)
      : createHttpsServer({ cert: o.tls.cert, key: o.tls.key }, service.handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const a = server.address();
  const port = typeof a === 'object' && a !== null ? a.port : o.port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `${o.tls === undefined ? 'http' : 'https'}://${host}:${port}`,
    service,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
