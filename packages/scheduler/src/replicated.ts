import type { ReconcileContext } from './context.js';
import { IndexHeap } from './heap.js';
import { refill } from './refill.js';
import { groupSlots, liveTasks, newest, type Slot } from './slots.js';
import { supervise } from './supervise.js';
import { TaskState } from './task-state.js';
import type { ServiceInfo } from './types.js';
import { updateStep } from './update.js';

/**
 * The replicated orchestrator: keeps slots 1..N in use. Slots with a live task or waiting for a
 * replacement count as in use; missing ones are created in the lowest free slot numbers; extra
 * ones are removed, first those waiting for a replacement, then unassigned tasks, then from the
 * nodes running the most tasks of the service.
 */
export function reconcileReplicated(ctx: ReconcileContext, svc: ServiceInfo, replicas: number): void {
  const slots = groupSlots(ctx.state, svc.id, false);
  const before = ctx.changes;
  for (const slot of slots.values()) supervise(ctx, slot, { global: false, job: false });
  // If supervision changed tasks, regroup so the rest of the pass sees them.
  const current = ctx.changes === before ? slots : groupSlots(ctx.state, svc.id, false);
  const grouped = ctx.changes;
  const inUse: Slot[] = [];
  const refilling: Slot[] = [];
  for (const slot of current.values()) {
    if (slot.slot === 0) continue;
    if (liveTasks(slot).length > 0) inUse.push(slot);
    else if (newest(slot)?.desiredState === TaskState.SHUTDOWN) refilling.push(slot);
  }
  const count = inUse.length + refilling.length;
  if (count > replicas) {
    scaleDown(ctx, inUse, refilling, count - replicas);
  } else if (count < replicas) {
    let next = 1;
    for (let k = count; k < replicas; k++) {
      while (isUsed(current.get(`s:${next}`))) next++;
      const history = current.get(`s:${next}`);
      ctx.create(svc, next++, '', 'created', history === undefined ? undefined : newest(history)?.createdAt);
    }
  }
  // refill() re-reads the slot's last task: scaling down may just have removed the slot.
  for (const slot of refilling) refill(ctx, svc, slot);
  updateStep(ctx, svc, ctx.changes === grouped ? current : groupSlots(ctx.state, svc.id, false));
}

function isUsed(slot: Slot | undefined): boolean {
  if (slot === undefined) return false;
  return liveTasks(slot).length > 0 || newest(slot)?.desiredState === TaskState.SHUTDOWN;
}

function scaleDown(ctx: ReconcileContext, inUse: Slot[], refilling: Slot[], excess: number): void {
  let left = excess;
  refilling.sort((a, b) => b.slot - a.slot);
  for (const slot of refilling) {
    if (left === 0) return;
    ctx.stop(newest(slot)!, TaskState.REMOVE, 'scaled down');
    left--;
  }
  const byNode = new Map<string, Slot[]>();
  const unassigned: Slot[] = [];
  for (const slot of inUse) {
    const live = liveTasks(slot);
    const placed = live.find((t) => t.nodeId !== '' && t.state >= TaskState.ASSIGNED);
    if (placed === undefined) {
      unassigned.push(slot);
      continue;
    }
    let list = byNode.get(placed.nodeId);
    if (list === undefined) {
      list = [];
      byNode.set(placed.nodeId, list);
    }
    list.push(slot);
  }
  const remove = (slot: Slot): void => {
    for (const t of liveTasks(slot)) ctx.stop(t, TaskState.REMOVE, 'scaled down');
    left--;
  };
  unassigned.sort((a, b) => b.slot - a.slot);
  for (const slot of unassigned) {
    if (left === 0) return;
    remove(slot);
  }
  if (left === 0) return;
  // Most-loaded nodes first: a max-heap on (tasks of the service, tasks overall).
  const nodes = [...byNode.keys()];
  const lists = nodes.map((id) => byNode.get(id)!.sort((a, b) => a.slot - b.slot));
  const total = nodes.map((id) => ctx.state.taskCount[ctx.state.indexOf(id)] ?? 0);
  const heap = new IndexHeap(nodes.length, (a, b) => {
    const la = lists[a]!.length;
    const lb = lists[b]!.length;
    if (la !== lb) return la > lb;
    if (total[a] !== total[b]) return total[a]! > total[b]!;
    return a < b;
  });
  heap.build(Array.from(nodes.keys()));
  while (left > 0) {
    const top = heap.peek();
    if (top < 0) return;
    remove(lists[top]!.pop()!);
    total[top]!--;
    if (lists[top]!.length === 0) heap.pop();
    else heap.topKeyIncreased();
  }
}
