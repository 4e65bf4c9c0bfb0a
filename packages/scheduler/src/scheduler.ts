import { type Clock, cryptoRandom, type Random } from '@swarm/api';
import { ClusterState } from './cluster-state.js';
import { ReconcileContext } from './context.js';
import { reconcileGlobal } from './global.js';
import { IdSource } from './ids.js';
import { reconcileJob } from './jobs.js';
import { DEFAULT_PLACEMENT_OPTIONS, type PlacementOptions, Placer } from './placement.js';
import type { Plan } from './plan.js';
import { type RebalanceOptions, rebalance } from './rebalance.js';
import { reconcileReplicated } from './replicated.js';
import { TaskState } from './task-state.js';
import type { ServiceInfo, TaskInfo } from './types.js';

/** Options of the Scheduler (placement, rebalancing). */
export interface SchedulerInit {
  /** Placement ranking and failure avoidance; see PlacementOptions. */
  readonly placement?: Partial<PlacementOptions>;
  /** Opt-in: move tasks onto nodes that join, a bounded number per interval. Off when absent. */
  readonly rebalance?: RebalanceOptions;
}

/** The Scheduler's seams: the clock decisions are made at, and the random source of task IDs. */
export interface SchedulerComponents {
  /** The time every decision is made at (restart delays, update steps, failure windows). */
  readonly clock: Clock;
  /** Source of task IDs; defaults to cryptoRandom. Tests pass seededRandom. */
  readonly random?: Random;
}

/**
 * Orchestrators plus placement over one in-memory ClusterState. The embedder feeds the state
 * (`scheduler.state.upsert*` / `remove*`, from a store snapshot and then its watch), calls
 * `reconcile()` after changes and whenever `plan.wakeAt` falls due, and writes the plan to the
 * store. Decisions are applied to the scheduler's own state at once, so feeding the written
 * objects back is harmless; if a write fails, feed the store's version back instead.
 */
export class Scheduler {
  readonly state: ClusterState;
  readonly #clock: Clock;
  readonly #ids: IdSource;
  readonly #placer: Placer;
  /** Services with a timer (restart delay, update delay, monitor window), by due time. */
  readonly #due = new Map<string, number>();
  /** Groups that found no node, by group key, with the capacity epoch they failed at. */
  readonly #failed = new Map<string, { epoch: number; reason: string }>();
  readonly #rebalance: RebalanceOptions | undefined;
  /** When recent rebalancing moves happened (for the per-interval bound). */
  #moves: number[] = [];
  /** The node epoch the last complete rebalancing pass saw; -1 forces one. */
  #balancedAt = -1;

  constructor(init: SchedulerInit, components: SchedulerComponents, state = new ClusterState()) {
    if (
      components === null ||
      typeof components !== 'object' ||
      typeof components.clock?.now !== 'function'
    ) {
      throw new TypeError('Scheduler needs components.clock (a Clock)');
    }
    const placement = { ...DEFAULT_PLACEMENT_OPTIONS, ...init.placement };
    if (placement.strategy !== 'spread' && placement.strategy !== 'binpack') {
      throw new RangeError(
        `placement.strategy must be 'spread' or 'binpack', got ${String(placement.strategy)}`,
      );
    }
    if (!(placement.failureWindowMs >= 0)) throw new RangeError('placement.failureWindowMs must be >= 0');
    if (!(placement.failureThreshold >= 1)) throw new RangeError('placement.failureThreshold must be >= 1');
    this.state = state;
    this.#clock = components.clock;
    this.#ids = new IdSource(components.random ?? cryptoRandom);
    this.#placer = new Placer(state, placement);
    if (init.rebalance !== undefined) {
      const r = init.rebalance;
      if (!(Number.isSafeInteger(r.maxMovesPerInterval) && r.maxMovesPerInterval >= 1)) {
        throw new RangeError(
          `rebalance.maxMovesPerInterval must be an integer >= 1, got ${r.maxMovesPerInterval}`,
        );
      }
      if (!(r.intervalMs > 0)) throw new RangeError(`rebalance.intervalMs must be > 0, got ${r.intervalMs}`);
    }
    this.#rebalance = init.rebalance;
  }

