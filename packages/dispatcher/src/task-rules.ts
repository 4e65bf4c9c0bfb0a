/** The rules that decide what a node is sent: which tasks, and which secrets. */
import { swarm } from '@swarm/api';

const { ASSIGNED, RUNNING } = swarm.TaskState;

/** A task belongs to a node's assignment set once the scheduler assigned it there. */
export function inAssignmentSet(task: swarm.Task | undefined, nodeId: string): task is swarm.Task {
  return task !== undefined && task.nodeId === nodeId && stateOf(task) >= ASSIGNED;
}

/**
 * A task needs its secrets while its state is in ASSIGNED..RUNNING and its desired state is not
 * past RUNNING. Outside that window no secret is sent for it.
 */
export function needsSecrets(task: swarm.Task): boolean {
  const state = stateOf(task);
  return state >= ASSIGNED && state <= RUNNING && task.desiredState <= RUNNING;
}

/** The IDs of the secrets a task references (each once). */
export function referencedSecretIds(task: swarm.Task): string[] {
  const refs = task.spec?.container?.secrets;
  if (!refs || refs.length === 0) return [];
  const ids = new Set<string>();
  for (const r of refs) if (r.secretId) ids.add(r.secretId);
  return [...ids];
}

export function stateOf(task: { status?: swarm.TaskStatus.$Properties | null }): number {
  return task.status?.state ?? swarm.TaskState.NEW;
}

const KNOWN_STATES = new Set<number>(
  Object.values(swarm.TaskState).filter((v): v is number => typeof v === 'number'),
);

/** True for the numbers of `swarm.TaskState`. */
export function isTaskState(value: unknown): value is swarm.TaskState {
  return typeof value === 'number' && KNOWN_STATES.has(value);
}
