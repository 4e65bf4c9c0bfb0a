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

/** A node role as the CLI names it. */
export type NodeRoleName = 'worker' | 'manager';
/** A node availability as the CLI names it. */
export type AvailabilityName = 'active' | 'pause' | 'drain';

/** `swarm info`: the node, its swarm state and the cluster's settings. */
export interface InfoResult {
  /** 'inactive' (not in a swarm), 'locked' (manager waiting for `swarm unlock`), 'active', 'pending' (joining). */
  localNodeState: 'inactive' | 'pending' | 'active' | 'locked';
  nodeId?: string;
  /** The address other nodes reach this one at (host:port, as resolved from `--advertise-addr`). */
  nodeAddr?: string;
  /** The address this node listens on for cluster traffic (host:port, as resolved from `--listen-addr`). */
  listenAddr?: string;
  /** The address this node advertises (host:port); the same as `nodeAddr`. */
  advertiseAddr?: string;
  /** This node's link to the managers (its agent's session); absent before the worker half starts. */
  managerConnection?: ManagerConnectionView;
  clusterId?: string;
  role?: NodeRoleName;
  isManager: boolean;
  /** Raft leader's node ID, managers only. */
  leaderId?: string;
  managers?: number;
  nodes?: number;
  autolock?: boolean;
  certExpiryMs?: number;
  /** Tasks kept per slot in the history (cluster.spec.orchestration). */
  taskHistoryLimit?: number;
  /** The dispatcher heartbeat period in ms (cluster.spec.dispatcher). */
  dispatcherHeartbeatMs?: number;
  /** When the node certificate expires (ms since the epoch). */
  certNotAfter?: number;
  /** Raft term / commit index on managers; `reachable` and `quorum` as this manager sees them. */
  raft?: {
    term: string;
    appliedIndex: string;
    members: number;
    /** Voting managers this one heard from recently, itself included (a lower bound on a follower). */
    reachable?: number;
    /** 'ok' while a leader is known, 'lost' when none is and fewer than a majority are reachable, else 'electing'. */
    quorum?: 'ok' | 'lost' | 'electing';
    /** Entries between snapshots. */
    snapshotInterval?: number;
    heartbeatTick?: number;
    electionTick?: number;
    /** Milliseconds per tick. */
    tickMs?: number;
  };
  /** What runs this node's tasks: `docker` (with the engine's version and network) or `sandbox`. */
  executor?: { kind: string; version?: string; network?: string };
  /** Digest of the image policy this node enforces (`--image-policy`); absent without one. */
  imagePolicyDigest?: string;
  /**
   * Managers: the placement strategy and rebalancing budget this manager applies when it leads
   * (the cluster's settings over its own flags); `rebalance` absent when off.
   */
  orchestration?: {
    placementStrategy: 'spread' | 'binpack';
    rebalance?: { maxMoves: number; intervalMs: number };
  };
  dataDir: string;
  version: string;
}

/** Whether a node's agent has a session with a manager, and if not since when and why. */
export interface ManagerConnectionView {
  connected: boolean;
  /** The manager of the open session. */
  manager?: string;
  /** When the current state (connected or not) began, ms since the epoch. */
  sinceMs: number;
  /** Failed attempts since the last open session. */
  failures: number;
  /** The managers the agent tries, in order. */
  managers: string[];
  /** The last failure, `ADDR: message`. */
  error?: string;
}

/** `swarm image-policy show`: the image policy this node enforces (it never leaves the node). */
export interface ImagePolicyView {
  /** The policy file (absolute). */
  path: string;
  /** `sha256:...`, as `node inspect` and `swarm info` show it. */
  digest: string;
  /** When the policy came into force (daemon start) or was signed (update), ms since the epoch: an update signed at or before it is refused. */
  sinceMs: number;
  /** Fingerprints of the OpenPGP keys the policy trusts, whose signed update it accepts. */
  updateKeys: string[];
  /** The policy document in force. */
  text: string;
}

/** `swarm image-policy update`: a signed message, or a policy with its detached signature (all base64). */
export type ImagePolicyUpdateRequest =
  | { signedBase64: string }
  | { policyBase64: string; signatureBase64: string };

/** `swarm image-policy update`: the policy replaced and the one now in force. */
export interface ImagePolicyUpdateResult {
  /** The policy file rewritten. */
  path: string;
  previousDigest: string;
  digest: string;
  /** Fingerprint of the key that signed the update. */
  signer: string;
  /** When the update was signed, ms since the epoch. */
  signedAtMs: number;
}

