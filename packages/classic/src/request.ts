/**
 * Reads the placement request out of Docker's `POST /containers/create` body: `-e constraint:…`
 * and `-e affinity:…` from `Env`, `-c` (`CpuShares`, counted as CPUs as Swarm 0.2 does) or
 * `--cpus` (`NanoCpus`), `-m` (`Memory`), host ports from `PortBindings` (or, with `--net=host`,
 * the exposed ports), and the containers it depends on (`--link`, `--volumes-from`,
 * `--net container:`).
 */
import type { ContainerRequest, HeldPort } from './types.js';

/** The label the forwarded container keeps its constraints in (JSON array), as later Swarm releases did. */
export const CONSTRAINTS_LABEL = 'com.docker.swarm.constraints';
/** The label the forwarded container keeps its affinities in (JSON array). */
export const AFFINITIES_LABEL = 'com.docker.swarm.affinities';

/** The fields of Docker's create body this package reads (everything else is passed through). */
export interface CreateBody {
  Image?: unknown;
  Env?: unknown;
  Labels?: unknown;
  ExposedPorts?: unknown;
  HostConfig?: {
    Memory?: unknown;
    CpuShares?: unknown;
    NanoCpus?: unknown;
    PortBindings?: unknown;
    Links?: unknown;
    VolumesFrom?: unknown;
    NetworkMode?: unknown;
  } & Record<string, unknown>;
  [field: string]: unknown;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

function portKey(key: string): { port: number; protocol: string } | undefined {
  const m = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(key);
  return m === null ? undefined : { port: Number(m[1]), protocol: m[2] ?? 'tcp' };
}

/** Host ports a create body asks for. */
export function requestedPorts(body: CreateBody): HeldPort[] {
  const hc = body.HostConfig ?? {};
  const out: HeldPort[] = [];
  if (hc.NetworkMode === 'host') {
    if (typeof body.ExposedPorts === 'object' && body.ExposedPorts !== null)
      for (const key of Object.keys(body.ExposedPorts)) {
        const p = portKey(key);
        if (p !== undefined) out.push({ port: p.port, protocol: p.protocol, hostIp: '' });
      }
    return out;
  }
  const pb = hc.PortBindings;
  if (typeof pb !== 'object' || pb === null) return out;
  for (const [key, bindings] of Object.entries(pb as Record<string, unknown>)) {
    const p = portKey(key);
    if (p === undefined || !Array.isArray(bindings)) continue;
    for (const b of bindings as { HostPort?: unknown; HostIp?: unknown }[]) {
      const hostPort = Number(typeof b?.HostPort === 'string' ? b.HostPort : '');
      // An empty HostPort (-p 80) takes a free ephemeral port: it conflicts with nothing.
      if (!Number.isInteger(hostPort) || hostPort <= 0) continue;
      out.push({
        port: hostPort,
        protocol: p.protocol,
        hostIp: typeof b.HostIp === 'string' ? b.HostIp : '',
      });
    }
  }
  return out;
}

/** The names of the containers a create body depends on. */
export function dependenciesOf(body: CreateBody): string[] {
  const hc = body.HostConfig ?? {};
  const out: string[] = [];
  for (const l of strings(hc.Links)) {
    // `name:alias`, or dockerd's stored form `/name:/self/alias`.
    const name = l.split(':')[0]!.replace(/^\//, '');
    if (name !== '') out.push(name);
  }
  for (const v of strings(hc.VolumesFrom)) {
    const name = v.split(':')[0]!;
    if (name !== '') out.push(name);
  }
  if (typeof hc.NetworkMode === 'string' && hc.NetworkMode.startsWith('container:')) {
    const name = hc.NetworkMode.slice('container:'.length);
    if (name !== '') out.push(name);
  }
  return [...new Set(out)];
}

function labelList(labels: unknown, key: string): string[] {
  if (typeof labels !== 'object' || labels === null) return [];
  const raw = (labels as Record<string, unknown>)[key];
  if (typeof raw !== 'string') return [];
  try {
    return strings(JSON.parse(raw));
  } catch {
    return [];
  }
}

/**
 * The placement request of a create body. Expressions come from `Env` entries `constraint:…` and
 * `affinity:…` and from the labels `com.docker.swarm.constraints`/`.affinities` (JSON arrays).
 */
export function containerRequest(body: CreateBody, name?: string): ContainerRequest {
  const constraints: string[] = [];
  const affinities: string[] = [];
  for (const e of strings(body.Env)) {
    if (e.startsWith('constraint:')) constraints.push(e.slice('constraint:'.length));
    else if (e.startsWith('affinity:')) affinities.push(e.slice('affinity:'.length));
  }
  constraints.push(...labelList(body.Labels, CONSTRAINTS_LABEL));
  affinities.push(...labelList(body.Labels, AFFINITIES_LABEL));
  const hc = body.HostConfig ?? {};
  const nano = num(hc.NanoCpus);
  return {
    ...(name !== undefined && name !== '' ? { name } : {}),
    image: typeof body.Image === 'string' ? body.Image : '',
    cpus: nano > 0 ? nano / 1e9 : num(hc.CpuShares),
    memory: num(hc.Memory),
    constraints,
    affinities,
    ports: requestedPorts(body),
    dependencies: dependenciesOf(body),
  };
}

/**
 * The body forwarded to the chosen engine: the `constraint:`/`affinity:` entries leave `Env` (they
 * are not the container's environment) and are kept as labels instead, so that a later `docker
 * inspect` still shows them.
 */
export function forwardBody(body: CreateBody, req: ContainerRequest): CreateBody {
  const env = strings(body.Env).filter((e) => !e.startsWith('constraint:') && !e.startsWith('affinity:'));
  const labels: Record<string, string> = {
    ...(typeof body.Labels === 'object' && body.Labels !== null
      ? (body.Labels as Record<string, string>)
      : {}),
  };
  if (req.constraints.length > 0) labels[CONSTRAINTS_LABEL] = JSON.stringify(req.constraints);
  if (req.affinities.length > 0) labels[AFFINITIES_LABEL] = JSON.stringify(req.affinities);
  return { ...body, Env: env, Labels: labels };
}
