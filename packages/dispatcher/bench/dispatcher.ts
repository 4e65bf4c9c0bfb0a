/**
 * `pnpm bench dispatcher [sessions] [windowSeconds] [tasksPerSecond]`: one manager (a Dispatcher on
 * a memory store) holding 10,000 worker sessions by default, each a real Agent with a test executor
 * and an in-memory secret writer, over the in-process MemoryTransport (every message copied through
 * its protobuf encoding), on the real clock with 5-second heartbeats. After all sessions are up it
 * measures a window: CPU share of one core and memory of the whole process (manager and all
 * simulated workers together, so an upper bound for the manager), heartbeats per second, and the
 * latency from a task assignment (the store write) to its worker seeing it. Prints one JSON line.
 */
import { generateId, seededRandom, swarm } from '@swarm/api';
import { Agent, Dispatcher, type DispatcherStore } from '../src/index.js';
import { MemorySecretWriter, MemoryTransport, TestExecutor } from '../src/testing.js';

const sessions = Number(process.argv[2] ?? 10_000);
const windowSeconds = Number(process.argv[3] ?? 30);
const tasksPerSecond = Number(process.argv[4] ?? 20);
const random = seededRandom(7);

async function openStore(): Promise<{ store: DispatcherStore; kind: string }> {
  try {
    const mod = (await import('@swarm/store')) as { createMemoryStore?: (o?: object) => DispatcherStore };
    if (typeof mod.createMemoryStore === 'function')
      return { store: mod.createMemoryStore(), kind: '@swarm/store MemoryStore' };
  } catch {
    // fall through to the contract double used by the tests
  }
  const { FakeStore } = await import('../test/fake-store.js');
  return { store: new FakeStore(), kind: 'contract double (test/fake-store.ts)' };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const { store, kind: storeKind } = await openStore();
const nodeIds = Array.from({ length: sessions }, () => generateId(random));
for (let i = 0; i < nodeIds.length; i += 2_000) {
  const chunk = nodeIds.slice(i, i + 2_000);
  await store.update((tx) => {
    for (const id of chunk)
      tx.create('node', swarm.Node.create({ id, description: { hostname: `worker-${id.slice(0, 6)}` } }));
  });
}

const transport = new MemoryTransport();
const dispatcher = new Dispatcher({}, { store, random });
dispatcher.start();
transport.listen('manager-1', dispatcher);

const assignedAt = new Map<string, number>();
const latencies: number[] = [];
let heartbeats = 0;
const countingConnect = (nodeId: string) => {
  const connect = transport.connector(nodeId);
  return (addr: string) => {
    const c = connect(addr);
    const heartbeat = c.heartbeat.bind(c);
    c.heartbeat = (req) => {
      heartbeats++;
      return heartbeat(req);
    };
    return c;
  };
};

const agents: Agent[] = [];
let completeSets = 0;
const setupStarted = performance.now();
for (let i = 0; i < nodeIds.length; i++) {
  const nodeId = nodeIds[i]!;
  const agent = new Agent(
    { managers: ['manager-1'] },
    {
      connect: countingConnect(nodeId),
      executor: new TestExecutor(),
      secrets: new MemorySecretWriter(),
      random: seededRandom(i),
      onAssignments(m) {
        if (m.type === swarm.AssignmentsMessage.Type.COMPLETE) completeSets++;
        const now = performance.now();
        for (const c of m.changes) {
          const id = c.assignment?.task?.id;
          const at = id ? assignedAt.get(id) : undefined;
          if (id && at !== undefined) {
            latencies.push(now - at);
            assignedAt.delete(id);
          }
        }
      },
    },
  );
  agents.push(agent);
  agent.start();
  if (i % 500 === 499) await sleep(20);
}
while (completeSets < sessions) await sleep(50);
const setupSeconds = (performance.now() - setupStarted) / 1000;
await sleep(6_000); // one full heartbeat period so every session is in its steady state

globalThis.gc?.();
heartbeats = 0;
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
let created = 0;
const end = wall0 + windowSeconds * 1000;
const interval = 1000 / tasksPerSecond;
let next = wall0;
while (performance.now() < end) {
  const nodeId = nodeIds[random.int(nodeIds.length)]!;
  const id = generateId(random);
  const at = performance.now();
  assignedAt.set(id, at);
  void store.update((tx) =>
    tx.create(
      'task',
      swarm.Task.create({
        id,
        serviceId: 'bench',
        nodeId,
        desiredState: swarm.TaskState.RUNNING,
        status: { state: swarm.TaskState.ASSIGNED },
        spec: { container: { image: 'busybox' } },
      }),
    ),
  );
  created++;
  next += interval;
  await sleep(Math.max(0, next - performance.now()));
}
await sleep(1_000); // let the last assignments arrive
const wallSeconds = (performance.now() - wall0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuShare = (cpu.user + cpu.system) / 1e6 / wallSeconds;
globalThis.gc?.();
const mem = process.memoryUsage();
latencies.sort((a, b) => a - b);

const p99 = percentile(latencies, 99);
const rssMiB = mem.rss / 2 ** 20;
const line = {
  bench: 'dispatcher',
  store: storeKind,
  sessions: dispatcher.sessionCount,
  setupSeconds: round(setupSeconds),
  windowSeconds: round(wallSeconds),
  heartbeatsPerSecond: round(heartbeats / wallSeconds),
  cpuShareOfOneCore: round(cpuShare, 3),
  rssMiB: round(rssMiB),
  heapUsedMiB: round(mem.heapUsed / 2 ** 20),
  tasksAssigned: created,
  tasksSeen: latencies.length,
  latencyMs: {
    p50: round(percentile(latencies, 50)),
    p99: round(p99),
    max: round(latencies.at(-1) ?? Number.NaN),
  },
  goals: { cpuShareOfOneCore: '< 0.25', rssMiB: '< 1024', p99LatencyMs: '< 200' },
  met: cpuShare < 0.25 && rssMiB < 1024 && p99 < 200 && latencies.length === created,
  note: 'CPU and memory are for the whole process: the manager plus all simulated workers',
};
console.log(JSON.stringify(line));
for (const a of agents) a.stop();
dispatcher.stop();
process.exit(0);
