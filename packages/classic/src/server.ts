/**
 * `swarm manage`'s front end: the container part of the Docker API over the pool. Creating a
 * container runs the filters and the strategy and forwards the request to the engine chosen;
 * every call on one container is forwarded to the engine holding it; listings are gathered from
 * every engine; image calls go to every engine (pull, remove) or the first one that has the image
 * (inspect). Built on `@swarm/docker-api`'s routed handler, so versions, the TCP guard and error
 * bodies follow dockerd.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { arch } from 'node:os';
import { cryptoRandom, type Logger, noopLogger, type Random } from '@swarm/api';
import {
  API_VERSION,
  type BaseContext,
  baseHeaders,
  compileRoutes,
  createRoutedHandler,
  type DockerApiHandler,
  type DockerApiListen,
  type DockerApiServer,
  DockerConflictError,
  DockerInvalidParameterError,
  DockerNotFoundError,
  DockerNotImplementedError,
  type DockerRequest,
  DockerSystemError,
  dockerArch,
  MIN_API_VERSION,
  type RouteOf,
  readObject,
  sendJson,
  serveHandler,
  type TcpGuard,
} from '@swarm/docker-api';
import type { DockerEngineClient } from './engine-client.js';
import { ClassicError } from './errors.js';
import type { FilterName } from './filters.js';
import type { Pool } from './pool.js';
import { type CreateBody, containerRequest, forwardBody } from './request.js';
import { place } from './scheduler.js';
import type { StrategyName } from './strategy.js';
import type { EngineInfo } from './types.js';

/** The version `swarm manage` reports. */
export const CLASSIC_VERSION = '0.2.0-swarm-core';

/** Options of `createManageHandler`. */
export interface ManageOptions {
  readonly pool: Pool;
  /** Forwards requests to engines (the same client the pool reads with). */
  readonly client: DockerEngineClient;
  readonly strategy: StrategyName;
  /** Default all filters. */
  readonly filters?: readonly FilterName[];
  /** Default 0.05. */
  readonly overcommit?: number;
  /** For the `random` strategy (default crypto-random). */
  readonly random?: Random;
  readonly logger?: Logger;
  /** Clock of the log lines' durations (default `Date.now`). */
  readonly now?: () => number;
  /** The `Name` of `/info` (default `swarm`). */
  readonly name?: string;
}

interface Ctx extends BaseContext {
  readonly o: ManageOptions;
}

type Route = RouteOf<Ctx>;

/** A ClassicError as the Docker error of its class. */
export function dockerErrorOf(e: unknown): unknown {
  if (!(e instanceof ClassicError)) return e;
  switch (e.code) {
    case 'CLASSIC_BAD_EXPRESSION':
    case 'CLASSIC_BAD_OPTION':
    case 'CLASSIC_BAD_ADDRESS':
      return new DockerInvalidParameterError(e.message, { code: e.code });
    default:
      // Swarm 0.2 answered "no resources available…" and engine failures with a 500.
      return new DockerSystemError(e.message, { code: e.code });
  }
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'proxy-connection',
]);

function forwardHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (typeof v === 'string' && !HOP_BY_HOP.has(k.toLowerCase())) out[k] = v;
  return out;
}

/** Sends the engine's answer back as it comes (status, headers, streamed body). */
async function relay(upstream: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(upstream.headers))
    if (v !== undefined && !HOP_BY_HOP.has(k.toLowerCase())) headers[k] = v;
  res.writeHead(upstream.statusCode ?? 500, headers);
  // Send the head now: `wait` and followed `logs` answer their headers long before any body, and
  // the docker CLI waits for them before it starts the container.
  res.flushHeaders();
  await new Promise<void>((resolve) => {
    upstream.pipe(res);
    upstream.once('end', resolve);
    upstream.once('error', () => {
      res.destroy();
      resolve();
    });
    res.once('close', () => {
      upstream.destroy();
      resolve();
    });
  });
}

