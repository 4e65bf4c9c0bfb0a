/**
 * From the swarm core's objects (`@swarm/api` protobuf messages) to Docker's JSON: milliseconds
 * become nanoseconds, enums become Docker's lowercase names, and secret material (secret data, CA
 * keys, the unlock key) is never copied.
 */
import type { swarm } from '@swarm/api';
import { goTime } from './http.js';
import { dockerArch } from './routes-system.js';
import type {
  ClusterInfo,
  Config,
  ContainerSpec,
  Network,
  Node,
  PortConfig,
  Secret,
  Service,
  ServiceSpec,
  Swarm,
  Task,
  TaskSpec,
  TaskState,
  UpdateConfig,
  UpdateState,
} from './types.js';

type LongLike = { low: number; high: number; unsigned?: boolean } | number | string | null | undefined;

/** A protobuf 64-bit value as a JS number (exact below 2^53, which covers times and counts). */
export function num(v: LongLike): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number(v);
  return v.unsigned ? (v.high >>> 0) * 2 ** 32 + (v.low >>> 0) : v.high * 2 ** 32 + (v.low >>> 0);
}

const MS = 1_000_000;
const dec = new TextDecoder();

const TASK_STATES: Record<number, TaskState> = {
  0: 'new',
  64: 'pending',
  192: 'assigned',
  256: 'accepted',
  320: 'preparing',
  384: 'ready',
  448: 'starting',
  512: 'running',
  576: 'complete',
  640: 'shutdown',
  704: 'failed',
  768: 'rejected',
  800: 'remove',
  832: 'orphaned',
};

/** Docker's name of a swarm task state number (`512` is `running`); an unknown number is `new`. */
export function taskStateName(s: number | null | undefined): TaskState {
  return TASK_STATES[s ?? 0] ?? 'new';
}

function meta(id: string, m: swarm.IMeta | null | undefined) {
  return {
    ID: id,
    Version: { Index: num(m?.version?.index as LongLike) },
    CreatedAt: goTime(num(m?.createdAt as LongLike)),
    UpdatedAt: goTime(num(m?.updatedAt as LongLike)),
  };
}

const labels = (l: { [k: string]: string } | null | undefined) => ({ ...(l ?? {}) });
const nonEmpty = <T extends object>(o: T): T | undefined => (Object.keys(o).length > 0 ? o : undefined);

