/**
 * Task output kept in memory only: a line splitter per stream and a byte-bounded ring of lines per
 * task. Nothing here touches a disk, so a task's output never outlives the daemon.
 */
import { type swarm, toLong } from '@swarm/api';

/** Lines longer than this are cut into pieces of this size (a line never grows without bound). */
export const MAX_LINE_BYTES = 16 * 1024;

/** One captured line, in the wire shape of `swarm.LogLine`. */
export type TaskLogLine = swarm.LogLine.$Properties & {
  taskId: string;
  serviceId: string;
  nodeId: string;
  stream: swarm.LogLine.Stream;
  data: Uint8Array;
};

/**
 * Splits a byte stream into lines (without the newline). A line is emitted when its newline
 * arrives, when it reaches `MAX_LINE_BYTES`, or by `flush()` at the end of the stream.
 */
export class LineSplitter {
  #parts: Uint8Array[] = [];
  #size = 0;
  readonly #emit: (line: Uint8Array) => void;

  /** `emit` is called with each complete line (a copy: the caller may keep it). */
  constructor(emit: (line: Uint8Array) => void) {
    this.#emit = emit;
  }

  /** Feeds the next chunk of the stream (a `Buffer` is a `Uint8Array` too); emits the lines it completes. */
  push(chunk: Uint8Array): void {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const room = MAX_LINE_BYTES - this.#size;
      const end = nl === -1 ? chunk.length : nl;
      if (end - start >= room) {
        // The pending line fills up before its newline: emit a full piece, keep going.
        this.#append(chunk.subarray(start, start + room));
        this.#emitPending();
        start += room;
        continue;
      }
      this.#append(chunk.subarray(start, end));
      if (nl === -1) return;
      this.#emitPending();
      start = nl + 1;
    }
  }

  /** Emits what is pending (a last line without a newline). */
  flush(): void {
    if (this.#size > 0) this.#emitPending();
  }

  #append(part: Uint8Array): void {
    if (part.length === 0) return;
    // Copy: the chunk's memory belongs to the stream.
    this.#parts.push(new Uint8Array(part));
    this.#size += part.length;
  }

  #emitPending(): void {
    const line = this.#parts.length === 1 ? this.#parts[0]! : concat(this.#parts, this.#size);
    this.#parts = [];
    this.#size = 0;
    this.#emit(line);
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The lines of one task, bounded by their total byte size (oldest dropped first). */
export class LogRing {
  #lines: TaskLogLine[] = [];
  #head = 0;
  #bytes = 0;
  readonly #maxBytes: number;

  /** Keeps at most `maxBytes` of line data. */
  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** Appends a line, dropping the oldest lines while the ring holds more than its bound. */
  add(line: TaskLogLine): void {
    this.#lines.push(line);
    this.#bytes += line.data.length;
    while (this.#bytes > this.#maxBytes && this.#head < this.#lines.length) {
      this.#bytes -= this.#lines[this.#head]!.data.length;
      this.#lines[this.#head] = undefined as unknown as TaskLogLine; // let the GC take it
      this.#head++;
    }
    // Compact now and then so the dropped prefix does not grow forever.
    if (this.#head > 1024 && this.#head * 2 > this.#lines.length) {
      this.#lines = this.#lines.slice(this.#head);
      this.#head = 0;
    }
  }

  /** The kept lines, oldest first; only the last `tail` when given (> 0). */
  lines(tail?: number): TaskLogLine[] {
    const from =
      tail !== undefined && tail > 0 ? Math.max(this.#head, this.#lines.length - tail) : this.#head;
    return this.#lines.slice(from);
  }

  /** The bytes of line data kept now. */
  get bytes(): number {
    return this.#bytes;
  }
}

/** Builds a `swarm.LogLine`-shaped record. */
export function logLine(
  fields: { taskId: string; serviceId: string; nodeId: string },
  stream: swarm.LogLine.Stream,
  data: Uint8Array,
  timestampMs: number,
  seq: number,
): TaskLogLine {
  return {
    taskId: fields.taskId,
    serviceId: fields.serviceId,
    nodeId: fields.nodeId,
    timestamp: toLong(BigInt(Math.max(0, Math.floor(timestampMs)))),
    stream,
    data,
    seq: toLong(BigInt(seq)),
  };
}

/** Options of a {@link TaskLogBook}. */
export interface TaskLogBookOptions {
  nodeId: string;
  /** Output kept per task (oldest lines dropped). */
  maxBytesPerTask: number;
  /** Finished tasks whose output is kept until `forget`. */
  maxFinishedTasks: number;
  /** Called with every line as it is added. */
  onLog?: (line: TaskLogLine) => void;
  /** Where `onLog` failures go. */
  onError?: (taskId: string, err: unknown) => void;
}

/**
 * The output of every task an executor runs: one ring per task (sequence numbers from 1), kept
 * after the task finished until `forget`, or until `maxFinishedTasks` newer tasks finished.
 */
export class TaskLogBook {
  readonly #o: TaskLogBookOptions;
  readonly #tasks = new Map<string, { ring: LogRing; seq: number; serviceId: string }>();
  /** Finished task IDs whose output is kept, oldest first. */
  readonly #finished = new Set<string>();

  constructor(options: TaskLogBookOptions) {
    this.#o = options;
  }

  /** Starts a fresh log for the task (a restarted task ID starts over). */
  open(taskId: string, serviceId: string): void {
    this.#finished.delete(taskId);
    this.#tasks.set(taskId, { ring: new LogRing(this.#o.maxBytesPerTask), seq: 0, serviceId });
  }

  /** Adds a line of a task's stream (ignored for a task that was never opened or was forgotten). */
  add(taskId: string, stream: swarm.LogLine.Stream, data: Uint8Array, timestampMs: number): void {
    const t = this.#tasks.get(taskId);
    if (t === undefined) return;
    t.seq++;
    const line = logLine(
      { taskId, serviceId: t.serviceId, nodeId: this.#o.nodeId },
      stream,
      data,
      timestampMs,
      t.seq,
    );
    t.ring.add(line);
    if (this.#o.onLog === undefined) return;
    try {
      this.#o.onLog(line);
    } catch (err) {
      this.#o.onError?.(taskId, err);
    }
  }

  /** The kept lines, oldest first (only the last `tail` when given). */
  lines(taskId: string, tail?: number): TaskLogLine[] {
    return this.#tasks.get(taskId)?.ring.lines(tail) ?? [];
  }

  /** The task ended: its output is kept among the finished ones. */
  finish(taskId: string): void {
    if (!this.#tasks.has(taskId)) return;
    this.#finished.add(taskId);
    while (this.#finished.size > this.#o.maxFinishedTasks) {
      const oldest = this.#finished.values().next().value as string;
      this.#finished.delete(oldest);
      this.#tasks.delete(oldest);
    }
  }

  /** Drops a finished task's output (a running task's is kept). */
  forget(taskId: string): void {
    if (!this.#finished.has(taskId)) return;
    this.#finished.delete(taskId);
    this.#tasks.delete(taskId);
  }
}
