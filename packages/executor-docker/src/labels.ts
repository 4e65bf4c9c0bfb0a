/**
 * The labels that mark a container as a swarm task of one node, and the container's name. The
 * prefix is this project's own, so that a node never mistakes Docker swarm mode's containers (or
 * anyone else's) for its own.
 */
export const LABEL_PREFIX = 'io.swarm-core.';
/** The label keys every task container carries (cluster, node, service, task, slot, ...). */
export const LABELS = Object.freeze({
  cluster: `${LABEL_PREFIX}cluster.id`,
  node: `${LABEL_PREFIX}node.id`,
  service: `${LABEL_PREFIX}service.id`,
  serviceName: `${LABEL_PREFIX}service.name`,
  task: `${LABEL_PREFIX}task.id`,
  slot: `${LABEL_PREFIX}task.slot`,
  /** How many secrets the container has bind-mounted (never their names or data). */
  secrets: `${LABEL_PREFIX}task.secrets`,
});

/** `<service>.<slot or node>.<task>` as swarm names task containers; a plain `task.<id>` without a service name. */
export function containerName(serviceName: string, slotOrNode: string, taskId: string): string {
  const clean = serviceName.replace(/[^a-zA-Z0-9_.-]/g, '-');
  return clean === '' ? `task.${taskId}` : `${clean}.${slotOrNode}.${taskId}`;
}
