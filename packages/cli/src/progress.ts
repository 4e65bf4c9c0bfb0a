/**
 * `service create`, `update`, `scale` and `rollback` wait for the service to converge, showing
 * one line per slot (per node for global services) and the overall count, as Docker does:
 *
 *   overall progress: 3 out of 5 tasks
 *   1/5: running   [==================================================>]
 *   2/5: no suitable node (2 nodes fail constraint node.labels.swarm.zone==pci)
 *
 * On a terminal the block is redrawn in place; otherwise a line is printed only when something
 * changed. `--detach` skips the wait. A paused or rolled-back update ends with exit code 1.
 */
import type { TaskView } from '@swarm/node/control';
import type { Context } from './command.js';
import { escapeCell } from './format.js';

const ORDER = ['new', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running'];
/** A job's tasks go on to `complete`, where their bar is full. */
const JOB_ORDER = [...ORDER, 'complete'];
const BAR = 50;

function bar(state: string, order: readonly string[] = ORDER): string {
  const i = order.indexOf(state);
  if (i < 0) return '';
  const filled = Math.round((BAR * i) / (order.length - 1));
  return `[${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? '>' : ''}${' '.repeat(BAR - filled)}]`;
}

function versionOf(raw: Record<string, unknown>): string {
  return String(raw.specVersion ?? '0');
}

export interface ProgressOptions {
  /** Poll period in ms (default 250; env SWARM_PROGRESS_INTERVAL_MS). */
  intervalMs?: number;
  /** A rollback the user asked for ends in `rollback_completed`, which is success; for an update it means the update failed. */
  rollback?: boolean;
}

/**
 * Waits until the service runs its desired tasks at its current spec (a job: until its tasks
 * completed); returns the exit code.
 */
export async function showProgress(
  ctx: Context,
  serviceId: string,
  o: ProgressOptions = {},
): Promise<number> {
  const api = ctx.api();
  const out = ctx.io.stdout as { write(s: string): unknown; isTTY?: boolean };
  const tty = out.isTTY === true;
  const interval = o.intervalMs ?? (Number(ctx.io.env.SWARM_PROGRESS_INTERVAL_MS) || 250);
  let drawn = 0;
  let lastOverall = '';
  const printed = new Set<string>();
  for (;;) {
    const svc = await api.serviceInspect({ id: serviceId });
    const version = versionOf(svc.raw);
    const tasks = (await api.servicePs({ id: svc.id })).filter((t) => t.desiredState === 'running');
    const lines: string[] = [];
    /** Per line: whether it shows a reason (a pending task's explanation, an error) rather than a state. */
    const reasons: boolean[] = [];
    let done = 0;
    let total: number;
    const current = (t: TaskView) => versionOf(t.raw) === version;
    const job = svc.mode === 'replicated-job' || svc.mode === 'global-job';
    const order = job ? JOB_ORDER : ORDER;
    const goal = job ? 'complete' : 'running';
    const label = (t: TaskView | undefined) => {
      if (t === undefined) return 'new';
      if (t.currentState === 'pending' && (t.message || t.error)) return t.error || t.message;
      if (t.error && t.currentState !== 'running') return `${t.currentState}: ${t.error}`;
      return current(t) ? t.currentState : `${t.currentState} (previous spec)`;
    };
    if (svc.mode === 'global' || svc.mode === 'global-job') {
      // A global job's earlier runs are history, not part of this one.
      const shown = job ? tasks.filter(current) : tasks;
      total = shown.length;
      for (const t of shown.sort((a, b) => a.nodeHostname.localeCompare(b.nodeHostname))) {
        if (t.currentState === goal && current(t)) done++;
        const state = label(t);
        reasons.push(!order.includes(state) && !state.endsWith('(previous spec)'));
        lines.push(
          `${t.nodeHostname || t.nodeId.slice(0, 12)}: ${state.padEnd(10)} ${bar(t.currentState, order)}`,
        );
      }
    } else {
      total = svc.desired;
      const bySlot = new Map<number, TaskView>();
      for (const t of tasks) {
        const prev = bySlot.get(t.slot);
        // The slot's task at the current spec wins over the one it replaces.
        if (
          prev === undefined ||
          (current(t) && !current(prev)) ||
          (current(t) === current(prev) && t.since > prev.since)
        )
          bySlot.set(t.slot, t);
      }
      // Slots need not be 1..N (a scale-down keeps whichever slots it keeps): the lowest N count.
      const slots = [...bySlot.keys()].sort((a, b) => a - b);
      for (let i = 0; i < total; i++) {
        const slot = slots[i];
        const t = slot === undefined ? undefined : bySlot.get(slot);
        if (t !== undefined && t.currentState === goal && current(t)) done++;
        const state = label(t);
        reasons.push(!order.includes(state) && !state.endsWith('(previous spec)'));
        lines.push(`${i + 1}/${total}: ${state.padEnd(10)} ${bar(t ? t.currentState : 'new', order)}`);
      }
    }
    const overall = `overall progress: ${done} out of ${total} tasks`;
    const update = svc.updateState;
    const failed =
      update === 'paused' || update === 'rollback_paused' || (update === 'rollback_completed' && !o.rollback);
    // A job that has no task yet has not started (its tasks are created after the service).
    const settled =
      done === total && (total > 0 || !job) && update !== 'updating' && update !== 'rollback_started';
    if (tty) {
      // Redraw the block in place: cursor up over what was drawn, clear each line.
      let text = drawn > 0 ? `\x1b[${drawn}A` : '';
      for (const l of [overall, ...lines]) text += `\x1b[2K${escapeCell(l)}\n`;
      out.write(text);
      drawn = 1 + lines.length;
    } else {
      // Not a terminal: the count when it moves, and each reason a task waits for, once.
      if (overall !== lastOverall) out.write(`${overall}\n`);
      lastOverall = overall;
      for (const [i, l] of lines.entries())
        if (reasons[i] && !printed.has(l)) {
          printed.add(l);
          out.write(`${escapeCell(l.trimEnd())}\n`);
        }
    }
    if (failed) {
      ctx.err(`Error: ${svc.updateMessage || `update ${update.replace('_', ' ')}`}\n`);
      return 1;
    }
    if (settled) {
      out.write(job ? 'verify: Job complete\n' : 'verify: Service converged\n');
      return 0;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}