async function readAll(m: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of m as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

function versioned(h: Ctx, path: string, query: URLSearchParams): string {
  const q = query.toString();
  return `/v${h.apiVersion}${path}${q === '' ? '' : `?${q}`}`;
}

function healthyEngines(h: Ctx): EngineInfo[] {
  return h.o.pool.engines().filter((e) => e.healthy);
}

/** Finds the engine of a container, reading the pool again once if it is not known yet. */
async function owner(h: Ctx, ref: string): Promise<{ engine: EngineInfo; id: string }> {
  let found = h.o.pool.findContainer(ref);
  if (found === undefined) {
    await h.o.pool.refresh();
    found = h.o.pool.findContainer(ref);
  }
  if (found === 'ambiguous')
    throw new DockerInvalidParameterError(`multiple IDs found with provided prefix: ${ref}`);
  if (found === undefined) throw new DockerNotFoundError(`No such container: ${ref}`);
  return found;
}

/** A route that forwards a call on one container to its engine (and reads the engine again after a change). */
function onContainer(method: 'GET' | 'POST' | 'DELETE', suffix: string, changes: boolean): Route {
  return {
    method,
    pattern: `/containers/{id}${suffix}`,
    async handle(req, res, h) {
      const { engine, id } = await owner(h, req.params.id!);
      const upstream = await h.o.client
        .forward(engine.addr, {
          method,
          path: versioned(h, `/containers/${encodeURIComponent(id)}${suffix}`, req.query),
          headers: forwardHeaders(req.raw),
          body: req.raw,
          signal: h.signal,
        })
        .catch((e: unknown) => {
          throw dockerErrorOf(e);
        });
      await relay(upstream, res);
      if (changes) await h.o.pool.refreshEngine(engine.addr);
    },
  };
}

/** The engine as classic Swarm showed it in `inspect` (`Node`). */
function nodeOf(e: EngineInfo): Record<string, unknown> {
  const ip = e.addr.startsWith('unix://') ? '' : e.addr.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return { ID: e.id, Name: e.name, Addr: e.addr, IP: ip, Cpus: e.cpus, Memory: e.memory, Labels: e.labels };
}

const inspect: Route = {
  method: 'GET',
  pattern: '/containers/{id}/json',
  async handle(req, res, h) {
    const { engine, id } = await owner(h, req.params.id!);
    const upstream = await h.o.client
      .forward(engine.addr, {
        method: 'GET',
        path: versioned(h, `/containers/${encodeURIComponent(id)}/json`, req.query),
        headers: {},
        signal: h.signal,
      })
      .catch((e: unknown) => {
        throw dockerErrorOf(e);
      });
    if (upstream.statusCode !== 200) return relay(upstream, res);
    const body = JSON.parse((await readAll(upstream)).toString('utf8')) as Record<string, unknown>;
    sendJson(res, 200, { ...body, Node: nodeOf(engine) }, h.id);
  },
};

const list: Route = {
  method: 'GET',
  pattern: '/containers/json',
  async handle(req, res, h) {
    const all: Record<string, unknown>[] = [];
    await Promise.all(
      healthyEngines(h).map(async (e) => {
        const upstream = await h.o.client.forward(e.addr, {
          method: 'GET',
          path: versioned(h, '/containers/json', req.query),
          headers: {},
          signal: h.signal,
        });
        const text = (await readAll(upstream)).toString('utf8');
        if (upstream.statusCode === 400) throw new DockerInvalidParameterError(messageOf(text));
        if (upstream.statusCode !== 200) return;
        for (const c of JSON.parse(text) as Record<string, unknown>[]) {
          // Names carry the engine's name, as classic Swarm showed them: node-1/web.
          const names = Array.isArray(c.Names) ? (c.Names as string[]) : [];
          all.push({ ...c, Names: names.map((n) => `/${e.name}${n.startsWith('/') ? n : `/${n}`}`) });
        }
      }),
    );
    all.sort((a, b) => Number(b.Created ?? 0) - Number(a.Created ?? 0));
    const limit = Number(req.query.get('limit') ?? '-1');
    sendJson(res, 200, limit > 0 ? all.slice(0, limit) : all, h.id);
  },
};

function messageOf(text: string): string {
  try {
    const j = JSON.parse(text) as { message?: unknown };
    if (typeof j.message === 'string') return j.message;
  } catch {
    // plain text
  }
  return text.trim();
}

const create: Route = {
  method: 'POST',
  pattern: '/containers/create',
  async handle(req, res, h) {
    const body = await readObject<CreateBody>(req.raw);
    const name = req.query.get('name') ?? undefined;
    if (name !== undefined && name !== '') {
      if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name))
        throw new DockerInvalidParameterError(
          `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
        );
      const taken = h.o.pool.findContainer(name);
      if (
        taken !== undefined &&
        taken !== 'ambiguous' &&
        taken.engine.containers.some((c) => c.names.includes(name.replace(/^\//, '')))
      )
        throw new DockerConflictError(
          `Conflict. The container name "/${name.replace(/^\//, '')}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`,
        );
    }
    const request = containerRequest(body, name);
    let ranked: EngineInfo[];
    try {
      ranked = place(h.o.pool.engines(), request, {
        strategy: h.o.strategy,
        random: h.o.random ?? cryptoRandom,
        ...(h.o.filters !== undefined ? { filters: h.o.filters } : {}),
        ...(h.o.overcommit !== undefined ? { overcommit: h.o.overcommit } : {}),
      });
    } catch (e) {
      throw dockerErrorOf(e);
    }
    const engine = ranked[0]!;
    const out = Buffer.from(JSON.stringify(forwardBody(body, request)));
    const upstream = await h.o.client
      .forward(engine.addr, {
        method: 'POST',
        path: versioned(h, '/containers/create', req.query),
        headers: { 'content-type': 'application/json', 'content-length': String(out.length) },
        body: out,
        signal: h.signal,
      })
      .catch((e: unknown) => {
        throw dockerErrorOf(e);
      });
    const answer = await readAll(upstream);
    // Seen by the next placement at once (its ports, resources and name).
    await h.o.pool.refreshEngine(engine.addr);
    h.o.logger?.info('container placed', { engine: engine.name, status: upstream.statusCode });
    res.writeHead(upstream.statusCode ?? 500, {
      ...baseHeaders(h.id),
      'Content-Type': upstream.headers['content-type'] ?? 'application/json',
      'Content-Length': answer.length,
    });
    res.end(answer);
  },
};

