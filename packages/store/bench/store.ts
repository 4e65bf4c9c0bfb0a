// Throughput of the store's own work (no raft): filling it in batches, single-object transactions,
// index lookups, snapshot and restore, at the size of a large cluster (10,000 nodes, 50,000 tasks).
// Prints one JSON line. Run `npx tsc -b` first (it imports @swarm/api's built output).
import { loadavg } from 'node:os';
import { generateId, seededRandom, swarm, systemClock } from '@swarm/api';
import { createMemoryStore } from '../src/index.js';
import { aesGcmTestCipher } from '../src/testing.js';

const NODES = 10_000;
const TASKS = 50_000;
const UPDATES = 20_000;
const LOOKUPS = 100_000;
const random = seededRandom(1);
const cipher = aesGcmTestCipher(new Uint8Array(32).fill(1));
const store = createMemoryStore({ clock: systemClock, cipher });
const heapBefore = process.memoryUsage().heapUsed;

/** CPU time of this process in ms (user + system): steadier than wall time on a shared machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const nodeIds = Array.from({ length: NODES }, () => generateId(random));
const serviceIds = Array.from({ length: 100 }, () => generateId(random));
let t0 = performance.now();
let c0 = cpuMs();
const filled = await store.batch((b) => {
  b.update((tx) => {
    for (const [i, id] of nodeIds.entries()) {
      tx.create(
        'node',
        swarm.Node.create({
          id,
          description: { hostname: `worker-${i}` },
          status: { state: swarm.NodeStatus.State.READY },
        }),
      );
    }
    for (const [i, id] of serviceIds.entries()) {
      tx.create(
        'service',
        swarm.Service.create({
          id,
          spec: { annotations: { name: `svc-${i}` }, task: { container: { image: 'nginx:1.27' } } },
        }),
      );
    }
    for (let i = 0; i < 10; i++)
      tx.create(
        'secret',
        swarm.Secret.create({
          id: generateId(random),
          spec: { annotations: { name: `s${i}` }, data: new Uint8Array(256) },
        }),
      );
  });
  b.update((tx) => {
    for (let i = 0; i < TASKS; i++) {
      tx.create(
        'task',
        swarm.Task.create({
          id: generateId(random),
          serviceId: serviceIds[i % serviceIds.length]!,
          nodeId: nodeIds[i % NODES]!,
          slot: (i + 1) as never,
          desiredState: swarm.TaskState.RUNNING,
          spec: { container: { image: 'nginx:1.27', env: ['A=1', 'B=2'] } },
          status: { state: swarm.TaskState.RUNNING, message: 'started' },
        }),
      );
    }
  });
});
const fillMs = performance.now() - t0;
const fillCpuMs = cpuMs() - c0;
const heapAfterFill = process.memoryUsage().heapUsed;

const taskIds = store.view((tx) => tx.list('task').map((t) => t.id));
t0 = performance.now();
c0 = cpuMs();
for (let i = 0; i < UPDATES; i++) {
  const id = taskIds[i % taskIds.length]!;
  await store.update((tx) => {
    const t = tx.get('task', id)!;
    t.status = { state: swarm.TaskState.RUNNING, message: `heartbeat ${i}` };
    tx.update('task', t);
  });
}
const updateMs = performance.now() - t0;
const updateCpuMs = cpuMs() - c0;

t0 = performance.now();
c0 = cpuMs();
let found = 0;
for (let i = 0; i < LOOKUPS; i++)
  found += store.view((tx) => tx.find('task', { nodeId: nodeIds[i % NODES]! }).length);
const lookupMs = performance.now() - t0;
const lookupCpuMs = cpuMs() - c0;

t0 = performance.now();
c0 = cpuMs();
const image = store.snapshot();
const snapshotMs = performance.now() - t0;
const snapshotCpuMs = cpuMs() - c0;
t0 = performance.now();
c0 = cpuMs();
createMemoryStore({ cipher }).restore(image);
const restoreMs = performance.now() - t0;
const restoreCpuMs = cpuMs() - c0;

console.log(
  JSON.stringify({
    nodes: NODES,
    tasks: TASKS,
    fill_ms: Math.round(fillMs),
    fill_cpu_ms: Math.round(fillCpuMs),
    fill_proposals: filled.proposals,
    update_tx_per_s: Math.round(UPDATES / (updateMs / 1000)),
    update_tx_per_cpu_s: Math.round(UPDATES / (updateCpuMs / 1000)),
    find_by_node_per_s: Math.round(LOOKUPS / (lookupMs / 1000)),
    find_by_node_per_cpu_s: Math.round(LOOKUPS / (lookupCpuMs / 1000)),
    tasks_found_per_lookup: found / LOOKUPS,
    snapshot_mb: +(image.byteLength / 1e6).toFixed(1),
    snapshot_ms: Math.round(snapshotMs),
    snapshot_cpu_ms: Math.round(snapshotCpuMs),
    restore_ms: Math.round(restoreMs),
    restore_cpu_ms: Math.round(restoreCpuMs),
    heap_mb_for_state: Math.round((heapAfterFill - heapBefore) / 1e6),
    load_average_1m: +loadavg()[0]!.toFixed(1),
  }),
);
