/**
 * The Docker Engine API objects this package serves, in Docker's own JSON shape (API 1.41): field
 * names in PascalCase, durations in nanoseconds, times as RFC 3339 strings with nanoseconds. Only
 * the swarm-mode subset is declared; a backend may add fields Docker defines, and clients ignore
 * fields they do not know.
 */

export type Labels = Record<string, string>;

/**
 * An object's version: `Index` is the store index of its last change, sent back as the
 * `version` query parameter of an update to detect concurrent writes.
 */
export interface ObjectVersion {
  Index: number;
}

/** Meta fields every swarm object carries. */
export interface Meta {
  ID: string;
  Version: ObjectVersion;
  /** RFC 3339 with nanoseconds. */
  CreatedAt: string;
  UpdatedAt: string;
}

/**
 * The CPU architecture and operating system of a node or an image (Docker's names, e.g.
 * `x86_64` and `linux`).
 */
export interface Platform {
  Architecture?: string;
  OS?: string;
}

/** A named driver and its options, as used for secret backends, templating and log drivers. */
export interface Driver {
  Name?: string;
  Options?: Labels;
}

/** The cluster's TLS trust: the root CA bundle (PEM) and the issuer of the node certificates. */
export interface TLSInfo {
  TrustRoot?: string;
  /** base64 of the issuer's raw subject. */
  CertIssuerSubject?: string;
  /** base64 of the issuer's raw public key. */
  CertIssuerPublicKey?: string;
}

// ---- nodes ----

/** A node's role: managers run the raft store and the orchestrators, workers only run tasks. */
export type NodeRole = 'worker' | 'manager';
/**
 * Whether the scheduler may place tasks on a node: `active` yes, `pause` keeps running tasks but adds
 * none, `drain` moves its tasks elsewhere.
 */
export type NodeAvailability = 'active' | 'pause' | 'drain';

/** What an operator sets on a node (`docker node update`): name, labels, role and availability. */
export interface NodeSpec {
  Name?: string;
  Labels?: Labels;
  Role?: NodeRole;
  Availability?: NodeAvailability;
}

/** What a node reports about itself: hostname, platform, resources, engine and TLS details. */
export interface NodeDescription {
  Hostname?: string;
  Platform?: Platform;
  Resources?: { NanoCPUs?: number; MemoryBytes?: number };
  Engine?: { EngineVersion?: string; Labels?: Labels; Plugins?: Array<{ Type: string; Name: string }> };
  TLSInfo?: TLSInfo;
}

export interface Node extends Meta {
  Spec: NodeSpec;
  Description: NodeDescription;
  Status: { State: 'unknown' | 'down' | 'ready' | 'disconnected'; Message?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability: 'unknown' | 'unreachable' | 'reachable'; Addr: string };
}

// ---- services and tasks ----

/**
 * A secret given to a service's containers: which secret (ID and name) and the file it appears as
 * (name, owner and mode).
 */
export interface SecretReference {
  File?: { Name: string; UID: string; GID: string; Mode: number };
  SecretID?: string;
  SecretName?: string;
}

/**
 * A config given to a service's containers: which config (ID and name) and the file it appears as
 * (path, owner and mode). `Runtime` targets (Windows credential specs) are refused.
 */
export interface ConfigReference {
  File?: { Name: string; UID: string; GID: string; Mode: number };
  Runtime?: Record<string, unknown>;
  ConfigID?: string;
  ConfigName?: string;
}

/**
 * The container a task runs: image, command, environment, user, secrets and stop grace period.
 * Other Docker fields are allowed and passed through.
 */
export interface ContainerSpec {
  Image?: string;
  Labels?: Labels;
  Command?: string[];
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  Secrets?: SecretReference[];
  Configs?: ConfigReference[];
  /** Nanoseconds. */
  StopGracePeriod?: number;
  [field: string]: unknown;
}

/**
 * CPU (in billionths of a CPU), memory (bytes), process count and generic resources, used both
 * for a task's limits and its reservations.
 */
export interface Resources {
  NanoCPUs?: number;
  MemoryBytes?: number;
  Pids?: number;
  GenericResources?: unknown[];
}

