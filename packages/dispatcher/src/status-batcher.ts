/**
 * Batched task status writes. Updates wait up to `statusBatchMs` (or until `statusBatchSize` are
 * queued) and are written in one store transaction. A caller's promise settles when its updates are
 * committed, so a worker that saw success knows its report survives a leader change.
 */
import { type Clock, type Logger, swarm, type Timer, toLong } from '@swarm/api';
import type { DispatcherStore } from './store-contract.js';
import { inAssignmentSet, stateOf } from './task-rules.js';

interface Queued {
  nodeId: string;
  status: swarm.TaskStatus.$Properties;
}

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

export class StatusBatcher {
  readonly #store: DispatcherStore;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #batchMs: number;
  readonly #batchSize: number;
  readonly #retries: number;
  #queued = new Map<string, Queued>();
  #waiters: Waiter[] = [];
  #timer: Timer | undefined;
  /** Counters for tests and metrics. */
  readonly stats = { writes: 0, applied: 0, stale: 0, conflicts: 0 };

  constructor(o: {
    store: DispatcherStore;
    clock: Clock;
    logger: Logger;
    batchMs: number;
    batchSize: number;
    retries: number;
  }) {
    this.#store = o.store;
    this.#clock = o.clock;
    this.#logger = o.logger;
    this.#batchMs = o.batchMs;
    this.#batchSize = o.batchSize;
    this.#retries = o.retries;
  }

  /** Queues checked updates from `nodeId`; resolves once they are written (or found stale). */
  add(nodeId: string, updates: { taskId: string; status: swarm.TaskStatus.$Properties }[]): Promise<void> {
    for (const u of updates) {
      const prev = this.#queued.get(u.taskId);
      // Within a batch too, a state never moves backwards.
      if (prev && stateOf(prev) > stateOf(u)) continue;
      this.#queued.set(u.taskId, { nodeId, status: u.status });
    }
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (this.#queued.size >= this.#batchSize) this.#flushSoon(0);
    else this.#flushSoon(this.#batchMs);
    return done;
  }

  /** Rejects every queued update (the dispatcher stopped); the workers report them again elsewhere. */
  abort(err: Error): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#queued = new Map();
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w.reject(err);
  }

  #flushSoon(ms: number): void {
    if (this.#timer !== undefined) {
      if (ms > 0) return;
      this.#timer.cancel();
    }
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      void this.#flush();
    }, ms);
  }

  async #flush(): Promise<void> {
    const batch = this.#queued;
    const waiters = this.#waiters;
    this.#queued = new Map();
    this.#waiters = [];
    if (batch.size === 0) {
      for (const w of waiters) w.resolve();
      return;
    }
    for (let attempt = 0; ; attempt++) {
      try {
        let applied = 0;
        let stale = 0;
        await this.#store.update((tx) => {
          applied = 0;
          stale = 0;
          const now = this.#clock.now();
          for (const [taskId, q] of batch) {
            const task = tx.get('task', taskId);
            // Checked again inside the transaction: the task may have moved or gone since.
            if (!inAssignmentSet(task, q.nodeId)) continue;
            if (stateOf(q) < stateOf(task)) {
              stale++;
              continue;
            }
            const next = swarm.Task.create({ ...task });
            next.status = swarm.TaskStatus.create({
              ...q.status,
              timestamp: q.status.timestamp ?? toLong(BigInt(Math.max(0, Math.floor(now)))),
            });
            tx.update('task', next);
            applied++;
          }
        });
        this.stats.writes++;
        this.stats.applied += applied;
        this.stats.stale += stale;
        for (const w of waiters) w.resolve();
        return;
      } catch (err) {
        if (isConflict(err) && attempt < this.#retries) {
          this.stats.conflicts++;
          continue;
        }
        this.#logger.warn('task status write failed', { tasks: batch.size, code: codeOf(err) });
        for (const w of waiters) w.reject(err);
        return;
      }
    }
  }
}

function isConflict(err: unknown): boolean {
  return codeOf(err) === 'SEQUENCE_CONFLICT';
}

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : undefined;
}
