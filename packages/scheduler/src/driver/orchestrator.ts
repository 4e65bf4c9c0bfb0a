// The store-driven orchestration loop (run on the raft leader only): feeds the store into the
// Scheduler, runs `reconcile()` after changes (coalesced), writes the plan back to the store, and
// reaps old tasks. It is to the scheduler what RaftNode is to the raft core: the driver that an
// embedder wires to its store, clock and logger.
//
// State flow. Store events are queued as they arrive and applied to the scheduler's state at the
// start of a pass (and before any re-read), in order, so the scheduler's state always equals the
// store up to some version plus the scheduler's own decisions not yet written. Our own writes come
// back as events too (harmless upserts). When a write is refused (a conflict at apply time, or an
// object that moved on since the decision), the affected objects are re-read from the store into
// the state and the pass reconciles again, a bounded number of times.
import {
  type Clock,
  cryptoRandom,
  type Logger,
  noopLogger,
  type Random,
  SwarmError,
  swarm,
  systemClock,
  type Timer,
} from '@swarm/api';
import { ApiConverter } from '../from-api.js';
import type { Plan } from '../plan.js';
import { Scheduler, type SchedulerInit } from '../scheduler.js';
import type { NodeInfo, ServiceInfo, TaskInfo } from '../types.js';
import { type ApplyResult, applyServiceDecision, applyTaskDecision, newTask } from './apply.js';
import {
  type ReapCandidate,
  retentionOf,
  stillReapable,
  taskHistoryRetention,
  tasksToReap,
} from './reaper.js';
import {
  type AssignHook,
  type DriverAbortSignal,
  type DriverStore,
  type DriverStoreEvent,
  type DriverWriteTx,
  isStoreConflict,
} from './store-contract.js';

/** What an {@link Orchestrator} runs against, and its tuning. `Tx`: the store's write transaction. */
export interface OrchestratorOptions<Tx extends DriverWriteTx = DriverWriteTx> {
  /** The cluster store (any @swarm/store `Store` fits {@link DriverStore}). */
  readonly store: DriverStore<Tx>;
  /**
   * Called in the transaction that assigns a task to a node; returns the task to store (e.g. with
   * its network attachments), or throws to keep it pending with the error's message
   * ({@link AssignHook}). Default: the task is stored as decided.
   */
  readonly onAssign?: AssignHook<Tx>;
  /** Timestamps, batching and wake-up timers. Default `systemClock`. */
  readonly clock?: Clock;
  /** Source of task IDs. Default `cryptoRandom`. */
  readonly random?: Random;
  /** Where passes, conflicts and failed writes are reported. Default: nothing. */
  readonly logger?: Logger;
  /** Placement strategy and rebalancing, passed to the Scheduler. */
  readonly scheduler?: SchedulerInit;
  /** Changes within this many ms are folded into one pass. Default 20. */
  readonly batchMs?: number;
  /** Objects per `store.update`. Default 500 (a task with a typical spec encodes to well under 1 KiB). */
  readonly maxWriteBatch?: number;
  /** Re-reads and reconciles again after a refused write, at most this often per pass. Default 5. */
  readonly maxConflictRetries?: number;
  /** Wait after a failed write (no quorum, timeout) or exhausted retries before trying again. Default 1000. */
  readonly retryMs?: number;
}

/** What one pass did (returned by `reconcileNow`, summed in `stats`). */
export interface PassResult {
  /** Tasks created. */
  readonly created: number;
  /** Tasks changed (assigned, desired state moved on). */
  readonly updated: number;
  /** Services whose update status (or rollback spec swap) was written. */
  readonly services: number;
  /** Tasks the reaper deleted. */
  readonly reaped: number;
  /** Tasks still waiting for a node after the pass. */
  readonly unplaced: number;
  /** Writes refused or decisions found outdated, each followed by a re-read. */
  readonly conflicts: number;
  /** Assignments the `onAssign` hook refused (the tasks stay pending; tried again after `retryMs`). */
  readonly refused: number;
}

