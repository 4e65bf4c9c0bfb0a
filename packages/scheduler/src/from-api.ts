import { swarm, toLong } from '@swarm/api';
import type { PlacementOptions } from './placement.js';
import type { SchedulerInit } from './scheduler.js';
import { canonical, DEFAULT_RESTART_POLICY, DEFAULT_UPDATE_CONFIG, serviceInfo, taskSpec } from './spec.js';
import type { TaskState } from './task-state.js';
import type {
  FailureAction,
  NodeInfo,
  PortBinding,
  RestartCondition,
  ServiceInfo,
  ServiceMode,
  TaskInfo,
  TaskSpec,
  UpdateConfig,
  UpdateState,
} from './types.js';

/**
 * Converters between the @swarm/api protobuf objects (as decoded from the store) and the
 * scheduler's values. One converter interns task specs, so the thousands of tasks of a service
 * share one TaskSpec object (placement groups them by it, and memory stays small). Times are
 * Unix milliseconds.
 */
type LongLike = { toNumber(): number } | number | string | null | undefined;

function num(v: LongLike): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number(v);
  return v.toNumber();
}

/** A value with Longs as decimal strings, bytes as hex, and empty defaults dropped: comparable as JSON. */
function plain(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Uint8Array)
    return v.length === 0 ? undefined : Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('');
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(plain);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (
      typeof o.low === 'number' &&
      typeof o.high === 'number' &&
      typeof (o as { toString?: unknown }).toString === 'function'
    ) {
      const s = String(o);
      return s === '0' ? undefined : s;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      if (k.startsWith('$')) continue;
      const p = plain(x);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  if (v === 0 || v === '' || v === false) return undefined;
  return v;
}

const CONDITIONS: Record<number, RestartCondition> = { 0: 'none', 1: 'on-failure', 2: 'any' };
const ACTIONS: Record<number, FailureAction> = { 0: 'pause', 1: 'continue', 2: 'rollback' };
const UPDATE_STATES: UpdateState[] = [
  'none',
  'updating',
  'paused',
  'completed',
  'rollback-started',
  'rollback-paused',
  'rollback-completed',
];
const NODE_STATES: NodeInfo['status'][] = ['unknown', 'down', 'ready', 'disconnected'];
const AVAILABILITY: NodeInfo['availability'][] = ['active', 'pause', 'drain'];

/** Reads swarm.Node, swarm.Service and swarm.Task objects (as the store holds them) into the scheduler's values, interning task specs so the tasks of a service share one TaskSpec. */
export class ApiConverter {
  readonly #specs = new Map<string, TaskSpec>();
  readonly #byObject = new WeakMap<object, TaskSpec>();

  /** The scheduler's view of a node. Only NodeSpec labels are manager-owned; `Node.zone` is the certificate's. */
  node(n: swarm.Node.$Properties): NodeInfo {
    if (typeof n.id !== 'string' || n.id === '') throw new TypeError('node.id must be a non-empty string');
    const d = n.description ?? {};
    return {
      id: n.id,
      hostname: d.hostname ?? '',
      role: n.role === swarm.NodeRole.NODE_ROLE_MANAGER ? 'manager' : 'worker',
      addr: n.status?.addr ?? '',
      status: NODE_STATES[n.status?.state ?? 0] ?? 'unknown',
      availability: AVAILABILITY[n.spec?.availability ?? 0] ?? 'drain',
      labels: { ...(n.spec?.annotations?.labels ?? {}) },
      engineLabels: { ...(d.engineLabels ?? {}) },
      platform: { os: d.platform?.os ?? '', architecture: d.platform?.architecture ?? '' },
      resources: { nanoCpus: num(d.resources?.nanoCpus), memoryBytes: num(d.resources?.memoryBytes) },
      // Fail closed: a zoned node whose certificate does not carry the zone yet gets no work.
      certificateZone: n.zone ?? '',
    };
  }

