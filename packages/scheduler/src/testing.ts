/**
 * Builders for tests and simulations: nodes, tasks and clusters with sensible defaults, and a
 * helper that plays the worker's part (moves assigned tasks to running, stopped ones to shutdown).
 */
import { ClusterState } from './cluster-state.js';
import type { Plan } from './plan.js';
import { TaskState } from './task-state.js';
import type { NodeInfo, TaskInfo } from './types.js';

export { serviceInfo, taskSpec } from './spec.js';

let counter = 0;

/** A ready, active worker with 4 CPUs and 8 GiB unless told otherwise. */
export function nodeInfo(fields: Partial<NodeInfo> & { id?: string } = {}): NodeInfo {
  const id = fields.id ?? `node${String(++counter).padStart(21, '0')}`;
  return {
    id,
    hostname: fields.hostname ?? id,
    role: fields.role ?? 'worker',
    addr: fields.addr ?? '10.0.0.1',
    status: fields.status ?? 'ready',
    availability: fields.availability ?? 'active',
    labels: fields.labels ?? {},
    engineLabels: fields.engineLabels ?? {},
    platform: fields.platform ?? { os: 'linux', architecture: 'amd64' },
    resources: fields.resources ?? { nanoCpus: 4e9, memoryBytes: 8 * 2 ** 30 },
    ...(fields.certificateZone === undefined ? {} : { certificateZone: fields.certificateZone }),
  };
}

/**
 * Plays the workers: every assigned task whose node is ready becomes running (at `now`), every task
 * asked to stop that still runs becomes shutdown. Returns how many tasks changed.
 */
export function runWorkers(state: ClusterState, now: number): number {
  let changed = 0;
  for (const t of [...state.tasks.values()]) {
    const node = state.nodes.get(t.nodeId);
    let next: TaskInfo | undefined;
    if (t.desiredState > TaskState.RUNNING && t.state < TaskState.COMPLETE && t.state >= TaskState.ASSIGNED) {
      next = { ...t, state: TaskState.SHUTDOWN, statusAt: now, message: 'shut down' };
    } else if (t.desiredState > TaskState.RUNNING && t.state < TaskState.ASSIGNED) {
      next = { ...t, state: TaskState.SHUTDOWN, statusAt: now, message: 'never started' };
    } else if (t.state >= TaskState.ASSIGNED && t.state < TaskState.RUNNING && node?.status === 'ready') {
      next = { ...t, state: TaskState.RUNNING, statusAt: now, message: 'started' };
    }
    if (next !== undefined) {
      state.upsertTask(next);
      changed++;
    }
  }
  return changed;
}

/** Sets a task's observed state, as a worker report would. */
export function reportTask(state: ClusterState, taskId: string, newState: TaskState, now: number): TaskInfo {
  const t = state.tasks.get(taskId);
  if (t === undefined) throw new RangeError(`no task ${taskId}`);
  const next = { ...t, state: newState, statusAt: now };
  state.upsertTask(next);
  return next;
}

/** Live tasks (desired running, not stopped) of a service, per node ID. */
export function tasksPerNode(state: ClusterState, serviceId: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of state.tasksOfService(serviceId).values()) {
    if (t.desiredState <= TaskState.RUNNING && t.state < TaskState.COMPLETE && t.nodeId !== '') {
      out.set(t.nodeId, (out.get(t.nodeId) ?? 0) + 1);
    }
  }
  return out;
}

/** Every task a plan created or changed, by ID. */
export function planTasks(plan: Plan): Map<string, TaskInfo> {
  return new Map([...plan.created, ...plan.updated].map((t) => [t.id, t]));
}

export { ClusterState };
