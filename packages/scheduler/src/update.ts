import type { ReconcileContext } from './context.js';
import { refill } from './refill.js';
import { liveTasks, newest, type Slot } from './slots.js';
import { TaskState } from './task-state.js';
import type { ServiceInfo, TaskInfo, UpdateConfig, UpdateStatus } from './types.js';

/**
 * One step of a rolling update (or rollback) of a replicated or global service. Slots whose live
 * tasks run an older spec are updated in batches of `parallelism`; a batch starts when every task
 * of the previous one is running and `delay` has passed since the last of them started. With
 * stop-first the old task is stopped and its slot refilled once it has stopped; with start-first
 * the new task starts first and the old one is stopped once the new one runs. A new task that
 * fails within `monitor` of starting (see ClusterState.startedAt) counts as a failure; when failures exceed
 * `maxFailureRatio` of the slots, the failure action applies (pause, continue, or rollback).
 */
export function updateStep(ctx: ReconcileContext, service: ServiceInfo, slots: Map<string, Slot>): void {
  let svc = service;
  const target = svc.task.key;
  const st = svc.updateStatus;
  const rollingBack = st.state === 'rollback-started' || st.state === 'rollback-paused';
  const cfg = rollingBack ? svc.rollback : svc.update;
  const updating = st.state === 'updating' || st.state === 'rollback-started';
  const since = updating ? st.startedAt : ctx.now;

  const oldSlots: Slot[] = [];
  const mixed: Slot[] = [];
  let inFlight = 0;
  let lastRunning = Number.NEGATIVE_INFINITY;
  let total = 0;
  for (const slot of slots.values()) {
    const live = liveTasks(slot);
    if (live.length === 0) {
      const last = newest(slot);
      if (last !== undefined && last.desiredState === TaskState.SHUTDOWN) {
        total++;
        if (updating) inFlight++;
      }
      continue;
    }
    total++;
    let cur = 0;
    let old = 0;
    for (const t of live) {
      if (t.spec.key === target) {
        cur++;
        if (t.state < TaskState.RUNNING) inFlight++;
        else if (t.state === TaskState.RUNNING && t.createdAt >= since)
          lastRunning = Math.max(lastRunning, t.statusAt);
      } else {
        old++;
      }
    }
    if (old > 0 && cur > 0) mixed.push(slot);
    else if (old > 0) oldSlots.push(slot);
  }

  // A start-first slot whose new task runs is finished by stopping the old one, even while paused.
  const blocked: Array<{ slot: Slot; task: TaskInfo }> = [];
  for (const slot of mixed) {
    const live = liveTasks(slot);
    if (live.some((t) => t.spec.key === target && t.state === TaskState.RUNNING)) {
      for (const t of live) {
        if (t.spec.key !== target)
          ctx.stop(t, TaskState.SHUTDOWN, 'replaced by a newer task (start-first update)');
      }
      continue;
    }
    inFlight++;
    const stuck = live.find(
      (t) => t.spec.key === target && t.state < TaskState.ASSIGNED && isUnplaceable(t.message),
    );
    if (stuck !== undefined) blocked.push({ slot, task: stuck });
  }
  if (updating && failuresExceeded(ctx, svc, since, cfg.monitorMs, cfg.maxFailureRatio, total)) {
    const failed = countFailures(ctx, svc, since, cfg.monitorMs);
    const what = `${failed} of ${total} updated tasks failed`;
    if (
      cfg.failureAction === 'pause' ||
      (cfg.failureAction === 'rollback' && (rollingBack || !svc.previous))
    ) {
      setStatus(
        ctx,
        svc,
        rollingBack ? 'rollback-paused' : 'paused',
        `${rollingBack ? 'rollback' : 'update'} paused: ${what}`,
      );
      return;
    }
    if (cfg.failureAction === 'rollback') {
      ctx.writeService(rollbackService(svc, ctx.now, `update rolled back: ${what}`));
      return;
    }
  }

  if (oldSlots.length === 0 && mixed.length === 0) {
    if (!updating) return;
    // Done once the last new tasks have outlived the monitor window without failing too often.
    let monitorEnds = Number.NEGATIVE_INFINITY;
    for (const t of ctx.state.tasksOfService(svc.id).values()) {
      if (t.spec.key === target && t.createdAt >= since && t.desiredState <= TaskState.RUNNING) {
        const started =
          ctx.state.startedAt(t.id) ?? (t.state === TaskState.RUNNING ? t.statusAt : t.createdAt);
        monitorEnds = Math.max(monitorEnds, started + cfg.monitorMs);
      }
    }
    if (inFlight > 0) return;
    if (monitorEnds > ctx.now) {
      ctx.wake(monitorEnds);
      return;
    }
    setStatus(
      ctx,
      svc,
      rollingBack ? 'rollback-completed' : 'completed',
      rollingBack ? 'rollback completed' : 'update completed',
    );
    return;
  }
  if (st.state === 'paused' || st.state === 'rollback-paused') return;
  if (!updating) svc = setStatus(ctx, svc, 'updating', 'update in progress');

  if (updating && blocked.length > 0 && startFirstBlocked(ctx, svc, blocked, cfg.failureAction, rollingBack))
    return;
  if (inFlight > 0) return;
  if (cfg.delayMs > 0 && lastRunning + cfg.delayMs > ctx.now) {
    ctx.wake(lastRunning + cfg.delayMs);
    return;
  }
  oldSlots.sort((a, b) => a.slot - b.slot || (a.nodeId < b.nodeId ? -1 : 1));
  const batch = cfg.parallelism === 0 ? oldSlots : oldSlots.slice(0, cfg.parallelism);
  for (const slot of batch) {
    if (cfg.order === 'start-first') {
      ctx.create(svc, slot.slot, slot.nodeId, 'created by update (start-first)', newest(slot)?.createdAt);
    } else {
      for (const t of liveTasks(slot)) ctx.stop(t, TaskState.SHUTDOWN, 'stopped for update (stop-first)');
      refill(ctx, svc, slot);
    }
  }
}

