/**
 * Connecting to a Docker Engine: the address forms `--docker-host` takes, and a check that an
 * engine answers and speaks a recent enough API.
 */
import Docker from 'dockerode';
import { EngineTooOldError, EngineUnreachableError, InvalidDockerHostError } from './errors.js';

/** Docker's default socket (the system engine). */
export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';
/** The API version this executor speaks (Docker 20.10). */
export const API_VERSION = '1.41';

/** dockerode options for `unix:///path` or `tcp://host:port` (plain HTTP: keep it on loopback). */
export function dockerOptions(host: string): Docker.DockerOptions {
  if (host.startsWith('unix://')) {
    const socketPath = host.slice('unix://'.length);
    if (!socketPath.startsWith('/')) throw new InvalidDockerHostError(host);
    return { socketPath, version: `v${API_VERSION}` };
  }
  const m = /^tcp:\/\/([^:/]+|\[[0-9a-fA-F:]+\]):(\d{1,5})\/?$/.exec(host);
  if (m === null || Number(m[2]) < 1 || Number(m[2]) > 65535) throw new InvalidDockerHostError(host);
  return {
    host: m[1]!.replace(/^\[|\]$/g, ''),
    port: Number(m[2]),
    protocol: 'http',
    version: `v${API_VERSION}`,
  };
}

/** What an engine says of itself: its release and its API version. */
export interface EngineVersion {
  /** The engine's release, e.g. `20.10.24`. */
  version: string;
  /** The newest Engine API version it speaks, e.g. `1.41`. */
  apiVersion: string;
}

function olderThan(a: string, b: string): boolean {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && a2 < b2);
}

/** Pings the engine and reads its version; EngineUnreachableError / EngineTooOldError otherwise. */
export async function probeEngine(host: string, timeoutMs = 3_000): Promise<EngineVersion> {
  const docker = new Docker({ ...dockerOptions(host), timeout: timeoutMs });
  let v: Docker.DockerVersion;
  try {
    await docker.ping();
    v = await docker.version();
  } catch (err) {
    throw new EngineUnreachableError(host, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
  if (olderThan(v.ApiVersion, API_VERSION)) throw new EngineTooOldError(host, v.ApiVersion, API_VERSION);
  return { version: v.Version, apiVersion: v.ApiVersion };
}

/** Whether an engine answers at `host` within `timeoutMs` (never throws). */
export async function engineAnswers(host: string = DEFAULT_DOCKER_HOST, timeoutMs = 1_000): Promise<boolean> {
  try {
    await probeEngine(host, timeoutMs);
    return true;
  } catch {
    return false;
  }
}