/**
 * When a task is replaced after it exits (`none`, `on-failure`, `any`), with the delay, attempt
 * limit and window (durations in nanoseconds).
 */
export interface RestartPolicy {
  Condition?: 'none' | 'on-failure' | 'any';
  Delay?: number;
  MaxAttempts?: number;
  Window?: number;
}

/**
 * Where a service's tasks may run: node constraints (`node.role==manager`), spread preferences,
 * the maximum tasks per node and the platforms its image supports.
 */
export interface Placement {
  Constraints?: string[];
  Preferences?: Array<{ Spread?: { SpreadDescriptor: string } }>;
  MaxReplicas?: number;
  Platforms?: Platform[];
}

/** A network a service's tasks join (by ID or name), with extra DNS aliases and driver options. */
export interface NetworkAttachmentConfig {
  Target: string;
  Aliases?: string[];
  DriverOpts?: Labels;
}

/**
 * The template of a service's tasks: container, resources, restart policy, placement and
 * networks. `ForceUpdate` is a counter: changing it redeploys every task. Other Docker fields are
 * allowed and passed through.
 */
export interface TaskSpec {
  ContainerSpec?: ContainerSpec;
  Resources?: { Limits?: Resources; Reservations?: Resources };
  RestartPolicy?: RestartPolicy;
  Placement?: Placement;
  Networks?: NetworkAttachmentConfig[];
  ForceUpdate?: number;
  Runtime?: string;
  [field: string]: unknown;
}

/**
 * How a service update (or rollback) rolls over tasks: how many at once, the delay between batches
 * and the monitor period (nanoseconds), what to do on failure and the tolerated failure ratio, and
 * whether the new task starts before or after the old one stops.
 */
export interface UpdateConfig {
  Parallelism?: number;
  Delay?: number;
  FailureAction?: 'pause' | 'continue' | 'rollback';
  Monitor?: number;
  MaxFailureRatio?: number;
  Order?: 'stop-first' | 'start-first';
}

/**
 * A published port: the container's `TargetPort`, the `PublishedPort` clients use, and whether it
 * is reached through every node (`ingress`) or only the node running the task (`host`).
 */
export interface PortConfig {
  Name?: string;
  Protocol?: 'tcp' | 'udp' | 'sctp';
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: 'ingress' | 'host';
}

/**
 * How a service is reached: through a virtual IP (`vip`) or DNS round robin (`dnsrr`), and its
 * published ports.
 */
export interface EndpointSpec {
  Mode?: 'vip' | 'dnsrr';
  Ports?: PortConfig[];
}

/**
 * How many tasks a service runs: exactly one of `Replicated` (a fixed count), `Global` (one per
 * eligible node), `ReplicatedJob` or `GlobalJob` (tasks that run to completion).
 */
export interface ServiceMode {
  Replicated?: { Replicas?: number };
  Global?: Record<string, never>;
  ReplicatedJob?: { MaxConcurrent?: number; TotalCompletions?: number };
  GlobalJob?: Record<string, never>;
}

/**
 * What `docker service create` and `docker service update` send: the task template, mode, update
 * and rollback configuration, and endpoint. Other Docker fields are allowed and passed through.
 */
export interface ServiceSpec {
  Name?: string;
  Labels?: Labels;
  TaskTemplate?: TaskSpec;
  Mode?: ServiceMode;
  UpdateConfig?: UpdateConfig;
  RollbackConfig?: UpdateConfig;
  /** Deprecated by Docker in favour of TaskTemplate.Networks; accepted and moved there. */
  Networks?: NetworkAttachmentConfig[];
  EndpointSpec?: EndpointSpec;
  [field: string]: unknown;
}

/**
 * The progress of a service update or rollback, as `docker service inspect` shows it in
 * `UpdateStatus.State`.
 */
export type UpdateState =
  | 'updating'
  | 'paused'
  | 'completed'
  | 'rollback_started'
  | 'rollback_paused'
  | 'rollback_completed';

