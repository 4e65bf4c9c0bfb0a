import {
  ClassicError,
  type ContainerInfo,
  type ContainerRequest,
  type EngineClient,
  type EngineFacts,
  type EngineInfo,
  type ImageInfo,
} from '../src/index.js';

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

/** Engines answering from a map; an address missing from it does not answer. */
export class FakeEngines implements EngineClient {
  readonly up = new Map<string, { facts: EngineFacts; containers: ContainerInfo[]; images: ImageInfo[] }>();
  reads = 0;

  add(addr: string, name: string, containers: ContainerInfo[] = []): void {
    this.up.set(addr, {
      facts: { id: `id-${name}`, name, cpus: 2, memory: 2 ** 31, labels: { storage: 'ssd' } },
      containers,
      images: [],
    });
  }

  #get(addr: string) {
    this.reads++;
    const e = this.up.get(addr);
    if (e === undefined) throw new ClassicError('CLASSIC_ENGINE_FAILED', `engine ${addr} did not answer`, {});
    return e;
  }
  async facts(addr: string) {
    return this.#get(addr).facts;
  }
  async containers(addr: string) {
    return this.#get(addr).containers;
  }
  async images(addr: string) {
    return this.#get(addr).images;
  }
}
