import type { ClusterState } from './cluster-state.js';
import { TaskState } from './task-state.js';
import type { TaskInfo } from './types.js';

/**
 * A service's tasks grouped by what they stand for: a replica slot (replicated services and jobs)
 * or a node (global services). `tasks` holds the slot's history, oldest first.
 */
export interface Slot {
  readonly key: string;
  readonly slot: number;
  readonly nodeId: string;
  readonly tasks: TaskInfo[];
}

export function groupSlots(state: ClusterState, serviceId: string, global: boolean): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  for (const t of state.tasksOfService(serviceId).values()) {
    const key = global ? `n:${t.nodeId}` : `s:${t.slot}`;
    let s = slots.get(key);
    if (s === undefined) {
      s = { key, slot: t.slot, nodeId: global ? t.nodeId : '', tasks: [] };
      slots.set(key, s);
    }
    s.tasks.push(t);
  }
  for (const s of slots.values()) s.tasks.sort((a, b) => a.createdAt - b.createdAt || cmp(a.id, b.id));
  return slots;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tasks the orchestrator still wants to run (desired state running or earlier). */
export function liveTasks(slot: Slot): TaskInfo[] {
  return slot.tasks.filter((t) => t.desiredState <= TaskState.RUNNING);
}

/** The most recently created task of a slot. */
export function newest(slot: Slot): TaskInfo | undefined {
  return slot.tasks[slot.tasks.length - 1];
}