export interface Service extends Meta {
  Spec: ServiceSpec;
  PreviousSpec?: ServiceSpec;
  Endpoint: {
    Spec: EndpointSpec;
    Ports?: PortConfig[];
    VirtualIPs?: Array<{ NetworkID: string; Addr: string }>;
  };
  UpdateStatus?: { State: UpdateState; StartedAt?: string; CompletedAt?: string; Message?: string };
  /** Served only when the list is asked for with `status=true`. */
  ServiceStatus?: { RunningTasks: number; DesiredTasks: number; CompletedTasks: number };
  JobStatus?: { JobIteration: ObjectVersion; LastExecution?: string };
}

/**
 * A task's lifecycle state, in the order a task moves through them (`new` to `running`, then one of
 * the terminal states). Used for both the observed and the desired state.
 */
export type TaskState =
  | 'new'
  | 'allocated'
  | 'pending'
  | 'assigned'
  | 'accepted'
  | 'preparing'
  | 'ready'
  | 'starting'
  | 'running'
  | 'complete'
  | 'shutdown'
  | 'failed'
  | 'rejected'
  | 'remove'
  | 'orphaned';

export interface Task extends Meta {
  Name?: string;
  Labels: Labels;
  Spec: TaskSpec;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  Status: {
    Timestamp: string;
    State: TaskState;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID: string; PID: number; ExitCode: number };
    PortStatus?: { Ports?: PortConfig[] };
  };
  DesiredState: TaskState;
  JobIteration?: ObjectVersion;
  /** The task's place on each cluster network: the network (ID and name) and its addresses (CIDR). */
  NetworksAttachments?: TaskNetworkAttachment[];
}

/** One entry of a task's `NetworksAttachments` (the network as a reference: ID and name). */
export interface TaskNetworkAttachment {
  Network: { ID: string; Spec: { Name: string } };
  Addresses: string[];
}

// ---- secrets, configs and networks ----

/**
 * What `docker secret create` sends: name, labels and the base64 data. The data is accepted on
 * create and never returned.
 */
export interface SecretSpec {
  Name?: string;
  Labels?: Labels;
  /** base64; accepted on create, never returned. */
  Data?: string;
  Driver?: Driver;
  Templating?: Driver;
}

export interface Secret extends Meta {
  Spec: { Name: string; Labels: Labels; Driver?: Driver };
}

/** What `docker config create` sends: name, labels and the base64 data. */
export interface ConfigSpec {
  Name?: string;
  Labels?: Labels;
  /** base64; returned by inspect (configs are not secret). */
  Data?: string;
  Templating?: Driver;
}

/** A config as `GET /configs` returns it, with its data. */
export interface Config extends Meta {
  Spec: { Name: string; Labels: Labels; Data: string };
}

/** A network's address management: the IPAM driver, its subnets, ranges and gateways, and options. */
export interface IPAM {
  Driver?: string;
  Config?: Array<{ Subnet?: string; IPRange?: string; Gateway?: string }>;
  Options?: Labels | null;
}

/** `POST /networks/create` body. */
export interface NetworkCreateRequest {
  Name?: string;
  CheckDuplicate?: boolean;
  Driver?: string;
  Scope?: string;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  IPAM?: IPAM | null;
  EnableIPv6?: boolean;
  Options?: Labels | null;
  Labels?: Labels | null;
  ConfigOnly?: boolean;
  ConfigFrom?: { Network?: string } | null;
}

/** A network as `GET /networks` shows it (Docker's NetworkResource). */
export interface Network {
  Name: string;
  Id: string;
  Created: string;
  Scope: 'swarm';
  Driver: string;
  EnableIPv6: boolean;
  IPAM: IPAM;
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigFrom: { Network: string };
  ConfigOnly: boolean;
  Containers: Record<string, unknown> | null;
  Options: Labels | null;
  Labels: Labels;
}

// ---- the swarm ----

/**
 * The cluster-wide settings `docker swarm update` changes: task history retention, raft and
 * dispatcher timing, CA settings, the default log driver and manager autolock. Durations are in
 * nanoseconds.
 */
