/**
 * The control API: what the `swarm` CLI asks of its local daemon. Plain JSON in and out (it travels
 * as HTTP on a unix socket, see ./http.ts). Service specs are the JSON form of `swarm.ServiceSpec`
 * (`swarm.ServiceSpec.toObject(spec, JSON_OPTIONS)` / `fromObject`), so the CLI can build and edit
 * them without the daemon interpreting flags.
 *
 * Errors are `SwarmError`s; the codes the CLI branches on are in `CONTROL_ERROR_CODES`.
 */

/** protobufjs `toObject` options for every object that crosses this API. */
export const JSON_OPTIONS = {
  longs: String,
  enums: String,
  bytes: String,
  defaults: false,
  oneofs: true,
} as const;

/** A JSON object as produced by `toObject(..., JSON_OPTIONS)`. */
export type Json = Record<string, unknown>;

export type NodeRoleName = 'worker' | 'manager';
export type AvailabilityName = 'active' | 'pause' | 'drain';

export interface InfoResult {
  /** 'inactive' (not in a swarm), 'locked' (manager waiting for `swarm unlock`), 'active', 'pending' (joining). */
  localNodeState: 'inactive' | 'pending' | 'active' | 'locked';
  nodeId?: string;
  nodeAddr?: string;
  clusterId?: string;
  role?: NodeRoleName;
  isManager: boolean;
  /** Raft leader's node ID, managers only. */
  leaderId?: string;
  managers?: number;
  nodes?: number;
  autolock?: boolean;
  certExpiryMs?: number;
  /** When the node certificate expires (ms since the epoch). */
  certNotAfter?: number;
  /** Raft term / commit index on managers. */
  raft?: { term: string; appliedIndex: string; members: number };
  /** What runs this node's tasks: `docker` (with the engine's version and network) or `sandbox`. */
  executor?: { kind: string; version?: string; network?: string };
  dataDir: string;
  version: string;
}

export interface InitRequest {
  /** host:port to listen on for cluster traffic. Default 0.0.0.0:2377 (the demo gives 127.0.0.x:2377). */
  listenAddr?: string;
  /** Address other nodes use to reach this one. Default: the listen address's host, or the first non-loopback one. */
  advertiseAddr?: string;
  autolock?: boolean;
  certExpiryMs?: number;
  availability?: AvailabilityName;
}
export interface InitResult {
  nodeId: string;
  clusterId: string;
  advertiseAddr: string;
  workerToken: string;
  managerToken: string;
  /** Set when autolock is on: shown once, never stored. */
  unlockKey?: string;
}

export interface JoinRequest {
  /** A manager's host:port. */
  remoteAddr: string;
  token: string;
  listenAddr?: string;
  advertiseAddr?: string;
  availability?: AvailabilityName;
}
export interface JoinResult {
  nodeId: string;
  role: NodeRoleName;
}

/** A node as `node ls` / `node inspect` show it. */
export interface NodeView {
  id: string;
  hostname: string;
  role: NodeRoleName;
  /** 'unknown' | 'down' | 'ready' | 'disconnected'. */
  status: string;
  availability: AvailabilityName;
  /** '' for workers, else 'Leader' | 'Reachable' | 'Unreachable'. */
  managerStatus: string;
  addr: string;
  /** Manager-owned labels (node.labels.*), including the zone label `swarm.zone`. */
  labels: Record<string, string>;
  /** Self-reported labels (engine.labels.*). */
  engineLabels: Record<string, string>;
  /** The zone in the node's certificate ('' when none). */
  zone: string;
  self: boolean;
  /** The full object, `swarm.Node` as JSON (for `inspect` and `--format json`). */
  raw: Json;
}

export interface ServiceView {
  id: string;
  name: string;
  /** 'replicated' | 'global' | 'replicated-job' | 'global-job'. */
  mode: string;
  /** Desired replicas (replicated), or eligible nodes (global). */
  desired: number;
  running: number;
  /** The command and args, as given after `--`. */
  command: string[];
  /** "*:8080->80/tcp" style entries. */
  ports: string[];
  /** The update status ('' when none): 'updating', 'paused', 'completed', 'rollback_started', ... */
  updateState: string;
  updateMessage: string;
  /** `swarm.Service` as JSON; `raw.spec` is the spec to edit and send back. */
  raw: Json;
}

export interface TaskView {
  id: string;
  /** NAME.SLOT (replicated) or NAME.NODEID (global). */
  name: string;
  serviceId: string;
  slot: number;
  nodeId: string;
  nodeHostname: string;
  /** Lowercase state names: 'running', 'shutdown', ... */
  desiredState: string;
  currentState: string;
  /** When the current state began (ms since the epoch). */
  since: number;
  /** The status err, or the scheduler's reason for a pending task. */
  error: string;
  message: string;
  exitCode?: number;
  /** "127.0.0.2:41234->80/tcp" for running tasks with ports. */
  ports: string[];
  raw: Json;
}

export interface SecretView {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  labels: Record<string, string>;
}

