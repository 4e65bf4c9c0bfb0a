import type { ReconcileContext } from './context.js';
import { nodeAccepts } from './node-health.js';
import { refill } from './refill.js';
import { groupSlots, liveTasks, newest, type Slot } from './slots.js';
import { supervise } from './supervise.js';
import { TaskState } from './task-state.js';
import type { ServiceInfo } from './types.js';

/**
 * Jobs run to completion. A replicated job runs `totalCompletions` tasks, at most `maxConcurrent`
 * at a time; a global job runs one task on every eligible node. Failed tasks are restarted as the
 * restart policy allows (a completed task never is). Running the job again (a higher
 * `jobIteration`) removes what is left of the previous iteration and starts over.
 */
export function reconcileJob(ctx: ReconcileContext, svc: ServiceInfo): void {
  const global = svc.mode.kind === 'global-job';
  const all = groupSlots(ctx.state, svc.id, global);
  for (const slot of all.values()) {
    for (const t of slot.tasks) {
      if (
        t.jobIteration < svc.jobIteration &&
        t.desiredState <= TaskState.RUNNING &&
        t.state < TaskState.COMPLETE
      ) {
        ctx.stop(t, TaskState.REMOVE, 'superseded by a newer run of the job');
      }
    }
  }
  const slots = thisIteration(ctx, svc, global);
  for (const slot of slots.values()) supervise(ctx, slot, { global, job: true });
  const current = thisIteration(ctx, svc, global);
  if (svc.mode.kind === 'global-job') {
    for (const node of ctx.state.nodes.values()) {
      const slot = current.get(`n:${node.id}`);
      if (slot === undefined) {
        if (nodeAccepts(svc.task, node)) ctx.create(svc, 0, node.id);
      } else if (liveTasks(slot).length === 0 && newest(slot)?.desiredState === TaskState.SHUTDOWN) {
        refill(ctx, svc, slot);
      }
    }
    return;
  }
  if (svc.mode.kind !== 'replicated-job') return;
  const { maxConcurrent, totalCompletions } = svc.mode;
  let running = 0;
  let accounted = 0;
  let highest = 0;
  for (const slot of current.values()) {
    highest = Math.max(highest, slot.slot);
    const last = newest(slot);
    if (last === undefined || last.desiredState === TaskState.REMOVE) continue;
    accounted++; // completed, running, waiting for a restart, or given up
    if (last.state === TaskState.COMPLETE) continue;
    if (last.desiredState === TaskState.SHUTDOWN) {
      running++;
      refill(ctx, svc, slot);
    } else if (last.state < TaskState.COMPLETE) {
      running++;
    }
  }
  const start = Math.min(Math.max(0, maxConcurrent - running), Math.max(0, totalCompletions - accounted));
  for (let k = 0; k < start; k++) ctx.create(svc, ++highest, '');
}

function thisIteration(ctx: ReconcileContext, svc: ServiceInfo, global: boolean): Map<string, Slot> {
  const out = new Map<string, Slot>();
  for (const [key, slot] of groupSlots(ctx.state, svc.id, global)) {
    const tasks = slot.tasks.filter((t) => t.jobIteration === svc.jobIteration);
    if (tasks.length > 0) out.set(key, { ...slot, tasks });
  }
  return out;
}
