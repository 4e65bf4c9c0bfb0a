/**
 * Talking to one engine: what the pool reads (`/info`, `/containers/json`, `/containers/ID/json`,
 * `/images/json`) and the raw requests the API front end forwards. Over TCP it speaks HTTPS with a
 * client certificate when the pool is given one (the engines' `--tlsverify`), plain HTTP otherwise.
 */
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { parseAddress } from './address.js';
import { ClassicError } from './errors.js';
import type { ContainerInfo, HeldPort, ImageInfo } from './types.js';

/** PEM files for mutual TLS with the engines. */
export interface EngineTls {
  readonly ca: string | Buffer;
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

/** What `/info` says about an engine, in the terms of the pool. */
export interface EngineFacts {
  readonly id: string;
  readonly name: string;
  readonly cpus: number;
  readonly memory: number;
  readonly labels: Readonly<Record<string, string>>;
}

/** What the pool needs from an engine. Inject a fake in tests. */
export interface EngineClient {
  /** What `/info` says about the engine at `addr`. */
  facts(addr: string): Promise<EngineFacts>;
  /** Every container of the engine, running or not, with what it reserves and the host ports it holds. */
  containers(addr: string): Promise<ContainerInfo[]>;
  /** The engine's images. */
  images(addr: string): Promise<ImageInfo[]>;
}

/** A forwarded request. */
export interface ForwardRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1.41/containers/ID/json`. */
  readonly path: string;
  readonly headers: OutgoingHttpHeaders;
  /** The body, streamed; or a buffer. */
  readonly body?: Readable | Buffer;
  readonly signal?: AbortSignal;
}

/** Options of `DockerEngineClient`. */
export interface DockerEngineClientOptions {
  /** Client certificate for engines that listen with `--tlsverify`. */
  readonly tls?: EngineTls;
  /** How long one pool read may take, ms (default 10,000). */
  readonly timeoutMs?: number;
}

/** The real client: Docker's API over HTTP(S) or a unix socket. */
export class DockerEngineClient implements EngineClient {
  readonly #tls: EngineTls | undefined;
  readonly #timeoutMs: number;
  /** Per engine address, inspected HostConfig facts per container ID (they never change once created). */
  readonly #inspected = new Map<string, Map<string, { cpus: number; memory: number; ports: HeldPort[] }>>();

  constructor(o: DockerEngineClientOptions = {}) {
    this.#tls = o.tls;
    this.#timeoutMs = o.timeoutMs ?? 10_000;
  }

  /** Sends a request to the engine at `addr` and returns its response, unread. */
  forward(addr: string, r: ForwardRequest): Promise<IncomingMessage> {
    const ep = parseAddress(addr);
    return new Promise((resolve, reject) => {
      const common = {
        method: r.method,
        path: r.path,
        headers: r.headers,
        ...(r.signal !== undefined ? { signal: r.signal } : {}),
      };
      const req =
        'socketPath' in ep
          ? httpRequest({ ...common, socketPath: ep.socketPath })
          : this.#tls !== undefined
            ? httpsRequest({
                ...common,
                host: ep.host,
                port: ep.port,
                ca: this.#tls.ca,
                cert: this.#tls.cert,
                key: this.#tls.key,
                servername: ep.host.includes(':') ? '' : ep.host,
              })
            : httpRequest({ ...common, host: ep.host, port: ep.port });
      req.once('response', resolve);
      req.once('error', (e) =>
        reject(
          new ClassicError('CLASSIC_ENGINE_FAILED', `engine ${addr} did not answer: ${e.message}`, {
            addr,
          }),
        ),
      );
      if (r.body === undefined) req.end();
      else if (Buffer.isBuffer(r.body)) req.end(r.body);
      else r.body.pipe(req);
    });
  }

  async #json<T>(addr: string, path: string): Promise<T> {
    const signal = AbortSignal.timeout(this.#timeoutMs);
    const res = await this.forward(addr, { method: 'GET', path, headers: {}, signal });
    const chunks: Buffer[] = [];
    for await (const c of res as AsyncIterable<Buffer>) chunks.push(c);
    const text = Buffer.concat(chunks).toString('utf8');
    if ((res.statusCode ?? 500) >= 400)
      throw new ClassicError(
        'CLASSIC_ENGINE_FAILED',
        `engine ${addr} answered ${res.statusCode} to GET ${path}: ${text.trim().slice(0, 200)}`,
        { addr, status: res.statusCode },
      );
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ClassicError(
        'CLASSIC_ENGINE_FAILED',
        `engine ${addr} answered GET ${path} with something that is not JSON`,
        {
          addr,
        },
      );
    }
  }

  /** `/info`, with Swarm 0.2's standard labels added. */
  async facts(addr: string): Promise<EngineFacts> {
    const info = await this.#json<Record<string, unknown>>(addr, '/info');
    const str = (k: string) => (typeof info[k] === 'string' ? (info[k] as string) : '');
    const labels: Record<string, string> = {};
    for (const l of Array.isArray(info.Labels) ? info.Labels : []) {
      if (typeof l !== 'string') continue;
      const eq = l.indexOf('=');
      if (eq > 0) labels[l.slice(0, eq)] = l.slice(eq + 1);
    }
    // Swarm 0.2's standard constraints, sourced from docker info; ostype/architecture for node.platform.*.
    labels.storagedriver = str('Driver');
    labels.executiondriver = str('ExecutionDriver') || 'none';
    labels.kernelversion = str('KernelVersion');
    labels.operatingsystem = str('OperatingSystem');
    labels.ostype = str('OSType');
    labels.architecture = str('Architecture');
    return {
      id: str('ID') || addr,
      name: str('Name') || addr,
      cpus: typeof info.NCPU === 'number' ? info.NCPU : 0,
      memory: typeof info.MemTotal === 'number' ? info.MemTotal : 0,
      labels,
    };
  }

  /** `/containers/json?all=1`, each new container inspected once for its HostConfig. */
  async containers(addr: string): Promise<ContainerInfo[]> {
    type Listed = {
      Id: string;
      Names?: string[];
      Image?: string;
      ImageID?: string;
      Labels?: Record<string, string>;
      State?: string;
    };
    const list = await this.#json<Listed[]>(addr, '/containers/json?all=1');
    const out: ContainerInfo[] = [];
    const before = this.#inspected.get(addr) ?? new Map();
    const now = new Map<string, { cpus: number; memory: number; ports: HeldPort[] }>();
    for (const c of list) {
      let held = before.get(c.Id);
      if (held === undefined) {
        try {
          const ins = await this.#json<{
            HostConfig?: Record<string, unknown>;
            Config?: Record<string, unknown>;
          }>(addr, `/containers/${encodeURIComponent(c.Id)}/json`);
          held = heldOf(ins);
        } catch (e) {
          // Removed between the list and the inspect: skip it this round.
          if (e instanceof ClassicError && e.details.status === 404) continue;
          throw e;
        }
      }
      now.set(c.Id, held);
      out.push({
        id: c.Id,
        names: (c.Names ?? []).map((n) => n.replace(/^\//, '')),
        image: c.Image ?? '',
        imageId: c.ImageID ?? '',
        labels: c.Labels ?? {},
        running: c.State === 'running',
        ...held,
      });
    }
    // Containers that went away leave the cache with this round.
    this.#inspected.set(addr, now);
    return out;
  }

  /** `/images/json`. */
  async images(addr: string): Promise<ImageInfo[]> {
    const list = await this.#json<{ Id: string; RepoTags?: string[] | null }[]>(addr, '/images/json');
    return list.map((i) => ({ id: i.Id, tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>') }));
  }
}

/** The resources and host ports of an inspected container. */
export function heldOf(ins: { HostConfig?: Record<string, unknown>; Config?: Record<string, unknown> }): {
  cpus: number;
  memory: number;
  ports: HeldPort[];
} {
  const hc = ins.HostConfig ?? {};
  const nano = typeof hc.NanoCpus === 'number' ? hc.NanoCpus : 0;
  const shares = typeof hc.CpuShares === 'number' ? hc.CpuShares : 0;
  const ports: HeldPort[] = [];
  if (hc.NetworkMode === 'host') {
    const exposed = (ins.Config?.ExposedPorts ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(exposed)) {
      const m = /^(\d+)\/?(\w*)$/.exec(k);
      if (m) ports.push({ port: Number(m[1]), protocol: m[2] || 'tcp', hostIp: '' });
    }
  } else {
    const pb = (hc.PortBindings ?? {}) as Record<string, { HostIp?: string; HostPort?: string }[] | null>;
    for (const [k, bindings] of Object.entries(pb)) {
      const m = /^(\d+)\/?(\w*)$/.exec(k);
      if (m === null) continue;
      for (const b of bindings ?? []) {
        const hp = Number(b.HostPort ?? '');
        if (Number.isInteger(hp) && hp > 0)
          ports.push({ port: hp, protocol: m[2] || 'tcp', hostIp: b.HostIp ?? '' });
      }
    }
  }
  return {
    // Swarm 0.2 reads -c as a number of CPUs; --cpus (NanoCpus) is exact.
    cpus: nano > 0 ? nano / 1e9 : shares,
    memory: typeof hc.Memory === 'number' ? hc.Memory : 0,
    ports,
  };
}