/** `/images/create` (pull) and `DELETE /images/{name}`: on every healthy engine, outputs one after the other. */
function onEveryEngine(
  method: 'POST' | 'DELETE',
  pattern: string,
  path: (req: DockerRequest) => string,
): Route {
  return {
    method,
    pattern,
    async handle(req, res, h) {
      const engines = healthyEngines(h);
      if (engines.length === 0) throw new DockerSystemError('no healthy node available in the cluster');
      const results: { engine: EngineInfo; status: number; body: Buffer; type: string }[] = [];
      for (const e of engines) {
        const upstream = await h.o.client
          .forward(e.addr, {
            method,
            path: versioned(h, path(req), req.query),
            headers: forwardHeaders(req.raw),
            signal: h.signal,
          })
          .catch((err: unknown) => {
            throw dockerErrorOf(err);
          });
        results.push({
          engine: e,
          status: upstream.statusCode ?? 500,
          body: await readAll(upstream),
          type: String(upstream.headers['content-type'] ?? 'application/json'),
        });
        await h.o.pool.refreshEngine(e.addr);
      }
      const ok = results.filter((r) => r.status < 300);
      if (ok.length === 0) {
        const first = results[0]!;
        res.writeHead(first.status, {
          ...baseHeaders(h.id),
          'Content-Type': first.type,
          'Content-Length': first.body.length,
        });
        res.end(first.body);
        return;
      }
      if (method === 'DELETE') {
        // Docker answers a list of what was untagged/deleted; the union over the engines.
        const items = ok.flatMap((r) => JSON.parse(r.body.toString('utf8') || '[]') as unknown[]);
        sendJson(res, 200, items, h.id);
        return;
      }
      const text = Buffer.concat(ok.map((r) => r.body));
      res.writeHead(200, {
        ...baseHeaders(h.id),
        'Content-Type': ok[0]!.type,
        'Content-Length': text.length,
      });
      res.end(text);
    },
  };
}

/** `/images/{name}/…` that reads: the first engine that has the image answers. */
function onFirstEngine(suffix: string): Route {
  return {
    method: 'GET',
    pattern: `/images/{name+}${suffix}`,
    async handle(req, res, h) {
      let last: IncomingMessage | undefined;
      for (const e of healthyEngines(h)) {
        const upstream = await h.o.client
          .forward(e.addr, {
            method: 'GET',
            path: versioned(h, `/images/${req.params.name!}${suffix}`, req.query),
            headers: {},
            signal: h.signal,
          })
          .catch((err: unknown) => {
            throw dockerErrorOf(err);
          });
        if (upstream.statusCode === 200) return relay(upstream, res);
        await readAll(upstream);
        last = upstream;
      }
      if (last === undefined) throw new DockerSystemError('no healthy node available in the cluster');
      throw new DockerNotFoundError(`No such image: ${req.params.name!}`);
    },
  };
}

