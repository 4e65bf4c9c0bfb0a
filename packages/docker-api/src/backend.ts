/**
 * What an embedder provides: the cluster behind the API, in Docker's terms. The server parses and
 * checks requests (paths, versions, query parameters, JSON bodies, filters), calls one method per
 * request, and writes the result in Docker's shape; the backend owns the objects and their rules.
 *
 * Contract:
 * - `ref` arguments are what the client sent: a full ID, a unique ID prefix or a name (a hostname
 *   for nodes). The backend resolves them and throws `DockerNotFoundError("service x not found")`
 *   when nothing matches.
 * - Lists return every object; the server applies Docker's filters.
 * - Errors: throw the `Docker*Error` classes from `./errors.js` to pick Docker's status code;
 *   anything else is a 500 with its message. Messages reach the client verbatim.
 * - `version` arguments are the `version` query parameter (the object's `Version.Index` read
 *   before the change); a stale one fails with `DockerSystemError("rpc error: code = Unknown
 *   desc = update out of sequence")`, as dockerd answers.
 * - Every method gets the request's `AbortSignal` (the client went away) in `ctx`.
 */
import type {
  Config,
  ConfigSpec,
  EventMessage,
  LogMessage,
  Network,
  NetworkCreateRequest,
  Node,
  NodeSpec,
  Secret,
  SecretSpec,
  Service,
  ServiceSpec,
  Swarm,
  SwarmInfo,
  SwarmInitRequest,
  SwarmJoinRequest,
  SwarmSpec,
  SystemInfo,
  Task,
} from './types.js';

/**
 * What the server passes with every backend call: the request's abort signal, its API version
 * and its registry credentials.
 */
export interface RequestContext {
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
  /** The API version of the request (from its `/vX.Y` prefix, or the newest). */
  apiVersion: string;
  /** The `X-Registry-Auth` header, if any (never logged). */
  registryAuth?: string;
}

/**
 * The rotation flags of `POST /swarm/update` (`docker swarm update`, `docker swarm join-token
 * --rotate`, `docker swarm unlock-key --rotate`): each asks for a fresh secret to replace the
 * current one.
 */
export interface SwarmUpdateFlags {
  rotateWorkerToken: boolean;
  rotateManagerToken: boolean;
  rotateManagerUnlockKey: boolean;
}

/**
 * The options of a log request (`docker service logs`): whether to follow, how many lines per task
 * to start with, and from which time.
 */
export interface LogOptions {
  follow: boolean;
  /** Lines per task from the end; undefined for all. */
  tail?: number;
  /** Only lines at or after this time (ms since the epoch). */
  sinceMs?: number;
}

/**
 * The cluster behind the Docker API: one method per request, in Docker's types. See the module
 * comment above for the contract on references, errors and versions.
 */
export interface SwarmBackend {
  /** The engine's name and version for `/version`, `/info` and the `Server` header. */
  readonly engine: { name: string; version: string };

  /** `GET /info`: the swarm section, and any of Docker's top-level fields to override. */
  info(ctx: RequestContext): Promise<{ Swarm: SwarmInfo } & Partial<SystemInfo>>;

  /** `GET /swarm`: the cluster, with its join tokens (answered by managers only). */
  swarmInspect(ctx: RequestContext): Promise<Swarm>;
  /** Returns the new node's ID. */
  swarmInit(req: SwarmInitRequest, ctx: RequestContext): Promise<string>;
  /** `POST /swarm/join`: joins an existing swarm with the request's token. */
  swarmJoin(req: SwarmJoinRequest, ctx: RequestContext): Promise<void>;
  /** `POST /swarm/leave`: leaves the swarm; a manager leaves only with `force` (its departure may cost the managers their quorum). */
  swarmLeave(force: boolean, ctx: RequestContext): Promise<void>;
  /** `POST /swarm/update`: replaces the cluster spec at `version` and rotates what `flags` ask for. */
  swarmUpdate(spec: SwarmSpec, version: string, flags: SwarmUpdateFlags, ctx: RequestContext): Promise<void>;
  /** `GET /swarm/unlockkey`: the key that unlocks a manager of an autolocked swarm. */
  swarmUnlockKey(ctx: RequestContext): Promise<string>;
  /** `POST /swarm/unlock`: unlocks this locked manager with `key`. */
  swarmUnlock(key: string, ctx: RequestContext): Promise<void>;

  /** `GET /nodes`: every node of the cluster. */
  nodeList(ctx: RequestContext): Promise<Node[]>;
  /** `GET /nodes/{id}`: one node, by ID, ID prefix or hostname. */
  nodeInspect(ref: string, ctx: RequestContext): Promise<Node>;
  /** `POST /nodes/{id}/update`: replaces the node's spec (name, labels, role, availability) at `version`. */
  nodeUpdate(ref: string, version: string, spec: NodeSpec, ctx: RequestContext): Promise<void>;
  /** `DELETE /nodes/{id}`: removes a node from the cluster; `force` removes one that is not down. */
  nodeRemove(ref: string, force: boolean, ctx: RequestContext): Promise<void>;

