/**
 * The worker's outgoing task status reports. The latest status per task waits up to `batchMs`
 * (or until `batchSize` are waiting) and is sent in one call; a report leaves the queue only when
 * a manager acknowledged it, so a report survives a failover or a leader change.
 */
import type { Clock, Logger, swarm, Timer } from '@swarm/api';

/** Sends one batch on the current session; rejects like `DispatcherConnection.updateTaskStatus`. */
export type StatusSender = (updates: { taskId: string; status: swarm.TaskStatus }[]) => Promise<unknown>;

export class StatusReporter {
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #batchMs: number;
  readonly #batchSize: number;
  readonly #onFailure: (err: unknown) => void;
  #pending = new Map<string, swarm.TaskStatus>();
  #timer: Timer | undefined;
  #inFlight = false;
  #sender: StatusSender | undefined;

  constructor(o: {
    clock: Clock;
    logger: Logger;
    batchMs: number;
    batchSize: number;
    /** A send failed for a reason other than the content: the connection is suspect. */
    onFailure: (err: unknown) => void;
  }) {
    this.#clock = o.clock;
    this.#logger = o.logger;
    this.#batchMs = o.batchMs;
    this.#batchSize = o.batchSize;
    this.#onFailure = o.onFailure;
  }

  /** Reports waiting for an acknowledgement. */
  get size(): number {
    return this.#pending.size;
  }

  /** Sets (on a new session) or clears (connection lost, agent stopped) where reports go. */
  setSender(sender: StatusSender | undefined): void {
    this.#sender = sender;
    if (sender === undefined) {
      this.#timer?.cancel();
      this.#timer = undefined;
    } else {
      this.#schedule(0);
    }
  }

  record(taskId: string, status: swarm.TaskStatus): void {
    this.#pending.set(taskId, status);
    this.#schedule(this.#pending.size >= this.#batchSize ? 0 : this.#batchMs);
  }

  /** Drops a task's waiting report (the task left this node). */
  forget(taskId: string): void {
    this.#pending.delete(taskId);
  }

  #schedule(ms: number): void {
    if (this.#sender === undefined || this.#inFlight || this.#pending.size === 0) return;
    if (this.#timer !== undefined) {
      if (ms > 0) return;
      this.#timer.cancel();
    }
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      void this.#send();
    }, ms);
  }

  async #send(): Promise<void> {
    const sender = this.#sender;
    if (sender === undefined || this.#inFlight) return;
    const batch = [...this.#pending].slice(0, this.#batchSize);
    if (batch.length === 0) return;
    this.#inFlight = true;
    try {
      await sender(batch.map(([taskId, status]) => ({ taskId, status })));
      this.#acknowledge(batch);
    } catch (err) {
      const e = err as { code?: unknown; details?: { taskId?: unknown } };
      if (e.code === 'TASK_NOT_ASSIGNED' && typeof e.details?.taskId === 'string') {
        // The task moved away from this node: its report is no longer ours to make.
        this.#pending.delete(e.details.taskId);
      } else if (e.code === 'INVALID_STATUS_UPDATE') {
        this.#logger.error('a status report was refused as invalid; dropping it', { tasks: batch.length });
        this.#acknowledge(batch);
      } else if (this.#sender === sender) {
        this.#sender = undefined;
        this.#onFailure(err);
      }
    } finally {
      this.#inFlight = false;
    }
    this.#schedule(this.#pending.size >= this.#batchSize ? 0 : this.#batchMs);
  }

  #acknowledge(batch: [string, swarm.TaskStatus][]): void {
    // A newer report for the same task stays queued.
    for (const [id, status] of batch) if (this.#pending.get(id) === status) this.#pending.delete(id);
  }
}