export interface SwarmSpec {
  Name?: string;
  Labels?: Labels;
  Orchestration?: { TaskHistoryRetentionLimit?: number } | null;
  Raft?: {
    SnapshotInterval?: number;
    KeepOldSnapshots?: number;
    LogEntriesForSlowFollowers?: number;
    ElectionTick?: number;
    HeartbeatTick?: number;
  };
  Dispatcher?: { HeartbeatPeriod?: number } | null;
  CAConfig?: {
    NodeCertExpiry?: number;
    ExternalCAs?: unknown[];
    SigningCACert?: string;
    SigningCAKey?: string;
    ForceRotate?: number;
  } | null;
  TaskDefaults?: { LogDriver?: Driver };
  EncryptionConfig?: { AutoLockManagers?: boolean };
}

export interface ClusterInfo extends Meta {
  Spec: SwarmSpec;
  TLSInfo: TLSInfo;
  RootRotationInProgress: boolean;
  DefaultAddrPool: string[] | null;
  SubnetSize: number;
  DataPathPort: number;
}

export interface Swarm extends ClusterInfo {
  JoinTokens: { Worker: string; Manager: string };
}

/**
 * The body of `POST /swarm/init` (`docker swarm init`): the addresses to listen on and advertise,
 * the data-path settings, the address pool for overlay networks and the initial `SwarmSpec`.
 */
export interface SwarmInitRequest {
  ListenAddr?: string;
  AdvertiseAddr?: string;
  DataPathAddr?: string;
  DataPathPort?: number;
  DefaultAddrPool?: string[] | null;
  SubnetSize?: number;
  ForceNewCluster?: boolean;
  Spec?: SwarmSpec;
  AutoLockManagers?: boolean;
  Availability?: NodeAvailability | '';
}

/**
 * The body of `POST /swarm/join` (`docker swarm join`): the node's addresses, the managers to
 * contact and the join token, which decides whether it joins as worker or manager.
 */
export interface SwarmJoinRequest {
  ListenAddr?: string;
  AdvertiseAddr?: string;
  DataPathAddr?: string;
  RemoteAddrs?: string[];
  JoinToken?: string;
  Availability?: NodeAvailability | '';
}

/**
 * This node's swarm state in `GET /info`: `inactive` (not in a swarm), `pending` (joining),
 * `active`, `error`, or `locked` (a manager waiting for its unlock key).
 */
export type LocalNodeState = 'inactive' | 'pending' | 'active' | 'error' | 'locked';

/** The `Swarm` section of `GET /info`. */
export interface SwarmInfo {
  NodeID: string;
  NodeAddr: string;
  LocalNodeState: LocalNodeState;
  ControlAvailable: boolean;
  Error: string;
  RemoteManagers: Array<{ NodeID: string; Addr: string }> | null;
  Nodes?: number;
  Managers?: number;
  Cluster?: ClusterInfo;
}

/** `GET /info`: the fields this server fills; Docker's other fields are absent or zero. */
export interface SystemInfo {
  ID: string;
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  Driver: string;
  Name: string;
  ServerVersion: string;
  OperatingSystem: string;
  OSType: string;
  Architecture: string;
  KernelVersion: string;
  NCPU: number;
  MemTotal: number;
  Labels: string[];
  Swarm: SwarmInfo;
  Warnings: string[];
  [field: string]: unknown;
}

/**
 * The body of `GET /version`: the engine's version, the API versions it speaks (newest and
 * oldest) and the build and platform details.
 */
export interface SystemVersion {
  Platform: { Name: string };
  Components: Array<{ Name: string; Version: string; Details?: Record<string, string> }>;
  Version: string;
  ApiVersion: string;
  MinAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  KernelVersion: string;
  BuildTime: string;
}

/** One message of `GET /events`. */
export interface EventMessage {
  Type: 'service' | 'node' | 'secret' | 'config' | 'network';
  Action: string;
  Actor: { ID: string; Attributes: Labels };
  scope: 'swarm';
  time: number;
  timeNano: number;
}

/** One line of task output for `/services/{id}/logs` and `/tasks/{id}/logs`. */
export interface LogMessage {
  /** Milliseconds since the epoch. */
  timestamp: number;
  stream: 'stdout' | 'stderr';
  /** The line's bytes without the trailing newline (the server adds it). */
  line: Uint8Array | string;
  nodeId: string;
  serviceId: string;
  taskId: string;
}
