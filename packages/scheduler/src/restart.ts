import { stoppedOnItsOwn, TaskState } from './task-state.js';
import type { RestartPolicy, TaskInfo } from './types.js';

/**
 * The restart supervisor's decision for a task that should run but stopped (`state` complete,
 * failed, rejected or later): may its slot get a replacement? Jobs never restart a task that
 * completed. Attempts are the slot's earlier tasks that stopped on their own within the window.
 */
export function shouldRestart(
  task: TaskInfo,
  history: readonly TaskInfo[],
  policy: RestartPolicy,
  now: number,
  isJob: boolean,
): boolean {
  const failed = task.state !== TaskState.COMPLETE;
  switch (policy.condition) {
    case 'none':
      return false;
    case 'on-failure':
      if (!failed) return false;
      break;
    case 'any':
      if (isJob && !failed) return false;
      break;
  }
  if (policy.maxAttempts === 0) return true;
  const since = policy.windowMs > 0 ? now - policy.windowMs : Number.NEGATIVE_INFINITY;
  let restarts = 0;
  for (const t of history) {
    if (
      t.id !== task.id &&
      stoppedOnItsOwn(t.state) &&
      t.statusAt >= since &&
      t.desiredState > TaskState.RUNNING
    ) {
      restarts++;
    }
  }
  return restarts < policy.maxAttempts;
}

/**
 * When a slot whose last task stopped on its own may get its replacement: after the restart delay,
 * counted from the moment the task stopped.
 */
export function restartDueAt(stopped: TaskInfo, policy: RestartPolicy): number {
  return stoppedOnItsOwn(stopped.state) ? stopped.statusAt + policy.delayMs : stopped.statusAt;
}