export interface LogLineView {
  taskId: string;
  /** NAME.SLOT of the task. */
  taskName: string;
  nodeId: string;
  timestamp: number;
  stream: 'stdout' | 'stderr';
  /** The line, as UTF-8 text (without the newline). */
  text: string;
}

export interface NodeUpdateRequest {
  /** ID, unique ID prefix, or hostname. */
  id: string;
  labelAdd?: Record<string, string>;
  labelRm?: string[];
  availability?: AvailabilityName;
  role?: NodeRoleName;
}

export interface ServiceCreateRequest {
  /** `swarm.ServiceSpec` as JSON. Secrets may be referenced by `secretName` alone; the daemon fills `secretId`. */
  spec: Json;
}

export interface ServiceUpdateRequest {
  /** ID, unique ID prefix, or name. */
  id: string;
  /** The version read with the spec (`raw.meta.version.index`); a mismatch fails with SEQUENCE_CONFLICT. */
  version: string;
  spec: Json;
}

/** Every call the daemon serves. Each method is POSTed as `/v1/<method name>` with the request as the body. */
export interface ControlApi {
  info(): Promise<InfoResult>;
  init(req: InitRequest): Promise<InitResult>;
  join(req: JoinRequest): Promise<JoinResult>;
  leave(req: { force?: boolean }): Promise<{ left: true }>;
  joinToken(req: { role: NodeRoleName; rotate?: boolean }): Promise<{ token: string; managerAddr: string }>;
  /** `swarm update`: returns the new unlock key when autolock was turned on. */
  update(req: { autolock?: boolean; certExpiryMs?: number }): Promise<{ unlockKey?: string }>;
  unlock(req: { unlockKey: string }): Promise<{ unlocked: true }>;
  unlockKey(req: { rotate?: boolean }): Promise<{ unlockKey: string }>;
  /** Starts a root CA rotation and waits until every node has moved over (or `timeoutMs`). */
  caRotate(req: { timeoutMs?: number }): Promise<{ rootDigest: string; done: boolean; progress: string }>;

  nodeList(): Promise<NodeView[]>;
  nodeInspect(req: { id: string }): Promise<NodeView>;
  nodeUpdate(req: NodeUpdateRequest): Promise<NodeView>;
  nodeRemove(req: { id: string; force?: boolean }): Promise<{ id: string }>;

  serviceCreate(req: ServiceCreateRequest): Promise<ServiceView>;
  serviceList(): Promise<ServiceView[]>;
  serviceInspect(req: { id: string }): Promise<ServiceView>;
  servicePs(req: { id: string; all?: boolean }): Promise<TaskView[]>;
  serviceLogs(req: { id: string; tail?: number }): Promise<LogLineView[]>;
  serviceUpdate(req: ServiceUpdateRequest): Promise<ServiceView>;
  serviceScale(req: { id: string; replicas: number }): Promise<ServiceView>;
  serviceRollback(req: { id: string }): Promise<ServiceView>;
  serviceRemove(req: { id: string }): Promise<{ id: string }>;

  secretCreate(req: {
    name: string;
    dataBase64: string;
    labels?: Record<string, string>;
  }): Promise<SecretView>;
  secretList(): Promise<SecretView[]>;
  secretInspect(req: { id: string }): Promise<SecretView>;
  secretRemove(req: { id: string }): Promise<{ id: string }>;
}

export type ControlMethod = keyof ControlApi;

/** Every method name, for the transport's routing and the tests. */
export const CONTROL_METHODS: readonly ControlMethod[] = [
  'info',
  'init',
  'join',
  'leave',
  'joinToken',
  'update',
  'unlock',
  'unlockKey',
  'caRotate',
  'nodeList',
  'nodeInspect',
  'nodeUpdate',
  'nodeRemove',
  'serviceCreate',
  'serviceList',
  'serviceInspect',
  'servicePs',
  'serviceLogs',
  'serviceUpdate',
  'serviceScale',
  'serviceRollback',
  'serviceRemove',
  'secretCreate',
  'secretList',
  'secretInspect',
  'secretRemove',
];

/** Error codes of the control API (SwarmError.code) and what the CLI does with them. */
export const CONTROL_ERROR_CODES = {
  /** The node is in no swarm, or is a worker: "This node is not a swarm manager. Use "swarm init" or "swarm join" ...". */
  NOT_A_MANAGER: 'NOT_A_MANAGER',
  /** init/join on a node in a swarm: "This node is already part of a swarm. Use "swarm leave" ...". */
  ALREADY_IN_SWARM: 'ALREADY_IN_SWARM',
  /** leave/other calls on a node in no swarm. */
  NOT_IN_SWARM: 'NOT_IN_SWARM',
  /** A manager restarted with autolock waits for `swarm unlock`. */
  SWARM_LOCKED: 'SWARM_LOCKED',
  /** No object with that ID / prefix / name. */
  NOT_FOUND: 'NOT_FOUND',
  /** A prefix or name matches several objects. */
  AMBIGUOUS: 'AMBIGUOUS',
  /** A bad request (flag values, spec); the message says what to fix. */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** The CLI could not reach the daemon (set by the client). */
  DAEMON_UNREACHABLE: 'DAEMON_UNREACHABLE',
} as const;
