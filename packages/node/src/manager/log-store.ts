/**
 * Task output kept on managers for `swarm service logs`, in memory only (logs may contain what a
 * task printed about its secrets: they never touch a manager's disk either). A worker may publish
 * lines only for tasks assigned to it.
 */
import { fromLong, SwarmError, swarm } from '@swarm/api';
import type { Store } from '@swarm/store';

interface TaskLog {
  lines: swarm.LogLine[];
  lastSeq: bigint;
}

export interface LogStoreOptions {
  /** Lines kept per task (oldest dropped). Default 1,000. */
  maxLinesPerTask?: number;
  /** Tasks kept (least recently written dropped). Default 2,000. */
  maxTasks?: number;
}

/** Task output that workers publish, kept in memory on the managers for `service logs`. */
export class LogStore {
  readonly #tasks = new Map<string, TaskLog>();
  readonly #maxLines: number;
  readonly #maxTasks: number;

  constructor(
    readonly store: Store,
    o: LogStoreOptions = {},
  ) {
    this.#maxLines = o.maxLinesPerTask ?? 1000;
    this.#maxTasks = o.maxTasks ?? 2000;
  }

  /** Lines from `nodeId`'s tasks; a line for a task of another node refuses the whole request. */
  publish(nodeId: string, req: swarm.PublishLogsRequest): swarm.PublishLogsResponse {
    const lines = req.lines ?? [];
    this.store.view((tx) => {
      for (const l of lines) {
        const task = tx.get('task', l.taskId ?? '');
        if (task === undefined || task.nodeId !== nodeId)
          throw new SwarmError(
            'TASK_NOT_ASSIGNED',
            `node ${nodeId} may not publish logs of task ${JSON.stringify(l.taskId)}: it is not assigned to it`,
            { taskId: l.taskId },
          );
      }
    });
    for (const l of lines) {
      const taskId = l.taskId ?? '';
      let t = this.#tasks.get(taskId);
      if (t === undefined) {
        t = { lines: [], lastSeq: 0n };
        if (this.#tasks.size >= this.#maxTasks) {
          const oldest = this.#tasks.keys().next().value;
          if (oldest !== undefined) this.#tasks.delete(oldest);
        }
      } else this.#tasks.delete(taskId);
      this.#tasks.set(taskId, t);
      const seq = fromLong(l.seq ?? 0);
      if (seq !== 0n && seq <= t.lastSeq) continue; // already have it (a retried publish)
      if (seq !== 0n) t.lastSeq = seq;
      t.lines.push(swarm.LogLine.create({ ...l, nodeId }));
      if (t.lines.length > this.#maxLines) t.lines.splice(0, t.lines.length - this.#maxLines);
    }
    return swarm.PublishLogsResponse.create();
  }

  /** The kept lines of a service (or task), the last `tail` of them. */
  list(req: swarm.ListLogsRequest): swarm.ListLogsResponse {
    const out: swarm.LogLine[] = [];
    const tail = req.tail ?? 0;
    for (const [taskId, t] of this.#tasks) {
      if (req.taskId && req.taskId !== taskId) continue;
      if (req.serviceId && t.lines[0]?.serviceId !== req.serviceId) continue;
      out.push(...(tail > 0 ? t.lines.slice(-tail) : t.lines));
    }
    out.sort((a, b) => Number(fromLong(a.timestamp ?? 0) - fromLong(b.timestamp ?? 0)));
    return swarm.ListLogsResponse.create({ lines: out });
  }
}
