/**
 * The orchestrator's assignment hook on a manager: a task's addresses on its cluster networks are
 * decided in the same store transaction that assigns it to a node (`@swarm/network`'s
 * `attachTask`: the node's slice, stored with the network, and the lowest free address of it).
 */
import type { swarm } from '@swarm/api';
import { attachTask } from '@swarm/network';
import type { WriteTx } from '@swarm/store';

/**
 * `task` with `networks` filled for its node, the networks that gained the node's slice written
 * in `tx`. A task without networks is returned as is. Throws (before writing anything) when a
 * network has no slice or no address left for it: the orchestrator keeps the task pending with
 * the message.
 */
export function attachAssignedTask(tx: WriteTx, task: swarm.Task): swarm.Task {
  if ((task.spec?.networks ?? []).length === 0) return task;
  const r = attachTask(task, task.nodeId, tx.list('network'), tx.find('task', { nodeId: task.nodeId }));
  for (const n of r.changedNetworks) tx.update('network', n);
  task.networks = r.attachments;
  return task;
}