/** `T` with every property that may be undefined made optional instead. */
type Stripped<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drops properties whose value is undefined (Go's `omitempty`), so they are absent from the JSON. */
function strip<T extends object>(o: T): Stripped<T> {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o as Stripped<T>;
}

/**
 * What `nodeToDocker` shows that the node object does not hold: the engine version and the
 * cluster's root CA.
 */
export interface NodeExtras {
  /** Shown as the engine version (`docker node ls`'s ENGINE VERSION). */
  engineVersion: string;
  /** The cluster's root CA bundle (PEM), shown as TLSInfo.TrustRoot. */
  trustRoot?: string;
}

/**
 * A swarm node as Docker shows it (`GET /nodes`): spec, description, status and manager status,
 * with `x` supplying the engine version and trust root.
 */
export function nodeToDocker(n: swarm.INode & { id: string }, x: NodeExtras): Node {
  const roleOf = (r: number | null | undefined) => (r === 1 ? 'manager' : 'worker') as 'manager' | 'worker';
  const ms = n.managerStatus;
  return {
    ...meta(n.id, n.meta),
    Spec: strip({
      Name: n.spec?.annotations?.name || undefined,
      Labels: labels(n.spec?.annotations?.labels),
      Role: roleOf(n.spec?.desiredRole ?? n.role),
      Availability: (['active', 'pause', 'drain'] as const)[n.spec?.availability ?? 0] ?? 'active',
    }),
    Description: {
      Hostname: n.description?.hostname ?? '',
      Platform: {
        Architecture: dockerArch(n.description?.platform?.architecture ?? ''),
        OS: n.description?.platform?.os ?? '',
      },
      Resources: {
        NanoCPUs: num(n.description?.resources?.nanoCpus as LongLike),
        MemoryBytes: num(n.description?.resources?.memoryBytes as LongLike),
      },
      Engine: strip({
        EngineVersion: x.engineVersion,
        Labels: nonEmpty(labels(n.description?.engineLabels)),
      }),
      TLSInfo: x.trustRoot === undefined ? {} : { TrustRoot: x.trustRoot },
    },
    Status: strip({
      State: (['unknown', 'down', 'ready', 'disconnected'] as const)[n.status?.state ?? 0] ?? 'unknown',
      Message: n.status?.message || undefined,
      Addr: n.status?.addr || undefined,
    }),
    ...(ms?.addr
      ? {
          ManagerStatus: strip({
            Leader: ms.leader ? true : undefined,
            Reachability:
              (['unknown', 'unreachable', 'reachable'] as const)[ms.reachability ?? 0] ?? 'unknown',
            Addr: ms.addr,
          }),
        }
      : {}),
  };
}

function updateConfigToDocker(u: swarm.IUpdateConfig | null | undefined): UpdateConfig | undefined {
  if (u === null || u === undefined) return undefined;
  return strip({
    Parallelism: num(u.parallelism as LongLike),
    Delay: num(u.delayMs as LongLike) * MS || undefined,
    FailureAction: (['pause', 'continue', 'rollback'] as const)[u.failureAction ?? 0],
    Monitor: num(u.monitorMs as LongLike) * MS || undefined,
    MaxFailureRatio: u.maxFailureRatio ?? 0,
    Order: (['stop-first', 'start-first'] as const)[u.order ?? 0],
  });
}

function portToDocker(p: swarm.IPortConfig): PortConfig {
  return strip({
    Name: p.name || undefined,
    Protocol: p.protocol === 1 ? 'udp' : 'tcp',
    TargetPort: p.targetPort ?? 0,
    PublishedPort: p.publishedPort || undefined,
    PublishMode: p.publishMode === 1 ? 'host' : 'ingress',
  } as PortConfig);
}

/** A swarm task spec as Docker's `TaskSpec` (durations in nanoseconds, enums as Docker's names). */
export function taskSpecToDocker(t: swarm.ITaskSpec | null | undefined): TaskSpec {
  const c = t?.container;
  const container: ContainerSpec = strip({
    Image: c?.image || undefined,
    Labels: nonEmpty(labels(c?.labels)),
    Command: c?.command?.length ? [...c.command] : undefined,
    Args: c?.args?.length ? [...c.args] : undefined,
    Hostname: c?.hostname || undefined,
    Env: c?.env?.length ? [...c.env] : undefined,
    Dir: c?.dir || undefined,
    User: c?.user || undefined,
    StopGracePeriod: num(c?.stopGracePeriodMs as LongLike) * MS || undefined,
    Secrets: c?.secrets?.length
      ? c.secrets.map((s) => ({
          File: {
            Name: s.target || s.secretName || '',
            UID: String(s.uid ?? 0),
            GID: String(s.gid ?? 0),
            Mode: s.mode ?? 0o444,
          },
          SecretID: s.secretId ?? '',
          SecretName: s.secretName ?? '',
        }))
      : undefined,
    Configs: c?.configs?.length
      ? c.configs.map((x) => ({
          File: {
            Name: x.target || `/${x.configName ?? ''}`,
            UID: String(x.uid ?? 0),
            GID: String(x.gid ?? 0),
            Mode: x.mode ?? 0o444,
          },
          ConfigID: x.configId ?? '',
          ConfigName: x.configName ?? '',
        }))
      : undefined,
  });
  const res = t?.resources;
  const r = t?.restart;
  const p = t?.placement;
  const resources = (x: swarm.IResources | null | undefined) =>
    strip({
      NanoCPUs: num(x?.nanoCpus as LongLike) || undefined,
      MemoryBytes: num(x?.memoryBytes as LongLike) || undefined,
    });
  return strip({
    ContainerSpec: container,
    Resources: res ? { Limits: resources(res.limits), Reservations: resources(res.reservations) } : undefined,
    RestartPolicy: r
      ? strip({
          Condition: (['none', 'on-failure', 'any'] as const)[r.condition ?? 0],
          Delay: num(r.delayMs as LongLike) * MS,
          MaxAttempts: num(r.maxAttempts as LongLike),
          Window: num(r.windowMs as LongLike) * MS || undefined,
        })
      : undefined,
    Placement: p
      ? strip({
          Constraints: p.constraints?.length ? [...p.constraints] : undefined,
          Preferences: p.preferences?.length
            ? p.preferences.map((x) => ({ Spread: { SpreadDescriptor: x.spread?.spreadDescriptor ?? '' } }))
            : undefined,
          MaxReplicas: num(p.maxReplicas as LongLike) || undefined,
          Platforms: p.platforms?.length
            ? p.platforms.map((x) => ({ Architecture: x.architecture ?? '', OS: x.os ?? '' }))
            : undefined,
        })
      : {},
    Networks: t?.networks?.length
      ? t.networks.map((n) =>
          strip({
            Target: n.target ?? '',
            Aliases: n.aliases?.length ? [...n.aliases] : undefined,
            DriverOpts: nonEmpty(labels(n.driverAttachmentOpts)),
          }),
        )
      : undefined,
    ForceUpdate: num(t?.forceUpdate as LongLike),
    Runtime: 'container',
  });
}

/** A swarm service spec as Docker's `ServiceSpec`, as `docker service inspect` shows it. */
export function serviceSpecToDocker(s: swarm.IServiceSpec | null | undefined): ServiceSpec {
  const mode = s?.replicated
    ? { Replicated: { Replicas: num(s.replicated.replicas as LongLike) } }
    : s?.global
      ? { Global: {} }
      : s?.replicatedJob
        ? {
            ReplicatedJob: {
              MaxConcurrent: num(s.replicatedJob.maxConcurrent as LongLike),
              TotalCompletions: num(s.replicatedJob.totalCompletions as LongLike),
            },
          }
        : s?.globalJob
          ? { GlobalJob: {} }
          : { Replicated: { Replicas: 1 } };
  const ports = s?.endpoint?.ports ?? [];
  return strip({
    Name: s?.annotations?.name ?? '',
    Labels: labels(s?.annotations?.labels),
    TaskTemplate: taskSpecToDocker(s?.task),
    Mode: mode as ServiceSpec['Mode'],
    UpdateConfig: updateConfigToDocker(s?.update),
    RollbackConfig: updateConfigToDocker(s?.rollback),
    EndpointSpec: { Mode: 'vip' as const, ...(ports.length ? { Ports: ports.map(portToDocker) } : {}) },
  });
}

const UPDATE_STATES: Record<number, UpdateState | undefined> = {
  1: 'updating',
  2: 'paused',
  3: 'completed',
  4: 'rollback_started',
  5: 'rollback_paused',
  6: 'rollback_completed',
};

/**
 * A swarm service as Docker shows it: spec, previous spec, endpoint ports, update and job status,
 * and the task counts in `status` when the caller computed them (`GET /services?status=true`).
 */
export function serviceToDocker(
  s: swarm.IService & { id: string },
  status?: Service['ServiceStatus'],
): Service {
  const spec = serviceSpecToDocker(s.spec);
  const ports = s.endpoint?.ports ?? s.spec?.endpoint?.ports ?? [];
  const u = s.updateStatus;
  const state = UPDATE_STATES[u?.state ?? 0];
  return strip({
    ...meta(s.id, s.meta),
    Spec: spec,
    PreviousSpec: s.previousSpec ? serviceSpecToDocker(s.previousSpec) : undefined,
    Endpoint: strip({
      Spec: spec.EndpointSpec ?? { Mode: 'vip' },
      Ports: ports.length ? ports.map(portToDocker) : undefined,
    }),
    UpdateStatus:
      state === undefined
        ? undefined
        : strip({
            State: state,
            StartedAt: num(u?.startedAt as LongLike) ? goTime(num(u?.startedAt as LongLike)) : undefined,
            CompletedAt: num(u?.completedAt as LongLike)
              ? goTime(num(u?.completedAt as LongLike))
              : undefined,
            Message: u?.message ?? '',
          }),
    ServiceStatus: status,
    JobStatus: s.jobStatus
      ? strip({
          JobIteration: { Index: num(s.jobStatus.jobIteration as LongLike) },
          LastExecution: num(s.jobStatus.lastExecution as LongLike)
            ? goTime(num(s.jobStatus.lastExecution as LongLike))
            : undefined,
        })
      : undefined,
  });
}

/**
 * A swarm task as Docker shows it (`GET /tasks`); only host-mode published ports appear in its
 * `PortStatus`, as in Docker.
 */
export function taskToDocker(t: swarm.ITask & { id: string }): Task {
  const st = t.status;
  const c = st?.container;
  const hostTargets = new Set(
    (t.endpoint?.spec?.ports ?? []).filter((p) => p.publishMode === 1).map((p) => p.targetPort),
  );
  const hostPorts = (st?.ports ?? []).filter((p) => hostTargets.has(p.targetPort));
  return strip({
    ...meta(t.id, t.meta),
    Name: t.annotations?.name || undefined,
    Labels: labels(t.annotations?.labels),
    Spec: taskSpecToDocker(t.spec),
    ServiceID: t.serviceId ?? '',
    Slot: num(t.slot as LongLike) || undefined,
    NodeID: t.nodeId || undefined,
    Status: strip({
      Timestamp: goTime(num(st?.timestamp as LongLike)),
      State: taskStateName(st?.state),
      Message: st?.message || undefined,
      Err: st?.err || undefined,
      ContainerStatus:
        c && (c.containerId || c.pid)
          ? { ContainerID: c.containerId ?? '', PID: c.pid ?? 0, ExitCode: c.exitCode ?? 0 }
          : undefined,
      // Docker lists only host-mode ports here: ingress ports are reached through every node.
      PortStatus: hostPorts.length ? { Ports: hostPorts.map(portToDocker) } : {},
    }),
    DesiredState: taskStateName(t.desiredState),
    JobIteration: t.jobIteration ? { Index: num(t.jobIteration as LongLike) } : undefined,
    NetworksAttachments: t.networks?.length
      ? t.networks.map((a) => ({
          Network: { ID: a.networkId ?? '', Spec: { Name: a.networkName ?? '' } },
          Addresses: [...(a.addresses ?? [])],
        }))
      : undefined,
  });
}

/** A swarm secret as Docker shows it: name and labels only, never the data. */
export function secretToDocker(s: swarm.ISecret & { id: string }): Secret {
  return {
    ...meta(s.id, s.meta),
    Spec: { Name: s.spec?.annotations?.name ?? '', Labels: labels(s.spec?.annotations?.labels) },
  };
}

/** A swarm config as Docker shows it: name, labels and the base64 data. */
export function configToDocker(c: swarm.IConfig & { id: string }): Config {
  return {
    ...meta(c.id, c.meta),
    Spec: {
      Name: c.spec?.annotations?.name ?? '',
      Labels: labels(c.spec?.annotations?.labels),
      Data: Buffer.from(c.spec?.data ?? new Uint8Array()).toString('base64'),
    },
  };
}

/** A swarm network as Docker's network resource (`GET /networks`), always swarm-scoped. */
export function networkToDocker(n: swarm.INetwork & { id: string }): Network {
  const spec = n.spec;
  const ipam = n.ipam ?? spec?.ipam;
  return {
    Name: spec?.annotations?.name ?? '',
    Id: n.id,
    Created: goTime(num(n.meta?.createdAt as LongLike)),
    Scope: 'swarm',
    Driver: spec?.driverConfig?.name || 'overlay',
    EnableIPv6: spec?.ipv6Enabled === true,
    IPAM: {
      Driver: ipam?.driver?.name || 'default',
      Options:
        ipam?.driver?.options && Object.keys(ipam.driver.options).length ? { ...ipam.driver.options } : null,
      Config: (ipam?.configs ?? []).map((c) =>
        strip({
          Subnet: c.subnet || undefined,
          IPRange: c.range || undefined,
          Gateway: c.gateway || undefined,
        }),
      ),
    },
    Internal: spec?.internal === true,
    Attachable: spec?.attachable === true,
    Ingress: spec?.ingress === true,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: null,
    Options: spec?.driverConfig?.options ? { ...spec.driverConfig.options } : null,
    Labels: labels(spec?.annotations?.labels),
  };
}

/** The cluster object as `GET /swarm` shows it (with join tokens) and `/info` (without). */
export function clusterToDocker(c: swarm.ICluster & { id: string }): Swarm {
  const spec = c.spec;
  const info: ClusterInfo = {
    ...meta(c.id, c.meta),
    Spec: {
      Name: spec?.annotations?.name ?? 'default',
      Labels: labels(spec?.annotations?.labels),
      Orchestration: {
        TaskHistoryRetentionLimit: num(spec?.orchestration?.taskHistoryRetentionLimit as LongLike),
      },
      Raft: {
        SnapshotInterval: num(spec?.raft?.snapshotInterval as LongLike) || 10_000,
        KeepOldSnapshots: num(spec?.raft?.keepOldSnapshots as LongLike),
        LogEntriesForSlowFollowers: num(spec?.raft?.logEntriesForSlowFollowers as LongLike) || 500,
        ElectionTick: spec?.raft?.electionTick || 10,
        HeartbeatTick: spec?.raft?.heartbeatTick || 1,
      },
      Dispatcher: { HeartbeatPeriod: (num(spec?.dispatcher?.heartbeatPeriodMs as LongLike) || 5000) * MS },
      CAConfig: strip({
        NodeCertExpiry: (num(spec?.caConfig?.nodeCertExpiryMs as LongLike) || 90 * 24 * 3_600_000) * MS,
        ForceRotate: num(spec?.caConfig?.forceRotate as LongLike) || undefined,
      }),
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: spec?.encryptionConfig?.autoLockManagers === true },
    },
    TLSInfo: c.rootCa?.caCert?.length ? { TrustRoot: dec.decode(c.rootCa.caCert) } : {},
    RootRotationInProgress: (c.rootCa?.rootRotation?.caCert?.length ?? 0) > 0,
    DefaultAddrPool: null,
    SubnetSize: 24,
    DataPathPort: 0,
  };
  return {
    ...info,
    JoinTokens: { Worker: c.rootCa?.joinTokens?.worker ?? '', Manager: c.rootCa?.joinTokens?.manager ?? '' },
  };
}
