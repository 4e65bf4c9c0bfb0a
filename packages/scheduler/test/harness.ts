import { ManualClock, seededRandom } from '@swarm/api';
import { type Plan, Scheduler, type SchedulerInit, TaskState } from '../src/index.js';
import { nodeInfo, runWorkers } from '../src/testing.js';
import type { NodeInfo, TaskInfo } from '../src/types.js';

export interface Harness {
  readonly clock: ManualClock;
  readonly scheduler: Scheduler;
  /** One reconcile. */
  step(): Plan;
  /** Reconcile and let the workers act until nothing changes; returns the last plan. */
  settle(): Plan;
  /** Live tasks (desired running) of a service. */
  live(serviceId: string): TaskInfo[];
  node(i: number): NodeInfo;
}

export function harness(nodes: number | Partial<NodeInfo>[] = 3, init: SchedulerInit = {}): Harness {
  const clock = new ManualClock(1_000_000);
  const scheduler = new Scheduler(init, { clock, random: seededRandom(7) });
  const list = typeof nodes === 'number' ? Array.from({ length: nodes }, () => ({})) : nodes;
  const ids: string[] = [];
  list.forEach((fields, i) => {
    const n = nodeInfo({ id: `node${String(i).padStart(21, '0')}`, ...fields });
    ids.push(n.id);
    scheduler.state.upsertNode(n);
  });
  const h: Harness = {
    clock,
    scheduler,
    step: () => scheduler.reconcile(),
    settle() {
      let plan = scheduler.reconcile();
      for (let i = 0; i < 100; i++) {
        const changed = runWorkers(scheduler.state, clock.now());
        const next = scheduler.reconcile();
        if (changed === 0 && next.created.length === 0 && next.updated.length === 0) return next;
        plan = next;
      }
      return plan;
    },
    live: (serviceId) =>
      [...scheduler.state.tasksOfService(serviceId).values()].filter(
        (t) => t.desiredState <= TaskState.RUNNING,
      ),
    node: (i) => scheduler.state.nodes.get(ids[i]!)!,
  };
  return h;
}

/** Replaces a node with changed fields. */
export function changeNode(h: Harness, i: number, fields: Partial<NodeInfo>): void {
  h.scheduler.state.upsertNode({ ...h.node(i), ...fields });
}
