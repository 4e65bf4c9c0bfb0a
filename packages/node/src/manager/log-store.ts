/**
 * Task output kept on managers for `swarm service logs`, in memory only (logs may contain what a
 * task printed about its secrets: they never touch a manager's disk either). What a worker sends
 * is data, bounded on every axis, and never identity:
 *
 * - a worker may publish lines only for tasks assigned to it (one foreign line refuses the call);
 * - each line's service and node come from the store's task, never from the message;
 * - a line is cut at `maxLineBytes`; a task keeps at most `maxLinesPerTask` lines and
 *   `maxBytesPerTask` bytes; the whole store at most `maxTotalBytes` (least recently written
 *   tasks go first);
 * - each node has a byte budget that refills at `ratePerNodeBytesPerSec` up to `burstPerNodeBytes`;
 *   a call that does not fit is refused whole (`LOG_RATE_LIMITED`), and the worker retries later.
 */
import { type Clock, fromLong, swarm, systemClock, toLong } from '@swarm/api';
import type { Store } from '@swarm/store';
import { LogPublishError } from './errors.js';

/** Bytes one line costs against a node's budget beyond its data (so empty lines are not free). */
const LINE_OVERHEAD_BYTES = 64;

export interface LogStoreOptions {
  clock?: Clock;
  /** Bytes kept of one line (the rest is cut). Default 16 KiB, the worker's own line limit. */
  maxLineBytes?: number;
  /** Lines kept per task (oldest dropped). Default 1,000. */
  maxLinesPerTask?: number;
  /** Bytes kept per task (oldest lines dropped). Default 1 MiB. */
  maxBytesPerTask?: number;
  /** Bytes kept in all (least recently written tasks dropped). Default 64 MiB. */
  maxTotalBytes?: number;
  /** Tasks kept (least recently written dropped). Default 2,000. */
  maxTasks?: number;
  /** A node's budget refills at this many bytes per second. Default 2 MiB/s. */
  ratePerNodeBytesPerSec?: number;
  /** A node's budget holds at most this many bytes (the largest call that can pass). Default 8 MiB. */
  burstPerNodeBytes?: number;
  /** A ListLogs answer carries at most this many bytes of lines (the newest kept). Default 3 MiB. */
  maxListBytes?: number;
}

export const LOG_DEFAULTS = Object.freeze({
  maxLineBytes: 16 * 1024,
  maxLinesPerTask: 1000,
  maxBytesPerTask: 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxTasks: 2000,
  ratePerNodeBytesPerSec: 2 * 1024 * 1024,
  burstPerNodeBytes: 8 * 1024 * 1024,
  maxListBytes: 3 * 1024 * 1024,
});

interface TaskLog {
  readonly serviceId: string;
  readonly nodeId: string;
  lines: swarm.LogLine[];
  bytes: number;
  lastSeq: bigint;
}

interface Budget {
  tokens: number;
  at: number;
}

/** What a publish call would cost a node's budget: its bytes as received, plus a little per line. */
export function publishCost(lines: readonly swarm.LogLine.$Properties[]): number {
  let cost = 0;
  for (const l of lines) cost += (l.data?.length ?? 0) + LINE_OVERHEAD_BYTES;
  return cost;
}

/** A copy of at most `max` bytes (a copy, so a kept line never pins the request's whole buffer). */
export function cutLine(data: Uint8Array | null | undefined, max: number): Uint8Array {
  const d = data ?? new Uint8Array();
  return Uint8Array.prototype.slice.call(d, 0, Math.min(d.length, max));
}

/** Task output that workers publish, kept in memory on the managers for `service logs`. */
export class LogStore {
  readonly #tasks = new Map<string, TaskLog>();
  readonly #budgets = new Map<string, Budget>();
  readonly #o: Required<Omit<LogStoreOptions, 'clock'>>;
  readonly #clock: Clock;
  #totalBytes = 0;