  /** Every service, each with `ServiceStatus` filled (the server drops it unless asked for). */
  serviceList(ctx: RequestContext): Promise<Service[]>;
  /** `GET /services/{id}`: one service, by ID, ID prefix or name. */
  serviceInspect(ref: string, ctx: RequestContext): Promise<Service>;
  /** `POST /services/create`: creates a service; returns its ID and any warnings for the client. */
  serviceCreate(spec: ServiceSpec, ctx: RequestContext): Promise<{ ID: string; Warnings?: string[] }>;
  /** `rollback: 'previous'` rolls back to the previous spec; `spec` is then ignored (as in Docker). */
  serviceUpdate(
    ref: string,
    version: string,
    spec: ServiceSpec,
    options: { rollback?: 'previous' },
    ctx: RequestContext,
  ): Promise<{ Warnings?: string[] }>;
  /** `DELETE /services/{id}`: removes a service; its tasks are then shut down. */
  serviceRemove(ref: string, ctx: RequestContext): Promise<void>;

  /**
   * Every task. With `upToDate`, only tasks running their service's current spec version (the
   * docker CLI's internal `_up-to-date` filter, used by its convergence display).
   */
  taskList(options: { upToDate: boolean }, ctx: RequestContext): Promise<Task[]>;
  /** `GET /tasks/{id}`: one task, by ID or ID prefix. */
  taskInspect(ref: string, ctx: RequestContext): Promise<Task>;

  /**
   * Task output of a service or of one task, oldest first. With `follow`, the iterable keeps
   * yielding new lines until `ctx.signal` aborts. Throws `DockerNotFoundError` for an unknown ref
   * before yielding anything.
   */
  logs(
    target: { service: string } | { task: string },
    options: LogOptions,
    ctx: RequestContext,
  ): Promise<AsyncIterable<LogMessage>>;

  /** `GET /secrets`: every secret, without its data. */
  secretList(ctx: RequestContext): Promise<Secret[]>;
  /** `GET /secrets/{id}`: one secret, by ID, ID prefix or name, without its data. */
  secretInspect(ref: string, ctx: RequestContext): Promise<Secret>;
  /** `POST /secrets/create`: stores a secret (`spec.Data` is base64); returns its ID. */
  secretCreate(spec: SecretSpec, ctx: RequestContext): Promise<string>;
  /** Only labels may change (Docker refuses any other change with 400). */
  secretUpdate(ref: string, version: string, spec: SecretSpec, ctx: RequestContext): Promise<void>;
  /** `DELETE /secrets/{id}`: removes a secret; fails while a service still uses it. */
  secretRemove(ref: string, ctx: RequestContext): Promise<void>;

  /** `GET /configs`: every config, with its data. */
  configList(ctx: RequestContext): Promise<Config[]>;
  /** `GET /configs/{id}`: one config, by ID, ID prefix or name. */
  configInspect(ref: string, ctx: RequestContext): Promise<Config>;
  /** `POST /configs/create`: stores a config (`spec.Data` is base64); returns its ID. */
  configCreate(spec: ConfigSpec, ctx: RequestContext): Promise<string>;
  /** Only labels may change (Docker refuses any other change with 400). */
  configUpdate(ref: string, version: string, spec: ConfigSpec, ctx: RequestContext): Promise<void>;
  /** `DELETE /configs/{id}`: removes a config; fails while a service still uses it. */
  configRemove(ref: string, ctx: RequestContext): Promise<void>;

  /** `GET /networks`: every swarm-scoped network. */
  networkList(ctx: RequestContext): Promise<Network[]>;
  /** `GET /networks/{id}`: one network, by ID, ID prefix or name. */
  networkInspect(ref: string, ctx: RequestContext): Promise<Network>;
  /** `POST /networks/create`: creates a swarm network; returns its ID and any warning. */
  networkCreate(req: NetworkCreateRequest, ctx: RequestContext): Promise<{ Id: string; Warning?: string }>;
  /** `DELETE /networks/{id}`: removes a network; fails while a service still uses it. */
  networkRemove(ref: string, ctx: RequestContext): Promise<void>;

  /**
   * Swarm events from `sinceMs` on (those still remembered) and then live ones, until
   * `ctx.signal` aborts. The server applies filters and `until`.
   */
  events(options: { sinceMs?: number }, ctx: RequestContext): AsyncIterable<EventMessage>;
}
