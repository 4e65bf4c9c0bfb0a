import type { ContainerInfo, ContainerRequest, EngineInfo } from '../src/index.js';

export function engine(name: string, o: Partial<EngineInfo> = {}): EngineInfo {
  return {
    id: `id-${name}`,
    name,
    addr: `10.0.0.${name.replace(/\D/g, '') || '9'}:2375`,
    labels: {},
    cpus: 4,
    memory: 4 * 1024 ** 3,
    healthy: true,
    containers: [],
    images: [],
    ...o,
  };
}

let seq = 0;
export function container(o: Partial<ContainerInfo> = {}): ContainerInfo {
  seq++;
  return {
    id: `${seq.toString(16).padStart(4, '0')}${'a'.repeat(60)}`,
    names: [`c${seq}`],
    image: 'busybox',
    imageId: `sha256:${'b'.repeat(64)}`,
    cpus: 0,
    memory: 0,
    ports: [],
    labels: {},
    running: true,
    ...o,
  };
}

export function request(o: Partial<ContainerRequest> = {}): ContainerRequest {
  return {
    image: 'busybox',
    cpus: 0,
    memory: 0,
    constraints: [],
    affinities: [],
    ports: [],
    dependencies: [],
    ...o,
  };
}
