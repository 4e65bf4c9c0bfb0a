/** The values the placement core works on: engines of the pool and the container asked for. */

/** A host port a container holds (from its `HostConfig.PortBindings` or, in host networking, its exposed ports). */
export interface HeldPort {
  /** The host port. */
  readonly port: number;
  /** `tcp`, `udp` or `sctp`. */
  readonly protocol: string;
  /** The host address it is bound on; `0.0.0.0` (or empty) for every address. */
  readonly hostIp: string;
}

/** A container as the pool knows it on one engine. */
export interface ContainerInfo {
  /** The full 64-hex container ID. */
  readonly id: string;
  /** Its names without the leading `/`. */
  readonly names: readonly string[];
  /** The image reference it was created from, e.g. `redis` or `redis:7`. */
  readonly image: string;
  /** The image ID (`sha256:…`), when known. */
  readonly imageId: string;
  /** CPUs reserved (Swarm 0.2 reads `-c` / `CpuShares` as a number of CPUs). */
  readonly cpus: number;
  /** Memory reserved in bytes (`-m`). */
  readonly memory: number;
  /** Host ports it holds. */
  readonly ports: readonly HeldPort[];
  /** Its labels. */
  readonly labels: Readonly<Record<string, string>>;
  /** Whether it is running. */
  readonly running: boolean;
}

/** An image an engine has. */
export interface ImageInfo {
  /** `sha256:…` */
  readonly id: string;
  /** Its tags, e.g. `redis:latest`. */
  readonly tags: readonly string[];
}

/** One Docker engine of the pool, as last refreshed. */
export interface EngineInfo {
  /** The engine's ID (`docker info` ID), or its address before the first refresh. */
  readonly id: string;
  /** Its name (`docker info` Name, the host name): what `constraint:node==` matches. */
  readonly name: string;
  /** The address it was discovered at, `HOST:PORT`. */
  readonly addr: string;
  /**
   * Its labels: the engine's `--label` values plus the standard ones Swarm 0.2 sources from `docker
   * info` (`storagedriver`, `executiondriver`, `kernelversion`, `operatingsystem`).
   */
  readonly labels: Readonly<Record<string, string>>;
  /** CPUs it has. */
  readonly cpus: number;
  /** Memory it has, bytes. */
  readonly memory: number;
  /** Whether its last refresh succeeded: the health filter drops unhealthy engines. */
  readonly healthy: boolean;
  readonly containers: readonly ContainerInfo[];
  readonly images: readonly ImageInfo[];
}

/** The container asked for, in the terms the filters and strategies read. */
export interface ContainerRequest {
  /** The name asked for (`--name`), if any. */
  readonly name?: string;
  /** The image reference. */
  readonly image: string;
  /** CPUs asked for (`-c`). */
  readonly cpus: number;
  /** Memory asked for in bytes (`-m`). */
  readonly memory: number;
  /** `constraint:` expressions (from `-e constraint:…`). */
  readonly constraints: readonly string[];
  /** `affinity:` expressions (from `-e affinity:…`). */
  readonly affinities: readonly string[];
  /** Host ports it asks for (`-p HOST:CONTAINER`, or exposed ports with `--net=host`). */
  readonly ports: readonly HeldPort[];
  /** Containers it must sit next to: `--link NAME:alias`, `--volumes-from NAME`, `--net container:NAME`. */
  readonly dependencies: readonly string[];
}
