import type { ReconcileContext } from './context.js';
import { nodeAccepts } from './node-health.js';
import { refill } from './refill.js';
import { groupSlots, liveTasks, newest } from './slots.js';
import { supervise } from './supervise.js';
import { TaskState } from './task-state.js';
import type { ServiceInfo } from './types.js';
import { updateStep } from './update.js';

/**
 * The global orchestrator: one task per node that is ready, active and matches the service's
 * zone, constraints and platform. New nodes get a task (created naming its node, then checked by
 * placement for capacity); tasks on nodes that stop matching, are drained or leave are removed.
 */
export function reconcileGlobal(ctx: ReconcileContext, svc: ServiceInfo): void {
  const slots = groupSlots(ctx.state, svc.id, true);
  const before = ctx.changes;
  for (const slot of slots.values()) supervise(ctx, slot, { global: true, job: false });
  const current = ctx.changes === before ? slots : groupSlots(ctx.state, svc.id, true);
  const grouped = ctx.changes;
  for (const node of ctx.state.nodes.values()) {
    const slot = current.get(`n:${node.id}`);
    const accepts = nodeAccepts(svc.task, node);
    if (slot !== undefined && liveTasks(slot).length > 0) continue;
    const last = slot === undefined ? undefined : newest(slot);
    if (slot !== undefined && last?.desiredState === TaskState.SHUTDOWN) {
      if (accepts) refill(ctx, svc, slot);
      else ctx.stop(last, TaskState.REMOVE, 'node no longer eligible');
      continue;
    }
    if (accepts) ctx.create(svc, 0, node.id);
  }
  // Slots of nodes that left: nothing to refill.
  for (const slot of current.values()) {
    const last = newest(slot);
    if (!ctx.state.nodes.has(slot.nodeId) && last?.desiredState === TaskState.SHUTDOWN) {
      ctx.stop(last, TaskState.REMOVE, 'node left the cluster');
    }
  }
  updateStep(ctx, svc, ctx.changes === grouped ? current : groupSlots(ctx.state, svc.id, true));
}