  /** Runs the orchestrators over every changed service (or all, after a node change) and places pending tasks. */
  reconcile(): Plan {
    const now = this.#clock.now();
    const ctx = new ReconcileContext(this.state, now, () => this.#ids.next());
    const dirty = this.state.takeDirty();
    for (const [id, at] of this.#due) {
      if (at <= now) {
        dirty.services.add(id);
        this.#due.delete(id);
      }
    }
    const ids = dirty.all ? new Set([...this.state.services.keys(), ...dirty.services]) : dirty.services;
    if (dirty.nodesChanged && !dirty.all) {
      for (const svc of this.state.services.values()) {
        if (svc.mode.kind === 'global' || svc.mode.kind === 'global-job') ids.add(svc.id);
      }
    }
    for (const id of ids) {
      const svc = this.state.services.get(id);
      ctx.wakeAt = undefined;
      if (svc === undefined) this.#removeOrphans(ctx, id);
      else this.#reconcileService(ctx, svc);
      if (ctx.wakeAt !== undefined) this.#due.set(id, ctx.wakeAt);
      else this.#due.delete(id);
    }
    this.#maybeRebalance(ctx);
    const unplaced = this.#schedule(ctx);
    // Our own task writes marked services dirty; they are already reconciled. A service we changed
    // (a rollback swaps its spec) is looked at again on the next call, which is due at once.
    this.state.takeDirty();
    for (const id of ctx.services.keys()) {
      this.state.markDirty(id);
      this.#due.set(id, now);
    }
    let wakeAt: number | undefined = this.#rebalanceWake;
    for (const at of this.#due.values()) if (wakeAt === undefined || at < wakeAt) wakeAt = at;
    return {
      created: [...ctx.created.values()],
      updated: [...ctx.updated.values()],
      services: [...ctx.services.values()],
      unplaced,
      wakeAt,
    };
  }

  #rebalanceWake: number | undefined;

  /** Rebalancing runs after a node change, and keeps going (within its budget) until balanced. */
  #maybeRebalance(ctx: ReconcileContext): void {
    const r = this.#rebalance;
    this.#rebalanceWake = undefined;
    if (r === undefined) return;
    if (this.#balancedAt === this.state.nodeEpoch) return;
    this.#moves = this.#moves.filter((at) => at > ctx.now - r.intervalMs);
    const budget = r.maxMovesPerInterval - this.#moves.length;
    if (budget <= 0) {
      this.#rebalanceWake = this.#moves[0]! + r.intervalMs;
      return;
    }
    const { moves, more } = rebalance(ctx, budget);
    for (let k = 0; k < moves; k++) this.#moves.push(ctx.now);
    if (moves === 0 && !more) this.#balancedAt = this.state.nodeEpoch;
    else if (more && this.#moves.length >= r.maxMovesPerInterval)
      this.#rebalanceWake = this.#moves[0]! + r.intervalMs;
  }

  #reconcileService(ctx: ReconcileContext, svc: ServiceInfo): void {
    switch (svc.mode.kind) {
      case 'replicated':
        reconcileReplicated(ctx, svc, svc.mode.replicas);
        break;
      case 'global':
        reconcileGlobal(ctx, svc);
        break;
      case 'replicated-job':
      case 'global-job':
        reconcileJob(ctx, svc);
        break;
    }
  }

  /** Tasks of a deleted service stop for good. */
  #removeOrphans(ctx: ReconcileContext, serviceId: string): void {
    for (const t of [...this.state.tasksOfService(serviceId).values()]) {
      if (t.desiredState <= TaskState.RUNNING) ctx.stop(t, TaskState.REMOVE, 'service removed');
    }
  }

  /** Places every pending task, one pass per group of identical tasks. */
  #schedule(ctx: ReconcileContext): Array<{ taskId: string; reason: string }> {
    const now = ctx.now;
    // Grouped by service, then by spec key (two levels: no per-task string building).
    const byService = new Map<string, Map<string, TaskInfo[]>>();
    const pinned: TaskInfo[] = [];
    for (const t of this.state.pending.values()) {
      if (t.desiredState !== TaskState.RUNNING) continue;
      if (t.nodeId !== '') {
        pinned.push(t);
        continue;
      }
      let specs = byService.get(t.serviceId);
      if (specs === undefined) {
        specs = new Map();
        byService.set(t.serviceId, specs);
      }
      let g = specs.get(t.spec.key);
      if (g === undefined) {
        g = [];
        specs.set(t.spec.key, g);
      }
      g.push(t);
    }
    const groups = new Map<string, TaskInfo[]>();
    for (const [sid, specs] of byService) for (const [key, g] of specs) groups.set(`${sid}\n${key}`, g);
    const unplaced: Array<{ taskId: string; reason: string }> = [];
    const assign = (t: TaskInfo, i: number): void => {
      const nodeId = this.state.nodeIdAt(i);
      if (ctx.created.has(t.id) && t.nodeId === '') this.state.assignNew(t, nodeId, now);
      else ctx.write({ ...t, nodeId, state: TaskState.ASSIGNED, statusAt: now, message: 'scheduled' });
    };
    const explainPending = (t: TaskInfo, reason: string): void => {
      unplaced.push({ taskId: t.id, reason });
      if (t.message !== reason) ctx.write({ ...t, message: reason });
    };
    for (const t of pinned) {
      const reason = this.#placer.placePinned(t, now, assign);
      if (reason !== '') explainPending(t, reason);
    }
    for (const [key, tasks] of groups) {
      tasks.sort((a, b) => a.slot - b.slot || a.createdAt - b.createdAt);
      const failed = this.#failed.get(key);
      if (failed !== undefined && failed.epoch === this.state.capacityEpoch) {
        for (const t of tasks) explainPending(t, failed.reason);
        continue;
      }
      const result = this.#placer.placeGroup(tasks, now, assign);
      if (result.reason === '') {
        this.#failed.delete(key);
        continue;
      }
      tasks.forEach((t, k) => {
        if (result.nodes[k] === -1) explainPending(this.state.tasks.get(t.id) ?? t, result.reason);
      });
      this.#failed.set(key, { epoch: this.state.capacityEpoch, reason: result.reason });
    }
    if (this.#failed.size > groups.size * 2 + 64) this.#pruneFailed(groups);
    return unplaced;
  }

  #pruneFailed(groups: Map<string, TaskInfo[]>): void {
    for (const key of this.#failed.keys()) if (!groups.has(key)) this.#failed.delete(key);
  }
}