/** What `swarm backup` gets from the daemon. */
export interface SwarmBackupResult {
  /** The backup file, base64. */
  data: string;
  clusterId: string;
  nodeId: string;
  /** The store's raft index the backup holds. */
  appliedIndex: string;
  /** What opens it: 'unlock-key' or 'passphrase'. */
  key: 'unlock-key' | 'passphrase';
}

/** `swarm init`: the addresses and settings of a new swarm. */
export interface InitRequest {
  /** host:port to listen on for cluster traffic. Default 0.0.0.0:2377 (the demo gives 127.0.0.x:2377). */
  listenAddr?: string;
  /** Address other nodes use to reach this one. Default: the listen address's host, or the first non-loopback one. */
  advertiseAddr?: string;
  autolock?: boolean;
  certExpiryMs?: number;
  availability?: AvailabilityName;
  /**
   * On a manager of an existing swarm (after `swarm unlock` under autolock): make it the only
   * manager of its cluster, keeping all state; the other managers are removed and must rejoin.
   */
  forceNewCluster?: boolean;
}
/** What `swarm init` made: the node and cluster IDs and the join tokens. */
export interface InitResult {
  nodeId: string;
  clusterId: string;
  advertiseAddr: string;
  workerToken: string;
  managerToken: string;
  /** With `forceNewCluster`: the node IDs of the managers taken out of the cluster. */
  removedManagers?: string[];
  /** Set when autolock is on: shown once, never stored. */
  unlockKey?: string;
}

/** `swarm join`: the token, a manager's address and this node's addresses. */
export interface JoinRequest {
  /** A manager's host:port. */
  remoteAddr: string;
  token: string;
  listenAddr?: string;
  advertiseAddr?: string;
  availability?: AvailabilityName;
  /** The image policy file (absolute path on the node) this node enforces from now on. */
  imagePolicy?: string;
}
/** What joining made: the node's ID and role. */
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
  /** What makes this row doubtful, e.g. the node's agent reaching no manager (`node ls` prints these). */
  warnings?: string[];
  /**
   * Set when the answer comes from a manager without a quorum: its local copy, as it stood when the
   * quorum was lost (says why; `node ls` prints it once).
   */
  stale?: string;
  /** The full object, `swarm.Node` as JSON (for `inspect` and `--format json`). */
  raw: Json;
}

/** A service as the CLI shows it. */
export interface ServiceView {
  id: string;
  name: string;
  /** 'replicated' | 'global' | 'replicated-job' | 'global-job'. */
  mode: string;
  /**
   * Desired replicas (replicated), eligible nodes (global, global-job: the nodes this run of the job
   * has a task on), or total completions (replicated-job).
   */
  desired: number;
  running: number;
  /** Jobs: tasks of the current run that completed (one per slot or node). */
  completed?: number;
  /** The command and args, as given after `--`. */
  command: string[];
  /** "*:8080->80/tcp" style entries. */
  ports: string[];
  /** The update status ('' when none): 'updating', 'paused', 'completed', 'rollback_started', ... */
  updateState: string;
  updateMessage: string;
  /** `swarm.Service` as JSON; `raw.spec` is the spec to edit and send back. */
  raw: Json;
  /** Things the person should know about a create or update (an image left unresolved). */
  warnings?: string[];
  /** The service's virtual IP on each network it is attached to in endpoint mode vip. */
  virtualIps?: { networkId: string; addr: string }[];
  /** The addresses of its tasks that hold one (not in a terminal state), per network; absent without any. */
  taskAddresses?: {
    taskId: string;
    nodeId: string;
    networkId: string;
    networkName: string;
    addresses: string[];
  }[];
}

/** A task as `service ps` shows it. */
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
  /** The task's place on each cluster network (given when it was assigned to its node); absent without networks. */
  networks?: TaskNetworkView[];
  raw: Json;
}

/** A task's attachment to one cluster network. */
export interface TaskNetworkView {
  networkId: string;
  networkName: string;
  /** The task's addresses (CIDR, in its node's slice). */
  addresses: string[];
  /** The node's slice of the network (CIDR) and its gateway (the node's bridge and resolver). */
  slice: string;
  gateway: string;
  aliases: string[];
}

