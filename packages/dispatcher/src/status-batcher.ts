/**
 * Batched task status writes. Updates wait up to `statusBatchMs` (or until `statusBatchSize` are
 * queued) and are written in one store transaction. A caller's promise settles when its updates are
 * committed, so a worker that saw success knows its report survives a leader change. An update
 * that cannot be stored is dropped alone and reported (its caller's promise rejects); the other
 * nodes' updates of the batch are written.
 */
import { type Clock, type Logger, swarm, type Timer, toLong } from '@swarm/api';
import { errorCode, writeIsolated } from './batch-write.js';
import type { DispatcherStore } from './store-contract.js';
import { inAssignmentSet, stateOf } from './task-rules.js';

interface Queued {
  nodeId: string;
  status: swarm.TaskStatus.$Properties;
}

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
  /** The tasks this caller's updates were for: it fails only if one of them is rejected. */
  taskIds: readonly string[];
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
  readonly stats = { writes: 0, applied: 0, stale: 0, conflicts: 0, rejected: 0 };

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
    const taskIds = updates.map((u) => u.taskId);
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject, taskIds }));
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
    // The outcome of each update in the transaction that last ran it (re-runs overwrite).
    const outcome = new Map<string, 'applied' | 'stale' | 'skipped'>();
    try {
      const result = await writeIsolated(
        this.#store,
        batch,
        (tx, taskId, q) => {
          const task = tx.get('task', taskId);
          // Checked again inside the transaction: the task may have moved or gone since.
          if (!inAssignmentSet(task, q.nodeId)) {
            outcome.set(taskId, 'skipped');
            return;
          }
          if (stateOf(q) < stateOf(task)) {
            outcome.set(taskId, 'stale');
            return;
          }
          const next = swarm.Task.create({ ...task });
          next.status = swarm.TaskStatus.create({
            ...q.status,
            timestamp: q.status.timestamp ?? toLong(BigInt(Math.max(0, Math.floor(this.#clock.now())))),
          });
          tx.update('task', next);
          outcome.set(taskId, 'applied');
        },
        this.#retries,
        () => this.stats.conflicts++,
      );
      this.stats.writes += result.writes;
      for (const [taskId, o] of outcome) {
        if (result.rejected.has(taskId)) continue;
        if (o === 'applied') this.stats.applied++;
        else if (o === 'stale') this.stats.stale++;
      }
      for (const [taskId, err] of result.rejected) {
        this.stats.rejected++;
        this.#logger.warn('task status write rejected; the rest of its batch was written', {
          taskId,
          nodeId: batch.get(taskId)?.nodeId ?? '',
          code: errorCode(err) ?? 'ERROR',
        });
      }
      for (const w of waiters) {
        const failed = w.taskIds.find((id) => result.rejected.has(id));
        if (failed === undefined) w.resolve();
        else w.reject(result.rejected.get(failed));
      }
    } catch (err) {
      this.#logger.warn('task status write failed', { tasks: batch.size, code: errorCode(err) });
      for (const w of waiters) w.reject(err);
    }
  }
}