/** Totals since an {@link Orchestrator} was constructed. */
export interface OrchestratorStats {
  /** Passes run. */
  passes: number;
  /** Tasks created. */
  created: number;
  /** Tasks changed. */
  updated: number;
  /** Service writes. */
  services: number;
  /** Tasks deleted by the reaper. */
  reaped: number;
  /** Writes refused by a conflict, or decisions found outdated. */
  conflicts: number;
  /** Assignments the `onAssign` hook refused. */
  refused: number;
  /** Writes that failed for another reason (no quorum, timeout, lost leadership). */
  writeErrors: number;
  /** `store.update` calls made. */
  writes: number;
  /** Tasks waiting for a node after the last pass. */
  unplaced: number;
}

type Item =
  | { readonly op: 'service'; readonly info: ServiceInfo }
  | { readonly op: 'update'; readonly info: TaskInfo }
  | { readonly op: 'create'; readonly info: TaskInfo };

interface WriteOutcome {
  created: number;
  updated: number;
  services: number;
  conflicts: number;
  refused: number;
  /** A write failed for a reason other than a conflict. */
  failed: boolean;
}

/** Bookkeeping of one write transaction. */
interface TxWork {
  /** Items whose decision the store has moved past: re-read after the write. */
  readonly stale: Item[];
  /** Items whose assignment the `onAssign` hook refused: re-read after the write, not reconciled again at once. */
  readonly refused: Item[];
  /** Services whose write was stale: their new tasks are not created either (decided again). */
  readonly staleServices: Set<string>;
  readonly counts: { created: number; updated: number; services: number };
  readonly services: Map<string, swarm.Service | undefined>;
}

function newTxWork(staleServices: Set<string>): TxWork {
  return {
    stale: [],
    refused: [],
    staleServices,
    counts: { created: 0, updated: 0, services: 0 },
    services: new Map(),
  };
}

/** What every run of one orchestrator shares. */
interface Deps {
  readonly store: DriverStore;
  readonly onAssign: AssignHook | undefined;
  readonly clock: Clock;
  readonly random: Random;
  readonly log: Logger;
  readonly schedulerInit: SchedulerInit;
  readonly batchMs: number;
  readonly maxWriteBatch: number;
  readonly maxRetries: number;
  readonly retryMs: number;
  readonly stats: OrchestratorStats;
}

const { ASSIGNED, RUNNING, COMPLETE } = swarm.TaskState;

/** The standard `AbortController` (every runtime the scheduler supports has it), by its shape. */
const AbortControllerOf = (
  globalThis as unknown as {
    AbortController: new () => { readonly signal: DriverAbortSignal; abort(reason?: unknown): void };
  }
).AbortController;

const EMPTY_PASS: PassResult = {
  created: 0,
  updated: 0,
  services: 0,
  reaped: 0,
  unplaced: 0,
  conflicts: 0,
  refused: 0,
};

/**
 * Runs the scheduler against the store while this manager leads. `start()` loads the store and
 * watches it; `stop()` ends it (the next leader starts a fresh one from the store).
 */
export class Orchestrator<Tx extends DriverWriteTx = DriverWriteTx> {
  readonly #deps: Deps;

  /** Per run (start to stop); replaced on every start so a late pass of an old run does nothing. */
  #run: Run | undefined;

  constructor(options: OrchestratorOptions<Tx>) {
    if (options === null || typeof options !== 'object' || typeof options.store?.watch !== 'function') {
      throw new TypeError('Orchestrator needs options.store (a @swarm/store Store, or any DriverStore)');
    }
    const batchMs = options.batchMs ?? 20;
    const maxWriteBatch = options.maxWriteBatch ?? 500;
    const maxRetries = options.maxConflictRetries ?? 5;
    const retryMs = options.retryMs ?? 1000;
    if (!(Number.isFinite(batchMs) && batchMs >= 0))
      throw new RangeError(`batchMs must be >= 0, got ${batchMs}`);
    if (!(Number.isSafeInteger(maxWriteBatch) && maxWriteBatch >= 1)) {
      throw new RangeError(`maxWriteBatch must be an integer >= 1, got ${maxWriteBatch}`);
    }
    if (!(Number.isSafeInteger(maxRetries) && maxRetries >= 0)) {
      throw new RangeError(`maxConflictRetries must be an integer >= 0, got ${maxRetries}`);
    }
    if (!(Number.isFinite(retryMs) && retryMs >= 0))
      throw new RangeError(`retryMs must be >= 0, got ${retryMs}`);
    if (options.onAssign !== undefined && typeof options.onAssign !== 'function')
      throw new TypeError('Orchestrator: options.onAssign must be a function');
    this.#deps = {
      // The transactions the driver hands the hook are the store's own (`Tx`).
      store: options.store as unknown as DriverStore,
      onAssign: options.onAssign as AssignHook | undefined,
      clock: options.clock ?? systemClock,
      random: options.random ?? cryptoRandom,
      log: options.logger ?? noopLogger,
      schedulerInit: options.scheduler ?? {},
      batchMs,
      maxWriteBatch,
      maxRetries,
      retryMs,
      stats: {
        passes: 0,
        created: 0,
        updated: 0,
        services: 0,
        reaped: 0,
        conflicts: 0,
        refused: 0,
        writeErrors: 0,
        writes: 0,
        unplaced: 0,
      },
    };
    // Fail early on bad scheduler options rather than on becoming leader.
    new Scheduler(this.#deps.schedulerInit, { clock: this.#deps.clock, random: this.#deps.random });
  }