/** A secret's metadata as the CLI shows it (never its data). */
export interface SecretView {
  id: string;
  name: string;
  /** `meta.version.index`, for updates that name the version they read. */
  version: string;
  createdAt: number;
  updatedAt: number;
  labels: Record<string, string>;
}

/** A config as the CLI shows it: metadata, and its data (configs are not secret). */
export interface ConfigView {
  id: string;
  name: string;
  /** `meta.version.index`, for updates that name the version they read. */
  version: string;
  createdAt: number;
  updatedAt: number;
  labels: Record<string, string>;
  /** The config's bytes in base64. */
  dataBase64: string;
}

/** One line of a task's output (`service logs`). */
export interface LogLineView {
  taskId: string;
  serviceId: string;
  /** The worker's sequence number of the line within its task (dedupes lines seen twice). */
  seq: string;
  /** NAME.SLOT of the task. */
  taskName: string;
  nodeId: string;
  timestamp: number;
  stream: 'stdout' | 'stderr';
  /** The line, as UTF-8 text (without the newline). */
  text: string;
}

/** What `service logs` reads: a service or one task of it, filtered. */
export interface ServiceLogsRequest {
  /** A service (ID, unique ID prefix or name), or a task ID (then only that task's lines). */
  id: string;
  /** Only the last this many lines of each task (absent: all kept; 0: none, with follow only new ones). */
  tail?: number;
  /** Only this task of the service. */
  taskId?: string;
  /** Only lines read at or after this time (ms since the epoch). */
  sinceMs?: number;
  /** Only lines of tasks on this node (ID, unique ID prefix or hostname). */
  node?: string;
}

/** A `serviceLogsFollow` call: the first without `cursor`, then with the last answer's. */
export interface ServiceLogsFollowRequest extends ServiceLogsRequest {
  /** The `cursor` of the previous answer (opaque). */
  cursor?: string;
  /** With a cursor: how long to wait for a new line (ms, default 10,000, at most 30,000). */
  waitMs?: number;
}

/** One answer of `serviceLogsFollow`. */
export interface LogsPage {
  lines: LogLineView[];
  /** Pass this back to get only newer lines. */
  cursor: string;
  /** The service is gone: nothing more will come. */
  ended?: boolean;
}

/** `swarm node update`: availability, role and label changes. */
export interface NodeUpdateRequest {
  /** ID, unique ID prefix, or hostname. */
  id: string;
  /** The version read with the node (`raw.meta.version.index`); a mismatch fails with SEQUENCE_CONFLICT. */
  version?: string;
  /** Replaces every manager-owned label (Docker's full NodeSpec); `labelAdd`/`labelRm` then apply. */
  labels?: Record<string, string>;
  labelAdd?: Record<string, string>;
  labelRm?: string[];
  availability?: AvailabilityName;
  role?: NodeRoleName;
}

/** `swarm service create`: the new service's spec. */
export interface ServiceCreateRequest {
  /** `swarm.ServiceSpec` as JSON. Secrets may be referenced by `secretName` alone; the daemon fills `secretId`. */
  spec: Json;
  /** Pin `image:tag` to its registry digest at the manager (default true; `--no-resolve-image` sends false). */
  resolveImage?: boolean;
}

/** `swarm service update`: the changes to a service's spec. */
export interface ServiceUpdateRequest {
  /** ID, unique ID prefix, or name. */
  id: string;
  /** The version read with the spec (`raw.meta.version.index`); a mismatch fails with SEQUENCE_CONFLICT. */
  version: string;
  spec: Json;
  /** As for create; an image already pinned by digest is never resolved again. */
  resolveImage?: boolean;
}

/** A cluster network (`raw` is `swarm.Network` as JSON). */
export interface NetworkView {
  id: string;
  name: string;
  driver: string;
  /** Names of the services attached to it. */
  services: string[];
  /** The network's subnet ('' for a network created before subnets were allocated). */
  subnet?: string;
  /** Whether containers may attach to it outside services. */
  attachable?: boolean;
  raw: Json;
}

