/**
 * The Docker Engine API objects this package serves, in Docker's own JSON shape (API 1.41): field
 * names in PascalCase, durations in nanoseconds, times as RFC 3339 strings with nanoseconds. Only
 * the swarm-mode subset is declared; a backend may add fields Docker defines, and clients ignore
 * fields they do not know.
 */

export type Labels = Record<string, string>;

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

export interface Platform {
  Architecture?: string;
  OS?: string;
}

export interface Driver {
  Name?: string;
  Options?: Labels;
}

export interface TLSInfo {
  TrustRoot?: string;
  /** base64 of the issuer's raw subject. */
  CertIssuerSubject?: string;
  /** base64 of the issuer's raw public key. */
  CertIssuerPublicKey?: string;
}

// ---- nodes ----

export type NodeRole = 'worker' | 'manager';
export type NodeAvailability = 'active' | 'pause' | 'drain';

export interface NodeSpec {
  Name?: string;
  Labels?: Labels;
  Role?: NodeRole;
  Availability?: NodeAvailability;
}

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

export interface SecretReference {
  File?: { Name: string; UID: string; GID: string; Mode: number };
  SecretID?: string;
  SecretName?: string;
}

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
  /** Nanoseconds. */
  StopGracePeriod?: number;
  [field: string]: unknown;
}

export interface Resources {
  NanoCPUs?: number;
  MemoryBytes?: number;
  Pids?: number;
  GenericResources?: unknown[];
}

export interface RestartPolicy {
  Condition?: 'none' | 'on-failure' | 'any';
  Delay?: number;
  MaxAttempts?: number;
  Window?: number;
}

export interface Placement {
  Constraints?: string[];
  Preferences?: Array<{ Spread?: { SpreadDescriptor: string } }>;
  MaxReplicas?: number;
  Platforms?: Platform[];
}

export interface NetworkAttachmentConfig {
  Target: string;
  Aliases?: string[];
  DriverOpts?: Labels;
}

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

export interface UpdateConfig {
  Parallelism?: number;
  Delay?: number;
  FailureAction?: 'pause' | 'continue' | 'rollback';
  Monitor?: number;
  MaxFailureRatio?: number;
  Order?: 'stop-first' | 'start-first';
}

export interface PortConfig {
  Name?: string;
  Protocol?: 'tcp' | 'udp' | 'sctp';
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: 'ingress' | 'host';
}

export interface EndpointSpec {
  Mode?: 'vip' | 'dnsrr';
  Ports?: PortConfig[];
}

export interface ServiceMode {
  Replicated?: { Replicas?: number };
  Global?: Record<string, never>;
  ReplicatedJob?: { MaxConcurrent?: number; TotalCompletions?: number };
  GlobalJob?: Record<string, never>;
}

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
}

// ---- secrets, configs and networks ----

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

export interface SwarmJoinRequest {
  ListenAddr?: string;
  AdvertiseAddr?: string;
  DataPathAddr?: string;
  RemoteAddrs?: string[];
  JoinToken?: string;
  Availability?: NodeAvailability | '';
}

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