  /** Whether it runs (between `start()` and `stop()`). */
  get running(): boolean {
    return this.#run !== undefined;
  }

  /** Totals since construction (a copy). */
  get stats(): OrchestratorStats {
    return { ...this.#deps.stats };
  }

  /** Loads the store, watches it and starts a pass at once. Calling it while running does nothing. */
  start(): void {
    if (this.#run !== undefined) return;
    const run = new Run(this.#deps);
    this.#run = run;
    run.load();
    run.kick(true);
  }

  /** Stops watching, cancels timers and aborts an in-flight write; resolves when the current pass ended. */
  async stop(): Promise<void> {
    const run = this.#run;
    if (run === undefined) return;
    this.#run = undefined;
    await run.stop();
  }

  /** Runs one pass now (after the current one, if any) and resolves with what it did. For tests and tools. */
  async reconcileNow(): Promise<PassResult> {
    const run = this.#run;
    if (run === undefined) {
      throw new SwarmError(
        'ORCHESTRATOR_NOT_RUNNING',
        'the orchestrator is not running; call start() first (it runs only on the raft leader)',
      );
    }
    return run.passNow();
  }
}

/** One leadership term's worth of orchestration: its own scheduler, watch, timers and queue. */
class Run {
  readonly #d: Deps;
  readonly #scheduler: Scheduler;
  readonly #conv = new ApiConverter();
  readonly #abort = new AbortControllerOf();
  #unwatch: (() => void) | undefined;
  #events: DriverStoreEvent[] = [];
  #stopped = false;

  /** Node values as last given to the scheduler, by a canonical key: unchanged nodes are not re-fed. */
  readonly #nodeKeys = new Map<string, string>();
  /**
   * Creation times the scheduler chose that the store did not keep (the store stamps its own
   * clock; the scheduler stamps a replacement 1 ms after its predecessor so a slot's history is
   * ordered without ties). Applied when the task is read back.
   */
  readonly #createdAt = new Map<string, number>();

  /** Reaper scope: services whose tasks changed, nodes that changed; `all` after start. */
  #reapAll = true;
  readonly #reapServices = new Set<string>();
  readonly #reapNodes = new Set<string>();
  #retention = 5;

  /** Plan items of a write whose outcome was unknown, re-read at the start of the next pass. */
  readonly #deferred: Item[] = [];
  #pass: Promise<PassResult> | undefined;
  #busy = false;
  #again = false;
  #lastPassAt = Number.NEGATIVE_INFINITY;
  #timer: Timer | undefined;
  #wakeTimer: Timer | undefined;
  #wakeAt: number | undefined;

  constructor(deps: Deps) {
    this.#d = deps;
    this.#scheduler = new Scheduler(this.#d.schedulerInit, { clock: this.#d.clock, random: this.#d.random });
  }

  /** Reads every node, service and task, and subscribes, in one synchronous block (no event lost). */
  load(): void {
    const { store } = this.#d;
    store.view((tx) => {
      this.#retention = taskHistoryRetention(tx);
      for (const n of tx.list('node')) this.#safely('node', n.id, () => this.#upsertNode(n));
      for (const s of tx.list('service')) this.#safely('service', s.id, () => this.#upsertService(s));
      for (const t of tx.list('task')) this.#safely('task', t.id, () => this.#upsertTask(t));
    });
    this.#unwatch = store.watch({ kinds: ['cluster', 'node', 'service', 'task'] }, (events) => {
      if (this.#stopped) return;
      for (const e of events) this.#noteForReaper(e);
      for (const e of events) this.#events.push(e);
      this.kick(false);
    });
    this.#d.log.info('orchestrator started', {
      nodes: this.#scheduler.state.nodes.size,
      services: this.#scheduler.state.services.size,
      tasks: this.#scheduler.state.tasks.size,
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unwatch?.();
    this.#timer?.cancel();
    this.#wakeTimer?.cancel();
    this.#abort.abort(new SwarmError('ORCHESTRATOR_STOPPED', 'the orchestrator was stopped'));
    this.#events = [];
    try {
      await this.#pass;
    } catch {
      // Logged by the pass.
    }
  }

  /** Asks for a pass: at once when `now`, else at most one per batchMs. */
  kick(now: boolean): void {
    if (this.#stopped) return;
    if (this.#busy) {
      this.#again = true;
      return;
    }
    if (now) {
      this.#timer?.cancel();
      this.#timer = undefined;
      void this.#startPass();
      return;
    }
    this.#schedule(Math.max(0, this.#lastPassAt + this.#d.batchMs - this.#d.clock.now()));
  }

  #schedule(delay: number): void {
    if (this.#timer !== undefined || this.#stopped) return;
    this.#timer = this.#d.clock.setTimeout(() => {
      this.#timer = undefined;
      this.kick(true);
    }, delay);
  }

  async passNow(): Promise<PassResult> {
    while (this.#pass !== undefined) await this.#pass.catch(() => undefined);
    if (this.#stopped) return EMPTY_PASS;
    this.#timer?.cancel();
    this.#timer = undefined;
    return this.#startPass();
  }

  #startPass(): Promise<PassResult> {
    // Busy before the first line runs: a memory store delivers our own write's events synchronously.
    this.#busy = true;
    const p = this.#runPass();
    this.#pass = p;
    const done = (): void => {
      this.#busy = false;
      if (this.#pass === p) this.#pass = undefined;
      this.#lastPassAt = this.#d.clock.now();
      if (this.#stopped) return;
      if (this.#again || this.#events.length > 0) {
        this.#again = false;
        this.kick(false);
      }
    };
    p.then(done, done);
    return p;
  }

  async #runPass(): Promise<PassResult> {
    const { stats, log } = this.#d;
    const total = { ...EMPTY_PASS };
    stats.passes++;
    let failed = false;
    try {
      if (this.#deferred.length > 0) this.#resync(this.#deferred.splice(0));
      for (let attempt = 0; ; attempt++) {
        this.#drain();
        const now = this.#d.clock.now();
        const plan = this.#scheduler.reconcile();
        total.unplaced = plan.unplaced.length;
        const out = await this.#writePlan(plan, now);
        if (this.#stopped) return total;
        total.created += out.created;
        total.updated += out.updated;
        total.services += out.services;
        total.conflicts += out.conflicts;
        total.refused += out.refused;
        this.#setWake(plan.wakeAt);
        if (out.failed) {
          failed = true;
          this.#retryLater();
          break;
        }
        if (out.conflicts === 0) {
          // A refused assignment (no address left, say) is not decided again at once: the store
          // has to change first, or the retry timer fire.
          if (out.refused > 0) this.#retryLater();
          break;
        }
        if (attempt >= this.#d.maxRetries) {
          log.warn('orchestrator: writes keep conflicting; retrying later', {
            attempts: attempt + 1,
            retryMs: this.#d.retryMs,
          });
          this.#retryLater();
          break;
        }
        log.info('orchestrator: a write met a newer store state; re-read and reconciling again', {
          attempt: attempt + 1,
          conflicts: out.conflicts,
        });
      }
      if (!this.#stopped && !failed) total.reaped = await this.#reap();
    } catch (err) {
      if (this.#stopped) return total;
      log.error('orchestrator pass failed; retrying later', { error: describe(err) });
      this.#retryLater();
    }
    stats.unplaced = total.unplaced;
    return total;
  }

  #retryLater(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#schedule(this.#d.retryMs);
  }

  /** One timer for the scheduler's next due time (restart delays, update steps, monitor windows). */
  #setWake(at: number | undefined): void {
    if (at === this.#wakeAt && this.#wakeTimer !== undefined) return;
    this.#wakeTimer?.cancel();
    this.#wakeTimer = undefined;
    this.#wakeAt = at;
    if (at === undefined || this.#stopped) return;
    const delay = at - this.#d.clock.now();
    if (delay <= 0) {
      this.#again = true;
      return;
    }
    this.#wakeTimer = this.#d.clock.setTimeout(() => {
      this.#wakeTimer = undefined;
      this.#wakeAt = undefined;
      this.kick(false);
    }, delay);
  }

  // ---- feeding the scheduler ----

  /** Applies queued store events to the scheduler's state, in order. */
  #drain(): void {
    const events = this.#events;
    if (events.length === 0) return;
    this.#events = [];
    for (const e of events) this.#safely(e.kind, e.object.id, () => this.#apply(e));
  }

  #apply(e: DriverStoreEvent): void {
    const state = this.#scheduler.state;
    if (e.kind === 'cluster') {
      this.#retention = retentionOf(e.action === 'delete' ? undefined : (e.object as swarm.Cluster));
      this.#reapAll = true;
      return;
    }
    if (e.action === 'delete') {
      const id = e.object.id;
      if (e.kind === 'node') {
        state.removeNode(id);
        this.#nodeKeys.delete(id);
      } else if (e.kind === 'service') state.removeService(id);
      else if (e.kind === 'task') {
        state.removeTask(id);
        this.#createdAt.delete(id);
      }
      return;
    }
    if (e.kind === 'node') this.#upsertNode(e.object as swarm.Node);
    else if (e.kind === 'service') this.#upsertService(e.object as swarm.Service);
    else if (e.kind === 'task') this.#upsertTask(e.object as swarm.Task);
  }

  /** A malformed object must not stop the orchestration of everything else: it is logged and skipped. */
  #safely(kind: string, id: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.#d.log.warn('orchestrator: skipped an object it cannot read', { kind, id, error: describe(err) });
    }
  }

  #upsertNode(n: swarm.Node): void {
    const info: NodeInfo = this.#conv.node(n);
    const key = JSON.stringify(info);
    if (this.#nodeKeys.get(info.id) === key) return;
    this.#nodeKeys.set(info.id, key);
    this.#scheduler.state.upsertNode(info);
  }

  #upsertService(s: swarm.Service): void {
    this.#scheduler.state.upsertService(this.#conv.service(s));
  }

