import type { ReconcileContext } from './context.js';
import { nodeProblem } from './node-health.js';
import { shouldRestart } from './restart.js';
import type { Slot } from './slots.js';
import { isTerminal, TaskState, taskStateName } from './task-state.js';

/**
 * The restart supervisor, node reaction and constraint enforcer for one slot's live tasks:
 * - a task that stopped on its own is stopped for good (`shutdown`, so its slot is refilled) when
 *   the restart policy allows another attempt, and otherwise left as it is (its slot stays used);
 * - a task whose node left, went down, was drained or no longer matches is replaced at once.
 * Global tasks stay on a node that is merely down (they have nowhere else to go) and are removed
 * (`remove`, slot gone) from nodes they may no longer use.
 */
export function supervise(ctx: ReconcileContext, slot: Slot, mode: { global: boolean; job: boolean }): void {
  for (const t of slot.tasks) {
    if (t.desiredState > TaskState.RUNNING) continue;
    if (isTerminal(t.state)) {
      if (mode.job && t.state === TaskState.COMPLETE) continue;
      if (shouldRestart(t, slot.tasks, t.spec.restart, ctx.now, mode.job)) {
        ctx.stop(t, TaskState.SHUTDOWN, `restarting: task ${taskStateName(t.state)}`);
      }
      continue;
    }
    // Unassigned tasks have no node to judge; a global task waiting for its node's capacity does.
    if (t.nodeId === '' || (t.state < TaskState.ASSIGNED && !mode.global)) continue;
    const problem = nodeProblem(ctx.state, t);
    if (problem === undefined) continue;
    if (mode.global) {
      if (!problem.down) ctx.stop(t, TaskState.REMOVE, `removed: ${problem.reason}`);
    } else {
      ctx.stop(t, TaskState.SHUTDOWN, `rescheduled: ${problem.reason}`);
    }
  }
}
