/**
 * Task states in swarm's order, with the same numbers as `swarm.TaskState` in @swarm/api, so a
 * state read from the store is used as is. The gaps leave room; states only ever move forward.
 */
export const TaskState = {
  NEW: 0,
  PENDING: 64,
  ASSIGNED: 192,
  ACCEPTED: 256,
  PREPARING: 320,
  READY: 384,
  STARTING: 448,
  RUNNING: 512,
  COMPLETE: 576,
  SHUTDOWN: 640,
  FAILED: 704,
  REJECTED: 768,
  REMOVE: 800,
  ORPHANED: 832,
} as const;

export type TaskState = (typeof TaskState)[keyof typeof TaskState];

const NAMES = new Map<number, string>(Object.entries(TaskState).map(([k, v]) => [v, k.toLowerCase()]));

/** The lowercase name of a state (`running`), or `state N` for a number this version does not know. */
export function taskStateName(state: number): string {
  return NAMES.get(state) ?? `state ${state}`;
}

/** True once a task has stopped for good: complete, shutdown, failed, rejected, remove or orphaned. */
export function isTerminal(state: number): boolean {
  return state >= TaskState.COMPLETE;
}

/** True when a task stopped on its own (finished or failed) rather than being shut down by a manager. */
export function stoppedOnItsOwn(state: number): boolean {
  return state === TaskState.COMPLETE || state === TaskState.FAILED || state === TaskState.REJECTED;
}