  constructor(
    readonly store: Store,
    o: LogStoreOptions = {},
  ) {
    const { clock, ...rest } = o;
    this.#clock = clock ?? systemClock;
    this.#o = { ...LOG_DEFAULTS };
    for (const [k, v] of Object.entries(rest)) {
      if (v === undefined) continue;
      if (!Number.isSafeInteger(v) || (v as number) < 1)
        throw new RangeError(`LogStore: ${k} must be a whole number >= 1, got ${String(v)}`);
      (this.#o as Record<string, number>)[k] = v as number;
    }
  }

  /** Bytes of log data held now. */
  get totalBytes(): number {
    return this.#totalBytes;
  }

  /** Lines from `nodeId`'s tasks. Refused whole when one line is not its own or the node is over budget. */
  publish(nodeId: string, req: swarm.PublishLogsRequest): swarm.PublishLogsResponse {
    const lines = req.lines ?? [];
    const tasks = this.store.view((tx) => {
      const found = new Map<string, swarm.Task>();
      for (const l of lines) {
        const task = tx.get('task', l.taskId ?? '');
        if (task === undefined || task.nodeId !== nodeId)
          throw new LogPublishError(
            'TASK_NOT_ASSIGNED',
            `node ${nodeId} may not publish logs of task ${JSON.stringify(l.taskId)}: it is not assigned to it`,
            { nodeId, taskId: l.taskId },
          );
        found.set(task.id, task);
      }
      return found;
    });
    this.#charge(nodeId, publishCost(lines));
    for (const l of lines) this.#keep(tasks.get(l.taskId ?? '')!, nodeId, l);
    this.#evictOverTotal();
    return swarm.PublishLogsResponse.create();
  }

  /** Takes `cost` bytes from the node's budget, or refuses the whole call. */
  #charge(nodeId: string, cost: number): void {
    const now = this.#clock.now();
    const { ratePerNodeBytesPerSec: rate, burstPerNodeBytes: burst } = this.#o;
    const b = this.#budgets.get(nodeId) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    this.#budgets.set(nodeId, b);
    if (cost <= b.tokens) {
      b.tokens -= cost;
      return;
    }
    throw new LogPublishError(
      'LOG_RATE_LIMITED',
      cost > burst
        ? `node ${nodeId} sent ${cost} bytes of logs in one call, more than the ${burst} a call may carry; send smaller batches`
        : `node ${nodeId} publishes logs faster than ${rate} bytes/s; retry later`,
      { nodeId, cost, available: Math.floor(b.tokens), burst, rate },
    );
  }

  #keep(task: swarm.Task, nodeId: string, l: swarm.LogLine.$Properties): void {
    let t = this.#tasks.get(task.id);
    if (t === undefined) {
      t = { serviceId: task.serviceId, nodeId, lines: [], bytes: 0, lastSeq: 0n };
      if (this.#tasks.size >= this.#o.maxTasks) this.#dropOldestTask();
    } else this.#tasks.delete(task.id);
    this.#tasks.set(task.id, t); // most recently written last
    const seq = fromLong(l.seq ?? 0);
    if (seq !== 0n && seq <= t.lastSeq) return; // already have it (a retried publish)
    if (seq !== 0n) t.lastSeq = seq;
    const data = cutLine(l.data, this.#o.maxLineBytes);
    t.lines.push(
      swarm.LogLine.create({
        taskId: task.id,
        serviceId: t.serviceId,
        nodeId: t.nodeId,
        timestamp: toLong(fromLong(l.timestamp ?? 0)),
        stream:
          l.stream === swarm.LogLine.Stream.STDERR
            ? swarm.LogLine.Stream.STDERR
            : swarm.LogLine.Stream.STDOUT,
        data,
        seq: toLong(seq),
      }),
    );
    t.bytes += data.length;
    this.#totalBytes += data.length;
    let drop = 0;
    while (
      t.lines.length - drop > this.#o.maxLinesPerTask ||
      (t.bytes > this.#o.maxBytesPerTask && t.lines.length - drop > 1)
    ) {
      const n = t.lines[drop]!.data.length;
      t.bytes -= n;
      this.#totalBytes -= n;
      drop++;
    }
    if (drop > 0) t.lines.splice(0, drop);
  }

  #dropOldestTask(): void {
    const oldest = this.#tasks.keys().next().value;
    if (oldest === undefined) return;
    this.#totalBytes -= this.#tasks.get(oldest)!.bytes;
    this.#tasks.delete(oldest);
  }

  #evictOverTotal(): void {
    while (this.#totalBytes > this.#o.maxTotalBytes && this.#tasks.size > 1) this.#dropOldestTask();
  }

  /** The kept lines of a service (or task), the last `tail` of them. */
  list(req: swarm.ListLogsRequest): swarm.ListLogsResponse {
    const out: swarm.LogLine[] = [];
    const tail = req.tail ?? 0;
    for (const [taskId, t] of this.#tasks) {
      if (req.taskId && req.taskId !== taskId) continue;
      if (req.serviceId && t.serviceId !== req.serviceId) continue;
      out.push(...(tail > 0 ? t.lines.slice(-tail) : t.lines));
    }
    out.sort((a, b) => Number(fromLong(a.timestamp ?? 0) - fromLong(b.timestamp ?? 0)));
    // One answer stays under the gRPC message limit: the newest lines win.
    let bytes = 0;
    let from = out.length;
    while (from > 0 && bytes + out[from - 1]!.data.length + LINE_OVERHEAD_BYTES <= this.#o.maxListBytes) {
      from--;
      bytes += out[from]!.data.length + LINE_OVERHEAD_BYTES;
    }
    return swarm.ListLogsResponse.create({ lines: from === 0 ? out : out.slice(from) });
  }
}
