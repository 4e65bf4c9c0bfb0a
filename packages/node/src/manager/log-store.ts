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
 *
 * Readers filter here, not after the answer: by service, task, node, `since` (a time) and `tail`
 * (lines per task). Every kept line gets this store's next cursor value; `after` returns only newer
 * lines, and `wait` holds a reader until one arrives (`service logs -f`, one long poll at a time,
 * never a re-read of the whole log).
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

/** The longest a `wait` holds a reader (ms); a longer `waitMs` is cut to this. */
export const MAX_LOG_WAIT_MS = 30_000;

interface TaskLog {
  readonly serviceId: string;
  readonly nodeId: string;
  lines: swarm.LogLine[];
  /** The cursor value of each line (parallel to `lines`). */
  cursors: number[];
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
  readonly #waiters = new Set<(kept: readonly swarm.LogLine[]) => void>();
  /**
   * The last cursor value given to a line. It starts from the clock (in microseconds), so a cursor
   * a reader kept from before this manager restarted is not ahead of the new lines.
   */
  #cursor: number;
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
    this.#cursor = Math.max(0, Math.floor(this.#clock.now())) * 1000;
  }

  /** The cursor of the newest line kept (a reader's `after` for "from now on"). */
  get cursor(): number {
    return this.#cursor;
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
    const kept: swarm.LogLine[] = [];
    for (const l of lines) {
      const k = this.#keep(tasks.get(l.taskId ?? '')!, nodeId, l);
      if (k !== undefined) kept.push(k);
    }
    this.#evictOverTotal();
    if (kept.length > 0) for (const w of [...this.#waiters]) w(kept);
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

  #keep(task: swarm.Task, nodeId: string, l: swarm.LogLine.$Properties): swarm.LogLine | undefined {
    let t = this.#tasks.get(task.id);
    if (t === undefined) {
      t = { serviceId: task.serviceId, nodeId, lines: [], cursors: [], bytes: 0, lastSeq: 0n };
      if (this.#tasks.size >= this.#o.maxTasks) this.#dropOldestTask();
    } else this.#tasks.delete(task.id);
    this.#tasks.set(task.id, t); // most recently written last
    const seq = fromLong(l.seq ?? 0);
    if (seq !== 0n && seq <= t.lastSeq) return undefined; // already have it (a retried publish)
    if (seq !== 0n) t.lastSeq = seq;
    const data = cutLine(l.data, this.#o.maxLineBytes);
    const line = swarm.LogLine.create({
      taskId: task.id,
      serviceId: t.serviceId,
      nodeId: t.nodeId,
      timestamp: toLong(fromLong(l.timestamp ?? 0)),
      stream:
        l.stream === swarm.LogLine.Stream.STDERR ? swarm.LogLine.Stream.STDERR : swarm.LogLine.Stream.STDOUT,
      data,
      seq: toLong(seq),
    });
    t.lines.push(line);
    t.cursors.push(++this.#cursor);
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
    if (drop > 0) {
      t.lines.splice(0, drop);
      t.cursors.splice(0, drop);
    }
    return line;
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

  /**
   * The kept lines of a service, task or node, oldest first: those read at or after `since`, and
   * either the newer ones than the cursor `after` or the last `tail` of each task. The answer's
   * `cursor` is this store's newest line (pass it as `after` next time).
   */
  list(req: swarm.IListLogsRequest): swarm.ListLogsResponse {
    const out: swarm.LogLine[] = [];
    const after = Number(fromLong(req.after ?? 0));
    const tail = after > 0 ? 0 : (req.tail ?? 0);
    const since = Number(fromLong(req.since ?? 0));
    for (const [taskId, t] of this.#tasks) {
      if (req.taskId && req.taskId !== taskId) continue;
      if (req.serviceId && t.serviceId !== req.serviceId) continue;
      if (req.nodeId && t.nodeId !== req.nodeId) continue;
      let from = 0;
      if (after > 0) {
        // Cursors grow along the array: skip what the reader has seen.
        while (from < t.cursors.length && t.cursors[from]! <= after) from++;
      }
      let picked = t.lines.slice(from);
      if (since > 0) picked = picked.filter((l) => Number(fromLong(l.timestamp ?? 0)) >= since);
      out.push(...(tail > 0 ? picked.slice(-tail) : picked));
    }
    out.sort((a, b) => Number(fromLong(a.timestamp ?? 0) - fromLong(b.timestamp ?? 0)));
    // One answer stays under the gRPC message limit: the newest lines win.
    let bytes = 0;
    let from = out.length;
    while (from > 0 && bytes + out[from - 1]!.data.length + LINE_OVERHEAD_BYTES <= this.#o.maxListBytes) {
      from--;
      bytes += out[from]!.data.length + LINE_OVERHEAD_BYTES;
    }
    return swarm.ListLogsResponse.create({
      lines: from === 0 ? out : out.slice(from),
      cursor: toLong(BigInt(this.#cursor)),
    });
  }

  /**
   * `list`, but when nothing matches, waits up to `waitMs` (at most MAX_LOG_WAIT_MS) for a matching
   * line. It answers early, with what matches then (maybe nothing), when the service (or the task)
   * is removed from the store or `signal` aborts.
   */
  async wait(
    req: swarm.IListLogsRequest,
    options: { signal?: AbortSignal } = {},
  ): Promise<swarm.ListLogsResponse> {
    const first = this.list(req);
    const waitMs = Math.min(MAX_LOG_WAIT_MS, req.waitMs ?? 0);
    if (first.lines.length > 0 || waitMs <= 0 || options.signal?.aborted) return first;
    // Without a cursor, "new" means newer than what the first answer covered.
    const q: swarm.IListLogsRequest = {
      ...req,
      after: fromLong(req.after ?? 0) !== 0n ? toLong(fromLong(req.after ?? 0)) : first.cursor,
    };
    return new Promise<swarm.ListLogsResponse>((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.#waiters.delete(check);
        timer.cancel();
        unwatch();
        options.signal?.removeEventListener('abort', finish);
        resolve(this.list(q));
      };
      const since = Number(fromLong(req.since ?? 0));
      const check = (kept: readonly swarm.LogLine[]) => {
        if (
          kept.some(
            (l) =>
              (!req.serviceId || l.serviceId === req.serviceId) &&
              (!req.taskId || l.taskId === req.taskId) &&
              (!req.nodeId || l.nodeId === req.nodeId) &&
              Number(fromLong(l.timestamp ?? 0)) >= since,
          )
        )
          finish();
      };
      const timer = this.#clock.setTimeout(finish, waitMs);
      const unwatch = this.store.watch(
        {
          kinds: ['service', 'task'],
          actions: ['delete'],
          match: (e) => e.object.id === req.serviceId || e.object.id === req.taskId,
        },
        finish,
      );
      options.signal?.addEventListener('abort', finish, { once: true });
      this.#waiters.add(check);
    });
  }
}
