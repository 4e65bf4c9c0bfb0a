/** The rules that decide what a node is sent: which tasks, and which secrets and configs. */
import { swarm } from '@swarm/api';

const { ASSIGNED, RUNNING } = swarm.TaskState;

/** A task belongs to a node's assignment set once the scheduler assigned it there. */
export function inAssignmentSet(task: swarm.Task | undefined, nodeId: string): task is swarm.Task {
  return task !== undefined && task.nodeId === nodeId && stateOf(task) >= ASSIGNED;
}

/**
 * A task needs its secrets while its state is in ASSIGNED..RUNNING and its desired state is not
 * past RUNNING. Outside that window no secret is sent for it.
 */
export function needsSecrets(task: swarm.Task): boolean {
  const state = stateOf(task);
  return state >= ASSIGNED && state <= RUNNING && task.desiredState <= RUNNING;
}

/** The IDs of the secrets a task references (each once). */
export function referencedSecretIds(task: swarm.Task): string[] {
  const refs = task.spec?.container?.secrets;
  if (!refs || refs.length === 0) return [];
  const ids = new Set<string>();
  for (const r of refs) if (r.secretId) ids.add(r.secretId);
  return [...ids];
}

/** The IDs of the configs a task references (each once); they follow the secrets' rule. */
export function referencedConfigIds(task: swarm.Task): string[] {
  const refs = task.spec?.container?.configs;
  if (!refs || refs.length === 0) return [];
  const ids = new Set<string>();
  for (const r of refs) if (r.configId) ids.add(r.configId);
  return [...ids];
}

export function stateOf(task: { status?: swarm.TaskStatus.$Properties | null }): number {
  return task.status?.state ?? swarm.TaskState.NEW;
}

const KNOWN_STATES = new Set<number>(
  Object.values(swarm.TaskState).filter((v): v is number => typeof v === 'number'),
);

/** True for the numbers of `swarm.TaskState`. */
export function isTaskState(value: unknown): value is swarm.TaskState {
  return typeof value === 'number' && KNOWN_STATES.has(value);
}

/** The port rule's inputs (the dispatcher's options). */
export interface PortRule {
  readonly taskPortRange: readonly [number, number];
  readonly reservedPorts: readonly number[];
}

/**
 * The ingress rule for one host port a worker reports for a task: what it reports is data, never
 * routing authority. The port must belong to a port the task's spec publishes (same target port
 * and protocol); it must be exactly the spec's published port for a host-mode port that names one,
 * and otherwise lie in the task port range; and it is never a reserved port (a daemon's own).
 * Returns why the port is refused, or undefined when it is allowed.
 */
export function hostPortProblem(
  task: swarm.Task,
  reported: swarm.PortConfig.$Properties,
  rule: PortRule,
): string | undefined {
  const port = reported.publishedPort ?? 0;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `host port ${port} is not a port (1-65535)`;
  const protocol = reported.protocol ?? swarm.PortConfig.Protocol.TCP;
  const spec = (task.endpoint?.spec?.ports ?? []).find(
    (p) => p.targetPort === reported.targetPort && (p.protocol ?? swarm.PortConfig.Protocol.TCP) === protocol,
  );
  if (spec === undefined)
    return `target port ${reported.targetPort ?? 0} is not a port the task's service publishes`;
  if (rule.reservedPorts.includes(port)) return `host port ${port} is a port of a swarm daemon itself`;
  const fixed =
    spec.publishMode === swarm.PortConfig.PublishMode.HOST && (spec.publishedPort ?? 0) > 0
      ? spec.publishedPort!
      : undefined;
  if (fixed !== undefined)
    return port === fixed
      ? undefined
      : `host port ${port} is not the host-mode port ${fixed} the service publishes`;
  const [lo, hi] = rule.taskPortRange;
  if (port < lo || port > hi) return `host port ${port} is outside the task port range ${lo}-${hi}`;
  return undefined;
}
