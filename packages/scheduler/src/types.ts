import type { TaskState } from './task-state.js';

/**
 * The scheduler's own view of the cluster: plain, immutable-by-convention values. `from-api.ts`
 * converts the @swarm/api protobuf objects into these; tests and simulations build them directly.
 * Times are Unix milliseconds, durations milliseconds, CPU in units of 1e-9 CPUs, memory in bytes.
 */

export interface Resources {
  readonly nanoCpus: number;
  readonly memoryBytes: number;
}

/** A platform: operating system and architecture. */
export interface Platform {
  /** e.g. `amd64`; empty matches anything on the task side. */
  readonly architecture: string;
  /** e.g. `linux`; empty matches anything on the task side. */
  readonly os: string;
}

/** A node's status as its heartbeats tell it. */
export type NodeStatus = 'unknown' | 'down' | 'ready' | 'disconnected';
/** Whether a node takes new tasks (`active`), keeps its tasks (`pause`) or gives them up (`drain`). */
export type NodeAvailability = 'active' | 'pause' | 'drain';
/** A node's role. */
export type NodeRole = 'worker' | 'manager';

/** The scheduler's value for a node. */
export interface NodeInfo {
  readonly id: string;
  readonly hostname: string;
  readonly role: NodeRole;
  /** The node's address as the managers see it (used by `node.ip` constraints). */
  readonly addr: string;
  readonly status: NodeStatus;
  readonly availability: NodeAvailability;
  /** Manager-owned labels (NodeSpec.annotations.labels). The only labels that count for zones. */
  readonly labels: Readonly<Record<string, string>>;
  /** Self-reported engine labels. Usable in `engine.labels.*` constraints, never for zones. */
  readonly engineLabels: Readonly<Record<string, string>>;
  readonly platform: Platform;
  /** Total capacity the node reported. */
  readonly resources: Resources;
  /**
   * The zone bound into the node's certificate (`Node.zone`), when known. If it is set and differs
   * from the zone label, the node is between zones and receives no work at all until they agree.
   */
  readonly certificateZone?: string;
}

/** A host-mode published port. */
export interface PortBinding {
  readonly protocol: 'tcp' | 'udp';
  readonly publishedPort: number;
}

/** When a task that stopped is restarted. */
export type RestartCondition = 'none' | 'on-failure' | 'any';

/** How a service's tasks are restarted. */
export interface RestartPolicy {
  readonly condition: RestartCondition;
  readonly delayMs: number;
  /** Zero means unlimited. */
  readonly maxAttempts: number;
  /** The window in which attempts are counted; zero means forever. */
  readonly windowMs: number;
}

/**
 * What a task needs from a node and how it is restarted. Identical tasks share one TaskSpec
 * object; `key` is a canonical string of every field, so two specs are the same exactly when
 * their keys are equal (a rolling update replaces tasks whose key differs from the service's).
 */
export interface TaskSpec {
  readonly key: string;
  readonly reservations: Resources;
  readonly constraints: readonly string[];
  /** Spread descriptors such as `node.labels.datacenter`, outermost first. */
  readonly preferences: readonly string[];
  /** Acceptable platforms; empty means any. */
  readonly platforms: readonly Platform[];
  /** Zero means unlimited. */
  readonly maxReplicas: number;
  /** Ports published in host mode: at most one task per node may hold each. */
  readonly hostPorts: readonly PortBinding[];
  readonly restart: RestartPolicy;
  /** Everything else that makes tasks differ (image, command, env, force_update ...), opaque here. */
  readonly runtime: string;
}

/** How many tasks a service runs, and whether they run to completion. */
export type ServiceMode =
  | { readonly kind: 'replicated'; readonly replicas: number }
  | { readonly kind: 'global' }
  | { readonly kind: 'replicated-job'; readonly maxConcurrent: number; readonly totalCompletions: number }
  | { readonly kind: 'global-job' };

/** What an update does when too many new tasks fail. */
export type FailureAction = 'pause' | 'continue' | 'rollback';
/** Whether an update stops the old task before starting the new one, or after. */
export type UpdateOrder = 'stop-first' | 'start-first';

/** How a rolling update (or a rollback) proceeds. */
export interface UpdateConfig {
  /** Tasks updated at once; zero means all at once. */
  readonly parallelism: number;
  /** Pause between batches. */
  readonly delayMs: number;
  readonly failureAction: FailureAction;
  /** How long after a task starts its failure still counts against the update. */
  readonly monitorMs: number;
  /** Fraction (0..1) of updated tasks that may fail before the failure action applies. */
  readonly maxFailureRatio: number;
  readonly order: UpdateOrder;
}

/** Where a rolling update or rollback stands. */
export type UpdateState =
  | 'none'
  | 'updating'
  | 'paused'
  | 'completed'
  | 'rollback-started'
  | 'rollback-paused'
  | 'rollback-completed';

/** A service's update state, when it started and ended, and why. */
export interface UpdateStatus {
  readonly state: UpdateState;
  readonly startedAt: number;
  readonly completedAt: number;
  readonly message: string;
}

/** The scheduler's value for a service. */
export interface ServiceInfo {
  readonly id: string;
  readonly name: string;
  readonly mode: ServiceMode;
  readonly task: TaskSpec;
  readonly update: UpdateConfig;
  readonly rollback: UpdateConfig;
  /** The spec before the last update, the target of a rollback. */
  readonly previous?: { readonly task: TaskSpec; readonly mode: ServiceMode };
  readonly updateStatus: UpdateStatus;
  /** Incremented on every spec change; copied onto the tasks it creates. */
  readonly specVersion: number;
  /** Jobs: incremented each time the job is run again. */
  readonly jobIteration: number;
}

/** The scheduler's value for a task. */
export interface TaskInfo {
  readonly id: string;
  readonly serviceId: string;
  /** Replicated services and jobs number their tasks 1..N; global tasks use 0 and a node. */
  readonly slot: number;
  /** The assigned node, or `''` while the task waits for placement. */
  readonly nodeId: string;
  readonly spec: TaskSpec;
  readonly specVersion: number;
  readonly state: TaskState;
  readonly desiredState: TaskState;
  readonly createdAt: number;
  /** When `state` last changed. */
  readonly statusAt: number;
  /** Human-readable status, e.g. why the task is still pending. */
  readonly message: string;
  readonly jobIteration: number;
}
