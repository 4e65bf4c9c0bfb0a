import { ManualClock, seededRandom } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { Scheduler } from '../src/index.js';
import { nodeInfo, runWorkers, serviceInfo, taskSpec, tasksPerNode } from '../src/testing.js';

describe('smoke', () => {
  it('spreads a replicated service', () => {
    const clock = new ManualClock(1000);
    const s = new Scheduler({}, { clock, random: seededRandom(1) });
    for (let i = 0; i < 3; i++) s.state.upsertNode(nodeInfo());
    s.state.upsertService(
      serviceInfo({ id: 'web', mode: { kind: 'replicated', replicas: 7 }, task: taskSpec() }),
    );
    const plan = s.reconcile();
    expect(plan.created).toHaveLength(7);
    expect([...tasksPerNode(s.state, 'web').values()].sort()).toEqual([2, 2, 3]);
    runWorkers(s.state, clock.now());
    expect(s.reconcile().created).toHaveLength(0);
  });
});