  #upsertTask(t: swarm.Task): void {
    let info = this.#conv.task(t);
    const at = this.#createdAt.get(info.id);
    if (at !== undefined && at > info.createdAt) info = { ...info, createdAt: at };
    this.#scheduler.state.upsertTask(info);
  }

  /** Replaces the scheduler's view of the given objects with the store's (after a refused write). */
  #resync(items: readonly Item[]): void {
    if (items.length === 0) return;
    this.#drain();
    const state = this.#scheduler.state;
    this.#d.store.view((tx) => {
      for (const item of items) {
        if (item.op === 'service') {
          const s = tx.get('service', item.info.id);
          if (s === undefined) state.removeService(item.info.id);
          else this.#upsertService(s);
        } else {
          const t = tx.get('task', item.info.id);
          if (t === undefined) {
            state.removeTask(item.info.id);
            this.#createdAt.delete(item.info.id);
          } else this.#upsertTask(t);
        }
      }
    });
  }

  // ---- writing the plan ----

  async #writePlan(plan: Plan, passStart: number): Promise<WriteOutcome> {
    const out: WriteOutcome = {
      created: 0,
      updated: 0,
      services: 0,
      conflicts: 0,
      refused: 0,
      failed: false,
    };
    // Services first: a rollback's spec swap must be stored before tasks are created from it.
    const items: Item[] = [
      ...plan.services.map((info): Item => ({ op: 'service', info })),
      ...plan.updated.map((info): Item => ({ op: 'update', info })),
      ...plan.created.map((info): Item => ({ op: 'create', info })),
    ];
    for (const t of plan.created) if (t.createdAt > passStart) this.#createdAt.set(t.id, t.createdAt);
    const staleServices = new Set<string>();
    const { store, stats, log } = this.#d;
    for (let i = 0; i < items.length; i += this.#d.maxWriteBatch) {
      const chunk = items.slice(i, i + this.#d.maxWriteBatch);
      if (this.#stopped) return out;
      let w = newTxWork(staleServices);
      try {
        stats.writes++;
        await store.update(
          (tx) => {
            w = newTxWork(staleServices);
            for (const item of chunk) this.#applyItem(tx, item, w);
          },
          { signal: this.#abort.signal },
        );
      } catch (err) {
        if (this.#stopped) return out;
        const rest = items.slice(i);
        if (isStoreConflict(err)) {
          out.conflicts++;
          stats.conflicts++;
          log.info('orchestrator: write refused by a conflict', {
            code: err.code,
            kind: String(err.details.kind ?? ''),
            id: String(err.details.id ?? ''),
          });
          // Nothing of the refused write committed: re-read it (and the rest of the plan, which is
          // dropped and decided again).
          this.#resync(rest);
          return out;
        }
        out.failed = true;
        stats.writeErrors++;
        log.warn('orchestrator: write failed', { error: describe(err), objects: chunk.length });
        // The outcome may be unknown (a raft timeout can still commit): re-read only when the retry
        // pass starts, so a create that lands late is seen instead of being made a second time.
        for (const item of rest) this.#deferred.push(item);
        return out;
      }
      const { counts, stale, refused } = w;
      out.created += counts.created;
      out.updated += counts.updated;
      out.services += counts.services;
      stats.created += counts.created;
      stats.updated += counts.updated;
      stats.services += counts.services;
      if (stale.length > 0) {
        out.conflicts += stale.length;
        stats.conflicts += stale.length;
        this.#resync(stale);
      }
      if (refused.length > 0) {
        out.refused += refused.length;
        stats.refused += refused.length;
        this.#resync(refused);
      }
    }
    return out;
  }

  #applyItem(tx: DriverWriteTx, item: Item, w: TxWork): void {
    const { stale, staleServices, counts } = w;
    const keep = <T>(r: ApplyResult<T>, write: (v: T) => void): boolean => {
      if (r === 'same') return true;
      if (r === 'stale') return false;
      write(r.write);
      return true;
    };
    switch (item.op) {
      case 'service': {
        const stored = tx.get('service', item.info.id);
        const ok =
          stored !== undefined &&
          keep(applyServiceDecision(stored, item.info), (s) => {
            tx.update('service', s);
            counts.services++;
          });
        if (!ok) {
          stale.push(item);
          staleServices.add(item.info.id);
        }
        return;
      }
      case 'update': {
        const stored = tx.get('task', item.info.id);
        const ok =
          stored !== undefined &&
          keep(applyTaskDecision(stored, item.info), (t) => {
            const next = this.#assigning(tx, stored, t, item, w);
            if (next === undefined) return;
            tx.update('task', next);
            counts.updated++;
          });
        if (!ok) stale.push(item);
        return;
      }
      case 'create': {
        // One copy of the service per transaction (its service items came first, so it is final).
        const sid = item.info.serviceId;
        let service = w.services.get(sid);
        if (service === undefined && !w.services.has(sid)) {
          service = staleServices.has(sid) ? undefined : tx.get('service', sid);
          w.services.set(sid, service);
        }
        if (service === undefined || tx.get('task', item.info.id) !== undefined) {
          stale.push(item);
          return;
        }
        const next = this.#assigning(tx, undefined, newTask(item.info, service), item, w);
        if (next === undefined) return;
        tx.create('task', next);
        counts.created++;
        return;
      }
    }
  }

  /**
   * The task to write once the `onAssign` hook has seen an assignment (`stored` below ASSIGNED, or
   * a new task, and `next` assigned to a node); `next` itself when it is no assignment or there is
   * no hook. When the hook refuses, the task is written pending with the refusal as its message
   * (replicated: without a node; global: on its node), the item is re-read after the write, and
   * undefined is returned.
   */
  #assigning(
    tx: DriverWriteTx,
    stored: swarm.Task | undefined,
    next: swarm.Task,
    item: Item,
    w: TxWork,
  ): swarm.Task | undefined {
    const hook = this.#d.onAssign;
    const before = stored?.status?.state ?? swarm.TaskState.NEW;
    const after = next.status?.state ?? swarm.TaskState.NEW;
    if (hook === undefined || before >= ASSIGNED || after < ASSIGNED || !next.nodeId) return next;
    let reason: string;
    try {
      return hook(tx, next);
    } catch (err) {
      reason = err instanceof Error ? err.message : String(err);
      if (!(err instanceof SwarmError))
        this.#d.log.warn('orchestrator: the assignment hook failed', { task: next.id, error: describe(err) });
      else
        this.#d.log.debug('orchestrator: an assignment was refused', { task: next.id, error: describe(err) });
    }
    w.refused.push(item);
    // A global service's task keeps its node (it is pinned there); any other waits for placement.
    const pinned = item.op === 'create' && item.info.slot === 0;
    const nodeId = stored !== undefined ? (stored.nodeId ?? '') : pinned ? next.nodeId : '';
    const base = stored ?? next;
    const state = stored === undefined ? swarm.TaskState.PENDING : before;
    if (stored !== undefined && stored.status?.message === reason && (stored.nodeId ?? '') === nodeId)
      return undefined;
    const pending = swarm.Task.create({
      ...base,
      nodeId,
      status: swarm.TaskStatus.create({ ...(base.status ?? {}), state, message: reason }),
    });
    if (stored === undefined) tx.create('task', pending);
    else tx.update('task', pending);
    return undefined;
  }

  // ---- the reaper ----

  /** Only changes that can make a task deletable put its service in the reaper's scope. */
  #noteForReaper(e: DriverStoreEvent): void {
    if (e.kind === 'task') {
      const t = e.object as swarm.Task;
      if (e.action !== 'delete' && (t.desiredState > RUNNING || (t.status?.state ?? 0) >= COMPLETE)) {
        this.#reapServices.add(t.serviceId);
      }
    } else if (e.kind === 'service' && e.action === 'delete') this.#reapServices.add(e.object.id);
    else if (e.kind === 'node') this.#reapNodes.add(e.object.id);
  }

  /** Deletes the tasks the reaper picks among the services touched since the last run. */
  async #reap(): Promise<number> {
    if (!this.#reapAll && this.#reapServices.size === 0 && this.#reapNodes.size === 0) return 0;
    const { store, stats, log } = this.#d;
    const all = this.#reapAll;
    const services = new Set(this.#reapServices);
    const nodes = [...this.#reapNodes];
    this.#reapAll = false;
    this.#reapServices.clear();
    this.#reapNodes.clear();
    // Bounded per pass, so a large backlog (a big service removed) does not hold up scheduling.
    const limit = this.#d.maxWriteBatch * 4;
    const candidates: ReapCandidate[] = store.view((tx) => {
      for (const n of nodes) for (const t of tx.find('task', { nodeId: n })) services.add(t.serviceId);
      const scope = all ? {} : { services };
      return tasksToReap(tx, { retention: this.#retention, limit, ...scope });
    });
    if (candidates.length >= limit) {
      // More may be left: look at the same scope again on the next pass.
      if (all) this.#reapAll = true;
      for (const id of services) this.#reapServices.add(id);
      this.#again = true;
    }
    let reaped = 0;
    for (let i = 0; i < candidates.length; i += this.#d.maxWriteBatch) {
      if (this.#stopped) return reaped;
      const chunk = candidates.slice(i, i + this.#d.maxWriteBatch);
      let n = 0;
      try {
        stats.writes++;
        await store.update(
          (tx) => {
            n = 0;
            for (const c of chunk) {
              if (!stillReapable(tx, c)) continue;
              tx.delete('task', c.id);
              n++;
            }
          },
          { signal: this.#abort.signal },
        );
      } catch (err) {
        if (this.#stopped) return reaped;
        // Deletions are retried on the next run: look at these services again.
        for (const c of candidates.slice(i)) this.#reapServices.add(c.serviceId);
        if (isStoreConflict(err)) stats.conflicts++;
        else stats.writeErrors++;
        log.info('orchestrator: reaping tasks failed; will retry', { error: describe(err) });
        this.#again = true;
        return reaped;
      }
      reaped += n;
      stats.reaped += n;
    }
    if (reaped > 0) log.debug('orchestrator: reaped tasks', { count: reaped });
    return reaped;
  }
}

function describe(err: unknown): string {
  if (err instanceof SwarmError) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
