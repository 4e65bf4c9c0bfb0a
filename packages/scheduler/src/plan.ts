import type { ServiceInfo, TaskInfo } from './types.js';

/**
 * What one `reconcile` decided. The embedder writes `created` and `updated` tasks and `services`
 * to the store (a created task's spec is its service's current spec), then feeds the store's
 * objects back. Every pending task's `message` says why it is still pending.
 */
export interface Plan {
  /** New tasks, already assigned to a node where one fits (state `assigned`), else `pending`. */
  readonly created: readonly TaskInfo[];
  /**
   * Existing tasks that changed: a node assignment, a new desired state (`shutdown` to stop and
   * replace, `remove` to stop for good), or a new pending reason.
   */
  readonly updated: readonly TaskInfo[];
  /** Services whose update status, spec (rollback) or job state changed. */
  readonly services: readonly ServiceInfo[];
  /** Tasks that could not be placed, with the reason per filter and node counts. */
  readonly unplaced: ReadonlyArray<{ readonly taskId: string; readonly reason: string }>;
  /** Call `reconcile` again at this time even if nothing changes (restart delay, update step). */
  readonly wakeAt: number | undefined;
}
