/**
 * The worker's side of task logs: every line an executor reads is queued and shipped to a manager
 * (`LogBroker.PublishLogs` in a node) in batches, to the manager the agent is connected to first and
 * then to the others, so that `service logs` on any manager shows it. Lines wait in memory only,
 * and at most `maxPending` of them (the oldest are dropped while no manager takes them).
 */
import { type Clock, type Logger, noopLogger, type swarm, systemClock, type Timer } from '@swarm/api';

/** Bytes of log data one publish call carries at most (well under a manager's per-node budget). */
export const MAX_LOG_BATCH_BYTES = 1024 * 1024;
/** Lines one publish call carries at most. */
export const MAX_LOG_BATCH_LINES = 2000;

/** The oldest pending lines that fit one call: at most 2,000 lines and MAX_LOG_BATCH_BYTES (at least one line). */
export function logBatch(pending: readonly swarm.LogLine.$Properties[]): swarm.LogLine.$Properties[] {
  let bytes = 0;
  let n = 0;
  while (n < pending.length && n < MAX_LOG_BATCH_LINES) {
    bytes += pending[n]!.data?.length ?? 0;
    if (n > 0 && bytes > MAX_LOG_BATCH_BYTES) break;
    n++;
  }
  return pending.slice(0, n);
}

/** What a LogPublisher needs: where to send, and to whom. */
export interface LogPublisherComponents {
  /** Sends lines to the manager at `addr` (a node: `LogBroker.PublishLogs`); a rejection tries the next manager. */
  publish(addr: string, lines: swarm.LogLine.$Properties[]): Promise<void>;
  /** The managers to try, in order (the agent's: the connected one first). */
  managers(): readonly string[];
  /** Timers. Default `systemClock`. */
  clock?: Clock;
  /** Failed sends (debug level). Default none. */
  logger?: Logger;
}

/** Options of a LogPublisher. */
export interface LogPublisherInit {
  /** How often queued lines are sent (ms). Default 250. */
  flushMs?: number;
  /** Lines kept while no manager takes them; the oldest beyond are dropped. Default 20,000. */
  maxPending?: number;
}

/** The defaults of LogPublisherInit. */
export const LOG_PUBLISHER_DEFAULTS: Required<LogPublisherInit> = { flushMs: 250, maxPending: 20_000 };

/** Ships task output from a worker to the managers, in batches, failing over between managers. */
export class LogPublisher {
  readonly #c: LogPublisherComponents;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #init: Required<LogPublisherInit>;
  #pending: swarm.LogLine.$Properties[] = [];
  #flushing = false;
  #timer: Timer | undefined;
  #started = false;
  #stopped = false;

  constructor(init: LogPublisherInit, components: LogPublisherComponents) {
    if (typeof components?.publish !== 'function' || typeof components.managers !== 'function')
      throw new TypeError('LogPublisher: components.publish and components.managers are required functions');
    this.#init = { ...LOG_PUBLISHER_DEFAULTS, ...init };
    for (const k of ['flushMs', 'maxPending'] as const)
      if (!Number.isFinite(this.#init[k]) || this.#init[k] <= 0)
        throw new RangeError(`LogPublisher: ${k} must be a number > 0, got ${String(this.#init[k])}`);
    this.#c = components;
    this.#clock = components.clock ?? systemClock;
    this.#logger = components.logger ?? noopLogger;
  }

  /** Lines waiting to be sent. */
  get pending(): number {
    return this.#pending.length;
  }

  /** Queues one line (an executor's `onLog`). */
  push(line: swarm.LogLine.$Properties): void {
    if (this.#stopped) return;
    this.#pending.push(line);
    const over = this.#pending.length - this.#init.maxPending;
    if (over > 0) this.#pending.splice(0, over);
  }

  /** Sends queued lines every `flushMs` until stopped. */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    this.#arm();
  }

  /**
   * Sends one batch (the oldest lines that fit a call) to the first manager that takes it; the
   * lines stay queued when none does. Never rejects.
   */
  async flush(): Promise<void> {
    if (this.#flushing || this.#pending.length === 0 || this.#stopped) return;
    this.#flushing = true;
    const batch = logBatch(this.#pending);
    try {
      for (const m of this.#c.managers()) {
        try {
          await this.#c.publish(m, batch);
          if (!this.#stopped) this.#pending.splice(0, batch.length);
          return;
        } catch (e) {
          this.#logger.debug?.('log publish failed', { manager: m, error: String((e as Error).message) });
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  /**
   * Stops sending and drops what is queued (call `flush()` first for one last attempt: a stopping
   * node whose managers are gone would otherwise wait for each call's deadline).
   */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#timer?.cancel();
    this.#pending = [];
  }

  #arm(): void {
    this.#timer = this.#clock.setTimeout(() => {
      if (this.#stopped) return;
      void this.flush().finally(() => {
        if (!this.#stopped) this.#arm();
      });
    }, this.#init.flushMs);
  }
}