function isUnplaceable(message: string): boolean {
  return message.startsWith('no suitable node') || message.startsWith('cannot place');
}

/**
 * A start-first replacement that finds no node (typically a per-node cap or a full node) fails
 * fast instead of waiting forever: the replacement is withdrawn, and the failure action decides.
 * `continue` falls back to stop-first for those slots; `rollback` rolls back; `pause` pauses.
 * Returns true when the step must end here.
 */
function startFirstBlocked(
  ctx: ReconcileContext,
  svc: ServiceInfo,
  blocked: Array<{ slot: Slot; task: TaskInfo }>,
  action: UpdateConfig['failureAction'],
  rollingBack: boolean,
): boolean {
  const first = blocked[0]!;
  const what = `the start-first replacement for slot ${first.slot.slot || first.slot.nodeId} cannot be placed: ${first.task.message}`;
  for (const { task } of blocked)
    ctx.stop(task, TaskState.REMOVE, 'withdrawn: start-first replacement could not be placed');
  if (action === 'continue') {
    for (const { slot } of blocked) {
      for (const t of liveTasks(slot)) {
        if (t.spec.key !== svc.task.key)
          ctx.stop(t, TaskState.SHUTDOWN, 'stopped for update (start-first could not be placed)');
      }
    }
    return true;
  }
  if (action === 'rollback' && !rollingBack && svc.previous !== undefined) {
    ctx.writeService(rollbackService(svc, ctx.now, `update rolled back: ${what}`));
    return true;
  }
  setStatus(
    ctx,
    svc,
    rollingBack ? 'rollback-paused' : 'paused',
    `${rollingBack ? 'rollback' : 'update'} paused: ${what}`,
  );
  return true;
}

function countFailures(ctx: ReconcileContext, svc: ServiceInfo, since: number, monitorMs: number): number {
  let failed = 0;
  for (const t of ctx.state.tasksOfService(svc.id).values()) {
    if (t.spec.key !== svc.task.key || t.createdAt < since) continue;
    if (t.state !== TaskState.FAILED && t.state !== TaskState.REJECTED) continue;
    // The window starts when the task was seen running (else, e.g. after a restart, at its creation).
    const started = ctx.state.startedAt(t.id) ?? t.createdAt;
    if (monitorMs === 0 || t.statusAt <= started + monitorMs) failed++;
  }
  return failed;
}

function failuresExceeded(
  ctx: ReconcileContext,
  svc: ServiceInfo,
  since: number,
  monitorMs: number,
  maxRatio: number,
  total: number,
): boolean {
  const failed = countFailures(ctx, svc, since, monitorMs);
  return failed > 0 && failed / Math.max(1, total) > maxRatio;
}

function setStatus(
  ctx: ReconcileContext,
  svc: ServiceInfo,
  state: UpdateStatus['state'],
  message: string,
): ServiceInfo {
  const starting = state === 'updating' || state === 'rollback-started';
  const done = state === 'completed' || state === 'rollback-completed';
  const next: ServiceInfo = {
    ...svc,
    updateStatus: {
      state,
      startedAt: starting ? ctx.now : svc.updateStatus.startedAt,
      completedAt: done ? ctx.now : 0,
      message,
    },
  };
  ctx.writeService(next);
  return next;
}

/**
 * The service rolled back to its previous spec: the spec and previous spec swap, the spec version
 * moves on, and the update status becomes `rollback-started` (the rollback config then applies).
 * Throws a RangeError when the service has no previous spec.
 */
export function rollbackService(
  svc: ServiceInfo,
  now: number,
  message = 'manually rolled back',
): ServiceInfo {
  if (svc.previous === undefined)
    throw new RangeError(`service ${svc.id} has no previous spec to roll back to`);
  return {
    ...svc,
    task: svc.previous.task,
    mode: svc.previous.mode,
    previous: { task: svc.task, mode: svc.mode },
    specVersion: svc.specVersion + 1,
    updateStatus: { state: 'rollback-started', startedAt: now, completedAt: 0, message },
  };
}
