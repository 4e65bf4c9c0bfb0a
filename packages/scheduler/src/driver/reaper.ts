// The task reaper: deletes tasks nobody needs any more, as swarmkit's task reaper does. The scheduler
// never trims history (it only needs the tasks inside a restart window), so without this the store
// would grow by one task per restart, update and scale-down forever.
//
// What goes:
// - tasks of a service that no longer exists, once they stopped, never got a node, or their node is
//   gone or down (a down node cannot report the stop; when it returns, its complete assignment set
//   no longer lists the task, so its agent stops it);
// - tasks stopped for good (desired state REMOVE: scaled down, withdrawn), on the same terms;
// - history: of the dead tasks of one slot (per node for global services), all but the newest
//   `taskHistoryRetentionLimit` (cluster.spec.orchestration, default 5; negative keeps everything).
//
// Decisions are made on a read view (`tasksToReap`) and confirmed task by task inside the write
// transaction (`stillReapable`): every condition is monotonic (task states and desired states only
// move forward), so a confirmation needs only the task itself and its node and service.
import { fromLong, swarm } from '@swarm/api';
import type { DriverReadTx as ReadTx } from './store-contract.js';

/** Terminal tasks kept per slot when the cluster does not say otherwise (swarm's default). */
export const DEFAULT_TASK_HISTORY_RETENTION = 5;

/** Why a task may go: its service is gone, it was stopped for good, or it is old history of a slot. */
export type ReapReason = 'service-removed' | 'removed' | 'history';

/** A task the reaper picked, confirmed again in the deleting transaction ({@link stillReapable}). */
export interface ReapCandidate {
  /** The task's ID. */
  readonly id: string;
  /** Its service's ID. */
  readonly serviceId: string;
  /** Why it may be deleted. */
  readonly reason: ReapReason;
}

/** Which tasks {@link tasksToReap} looks at. */
export interface ReapOptions {
  /** Dead tasks kept per slot; negative keeps all. Default: the cluster's setting. */
  readonly retention?: number;
  /** Only look at these services' tasks (IDs of removed services included). Default: every task. */
  readonly services?: Iterable<string>;
  /** At most this many candidates (the rest are found on a later run). Default: unlimited. */
  readonly limit?: number;
}

const S = swarm.TaskState;

/** The cluster's task history retention limit: `spec.orchestration.taskHistoryRetentionLimit`, default 5. */
export function taskHistoryRetention(tx: ReadTx): number {
  return retentionOf(tx.list('cluster')[0]);
}

/** The retention limit a cluster object sets (default 5 without a cluster or an orchestration section). */
export function retentionOf(cluster: swarm.Cluster | undefined): number {
  const orchestration = cluster?.spec?.orchestration;
  if (orchestration === null || orchestration === undefined) return DEFAULT_TASK_HISTORY_RETENTION;
  return Number(fromLong(orchestration.taskHistoryRetentionLimit as Parameters<typeof fromLong>[0]));
}

function stateOf(t: swarm.Task): number {
  return t.status?.state ?? S.NEW;
}

/** The task has no node that could still be running it: unassigned, or its node left or is down. */
function nodeGoneOrDown(tx: ReadTx, t: swarm.Task): boolean {
  if (stateOf(t) < S.ASSIGNED || !t.nodeId) return true;
  const node = tx.get('node', t.nodeId);
  return node === undefined || node.status?.state === swarm.NodeStatus.State.DOWN;
}

/** Stopped, or can no longer be running anywhere we could ask it to stop. */
function finished(tx: ReadTx, t: swarm.Task): boolean {
  return stateOf(t) >= S.COMPLETE || nodeGoneOrDown(tx, t);
}

/** History a slot may drop: asked to stop (and be replaced) and no longer running anywhere. */
function dead(tx: ReadTx, t: swarm.Task): boolean {
  if (t.desiredState <= S.RUNNING) return false;
  if (stateOf(t) >= S.COMPLETE || stateOf(t) < S.ASSIGNED || !t.nodeId) return true;
  return tx.get('node', t.nodeId) === undefined;
}

function createdAt(t: swarm.Task): number {
  return Number(fromLong(t.meta?.createdAt as Parameters<typeof fromLong>[0]));
}

/** Why a task may be deleted now, or undefined. History needs the slot, so it is not judged here. */
function singleReason(tx: ReadTx, t: swarm.Task): ReapReason | undefined {
  if (!finished(tx, t)) return undefined;
  if (tx.get('service', t.serviceId) === undefined) return 'service-removed';
  if (t.desiredState >= S.REMOVE) return 'removed';
  return undefined;
}

/** Tasks that may be deleted, by the rules above, oldest history first within each slot. */
export function tasksToReap(tx: ReadTx, options: ReapOptions = {}): ReapCandidate[] {
  const retention = options.retention ?? taskHistoryRetention(tx);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const out: ReapCandidate[] = [];
  const byService = new Map<string, swarm.Task[]>();
  if (options.services === undefined) {
    for (const t of tx.list('task')) {
      let list = byService.get(t.serviceId);
      if (list === undefined) {
        list = [];
        byService.set(t.serviceId, list);
      }
      list.push(t);
    }
  } else {
    for (const id of options.services) {
      if (!byService.has(id)) byService.set(id, tx.find('task', { serviceId: id }));
    }
  }
  const ids = [...byService.keys()].sort();
  for (const serviceId of ids) {
    const tasks = byService.get(serviceId)!;
    const slots = new Map<string, swarm.Task[]>();
    for (const t of tasks) {
      const why = singleReason(tx, t);
      if (why !== undefined) {
        out.push({ id: t.id, serviceId, reason: why });
        if (out.length >= limit) return out;
        continue;
      }
      if (retention < 0 || !dead(tx, t)) continue;
      const slot = Number(fromLong(t.slot as Parameters<typeof fromLong>[0]));
      const key = slot === 0 ? `n:${t.nodeId}` : `s:${slot}`;
      let list = slots.get(key);
      if (list === undefined) {
        list = [];
        slots.set(key, list);
      }
      list.push(t);
    }
    for (const list of slots.values()) {
      if (list.length <= retention) continue;
      // Newest first; the ID breaks ties so every manager would pick the same ones.
      list.sort((a, b) => createdAt(b) - createdAt(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      for (const t of list.slice(retention).reverse()) {
        out.push({ id: t.id, serviceId, reason: 'history' });
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

/**
 * Confirms a candidate inside the write transaction. History candidates stay deletable once chosen
 * (a dead task never comes back, and newer dead tasks only add up); the others are judged again.
 */
export function stillReapable(tx: ReadTx, candidate: ReapCandidate): boolean {
  const t = tx.get('task', candidate.id);
  if (t === undefined) return false;
  if (candidate.reason === 'history') return dead(tx, t);
  return singleReason(tx, t) !== undefined;
}