  /** A TaskSpec value, interned: equal specs give the same object. `endpoint` supplies host-mode ports. */
  taskSpec(
    spec: swarm.TaskSpec.$Properties | null | undefined,
    endpoint?: swarm.EndpointSpec.$Properties | null,
  ): TaskSpec {
    const source = spec ?? {};
    if (endpoint === undefined || endpoint === null) {
      const cached = this.#byObject.get(source);
      if (cached !== undefined) return cached;
    }
    const placement = source.placement ?? {};
    const restart = source.restart;
    const hostPorts: PortBinding[] = (endpoint?.ports ?? [])
      .filter((p) => p.publishMode === swarm.PortConfig.PublishMode.HOST && (p.publishedPort ?? 0) > 0)
      .map((p) => ({
        protocol: p.protocol === swarm.PortConfig.Protocol.UDP ? 'udp' : 'tcp',
        publishedPort: p.publishedPort ?? 0,
      }));
    const value = taskSpec({
      reservations: {
        nanoCpus: num(source.resources?.reservations?.nanoCpus),
        memoryBytes: num(source.resources?.reservations?.memoryBytes),
      },
      constraints: placement.constraints ?? [],
      preferences: (placement.preferences ?? []).map((p) => p.spread?.spreadDescriptor ?? ''),
      platforms: (placement.platforms ?? []).map((p) => ({
        os: p.os ?? '',
        architecture: p.architecture ?? '',
      })),
      maxReplicas: num(placement.maxReplicas),
      hostPorts,
      restart:
        restart === null || restart === undefined
          ? DEFAULT_RESTART_POLICY
          : {
              condition: CONDITIONS[restart.condition ?? 0] ?? 'any',
              delayMs: num(restart.delayMs),
              maxAttempts: num(restart.maxAttempts),
              windowMs: num(restart.windowMs),
            },
      runtime: canonical(
        plain({
          container: source.container,
          limits: source.resources?.limits,
          forceUpdate: source.forceUpdate,
        }) ?? {},
      ),
    });
    let interned = this.#specs.get(value.key);
    if (interned === undefined) {
      interned = value;
      this.#specs.set(value.key, value);
    }
    if (endpoint === undefined || endpoint === null) this.#byObject.set(source, interned);
    return interned;
  }

  /** The scheduler's view of a service (its current and previous spec, update state, mode). */
  service(s: swarm.Service.$Properties): ServiceInfo {
    if (typeof s.id !== 'string' || s.id === '') throw new TypeError('service.id must be a non-empty string');
    const spec = s.spec ?? {};
    const st = s.updateStatus;
    const previous = s.previousSpec;
    return serviceInfo({
      id: s.id,
      name: spec.annotations?.name ?? s.id,
      mode: mode(spec),
      task: this.taskSpec(spec.task, spec.endpoint),
      update: updateConfig(spec.update),
      rollback: updateConfig(spec.rollback),
      ...(previous === null || previous === undefined
        ? {}
        : { previous: { task: this.taskSpec(previous.task, previous.endpoint), mode: mode(previous) } }),
      specVersion: num(s.specVersion),
      jobIteration: num(s.jobStatus?.jobIteration),
      updateStatus: {
        state: UPDATE_STATES[st?.state ?? 0] ?? 'none',
        startedAt: num(st?.startedAt),
        completedAt: num(st?.completedAt),
        message: st?.message ?? '',
      },
    });
  }

  /** The scheduler's view of a task. */
  task(t: swarm.Task.$Properties): TaskInfo {
    if (typeof t.id !== 'string' || t.id === '') throw new TypeError('task.id must be a non-empty string');
    return {
      id: t.id,
      serviceId: t.serviceId ?? '',
      slot: num(t.slot),
      nodeId: t.nodeId ?? '',
      spec: this.taskSpec(t.spec, t.endpoint?.spec),
      specVersion: num(t.specVersion),
      state: (t.status?.state ?? 0) as TaskState,
      desiredState: (t.desiredState ?? 0) as TaskState,
      createdAt: num(t.meta?.createdAt),
      statusAt: num(t.status?.timestamp),
      message: t.status?.message ?? '',
      jobIteration: num(t.jobIteration),
    };
  }
}

function mode(spec: swarm.ServiceSpec.$Properties): ServiceMode {
  if (spec.global) return { kind: 'global' };
  if (spec.globalJob) return { kind: 'global-job' };
  if (spec.replicatedJob) {
    const maxConcurrent = Math.max(1, num(spec.replicatedJob.maxConcurrent));
    const total = num(spec.replicatedJob.totalCompletions);
    return { kind: 'replicated-job', maxConcurrent, totalCompletions: total === 0 ? maxConcurrent : total };
  }
  return { kind: 'replicated', replicas: num(spec.replicated?.replicas) };
}

