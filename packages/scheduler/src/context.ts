import type { ClusterState } from './cluster-state.js';
import { TaskState } from './task-state.js';
import type { ServiceInfo, TaskInfo } from './types.js';

/**
 * One reconcile pass: the cluster state at time `now` and the changes made so far. Every change is
 * applied to the state at once, so later steps of the same pass see it, and is remembered for the
 * plan returned to the embedder.
 */
export class ReconcileContext {
  readonly state: ClusterState;
  readonly now: number;
  readonly #newId: () => string;
  readonly created = new Map<string, TaskInfo>();
  readonly updated = new Map<string, TaskInfo>();
  readonly services = new Map<string, ServiceInfo>();
  wakeAt: number | undefined;
  /** Task writes so far in this pass: a step that sees it unchanged may reuse what it computed. */
  changes = 0;

  constructor(state: ClusterState, now: number, newId: () => string) {
    this.state = state;
    this.now = now;
    this.#newId = newId;
  }

  /** Records a changed or new task. */
  write(task: TaskInfo): void {
    this.changes++;
    this.state.upsertTask(task);
    if (this.created.has(task.id)) this.created.set(task.id, task);
    else this.updated.set(task.id, task);
  }

  /**
   * A new pending task of the service's current spec. `after` is the creation time of the slot's
   * latest task: the new one is stamped at least 1 ms later, so the order of a slot's history never
   * depends on a tie (a replacement made in the same millisecond as its predecessor).
   */
  create(service: ServiceInfo, slot: number, nodeId: string, message = 'created', after?: number): TaskInfo {
    const task: TaskInfo = {
      id: this.#newId(),
      serviceId: service.id,
      slot,
      nodeId,
      spec: service.task,
      specVersion: service.specVersion,
      state: TaskState.PENDING,
      desiredState: TaskState.RUNNING,
      createdAt: after === undefined ? this.now : Math.max(this.now, after + 1),
      statusAt: this.now,
      message,
      jobIteration: service.jobIteration,
    };
    this.changes++;
    this.created.set(task.id, task);
    this.state.upsertTask(task);
    return task;
  }

  /** Asks a task to stop: `shutdown` (its slot is refilled) or `remove` (its slot goes away). */
  stop(task: TaskInfo, desired: typeof TaskState.SHUTDOWN | typeof TaskState.REMOVE, message: string): void {
    if (task.desiredState >= desired) return;
    this.write({ ...task, desiredState: desired, message });
  }

  writeService(service: ServiceInfo): void {
    this.state.upsertService(service);
    this.services.set(service.id, service);
  }

  /** Asks to be called again at `at`. */
  wake(at: number): void {
    if (this.wakeAt === undefined || at < this.wakeAt) this.wakeAt = at;
  }
}
