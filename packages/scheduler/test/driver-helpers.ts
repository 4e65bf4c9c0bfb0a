// Shared fixtures for the orchestrator tests: nodes and services as the control API would store
// them, a worker simulation that writes task statuses as agents would report them, and loops that
// drive the orchestrator to a steady state.
import { fromLong, generateId, ManualClock, seededRandom, swarm, toLong } from '@swarm/api';
import { createMemoryStore, type Store } from '@swarm/store';
import { Orchestrator, type OrchestratorOptions, type PassResult } from '../src/driver.js';

export const S = swarm.TaskState;

export interface NodeFields {
  hostname?: string;
  labels?: Record<string, string>;
  engineLabels?: Record<string, string>;
  zone?: string;
  state?: swarm.NodeStatus.State;
  availability?: swarm.NodeSpec.Availability;
  addr?: string;
}

export function nodeObject(id: string, f: NodeFields = {}): swarm.Node {
  return swarm.Node.create({
    id,
    spec: {
      annotations: { name: f.hostname ?? `host-${id.slice(0, 4)}`, labels: f.labels ?? {} },
      availability: f.availability ?? swarm.NodeSpec.Availability.ACTIVE,
      membership: swarm.NodeSpec.Membership.ACCEPTED,
    },
    description: {
      hostname: f.hostname ?? `host-${id.slice(0, 4)}`,
      platform: { os: 'linux', architecture: 'amd64' },
      engineLabels: f.engineLabels ?? {},
      resources: { nanoCpus: toLong(4_000_000_000n), memoryBytes: toLong(8n * 2n ** 30n) },
    },
    status: { state: f.state ?? swarm.NodeStatus.State.READY, addr: f.addr ?? '127.0.0.1' },
    role: swarm.NodeRole.NODE_ROLE_WORKER,
    zone: f.zone ?? '',
  });
}

export interface ServiceFields {
  name: string;
  replicas?: number;
  global?: boolean;
  image?: string;
  constraints?: string[];
  ports?: swarm.PortConfig.$Properties[];
  parallelism?: number;
  restartDelayMs?: number;
}

export function serviceSpec(f: ServiceFields): swarm.ServiceSpec.$Properties {
  return {
    annotations: { name: f.name },
    task: {
      container: { image: f.image ?? 'busybox', command: ['sleep', '1000'] },
      placement: { constraints: f.constraints ?? [] },
      restart: {
        condition: swarm.RestartPolicy.Condition.ANY,
        delayMs: toLong(BigInt(f.restartDelayMs ?? 0)),
      },
    },
    ...(f.global ? { global: {} } : { replicated: { replicas: toLong(BigInt(f.replicas ?? 1)) } }),
    update: { parallelism: toLong(BigInt(f.parallelism ?? 1)) },
    ...(f.ports === undefined ? {} : { endpoint: { ports: f.ports } }),
  };
}

export async function addNode(store: Store, f: NodeFields = {}): Promise<string> {
  const id = generateId();
  await store.update((tx) => tx.create('node', nodeObject(id, f)));
  return id;
}

export async function updateNode(store: Store, id: string, change: (n: swarm.Node) => void): Promise<void> {
  await store.update((tx) => {
    const n = tx.get('node', id)!;
    change(n);
    tx.update('node', n);
  });
}

export async function addService(store: Store, f: ServiceFields): Promise<string> {
  const id = generateId();
  await store.update((tx) =>
    tx.create('service', swarm.Service.create({ id, spec: serviceSpec(f), specVersion: toLong(1n) })),
  );
  return id;
}

/** A spec change as the control API makes it: previous spec kept, version moved on. */
export async function updateService(
  store: Store,
  id: string,
  change: (spec: swarm.ServiceSpec.$Properties) => void,
): Promise<void> {
  await store.update((tx) => {
    const s = tx.get('service', id)!;
    s.previousSpec = swarm.ServiceSpec.decode(swarm.ServiceSpec.encode(s.spec!).finish());
    change(s.spec!);
    s.specVersion = toLong(fromLong(s.specVersion as never) + 1n);
    tx.update('service', s);
  });
}

export function tasksOf(store: Store, serviceId: string): swarm.Task[] {
  return store.view((tx) => tx.find('task', { serviceId }));
}

/** Tasks that should run and have not stopped. */
export function liveTasks(store: Store, serviceId: string): swarm.Task[] {
  return tasksOf(store, serviceId).filter(
    (t) => t.desiredState <= S.RUNNING && (t.status?.state ?? 0) < S.COMPLETE,
  );
}

export function perNode(tasks: readonly swarm.Task[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tasks) out.set(t.nodeId, (out.get(t.nodeId) ?? 0) + 1);
  return out;
}

export function slotOf(t: swarm.Task): number {
  return Number(fromLong(t.slot as never));
}

/**
 * Plays every worker once: assigned tasks on ready nodes start (reporting a host port for each
 * published target port), tasks asked to stop shut down (unless their node is down). Returns how
 * many tasks changed.
 */
export async function runWorkers(store: Store, clock: ManualClock): Promise<number> {
  let changed = 0;
  await store.update((tx) => {
    let hostPort = 30000;
    for (const t of tx.list('task')) {
      const state = t.status?.state ?? 0;
      const node = t.nodeId ? tx.get('node', t.nodeId) : undefined;
      const up = node?.status?.state === swarm.NodeStatus.State.READY;
      let next: number | undefined;
      if (t.desiredState > S.RUNNING && state >= S.ASSIGNED && state < S.COMPLETE && up) next = S.SHUTDOWN;
      else if (t.desiredState <= S.RUNNING && state >= S.ASSIGNED && state < S.RUNNING && up)
        next = S.RUNNING;
      if (next === undefined) continue;
      const ports =
        next === S.RUNNING
          ? (t.endpoint?.spec?.ports ?? []).map((p) => ({ ...p, publishedPort: hostPort++ }))
          : (t.status?.ports ?? []);
      t.status = swarm.TaskStatus.create({
        state: next,
        timestamp: toLong(BigInt(clock.now())),
        message: next === S.RUNNING ? 'started' : 'shut down',
        ports,
      });
      tx.update('task', t);
      changed++;
    }
  });
  return changed;
}

function wrote(r: PassResult): boolean {
  return r.created + r.updated + r.services + r.reaped + r.conflicts > 0;
}

/** Passes until one changes nothing. */
export async function settle(orch: Orchestrator, maxPasses = 30): Promise<void> {
  for (let i = 0; i < maxPasses; i++) if (!wrote(await orch.reconcileNow())) return;
  throw new Error(`the orchestrator did not settle within ${maxPasses} passes`);
}

/** Orchestrator and workers in turn until neither changes anything; time moves 1 s per round. */
export async function converge(
  orch: Orchestrator,
  store: Store,
  clock: ManualClock,
  rounds = 40,
): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await settle(orch);
    const changed = await runWorkers(store, clock);
    clock.advance(1000);
    if (changed === 0 && !wrote(await orch.reconcileNow())) return;
  }
  throw new Error(`no steady state within ${rounds} rounds`);
}

export interface Harness {
  clock: ManualClock;
  store: Store;
  orch: Orchestrator;
}

export function harness(
  options: Partial<Omit<OrchestratorOptions, 'store'>> & { clock?: ManualClock; store?: Store } = {},
): Harness {
  const clock = options.clock ?? new ManualClock(Date.UTC(2026, 0, 1));
  const store = options.store ?? createMemoryStore({ clock });
  const orch = new Orchestrator({ store, clock, random: seededRandom(7), ...options });
  return { clock, store, orch };
}
