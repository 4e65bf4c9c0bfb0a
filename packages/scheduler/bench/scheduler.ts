/**
 * Placement throughput. Prints one JSON line per shape:
 *   1k-nodes-100k-tasks    one service of 100,000 replicas on 1,000 nodes (swarmkit's benchmark shape)
 *   100k-nodes-100k-tasks  one service of 100,000 replicas on 100,000 nodes
 *   c1m                    1,000 services x 1,000 replicas on 5,000 nodes with constraints,
 *                          preferences and security zones (Nomad's "C1M" shape)
 *   single-task-5k-nodes   p50/p99 of one-task decisions (scale a service by one) on 5,000 nodes
 *                          already running 50,000 tasks
 * Each shape runs in a child process so that its memory figure is its own. Timings include the
 * orchestrator creating the tasks and placement assigning them (one `reconcile()`).
 * Usage: pnpm bench scheduler [shape...]
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '@swarm/api';
import { Scheduler, ZONE_LABEL } from '../src/index.js';
import { nodeInfo, serviceInfo, taskSpec } from '../src/testing.js';

const SHAPES = ['1k-nodes-100k-tasks', '100k-nodes-100k-tasks', 'c1m', 'single-task-5k-nodes'] as const;
type Shape = (typeof SHAPES)[number];

let peakRss = 0;
function sampleMemory(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

function nodeId(i: number): string {
  return `n${i.toString(36).padStart(24, '0')}`;
}

function cluster(nodes: number, label: (i: number) => Record<string, string>): Scheduler {
  // Task IDs come from cryptoRandom, as in production.
  const s = new Scheduler({}, { clock: new ManualClock(1_700_000_000_000) });
  for (let i = 0; i < nodes; i++) {
    s.state.upsertNode(
      nodeInfo({
        id: nodeId(i),
        labels: label(i),
        resources: { nanoCpus: 64e9, memoryBytes: 256 * 2 ** 30 },
      }),
    );
  }
  return s;
}

function countPlaced(s: Scheduler): number {
  let placed = 0;
  for (const t of s.state.tasks.values()) if (t.nodeId !== '') placed++;
  return placed;
}

function bigService(nodes: number, replicas: number, shape: Shape): Record<string, unknown> {
  const s = cluster(nodes, () => ({}));
  s.state.upsertService(
    serviceInfo({
      id: 'svc',
      mode: { kind: 'replicated', replicas },
      task: taskSpec({ reservations: { nanoCpus: 1e8, memoryBytes: 2 ** 26 } }),
    }),
  );
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  s.reconcile();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c0);
  sampleMemory();
  const placed = countPlaced(s);
  return {
    shape,
    nodes,
    services: 1,
    tasks: replicas,
    placed,
    seconds: round(seconds),
    cpuSeconds: cpu,
    tasksPerSecond: Math.round(placed / seconds),
  };
}

function c1m(): Record<string, unknown> {
  const nodes = 5_000;
  const racks = 20;
  const s = cluster(nodes, (i) => {
    const labels: Record<string, string> = {
      dc: `dc${i % 4}`,
      rack: `r${i % racks}`,
      disk: i % 3 === 0 ? 'ssd' : 'hdd',
    };
    if (i % 10 === 0) labels[ZONE_LABEL] = 'pci';
    return labels;
  });
  const services = 1_000;
  const replicas = 1_000;
  for (let k = 0; k < services; k++) {
    const constraints = [`node.labels.dc!=dc${k % 4}`];
    if (k % 5 === 0) constraints.push('node.labels.disk==ssd');
    if (k % 50 === 0) constraints.push(`node.labels.${ZONE_LABEL}==pci`);
    s.state.upsertService(
      serviceInfo({
        id: `svc${k}`,
        mode: { kind: 'replicated', replicas },
        task: taskSpec({
          constraints,
          preferences: k % 10 === 1 ? ['node.labels.rack'] : [],
          reservations: { nanoCpus: 1e7, memoryBytes: 2 ** 24 },
          runtime: `image-${k}`,
        }),
      }),
    );
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  s.reconcile();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c0);
  sampleMemory();
  const placed = countPlaced(s);
  return {
    shape: 'c1m',
    nodes,
    services,
    tasks: services * replicas,
    placed,
    seconds: round(seconds),
    cpuSeconds: cpu,
    tasksPerSecond: Math.round(placed / seconds),
  };
}

function singleTask(): Record<string, unknown> {
  const nodes = 5_000;
  const s = cluster(nodes, (i) => ({ dc: `dc${i % 4}` }));
  for (let k = 0; k < 50; k++) {
    s.state.upsertService(
      serviceInfo({
        id: `bg${k}`,
        mode: { kind: 'replicated', replicas: 1_000 },
        task: taskSpec({ constraints: [`node.labels.dc==dc${k % 4}`], runtime: `bg${k}` }),
      }),
    );
  }
  s.reconcile();
  const decisions = 2_000;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const spec = taskSpec({
    constraints: ['node.labels.dc!=dc1'],
    reservations: { nanoCpus: 1e6, memoryBytes: 2 ** 20 },
  });
  for (let k = 0; k < decisions; k++) {
    const svc = serviceInfo({
      id: `one${k % 20}`,
      mode: { kind: 'replicated', replicas: Math.floor(k / 20) + 1 },
      task: spec,
    });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    s.state.upsertService(svc);
    const plan = s.reconcile();
    times.push(performance.now() - t0);
    const d = process.cpuUsage(c0);
    cpuTimes.push((d.user + d.system) / 1000);
    if (plan.created.length !== 1 || plan.created[0]!.nodeId === '')
      throw new Error('expected one placed task');
  }
  sampleMemory();
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const at = (xs: number[], p: number): number =>
    round(xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!);
  const pct = (p: number): number => at(times, p);
  return {
    shape: 'single-task-5k-nodes',
    nodes,
    existingTasks: 50_000,
    decisions,
    p50Ms: pct(50),
    p99Ms: pct(99),
    maxMs: round(times[times.length - 1]!),
    cpuP50Ms: at(cpuTimes, 50),
    cpuP99Ms: at(cpuTimes, 99),
    tasksPerSecond: Math.round(decisions / (times.reduce((a, b) => a + b, 0) / 1000)),
  };
}

/** CPU time of this process since `from` (user + system), a fairer figure than wall time on a shared machine. */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return round((d.user + d.system) / 1e6);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function runShape(shape: Shape): void {
  const result =
    shape === '1k-nodes-100k-tasks'
      ? bigService(1_000, 100_000, shape)
      : shape === '100k-nodes-100k-tasks'
        ? bigService(100_000, 100_000, shape)
        : shape === 'c1m'
          ? c1m()
          : singleTask();
  sampleMemory();
  result.peakRssMiB = Math.round(peakRss / 2 ** 20);
  result.heapUsedMiB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  console.log(JSON.stringify({ bench: 'scheduler', ...result }));
}

const child = process.env.SWARM_BENCH_SHAPE as Shape | undefined;
if (child !== undefined) {
  runShape(child);
} else {
  const wanted = process.argv.slice(2).filter((a) => (SHAPES as readonly string[]).includes(a)) as Shape[];
  const self = fileURLToPath(import.meta.url);
  let failed = false;
  for (const shape of wanted.length > 0 ? wanted : SHAPES) {
    const code = await new Promise<number>((resolve) => {
      const p = fork(self, [], { env: { ...process.env, SWARM_BENCH_SHAPE: shape }, stdio: 'inherit' });
      p.on('exit', (c) => resolve(c ?? 1));
    });
    if (code !== 0) failed = true;
  }
  if (failed) process.exitCode = 1;
}
