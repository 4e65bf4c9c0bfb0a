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

export interface RequestContext {
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
  /** The API version of the request (from its `/vX.Y` prefix, or the newest). */
  apiVersion: string;
  /** The `X-Registry-Auth` header, if any (never logged). */
  registryAuth?: string;
}

export interface SwarmUpdateFlags {
  rotateWorkerToken: boolean;
  rotateManagerToken: boolean;
  rotateManagerUnlockKey: boolean;
}

export interface LogOptions {
  follow: boolean;
  /** Lines per task from the end; undefined for all. */
  tail?: number;
  /** Only lines at or after this time (ms since the epoch). */
  sinceMs?: number;
}

export interface SwarmBackend {
  /** The engine's name and version for `/version`, `/info` and the `Server` header. */
  readonly engine: { name: string; version: string };

  /** `GET /info`: the swarm section, and any of Docker's top-level fields to override. */
  info(ctx: RequestContext): Promise<{ Swarm: SwarmInfo } & Partial<SystemInfo>>;

  swarmInspect(ctx: RequestContext): Promise<Swarm>;
  /** Returns the new node's ID. */
  swarmInit(req: SwarmInitRequest, ctx: RequestContext): Promise<string>;
  swarmJoin(req: SwarmJoinRequest, ctx: RequestContext): Promise<void>;
  swarmLeave(force: boolean, ctx: RequestContext): Promise<void>;
  swarmUpdate(spec: SwarmSpec, version: string, flags: SwarmUpdateFlags, ctx: RequestContext): Promise<void>;
  swarmUnlockKey(ctx: RequestContext): Promise<string>;
  swarmUnlock(key: string, ctx: RequestContext): Promise<void>;

  nodeList(ctx: RequestContext): Promise<Node[]>;
  nodeInspect(ref: string, ctx: RequestContext): Promise<Node>;
  nodeUpdate(ref: string, version: string, spec: NodeSpec, ctx: RequestContext): Promise<void>;
  nodeRemove(ref: string, force: boolean, ctx: RequestContext): Promise<void>;

  /** Every service, each with `ServiceStatus` filled (the server drops it unless asked for). */
  serviceList(ctx: RequestContext): Promise<Service[]>;
  serviceInspect(ref: string, ctx: RequestContext): Promise<Service>;
  serviceCreate(spec: ServiceSpec, ctx: RequestContext): Promise<{ ID: string; Warnings?: string[] }>;
  /** `rollback: 'previous'` rolls back to the previous spec; `spec` is then ignored (as in Docker). */
  serviceUpdate(
    ref: string,
    version: string,
    spec: ServiceSpec,
    options: { rollback?: 'previous' },
    ctx: RequestContext,
  ): Promise<{ Warnings?: string[] }>;
  serviceRemove(ref: string, ctx: RequestContext): Promise<void>;

  /**
   * Every task. With `upToDate`, only tasks running their service's current spec version (the
   * docker CLI's internal `_up-to-date` filter, used by its convergence display).
   */
  taskList(options: { upToDate: boolean }, ctx: RequestContext): Promise<Task[]>;
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

  secretList(ctx: RequestContext): Promise<Secret[]>;
  secretInspect(ref: string, ctx: RequestContext): Promise<Secret>;
  secretCreate(spec: SecretSpec, ctx: RequestContext): Promise<string>;
  /** Only labels may change (Docker refuses any other change with 400). */
  secretUpdate(ref: string, version: string, spec: SecretSpec, ctx: RequestContext): Promise<void>;
  secretRemove(ref: string, ctx: RequestContext): Promise<void>;

  networkList(ctx: RequestContext): Promise<Network[]>;
  networkInspect(ref: string, ctx: RequestContext): Promise<Network>;
  networkCreate(req: NetworkCreateRequest, ctx: RequestContext): Promise<{ Id: string; Warning?: string }>;
  networkRemove(ref: string, ctx: RequestContext): Promise<void>;

  /**
   * Swarm events from `sinceMs` on (those still remembered) and then live ones, until
   * `ctx.signal` aborts. The server applies filters and `until`.
   */
  events(options: { sinceMs?: number }, ctx: RequestContext): AsyncIterable<EventMessage>;
}
