import type { ReconcileContext } from './context.js';
import { nodeProblem } from './node-health.js';
import { restartDueAt } from './restart.js';
import { newest, type Slot } from './slots.js';
import { TaskState } from './task-state.js';
import type { ServiceInfo } from './types.js';

/**
 * Gives a slot whose last task was stopped for replacement (desired `shutdown`) its new task, once
 * the old task has stopped (unless its node is gone, down, drained or no longer matching: then at
 * once) and the restart delay has passed. Returns true when a task was created.
 */
export function refill(ctx: ReconcileContext, svc: ServiceInfo, slot: Slot): boolean {
  const seen = newest(slot);
  const last = seen === undefined ? undefined : (ctx.state.tasks.get(seen.id) ?? seen);
  if (last === undefined || last.desiredState !== TaskState.SHUTDOWN) return false;
  if (last.nodeId !== '' && last.state >= TaskState.ASSIGNED && last.state < TaskState.COMPLETE) {
    if (nodeProblem(ctx.state, last) === undefined) return false; // wait for it to stop
  }
  const due = restartDueAt(last, last.spec.restart);
  if (due > ctx.now) {
    ctx.wake(due);
    return false;
  }
  ctx.create(
    svc,
    slot.slot,
    slot.nodeId,
    last.state >= TaskState.COMPLETE ? 'restarted' : 'replacement',
    last.createdAt,
  );
  return true;
}
