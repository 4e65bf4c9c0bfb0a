import type { ClusterState } from './cluster-state.js';
import { staticMismatch } from './placement.js';
import type { NodeInfo, TaskInfo, TaskSpec } from './types.js';

const mismatchCache = new WeakMap<TaskSpec, WeakMap<NodeInfo, string | null>>();

/** Why a node can no longer run a task of `spec` (zone, constraints, platform), cached per object pair. */
export function cachedMismatch(spec: TaskSpec, node: NodeInfo): string | undefined {
  let perNode = mismatchCache.get(spec);
  if (perNode === undefined) {
    perNode = new WeakMap();
    mismatchCache.set(spec, perNode);
  }
  let r = perNode.get(node);
  if (r === undefined) {
    r = staticMismatch(spec, node) ?? null;
    perNode.set(node, r);
  }
  return r ?? undefined;
}

/**
 * Why a task assigned to a node must move elsewhere: the node left, is down, is drained, or no
 * longer satisfies the task's zone, constraints or platform (the constraint enforcer). Undefined
 * when the task may stay. `down` is reported separately because global tasks wait for their node.
 */
export function nodeProblem(
  state: ClusterState,
  task: TaskInfo,
): { reason: string; down: boolean } | undefined {
  const node = state.nodes.get(task.nodeId);
  if (node === undefined) return { reason: `node ${task.nodeId} left the cluster`, down: false };
  // Drain and a mismatch first: they are the managers' decisions and hold even while the node is down.
  if (node.availability === 'drain') return { reason: `node ${node.id} is drained`, down: false };
  const m = cachedMismatch(task.spec, node);
  if (m !== undefined) return { reason: `node ${node.id} no longer matches (${m})`, down: false };
  if (node.status === 'down') return { reason: `node ${node.id} is down`, down: true };
  return undefined;
}

/** True when a node may receive a new task of `spec`: ready, active, and statically matching. */
export function nodeAccepts(spec: TaskSpec, node: NodeInfo): boolean {
  return (
    node.status === 'ready' && node.availability === 'active' && cachedMismatch(spec, node) === undefined
  );
}