/** Every call the daemon serves. Each method is POSTed as `/v1/<method name>` with the request as the body. */
export interface ControlApi {
  /** `swarm info`. */
  info(): Promise<InfoResult>;
  /** `swarm init`: makes this node the first manager of a new swarm. */
  init(req: InitRequest): Promise<InitResult>;
  /** `swarm join`: joins a swarm with a token (the role follows from the token). */
  join(req: JoinRequest): Promise<JoinResult>;
  /** `swarm leave`: leaves the swarm (`force` for the last manager). */
  leave(req: { force?: boolean }): Promise<{ left: true }>;
  /** `swarm join-token`: the token of `role` (a new one with `rotate`) and a manager's address. */
  joinToken(req: { role: NodeRoleName; rotate?: boolean }): Promise<{ token: string; managerAddr: string }>;
  /** `swarm update`: returns the new unlock key when autolock was turned on. */
  update(req: {
    autolock?: boolean;
    certExpiryMs?: number;
    /** Tasks kept per slot (negative: all). */
    taskHistoryLimit?: number;
    /** Dispatcher heartbeat period, ms. */
    dispatcherHeartbeatMs?: number;
    /** The cluster's placement strategy, over each manager's `--placement-strategy`. */
    placementStrategy?: 'spread' | 'binpack';
    /** The cluster's rebalancing budget, over each manager's `--rebalance` (`maxMoves` 0: off). */
    rebalance?: { maxMoves: number; intervalMs: number };
    version?: string;
  }): Promise<{ unlockKey?: string }>;
  /** `swarm unlock`: opens this manager's data with the unlock key. */
  unlock(req: { unlockKey: string }): Promise<{ unlocked: true }>;
  /** `swarm unlock-key`: the current unlock key (a new one with `rotate`). */
  unlockKey(req: { rotate?: boolean }): Promise<{ unlockKey: string }>;
  /** Starts a root CA rotation and waits until every node has moved over (or `timeoutMs`). */
  caRotate(req: { timeoutMs?: number }): Promise<{ rootDigest: string; done: boolean; progress: string }>;
  /**
   * The cluster object (`swarm.Cluster` as JSON) with its join tokens and without its secrets (CA
   * keys, the unlock key, denied nodes).
   */
  swarmInspect(): Promise<{ raw: Json }>;
  /**
   * `swarm backup`: this manager's state now (store image, node state, key and certificates) as an
   * encrypted backup file (base64), under `passphrase` or else the cluster's unlock key.
   */
  swarmBackup(req: { passphrase?: string }): Promise<SwarmBackupResult>;

  /** `swarm node ls`. */
  nodeList(): Promise<NodeView[]>;
  /** `swarm node inspect`. */
  nodeInspect(req: { id: string }): Promise<NodeView>;
  /** `swarm node update` (and `promote` / `demote`). */
  nodeUpdate(req: NodeUpdateRequest): Promise<NodeView>;
  /** `swarm node rm`: removes a node and denies its certificate everywhere. */
  nodeRemove(req: { id: string; force?: boolean }): Promise<{ id: string }>;

  /** `swarm service create`. */
  serviceCreate(req: ServiceCreateRequest): Promise<ServiceView>;
  /** `swarm service ls`. */
  serviceList(): Promise<ServiceView[]>;
  /** `swarm service inspect`. */
  serviceInspect(req: { id: string }): Promise<ServiceView>;
  /** `swarm service ps`: the service's tasks (with `all`, the stopped ones too). */
  servicePs(req: { id: string; all?: boolean }): Promise<TaskView[]>;
  /** Lines of a service (or of one of its tasks with `taskId`), oldest first; `sinceMs` drops older ones. */
  serviceLogs(req: ServiceLogsRequest): Promise<LogLineView[]>;
  /**
   * `swarm service logs -f`: the first call (no `cursor`) answers like `serviceLogs` plus a cursor;
   * a call with that cursor answers only newer lines, waiting up to `waitMs` for one, and says
   * `ended` once the service is removed.
   */
  serviceLogsFollow(req: ServiceLogsFollowRequest): Promise<LogsPage>;
  /** `swarm service update`: a rolling update to the new spec. */
  serviceUpdate(req: ServiceUpdateRequest): Promise<ServiceView>;
  /** `swarm service scale`. */
  serviceScale(req: { id: string; replicas: number }): Promise<ServiceView>;
  /** `version`, when given, must be the service's current version (SEQUENCE_CONFLICT otherwise). */
  serviceRollback(req: { id: string; version?: string }): Promise<ServiceView>;
  /** `swarm service rm`. */
  serviceRemove(req: { id: string }): Promise<{ id: string }>;

