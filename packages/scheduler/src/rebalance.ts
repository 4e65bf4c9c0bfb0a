import type { ReconcileContext } from './context.js';
import { nodeAccepts } from './node-health.js';
import { groupSlots, liveTasks, newest } from './slots.js';
import { TaskState } from './task-state.js';
import type { ServiceInfo, TaskInfo } from './types.js';

/** Opt-in rebalancing onto nodes that join: at most `maxMovesPerInterval` moves per `intervalMs`. */
export interface RebalanceOptions {
  /** Most task moves in any window of `intervalMs`. */
  readonly maxMovesPerInterval: number;
  /** The window for `maxMovesPerInterval`, in milliseconds. */
  readonly intervalMs: number;
}

/**
 * Opt-in rebalancing after nodes join: moves tasks of settled replicated services (no update in
 * progress, every task running, no placement preferences) from nodes with more than their share
 * to eligible nodes with room and less than their share. A move stops the task (desired
 * `shutdown`), so its slot is refilled and placement puts the replacement on the emptiest node.
 * At most `budget` moves in all, and per service at most `max(1, update.parallelism)` slots in
 * flight at once, so a service never has fewer tasks running than during its own rolling update.
 * Returns the number of moves and whether imbalance is left that the budget did not cover.
 */
export function rebalance(ctx: ReconcileContext, budget: number): { moves: number; more: boolean } {
  let moves = 0;
  let more = false;
  const state = ctx.state;
  for (const svc of state.services.values()) {
    if (svc.mode.kind !== 'replicated' || svc.task.preferences.length > 0) continue;
    const plan = movesFor(ctx, svc);
    if (plan === undefined) {
      more = true; // in flight: look again once it settles
      continue;
    }
    if (plan.length === 0) continue;
    const allowed = Math.min(plan.length, budget - moves);
    for (let k = 0; k < allowed; k++) {
      ctx.stop(plan[k]!, TaskState.SHUTDOWN, 'moved to rebalance the service onto a new node');
    }
    moves += allowed;
    if (allowed < plan.length || moves >= budget) more = true;
    if (moves >= budget) break;
  }
  return { moves, more };
}

/** The tasks to move now, or undefined while the service has slots in flight. */
function movesFor(ctx: ReconcileContext, svc: ServiceInfo): TaskInfo[] | undefined {
  const state = ctx.state;
  const perNode = new Map<string, TaskInfo[]>();
  for (const slot of groupSlots(state, svc.id, false).values()) {
    const live = liveTasks(slot);
    if (live.length === 0) {
      if (newest(slot)?.desiredState === TaskState.SHUTDOWN) return undefined; // a slot in flight
      continue;
    }
    if (live.length > 1) return undefined; // start-first replacement in flight
    const t = live[0]!;
    if (t.state !== TaskState.RUNNING || t.spec.key !== svc.task.key) return undefined;
    let list = perNode.get(t.nodeId);
    if (list === undefined) {
      list = [];
      perNode.set(t.nodeId, list);
    }
    list.push(t);
  }
  const eligible = [...state.nodes.values()].filter((n) => nodeAccepts(svc.task, n));
  if (eligible.length < 2) return [];
  let total = 0;
  for (const n of eligible) total += perNode.get(n.id)?.length ?? 0;
  const ceil = Math.ceil(total / eligible.length);
  const floor = Math.floor(total / eligible.length);
  const r = svc.task.reservations;
  let room = 0;
  for (const n of eligible) {
    const have = perNode.get(n.id)?.length ?? 0;
    if (have >= floor) continue;
    const i = state.indexOf(n.id);
    const cpuFree =
      r.nanoCpus > 0 ? Math.floor((n.resources.nanoCpus - state.reservedCpu[i]!) / r.nanoCpus) : Infinity;
    const memFree =
      r.memoryBytes > 0
        ? Math.floor((n.resources.memoryBytes - state.reservedMemory[i]!) / r.memoryBytes)
        : Infinity;
    room += Math.max(0, Math.min(floor - have, cpuFree, memFree));
  }
  const surplus: TaskInfo[] = [];
  const sources = eligible
    .map((n) => perNode.get(n.id) ?? [])
    .filter((l) => l.length > ceil)
    .sort((a, b) => b.length - a.length);
  for (const list of sources) {
    const sorted = [...list].sort((a, b) => b.slot - a.slot);
    surplus.push(...sorted.slice(0, list.length - ceil));
  }
  const inFlightCap = Math.max(1, svc.update.parallelism);
  return surplus.slice(0, Math.min(room, inFlightCap));
}
