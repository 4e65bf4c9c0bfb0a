/**
 * `service logs` as a manager serves it. A worker publishes each line to one manager (the one its
 * agent is connected to), so a reader asks every manager: this one's LogStore directly, the others
 * over `LogBroker.ListLogs`. Filters (task, node, since, tail) run where the lines are kept.
 *
 * Following (`-f`) is a long poll per call: the answer carries a cursor holding each manager's own
 * LogStore cursor; the next call asks each manager only for newer lines and waits there until one
 * arrives (the first manager with lines answers the call, the other waits are cancelled and keep
 * their old cursor), the wait ends, or the service is removed.
 */
import { fromLong, SwarmError, swarm, toLong } from '@swarm/api';
import type { LogLineView, LogsPage } from '../control/api.js';
import type { LogStore } from '../manager/log-store.js';
import { MAX_LOG_WAIT_MS } from '../manager/log-store.js';

const dec = new TextDecoder();

/** How long a follow call waits for a line when the caller does not say (ms). */
export const DEFAULT_FOLLOW_WAIT_MS = 10_000;

/** What the logs are read for, as resolved from the store. */
export interface LogsTarget {
  serviceId: string;
  taskId?: string;
  nodeId?: string;
}

/** The follow cursor, as the client carries it (opaque to it). */
interface Cursor {
  /** The target. */
  s: string;
  k?: string;
  n?: string;
  /** When following began (ms): a manager not yet in `c` gives lines from then on. */
  t: number;
  /** Each manager's LogStore cursor. */
  c: Record<string, string>;
}

/** The managers a read asks, and how. */
export interface LogSources {
  /** This manager's advertised address and store. */
  self: { addr: string; logs: LogStore };
  /** The other managers' addresses. */
  others: readonly string[];
  /** `LogBroker.ListLogs` on another manager. */
  listLogs(
    addr: string,
    req: swarm.ListLogsRequest.$Properties,
    signal: AbortSignal,
  ): Promise<swarm.ListLogsResponse>;
  /** NAME.SLOT of a task (its ID when the store no longer has it). */
  taskName(taskId: string): string;
  /** The clock (ms). */
  now(): number;
}

/** Decodes a cursor from a client; a damaged one is refused. */
export function parseLogsCursor(text: string): Cursor & { target: LogsTarget } {
  let c: Cursor | undefined;
  try {
    c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
  } catch {
    c = undefined;
  }
  if (
    typeof c !== 'object' ||
    c === null ||
    typeof c.s !== 'string' ||
    typeof c.t !== 'number' ||
    typeof c.c !== 'object' ||
    c.c === null ||
    !Object.values(c.c).every((v) => typeof v === 'string' && /^\d{1,20}$/.test(v))
  )
    throw new SwarmError(
      'INVALID_ARGUMENT',
      'the logs cursor is damaged: start `service logs -f` again without one',
      {},
    );
  return {
    ...c,
    target: {
      serviceId: c.s,
      ...(typeof c.k === 'string' ? { taskId: c.k } : {}),
      ...(typeof c.n === 'string' ? { nodeId: c.n } : {}),
    },
  };
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

function view(l: swarm.LogLine.$Properties, taskName: (id: string) => string): LogLineView {
  const taskId = l.taskId ?? '';
  return {
    taskId,
    serviceId: l.serviceId ?? '',
    seq: String(fromLong(l.seq ?? 0)),
    taskName: taskName(taskId),
    nodeId: l.nodeId ?? '',
    timestamp: Number(fromLong(l.timestamp ?? 0)),
    stream: l.stream === swarm.LogLine.Stream.STDERR ? 'stderr' : 'stdout',
    text: dec.decode(l.data ?? new Uint8Array()).replace(/\n$/, ''),
  };
}

/**
 * Reads the lines of `target` from every manager. Without `cursor`: what is kept now (the last
 * `tail` of each task, those since `sinceMs`), and a cursor for what comes next. With a cursor
 * (its target wins over `target`): only newer lines, waiting up to `waitMs` for one.
 */
export async function readServiceLogs(
  src: LogSources,
  target: LogsTarget,
  req: { tail?: number; sinceMs?: number; cursor?: string; waitMs?: number },
): Promise<LogsPage> {
  const prev = req.cursor === undefined ? undefined : parseLogsCursor(req.cursor);
  const t = prev?.target ?? target;
  const startedAt = prev?.t ?? src.now();
  const waitMs =
    prev === undefined ? 0 : Math.max(0, Math.min(MAX_LOG_WAIT_MS, req.waitMs ?? DEFAULT_FOLLOW_WAIT_MS));
  // `--tail 0` (Docker's): no kept line, only what comes next.
  const none = prev === undefined && req.tail === 0;
  const sinceMs = none ? Number.MAX_SAFE_INTEGER : (req.sinceMs ?? 0);
  const tail = prev === undefined ? (req.tail ?? 0) : 0;
  const managers = [src.self.addr, ...src.others.filter((a) => a !== src.self.addr)];
  const query = (addr: string): swarm.ListLogsRequest.$Properties => {
    const after = prev?.c[addr];
    // A manager that appeared while following: what it got since following began.
    const since = prev !== undefined && after === undefined ? Math.max(sinceMs, startedAt) : sinceMs;
    return {
      serviceId: t.serviceId,
      ...(t.taskId ? { taskId: t.taskId } : {}),
      ...(t.nodeId ? { nodeId: t.nodeId } : {}),
      tail,
      ...(since > 0 ? { since: toLong(BigInt(Math.floor(since))) } : {}),
      ...(after === undefined ? {} : { after: toLong(BigInt(after)) }),
      waitMs,
    };
  };

  const stop = new AbortController();
  const results = new Map<string, swarm.ListLogsResponse>();
  await Promise.all(
    managers.map(async (addr) => {
      try {
        const r =
          addr === src.self.addr
            ? await src.self.logs.wait(query(addr), { signal: stop.signal })
            : await src.listLogs(addr, query(addr), stop.signal);
        results.set(addr, r);
        // The first manager with news answers the call; the others stop waiting.
        if ((r.lines ?? []).length > 0 && waitMs > 0) stop.abort();
      } catch {
        // An unreachable (or cancelled) manager keeps its cursor: its lines come next time.
      }
    }),
  );

  const cursors: Record<string, string> = { ...(prev?.c ?? {}) };
  const seen = new Set<string>();
  let lines: LogLineView[] = [];
  for (const [addr, r] of results) {
    cursors[addr] = String(fromLong(r.cursor ?? 0));
    for (const l of r.lines ?? []) {
      const key = `${l.taskId ?? ''}/${String(fromLong(l.seq ?? 0))}`;
      if (seen.has(key)) continue; // a retried publish that reached two managers
      seen.add(key);
      lines.push(view(l, src.taskName));
    }
  }
  lines.sort((a, b) => a.timestamp - b.timestamp);
  if (tail > 0) {
    // One task's lines may sit on two managers (its worker failed over): `tail` per task overall.
    const left = new Map<string, number>();
    lines = lines
      .reverse()
      .filter((l) => {
        const n = left.get(l.taskId) ?? tail;
        left.set(l.taskId, n - 1);
        return n > 0;
      })
      .reverse();
  }
  return {
    lines,
    cursor: encodeCursor({
      s: t.serviceId,
      ...(t.taskId ? { k: t.taskId } : {}),
      ...(t.nodeId ? { n: t.nodeId } : {}),
      t: startedAt,
      c: cursors,
    }),
  };
}