  /** `swarm secret create`. */
  secretCreate(req: {
    name: string;
    dataBase64: string;
    labels?: Record<string, string>;
  }): Promise<SecretView>;
  /** `swarm secret ls`. */
  secretList(): Promise<SecretView[]>;
  /** `swarm secret inspect` (metadata only). */
  secretInspect(req: { id: string }): Promise<SecretView>;
  /** `swarm secret rm`. */
  secretRemove(req: { id: string }): Promise<{ id: string }>;
  /** Only labels may change: the data of a secret is immutable. */
  secretUpdate(req: { id: string; version?: string; labels: Record<string, string> }): Promise<SecretView>;

  /** `swarm config create`: 1 byte to 1000 KiB of data; names are unique (NAME_CONFLICT). */
  configCreate(req: {
    name: string;
    dataBase64: string;
    labels?: Record<string, string>;
  }): Promise<ConfigView>;
  /** `swarm config ls`. */
  configList(): Promise<ConfigView[]>;
  /** `swarm config inspect`: by ID, unique ID prefix or name. */
  configInspect(req: { id: string }): Promise<ConfigView>;
  /** `swarm config rm`: refused with CONFIG_IN_USE while a service references the config. */
  configRemove(req: { id: string }): Promise<{ id: string }>;
  /** Only labels may change: the data of a config is immutable. */
  configUpdate(req: { id: string; version?: string; labels: Record<string, string> }): Promise<ConfigView>;

  /** Every task of every service; with `upToDate`, only tasks that run their service's current spec. */
  taskList(req: { upToDate?: boolean }): Promise<TaskView[]>;
  /** One task by ID (or unique ID prefix), as `swarm inspect TASK` shows it. */
  taskInspect(req: { id: string }): Promise<TaskView>;

  /** `swarm image-policy show`: this node's image policy; IMAGE_POLICY_NOT_SET without one. */
  imagePolicyShow(): Promise<ImagePolicyView>;
  /**
   * `swarm image-policy update`, on the local socket only (see LOCAL_ONLY_METHODS), by a key the
   * current policy trusts. Either `signedBase64`: an OpenPGP signed message (`gpg --sign NEW.json`,
   * binary or armored) whose literal data is the new policy.json; or `policyBase64` with
   * `signatureBase64`: the new policy.json and a detached signature over its bytes
   * (`gpg --detach-sign`). Refused with POLICY_UPDATE_REFUSED, POLICY_INVALID or POLICY_KEY_* and
   * nothing changed.
   */
  imagePolicyUpdate(req: ImagePolicyUpdateRequest): Promise<ImagePolicyUpdateResult>;

  /** `spec` is `swarm.NetworkSpec` as JSON. Names are unique; the driver is overlay. */
  networkCreate(req: { spec: Json }): Promise<NetworkView>;
  /** Every network object of the cluster. */
  networkList(): Promise<NetworkView[]>;
  /** One network by ID, ID prefix or name. */
  networkInspect(req: { id: string }): Promise<NetworkView>;
  /** Refused with NETWORK_IN_USE while a service is attached. */
  networkRemove(req: { id: string }): Promise<{ id: string }>;
}

/** The name of a control API call. */
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
  'swarmInspect',
  'swarmBackup',
  'nodeList',
  'nodeInspect',
  'nodeUpdate',
  'nodeRemove',
  'serviceCreate',
  'serviceList',
  'serviceInspect',
  'servicePs',
  'serviceLogs',
  'serviceLogsFollow',
  'serviceUpdate',
  'serviceScale',
  'serviceRollback',
  'serviceRemove',
  'secretCreate',
  'secretList',
  'secretInspect',
  'secretRemove',
  'secretUpdate',
  'configCreate',
  'configList',
  'configInspect',
  'configRemove',
  'configUpdate',
  'taskList',
  'taskInspect',
  'networkCreate',
  'networkList',
  'networkInspect',
  'networkRemove',
  'imagePolicyShow',
  'imagePolicyUpdate',
];

/**
 * Methods served on the unix socket only: the daemon refuses them over TCP with
 * CONTROL_LOCAL_SOCKET_REQUIRED, whatever the caller presents. Replacing the image policy is a
 * local act on the node (issue 24); so is a backup, which carries the CA key and every secret under
 * a passphrase the caller chooses.
 */
export const LOCAL_ONLY_METHODS: ReadonlySet<ControlMethod> = new Set<ControlMethod>([
  'imagePolicyUpdate',
  'swarmBackup',
]);

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