function updateConfig(u: swarm.UpdateConfig.$Properties | null | undefined): UpdateConfig {
  if (u === null || u === undefined) return DEFAULT_UPDATE_CONFIG;
  return {
    parallelism: num(u.parallelism),
    delayMs: num(u.delayMs),
    failureAction: ACTIONS[u.failureAction ?? 0] ?? 'pause',
    monitorMs: num(u.monitorMs),
    maxFailureRatio: u.maxFailureRatio ?? 0,
    order: u.order === swarm.UpdateConfig.UpdateOrder.START_FIRST ? 'start-first' : 'stop-first',
  };
}

const UPDATE_STATE_NUMBERS = new Map(UPDATE_STATES.map((s, i) => [s, i]));

/**
 * A protobuf Task for a task the plan created: the spec comes from the service (its current spec,
 * which after a rollback is the restored one) and its endpoint.
 */
export function createdTaskToApi(task: TaskInfo, service: swarm.Service.$Properties): swarm.Task.$Properties {
  return {
    id: task.id,
    meta: { createdAt: toLong(BigInt(task.createdAt)), updatedAt: toLong(BigInt(task.statusAt)) },
    spec: service.spec?.task ?? null,
    specVersion: toLong(BigInt(task.specVersion)),
    serviceId: task.serviceId,
    slot: toLong(BigInt(task.slot)),
    nodeId: task.nodeId,
    serviceAnnotations: service.spec?.annotations ?? null,
    status: { state: task.state as number, timestamp: toLong(BigInt(task.statusAt)), message: task.message },
    desiredState: task.desiredState as number,
    endpoint: service.spec?.endpoint ? { spec: service.spec.endpoint } : null,
    jobIteration: toLong(BigInt(task.jobIteration)),
  };
}

/** The stored task with the fields the scheduler changes (node, state, desired state, message) taken from `task`. */
export function updatedTaskToApi(stored: swarm.Task.$Properties, task: TaskInfo): swarm.Task.$Properties {
  return {
    ...stored,
    nodeId: task.nodeId,
    desiredState: task.desiredState as number,
    status: {
      ...(stored.status ?? {}),
      state: task.state as number,
      timestamp: toLong(BigInt(task.statusAt)),
      message: task.message,
    },
  };
}

/**
 * The stored service with the scheduler's changes: the update status, and after an automatic
 * rollback (a higher spec version whose status is `rollback-started`) the spec and previous spec swapped.
 */
export function updatedServiceToApi(
  stored: swarm.Service.$Properties,
  service: ServiceInfo,
): swarm.Service.$Properties {
  const rolledBack =
    service.specVersion > num(stored.specVersion) && service.updateStatus.state === 'rollback-started';
  return {
    ...stored,
    ...(rolledBack ? { spec: stored.previousSpec ?? null, previousSpec: stored.spec ?? null } : {}),
    specVersion: toLong(BigInt(service.specVersion)),
    updateStatus: {
      state: UPDATE_STATE_NUMBERS.get(service.updateStatus.state) ?? 0,
      startedAt: toLong(BigInt(service.updateStatus.startedAt)),
      completedAt: toLong(BigInt(service.updateStatus.completedAt)),
      message: service.updateStatus.message,
    },
  };
}

/**
 * The SchedulerInit a cluster's orchestration settings (`ClusterSpec.orchestration`) ask for, over
 * a manager's own `defaults`: a `placementStrategy` of `spread` or `binpack` replaces the default
 * strategy (any other value, such as `''`, keeps it), and a set `rebalance` replaces the default
 * rebalancing (`maxMoves` 0 turns it off; an `intervalMs` of 0 or less means one minute).
 */
export function schedulerInitOf(
  config: swarm.OrchestrationConfig.$Properties | null | undefined,
  defaults: SchedulerInit = {},
): SchedulerInit {
  const strategy = config?.placementStrategy;
  const placement: Partial<PlacementOptions> | undefined =
    strategy === 'spread' || strategy === 'binpack'
      ? { ...defaults.placement, strategy }
      : defaults.placement;
  let rebalance = defaults.rebalance;
  const r = config?.rebalance;
  if (r !== null && r !== undefined) {
    const moves = r.maxMoves ?? 0;
    const interval = num(r.intervalMs);
    rebalance =
      moves >= 1 ? { maxMovesPerInterval: moves, intervalMs: interval > 0 ? interval : 60_000 } : undefined;
  }
  return {
    ...(placement === undefined ? {} : { placement }),
    ...(rebalance === undefined ? {} : { rebalance }),
  };
}
