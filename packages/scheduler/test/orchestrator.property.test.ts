import { ManualClock, seededRandom } from '@swarm/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler, serviceInfo, TaskState, taskSpec, ZONE_LABEL } from '../src/index.js';
import { nodeInfo, runWorkers } from '../src/testing.js';
import type { NodeInfo } from '../src/types.js';

/**
 * Random event sequences against a small cluster (nodes going down and up, drained, relabelled
 * in and out of a zone, tasks failing, services scaled), each followed by the workers acting and
 * the scheduler settling. After every settle: no live task outside its zone or on a node that
 * may not run it, replicated services run exactly their replicas where the cluster can hold
 * them, and global services run one task per eligible node.
 */
const event = fc.oneof(
  fc.record({ kind: fc.constant('down' as const), node: fc.nat(5) }),
  fc.record({ kind: fc.constant('up' as const), node: fc.nat(5) }),
  fc.record({ kind: fc.constant('drain' as const), node: fc.nat(5) }),
  fc.record({ kind: fc.constant('zone' as const), node: fc.nat(5), zone: fc.constantFrom('', 'pci') }),
  fc.record({ kind: fc.constant('fail' as const), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.nat(8) }),
  fc.record({ kind: fc.constant('time' as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({
    kind: fc.constant('update' as const),
    startFirst: fc.boolean(),
    parallelism: fc.nat(3),
    action: fc.constantFrom('pause', 'continue', 'rollback'),
  }),
);

function settle(s: Scheduler, clock: ManualClock): void {
  for (let i = 0; i < 50; i++) {
    const plan = s.reconcile();
    const changed = runWorkers(s.state, clock.now());
    if (changed === 0 && plan.created.length === 0 && plan.updated.length === 0) {
      if (plan.wakeAt === undefined || plan.wakeAt > clock.now() + 60_000) return;
      clock.advanceTo(Math.max(clock.now(), plan.wakeAt));
    }
  }
}

function eligible(n: NodeInfo, zone: string): boolean {
  if (n.status !== 'ready' || n.availability !== 'active') return false;
  return (n.labels[ZONE_LABEL] ?? '') === zone;
}

describe('orchestration invariants (property)', () => {
  it('keeps zones, replicas and global coverage right through random node and task events', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), fc.integer(), (events, seed) => {
        const clock = new ManualClock(1_000_000);
        const s = new Scheduler({}, { clock, random: seededRandom(seed) });
        const nodes: NodeInfo[] = [];
        for (let i = 0; i < 6; i++) {
          const n = nodeInfo({
            id: `node${String(i).padStart(21, '0')}`,
            labels: i < 2 ? { [ZONE_LABEL]: 'pci' } : {},
          });
          nodes.push(n);
          s.state.upsertNode(n);
        }
        const restart = { condition: 'any', delayMs: 1_000, maxAttempts: 0, windowMs: 0 } as const;
        let replicas = 4;
        let version = 0;
        let update = {};
        const web = (r: number) =>
          serviceInfo({
            id: 'web',
            mode: { kind: 'replicated', replicas: r },
            task: taskSpec({ runtime: `web${version}`, restart }),
            update,
            specVersion: version + 1,
            // Keep the update status the scheduler wrote; a new spec resets it, as the control API would.
            ...(s.state.services.get('web') === undefined
              ? {}
              : { updateStatus: s.state.services.get('web')!.updateStatus }),
          });
        s.state.upsertService(web(replicas));
        s.state.upsertService(
          serviceInfo({
            id: 'pay',
            mode: { kind: 'replicated', replicas: 3 },
            task: taskSpec({ runtime: 'pay', restart, constraints: [`node.labels.${ZONE_LABEL}==pci`] }),
          }),
        );
        s.state.upsertService(
          serviceInfo({
            id: 'agent',
            mode: { kind: 'global' },
            task: taskSpec({ runtime: 'agent', restart }),
          }),
        );
        settle(s, clock);
        for (const e of events) {
          const cur = (i: number) => s.state.nodes.get(nodes[i]!.id)!;
          if (e.kind === 'down') s.state.upsertNode({ ...cur(e.node), status: 'down' });
          if (e.kind === 'up')
            s.state.upsertNode({ ...cur(e.node), status: 'ready', availability: 'active' });
          if (e.kind === 'drain') s.state.upsertNode({ ...cur(e.node), availability: 'drain' });
          if (e.kind === 'zone')
            s.state.upsertNode({ ...cur(e.node), labels: e.zone === '' ? {} : { [ZONE_LABEL]: e.zone } });
          if (e.kind === 'fail') {
            const running = [...s.state.tasks.values()].filter((t) => t.state === TaskState.RUNNING);
            const t = running[e.pick % Math.max(1, running.length)];
            if (t !== undefined) s.state.upsertTask({ ...t, state: TaskState.FAILED, statusAt: clock.now() });
          }
          if (e.kind === 'scale') {
            replicas = e.replicas;
            s.state.upsertService(web(replicas));
          }
          if (e.kind === 'time') clock.advance(e.ms);
          if (e.kind === 'update') {
            version++;
            update = {
              order: e.startFirst ? 'start-first' : 'stop-first',
              parallelism: e.parallelism,
              failureAction: e.action,
              monitorMs: 5_000,
            };
            const next = web(replicas);
            s.state.upsertService({
              ...next,
              updateStatus: { state: 'none', startedAt: 0, completedAt: 0, message: '' },
            });
          }
          settle(s, clock);
          clock.advance(2_000); // past the restart delay
          settle(s, clock);

          const live = [...s.state.tasks.values()].filter(
            (t) => t.desiredState <= TaskState.RUNNING && t.state < TaskState.COMPLETE,
          );
          for (const t of live) {
            if (t.nodeId === '' || t.state < TaskState.ASSIGNED) continue;
            const n = s.state.nodes.get(t.nodeId)!;
            const zone = t.serviceId === 'pay' ? 'pci' : '';
            // A task may stay on a node that went down (it is replaced elsewhere), never on one outside its zone.
            expect((n.labels[ZONE_LABEL] ?? '') === zone).toBe(true);
            expect(n.availability).not.toBe('drain');
          }
          const running = (sid: string) =>
            live.filter((t) => t.serviceId === sid && s.state.nodes.get(t.nodeId)?.status === 'ready');
          const webNodes = [...s.state.nodes.values()].filter((n) => eligible(n, '')).length;
          const payNodes = [...s.state.nodes.values()].filter((n) => eligible(n, 'pci')).length;
          if (webNodes > 0) expect(running('web')).toHaveLength(replicas);
          if (payNodes > 0) expect(running('pay')).toHaveLength(3);
          const agentNodes = new Set(running('agent').map((t) => t.nodeId));
          expect(agentNodes.size).toBe(running('agent').length);
          for (const n of s.state.nodes.values())
            if (eligible(n, '')) expect(agentNodes.has(n.id)).toBe(true);
        }
        // Finally every node is healthy and time passes: unless paused, every web task runs the current spec.
        for (const n of nodes) {
          s.state.upsertNode({ ...s.state.nodes.get(n.id)!, status: 'ready', availability: 'active' });
        }
        for (let k = 0; k < 10; k++) {
          clock.advance(30_000);
          settle(s, clock);
        }
        const svc = s.state.services.get('web')!;
        if (svc.updateStatus.state !== 'paused' && svc.updateStatus.state !== 'rollback-paused') {
          const live = [...s.state.tasksOfService('web').values()].filter(
            (t) => t.desiredState <= TaskState.RUNNING,
          );
          for (const t of live) expect(t.spec.key).toBe(svc.task.key);
          expect(live.filter((t) => t.state === TaskState.RUNNING)).toHaveLength(replicas);
        }
      }),
      {
        numRuns: Number(process.env.SCHEDULER_PROPERTY_RUNS ?? 60),
        seed: Number(process.env.SCHEDULER_PROPERTY_SEED ?? 8),
      },
    );
  });
});
