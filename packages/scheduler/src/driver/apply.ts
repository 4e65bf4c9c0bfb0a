// How the orchestration driver applies one scheduler decision onto the stored object inside a write
// transaction. The scheduler owns only some fields (node, pending → assigned, the pending reason,
// desired state, a service's update status and rollback swap); everything else (above all the
// status a worker reported) is taken from the stored object as it is at write time.
import { fromLong, swarm } from '@swarm/api';
import { createdTaskToApi, updatedServiceToApi, updatedTaskToApi } from '../from-api.js';
import type { ServiceInfo, TaskInfo } from '../types.js';

const S = swarm.TaskState;

/** `write`: store this; `same`: nothing to change; `stale`: the store moved on, re-read and reconcile again. */
export type ApplyResult<T> = { write: T } | 'same' | 'stale';

function long(v: unknown): number {
  return Number(fromLong(v as Parameters<typeof fromLong>[0]));
}

/**
 * The stored task with the scheduler's decision applied. While the stored task is unassigned the
 * scheduler owns its status (assignment, pending reason); once assigned the worker does, and only
 * the desired state may change. A decision made on an outdated view is `stale`: the desired
 * state would move backwards, or the task would move to another node than the one it has.
 */
export function applyTaskDecision(stored: swarm.Task, decided: TaskInfo): ApplyResult<swarm.Task> {
  const storedState = stored.status?.state ?? S.NEW;
  const storedDesired = stored.desiredState ?? S.NEW;
  const storedNode = stored.nodeId ?? '';
  if (decided.desiredState < storedDesired) return 'stale';
  if (storedState < S.ASSIGNED) {
    if (storedNode !== '' && decided.nodeId !== storedNode) return 'stale';
    if (
      decided.desiredState === storedDesired &&
      decided.nodeId === storedNode &&
      decided.state === storedState &&
      decided.message === (stored.status?.message ?? '')
    ) {
      return 'same';
    }
    return { write: swarm.Task.create(updatedTaskToApi(stored, decided)) };
  }
  if (decided.nodeId !== storedNode) return 'stale';
  if (decided.desiredState === storedDesired) return 'same';
  const next = swarm.Task.create({ ...stored, desiredState: decided.desiredState as number });
  return { write: next };
}

/**
 * The stored service with the scheduler's update status (and, for an automatic rollback, the spec
 * swap). Stale when the spec version is not the one the decision was made on (a user changed the
 * spec meanwhile): a rollback moves the version on by one, a status change keeps it.
 */
export function applyServiceDecision(
  stored: swarm.Service,
  decided: ServiceInfo,
): ApplyResult<swarm.Service> {
  const version = long(stored.specVersion);
  const rollback = decided.updateStatus.state === 'rollback-started' && decided.specVersion === version + 1;
  if (!rollback && decided.specVersion !== version) return 'stale';
  return { write: swarm.Service.create(updatedServiceToApi(stored, decided)) };
}

/** A new task as stored: the service's current spec and endpoint, the service name for `ps`. */
export function newTask(decided: TaskInfo, service: swarm.Service): swarm.Task {
  const task = swarm.Task.create(createdTaskToApi(decided, service));
  if (!task.serviceAnnotations?.name && service.spec?.annotations?.name) {
    task.serviceAnnotations = swarm.Annotations.create({ name: service.spec.annotations.name });
  }
  return task;
}