const images: Route = {
  method: 'GET',
  pattern: '/images/json',
  async handle(req, res, h) {
    const byId = new Map<string, Record<string, unknown>>();
    await Promise.all(
      healthyEngines(h).map(async (e) => {
        const upstream = await h.o.client.forward(e.addr, {
          method: 'GET',
          path: versioned(h, '/images/json', req.query),
          headers: {},
          signal: h.signal,
        });
        const text = (await readAll(upstream)).toString('utf8');
        if (upstream.statusCode === 400) throw new DockerInvalidParameterError(messageOf(text));
        if (upstream.statusCode !== 200) return;
        for (const i of JSON.parse(text) as Record<string, unknown>[]) {
          const seen = byId.get(String(i.Id));
          if (seen === undefined) byId.set(String(i.Id), i);
          else
            seen.RepoTags = [
              ...new Set([
                ...((seen.RepoTags as string[] | null) ?? []),
                ...((i.RepoTags as string[] | null) ?? []),
              ]),
            ];
        }
      }),
    );
    sendJson(res, 200, [...byId.values()], h.id);
  },
};

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(3)} GiB`;
}

const info: Route = {
  method: 'GET',
  pattern: '/info',
  async handle(_req, res, h) {
    const engines = h.o.pool.engines();
    const status: [string, string][] = [
      ['Role', 'primary'],
      ['Strategy', h.o.strategy],
      ['Filters', (h.o.filters ?? ['health', 'constraint', 'affinity', 'port', 'dependency']).join(', ')],
      ['Nodes', String(engines.length)],
    ];
    for (const e of engines) {
      const cpus = e.containers.reduce((s, c) => s + c.cpus, 0);
      const mem = e.containers.reduce((s, c) => s + c.memory, 0);
      status.push([` ${e.name}`, e.addr]);
      status.push(['  └ Status', e.healthy ? 'Healthy' : 'Unhealthy']);
      status.push(['  └ Containers', String(e.containers.length)]);
      status.push(['  └ Reserved CPUs', `${cpus} / ${e.cpus}`]);
      status.push(['  └ Reserved Memory', `${gib(mem)} / ${gib(e.memory)}`]);
      status.push([
        '  └ Labels',
        Object.entries(e.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
      ]);
    }
    if (h.o.pool.discoveryError !== undefined) status.push(['Discovery error', h.o.pool.discoveryError]);
    const containers = engines.flatMap((e) => e.containers);
    sendJson(
      res,
      200,
      {
        ID: '',
        Name: h.o.name ?? 'swarm',
        Containers: containers.length,
        ContainersRunning: containers.filter((c) => c.running).length,
        ContainersPaused: 0,
        ContainersStopped: containers.filter((c) => !c.running).length,
        Images: new Set(engines.flatMap((e) => e.images.map((i) => i.id))).size,
        Driver: '',
        DriverStatus: null,
        SystemStatus: status,
        NCPU: engines.reduce((s, e) => s + e.cpus, 0),
        MemTotal: engines.reduce((s, e) => s + e.memory, 0),
        OperatingSystem: 'swarm (standalone, @swarm/classic)',
        OSType: 'linux',
        Architecture: dockerArch(),
        ServerVersion: CLASSIC_VERSION,
        KernelVersion: '',
        Labels: [],
        ExperimentalBuild: false,
        Swarm: {
          NodeID: '',
          NodeAddr: '',
          LocalNodeState: 'inactive',
          ControlAvailable: false,
          Error: '',
          RemoteManagers: null,
        },
        Warnings: null,
      },
      h.id,
    );
  },
};

const version: Route = {
  method: 'GET',
  pattern: '/version',
  async handle(_req, res, h) {
    sendJson(
      res,
      200,
      {
        Platform: { Name: 'swarm' },
        Components: [{ Name: 'Swarm', Version: CLASSIC_VERSION, Details: { ApiVersion: API_VERSION } }],
        Version: CLASSIC_VERSION,
        ApiVersion: API_VERSION,
        MinAPIVersion: MIN_API_VERSION,
        Os: 'linux',
        Arch: arch() === 'x64' ? 'amd64' : arch(),
        KernelVersion: '',
        GitCommit: '',
        GoVersion: '',
      },
      h.id,
    );
  },
};

const ping: Route[] = (['GET', 'HEAD'] as const).map((method) => ({
  method,
  pattern: '/_ping',
  async handle(req, res, h) {
    res.writeHead(200, {
      ...baseHeaders(h.id),
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      Pragma: 'no-cache',
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': req.method === 'HEAD' ? 0 : 2,
    });
    res.end(req.method === 'HEAD' ? undefined : 'OK');
  },
}));

const ROUTES = compileRoutes<Ctx>([
  ...ping,
  version,
  info,
  list,
  create,
  inspect,
  onContainer('POST', '/start', true),
  onContainer('POST', '/stop', true),
  onContainer('POST', '/kill', true),
  onContainer('POST', '/restart', true),
  onContainer('POST', '/wait', false),
  onContainer('GET', '/logs', false),
  onContainer('GET', '/top', false),
  onContainer('DELETE', '', true),
  images,
  onEveryEngine('POST', '/images/create', () => '/images/create'),
  onEveryEngine('DELETE', '/images/{name+}', (req) => `/images/${req.params.name!}`),
  onFirstEngine('/json'),
  onFirstEngine('/history'),
]);

/** The first path segments of the Docker API that `swarm manage` does not serve (501). */
const REFUSED = [
  'containers',
  'images',
  'exec',
  'build',
  'networks',
  'volumes',
  'swarm',
  'nodes',
  'services',
  'tasks',
  'secrets',
  'configs',
  'plugins',
  'events',
  'system',
  'session',
  'distribution',
  'commit',
  'auth',
  'grpc',
];

/** The Docker API of `swarm manage` as a `node:http` handler. */
export function createManageHandler(o: ManageOptions, guard?: TcpGuard): DockerApiHandler {
  return createRoutedHandler<Ctx>({
    routes: ROUTES,
    server: `swarm/${CLASSIC_VERSION} (linux)`,
    logger: o.logger ?? noopLogger,
    ...(o.now !== undefined ? { now: o.now } : {}),
    ...(guard !== undefined ? { guard } : {}),
    context: (b) => ({ ...b, o }),
    unrouted: (path, method) => {
      const first = path.split('/')[1] ?? '';
      return REFUSED.includes(first)
        ? new DockerNotImplementedError(
            `swarm manage serves the container part of the Docker API (create, start, stop, kill, restart, wait, logs, inspect, remove, list) and images (list, pull, inspect, remove): ${method} ${path} is not served`,
          )
        : new DockerNotFoundError('page not found');
    },
  });
}

/** Serves `createManageHandler` on a unix socket or on TCP with mutual TLS (see `parseManageListen`). */
export function serveManage(
  o: ManageOptions & { readonly listen: DockerApiListen },
): Promise<DockerApiServer> {
  return serveHandler({
    listen: o.listen,
    ...(o.logger !== undefined ? { logger: o.logger } : {}),
    handler: (guard) => createManageHandler(o, guard),
  });
}

/**
 * `-H` of `swarm manage`: `unix:///path` or `tcp://HOST:PORT`. TCP needs the three TLS files
 * (`--tlsverify` as for dockerd): whoever reaches this API runs containers on every engine.
 * Throws `CLASSIC_BAD_OPTION`.
 */
