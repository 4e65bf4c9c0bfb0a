// Small readings of swarm objects that several packages need (the node's control API, the web view).
import { swarm } from './gen/proto.js';

/** A service's mode name: 'replicated' | 'global' | 'replicated-job' | 'global-job'. */
export function modeOf(spec: swarm.IServiceSpec | null | undefined): string {
  if (spec?.global) return 'global';
  if (spec?.replicatedJob) return 'replicated-job';
  if (spec?.globalJob) return 'global-job';
  return 'replicated';
}

/** A task that runs and is meant to. */
export function isRunning(t: swarm.Task): boolean {
  return t.status?.state === swarm.TaskState.RUNNING && t.desiredState === swarm.TaskState.RUNNING;
}
