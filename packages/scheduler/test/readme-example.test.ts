// The example from README.md, kept compiling and passing.
import { ManualClock, seededRandom } from '@swarm/api';
import { expect, it } from 'vitest';
import { runReadmeExamples } from '../../../vitest.readme.js';
import { nodeInfo, Scheduler, serviceInfo, TaskState, taskSpec, ZONE_LABEL } from '../src/index.js';

it('runs the README example', () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const scheduler = new Scheduler({}, { clock, random: seededRandom(1) });

  const resources = { nanoCpus: 4e9, memoryBytes: 8 * 2 ** 30 }; // 4 CPUs, 8 GiB
  scheduler.state.upsertNode(nodeInfo({ id: 'a'.repeat(25), resources, labels: { [ZONE_LABEL]: 'pci' } }));
  scheduler.state.upsertNode(nodeInfo({ id: 'b'.repeat(25), resources }));
  scheduler.state.upsertService(
    serviceInfo({
      id: 'p'.repeat(25),
      name: 'payments',
      mode: { kind: 'replicated', replicas: 3 },
      task: taskSpec({
        constraints: [`node.labels.${ZONE_LABEL}==pci`],
        reservations: { nanoCpus: 1e9, memoryBytes: 3 * 2 ** 30 },
      }),
    }),
  );

  const plan = scheduler.reconcile();
  // Two tasks fit on the pci node (8 GiB); the third waits and says why.
  expect(plan.created.filter((t) => t.state === TaskState.ASSIGNED)).toHaveLength(2);
  expect(plan.unplaced.map((u) => u.reason)).toEqual([
    'no suitable node (1 node fails constraint node.labels.swarm.zone==pci; 1 node has insufficient memory)',
  ]);
});

it('runs every README example as written and prints what the README says', async () => {
  const runs = await runReadmeExamples(new URL('../', import.meta.url));
  expect(runs.length).toBeGreaterThanOrEqual(2);
  for (const run of runs)
    if (run.expected !== undefined) expect(run.printed, `line ${run.line}`).toBe(run.expected);
});