export function parseManageListen(
  address: string,
  tls?: { ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer },
): DockerApiListen {
  if (address.startsWith('unix://')) {
    const socketPath = address.slice('unix://'.length);
    if (!socketPath.startsWith('/'))
      throw new ClassicError(
        'CLASSIC_BAD_OPTION',
        `-H ${address}: use an absolute path, unix:///path/swarm.sock`,
        {},
      );
    return { socketPath };
  }
  const m = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})$/.exec(address);
  if (m === null)
    throw new ClassicError(
      'CLASSIC_BAD_OPTION',
      `-H ${JSON.stringify(address)} is not an address: use tcp://HOST:PORT or unix:///path/swarm.sock`,
      {},
    );
  if (tls?.ca === undefined || tls.cert === undefined || tls.key === undefined)
    throw new ClassicError(
      'CLASSIC_BAD_OPTION',
      `refusing to serve the Docker API on ${address} without mutual TLS: whoever reaches it runs containers on every engine of the pool. Give --tlscacert, --tlscert and --tlskey (clients then need docker --tlsverify with a certificate signed by that CA), or use -H unix:///path`,
      {},
    );
  return {
    host: m[1]!.replace(/^\[|\]$/g, ''),
    port: Number(m[2]),
    tls: { ca: tls.ca, cert: tls.cert, key: tls.key },
  };
}
