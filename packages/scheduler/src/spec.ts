import type { RestartPolicy, ServiceInfo, ServiceMode, TaskSpec, UpdateConfig } from './types.js';

/** Swarm's defaults: restart on any exit after 5 s, forever. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  condition: 'any',
  delayMs: 5_000,
  maxAttempts: 0,
  windowMs: 0,
};

/** Swarm's defaults: one task at a time, no delay, pause on failure, 5 s monitor, stop-first. */
export const DEFAULT_UPDATE_CONFIG: UpdateConfig = {
  parallelism: 1,
  delayMs: 0,
  failureAction: 'pause',
  monitorMs: 5_000,
  maxFailureRatio: 0,
  order: 'stop-first',
};

/** What `taskSpec` takes: any part of a TaskSpec, the rest defaulted. */
export type TaskSpecFields = Partial<Omit<TaskSpec, 'key'>>;

/** A TaskSpec with defaults filled in and its canonical `key` computed. */
export function taskSpec(fields: TaskSpecFields = {}): TaskSpec {
  const spec = {
    reservations: fields.reservations ?? { nanoCpus: 0, memoryBytes: 0 },
    constraints: [...(fields.constraints ?? [])],
    preferences: [...(fields.preferences ?? [])],
    platforms: [...(fields.platforms ?? [])],
    maxReplicas: fields.maxReplicas ?? 0,
    hostPorts: [...(fields.hostPorts ?? [])],
    restart: fields.restart ?? DEFAULT_RESTART_POLICY,
    runtime: fields.runtime ?? '',
  };
  for (const [name, v] of [
    ['reservations.nanoCpus', spec.reservations.nanoCpus],
    ['reservations.memoryBytes', spec.reservations.memoryBytes],
    ['maxReplicas', spec.maxReplicas],
    ['restart.delayMs', spec.restart.delayMs],
    ['restart.maxAttempts', spec.restart.maxAttempts],
    ['restart.windowMs', spec.restart.windowMs],
  ] as const) {
    if (!Number.isFinite(v) || v < 0)
      throw new RangeError(`task spec ${name} must be a finite number >= 0, got ${v}`);
  }
  return { ...spec, key: canonical(spec) };
}

/** What `serviceInfo` takes. */
export interface ServiceFields {
  readonly id: string;
  readonly name?: string;
  readonly mode?: ServiceMode;
  readonly task?: TaskSpec;
  readonly update?: Partial<UpdateConfig>;
  readonly rollback?: Partial<UpdateConfig>;
  readonly previous?: ServiceInfo['previous'];
  readonly specVersion?: number;
  readonly jobIteration?: number;
  readonly updateStatus?: ServiceInfo['updateStatus'];
}

/** A ServiceInfo with swarm's defaults for everything not given. */
export function serviceInfo(f: ServiceFields): ServiceInfo {
  const svc: ServiceInfo = {
    id: f.id,
    name: f.name ?? f.id,
    mode: f.mode ?? { kind: 'replicated', replicas: 1 },
    task: f.task ?? taskSpec(),
    update: { ...DEFAULT_UPDATE_CONFIG, ...f.update },
    rollback: { ...DEFAULT_UPDATE_CONFIG, ...f.rollback },
    updateStatus: f.updateStatus ?? { state: 'none', startedAt: 0, completedAt: 0, message: '' },
    specVersion: f.specVersion ?? 1,
    jobIteration: f.jobIteration ?? 0,
    ...(f.previous === undefined ? {} : { previous: f.previous }),
  };
  const m = svc.mode;
  if (m.kind === 'replicated' && !(Number.isSafeInteger(m.replicas) && m.replicas >= 0)) {
    throw new RangeError(`service ${f.id}: replicas must be an integer >= 0, got ${m.replicas}`);
  }
  if (m.kind === 'replicated-job' && !(m.maxConcurrent >= 1 && m.totalCompletions >= 0)) {
    throw new RangeError(
      `service ${f.id}: a replicated job needs maxConcurrent >= 1 and totalCompletions >= 0`,
    );
  }
  for (const [which, c] of [
    ['update', svc.update],
    ['rollback', svc.rollback],
  ] as const) {
    if (!(c.maxFailureRatio >= 0 && c.maxFailureRatio <= 1)) {
      throw new RangeError(
        `service ${f.id}: ${which}.maxFailureRatio must be between 0 and 1, got ${c.maxFailureRatio}`,
      );
    }
    if (!(c.parallelism >= 0 && c.delayMs >= 0 && c.monitorMs >= 0)) {
      throw new RangeError(`service ${f.id}: ${which} parallelism, delayMs and monitorMs must be >= 0`);
    }
  }
  return svc;
}

/** JSON with object keys sorted, so equal values give equal strings. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
