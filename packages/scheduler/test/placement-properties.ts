/**
 * The placement invariants, checked against an oracle written independently of the scheduler:
 * random clusters (ready/down/drained nodes, zones, shared zones, spoofed engine zone labels,
 * certificates lagging behind a zone change) and random services (constraints, zones,
 * reservations, host ports, max replicas, preferences). Used by the unit test (a few hundred
 * runs) and by `pnpm --filter @swarm/scheduler properties` (10,000 runs).
 */
import { ManualClock, seededRandom } from '@swarm/api';
import fc from 'fast-check';
import { Scheduler, TaskState, ZONE_LABEL, ZONE_SHARED_LABEL } from '../src/index.js';
import { nodeInfo, runWorkers, serviceInfo, taskSpec } from '../src/testing.js';
import type { NodeInfo, ServiceInfo } from '../src/types.js';

type ArbValue<A> = A extends fc.Arbitrary<infer T> ? T : never;

const CONSTRAINTS = [
  'node.labels.dc==a',
  'node.labels.dc!=b',
  'engine.labels.dc==a',
  `node.labels.${ZONE_LABEL}==pci`,
  `node.labels.${ZONE_LABEL}==dev`,
  'node.role==worker',
  'node.platform.os==linux',
] as const;

const nodeArb = fc.record({
  status: fc.constantFrom('ready', 'ready', 'ready', 'down'),
  availability: fc.constantFrom('active', 'active', 'active', 'pause', 'drain'),
  dc: fc.constantFrom('a', 'b', 'c', undefined),
  engineDc: fc.constantFrom('a', 'b', undefined),
  zone: fc.constantFrom(undefined, undefined, 'pci', 'dev'),
  shared: fc.boolean(),
  engineZone: fc.constantFrom(undefined, 'pci', 'dev'),
  certLags: fc.integer({ min: 0, max: 9 }),
  role: fc.constantFrom('worker', 'manager'),
  os: fc.constantFrom('linux', 'linux', 'windows'),
  cpus: fc.integer({ min: 1, max: 8 }),
  memGiB: fc.integer({ min: 1, max: 16 }),
});

const serviceArb = fc.record({
  global: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
  replicas: fc.integer({ min: 0, max: 40 }),
  constraints: fc.subarray([...CONSTRAINTS], { maxLength: 3 }),
  cpuTenths: fc.constantFrom(0, 0, 5, 10, 20),
  memGiB: fc.constantFrom(0, 0, 1, 4),
  maxReplicas: fc.constantFrom(0, 0, 1, 3),
  hostPort: fc.constantFrom(undefined, undefined, 80),
  spreadDc: fc.boolean(),
});

export const clusterArb = fc.record({
  nodes: fc.array(nodeArb, { minLength: 0, maxLength: 25 }),
  services: fc.array(serviceArb, { minLength: 1, maxLength: 5 }),
  seed: fc.integer(),
});

export type ClusterCase = ArbValue<typeof clusterArb>;

function buildNode(i: number, n: ArbValue<typeof nodeArb>): NodeInfo {
  const labels: Record<string, string> = {};
  if (n.dc !== undefined) labels.dc = n.dc;
  if (n.zone !== undefined) labels[ZONE_LABEL] = n.zone;
  if (n.zone !== undefined && n.shared) labels[ZONE_SHARED_LABEL] = 'true';
  const engineLabels: Record<string, string> = {};
  if (n.engineDc !== undefined) engineLabels.dc = n.engineDc;
  if (n.engineZone !== undefined) engineLabels[ZONE_LABEL] = n.engineZone; // a worker's claim: must not count
  return nodeInfo({
    id: `node${String(i).padStart(21, '0')}`,
    status: n.status as NodeInfo['status'],
    availability: n.availability as NodeInfo['availability'],
    labels,
    engineLabels,
    role: n.role as NodeInfo['role'],
    platform: { os: n.os, architecture: 'amd64' },
    resources: { nanoCpus: n.cpus * 1e9, memoryBytes: n.memGiB * 2 ** 30 },
    // Now and then the certificate still names the zone the node had before.
    ...(n.certLags === 0 ? { certificateZone: n.zone === 'pci' ? 'dev' : 'pci' } : {}),
  });
}

function buildService(k: number, s: ArbValue<typeof serviceArb>): ServiceInfo {
  return serviceInfo({
    id: `svc${String(k).padStart(22, '0')}`,
    mode: s.global ? { kind: 'global' } : { kind: 'replicated', replicas: s.replicas },
    task: taskSpec({
      constraints: s.constraints,
      reservations: { nanoCpus: s.cpuTenths * 1e8, memoryBytes: s.memGiB * 2 ** 30 },
      maxReplicas: s.maxReplicas,
      hostPorts: s.hostPort === undefined ? [] : [{ protocol: 'tcp', publishedPort: s.hostPort }],
      preferences: s.spreadDc ? ['node.labels.dc'] : [],
      runtime: `image${k}`,
    }),
  });
}

/** The oracle: may a task of `svc` run on `node` at all (ignoring capacity)? */
export function oracleAllows(svc: ServiceInfo, node: NodeInfo): boolean {
  if (node.status !== 'ready' || node.availability !== 'active') return false;
  const zone = node.labels[ZONE_LABEL];
  if (node.certificateZone !== undefined && node.certificateZone !== (zone ?? '')) return false;
  const wanted = svc.task.constraints
    .filter((c) => c.startsWith(`node.labels.${ZONE_LABEL}==`))
    .map((c) => c.split('==')[1]);
  if (wanted.length === 0) {
    if (zone !== undefined && node.labels[ZONE_SHARED_LABEL] !== 'true') return false;
  } else if (!wanted.every((z) => z === zone)) {
    return false;
  }
  for (const c of svc.task.constraints) {
    if (c === 'node.labels.dc==a' && node.labels.dc !== 'a') return false;
    if (c === 'node.labels.dc!=b' && node.labels.dc === 'b') return false;
    if (c === 'engine.labels.dc==a' && node.engineLabels.dc !== 'a') return false;
    if (c === 'node.role==worker' && node.role !== 'worker') return false;
    if (c === 'node.platform.os==linux' && node.platform.os !== 'linux') return false;
  }
  return true;
}

/** Builds the case, reconciles twice (with workers starting tasks in between) and checks every invariant. */
export function checkCase(c: ClusterCase): void {
  const clock = new ManualClock(1_000_000);
  const s = new Scheduler({}, { clock, random: seededRandom(c.seed) });
  const nodes = c.nodes.map((n, i) => buildNode(i, n));
  const services = c.services.map((x, k) => buildService(k, x));
  for (const n of nodes) s.state.upsertNode(n);
  for (const v of services) s.state.upsertService(v);
  const p1 = s.reconcile();
  if (process.env.DBG)
    console.log(
      JSON.stringify(p1.created.map((t) => [t.serviceId.slice(-2), t.nodeId.slice(-2), t.message])),
    );
  clock.advance(1000);
  runWorkers(s.state, clock.now());
  s.reconcile();

  const perNode = new Map<
    string,
    { cpu: number; mem: number; ports: Set<number>; svc: Map<string, number> }
  >();
  for (const t of s.state.tasks.values()) {
    if (t.desiredState > TaskState.RUNNING) continue;
    const svc = s.state.services.get(t.serviceId)!;
    if (t.nodeId === '' || t.state < TaskState.ASSIGNED) {
      if (!/^(no suitable node \(|cannot place)/.test(t.message))
        throw new Error(`pending task without a reason: ${t.message}`);
      continue;
    }
    const node = s.state.nodes.get(t.nodeId)!;
    if (!oracleAllows(svc, node)) {
      throw new Error(
        `task of ${svc.id} (${svc.task.constraints.join(', ')}) placed on ${JSON.stringify(node)}`,
      );
    }
    let u = perNode.get(node.id);
    if (u === undefined) {
      u = { cpu: 0, mem: 0, ports: new Set(), svc: new Map() };
      perNode.set(node.id, u);
    }
    u.cpu += t.spec.reservations.nanoCpus;
    u.mem += t.spec.reservations.memoryBytes;
    for (const p of t.spec.hostPorts) {
      if (u.ports.has(p.publishedPort))
        throw new Error(`host port ${p.publishedPort} used twice on ${node.id}`);
      u.ports.add(p.publishedPort);
    }
    u.svc.set(svc.id, (u.svc.get(svc.id) ?? 0) + 1);
  }
  for (const [id, u] of perNode) {
    const node = s.state.nodes.get(id)!;
    if (u.cpu > node.resources.nanoCpus || u.mem > node.resources.memoryBytes)
      throw new Error(`node ${id} overcommitted`);
    for (const [sid, n] of u.svc) {
      const max = s.state.services.get(sid)!.task.maxReplicas;
      if (max > 0 && n > max) throw new Error(`node ${id} runs ${n} > ${max} replicas of ${sid}`);
    }
  }
  // Spread: with nothing but filters in the way, a replicated service is within one task of even.
  for (const svc of services) {
    if (svc.mode.kind !== 'replicated') continue;
    const t = svc.task;
    if (t.reservations.nanoCpus > 0 || t.reservations.memoryBytes > 0 || t.maxReplicas > 0) continue;
    if (t.hostPorts.length > 0 || t.preferences.length > 0) continue;
    const eligible = nodes.filter((n) => oracleAllows(svc, n));
    const counts = eligible.map((n) => perNode.get(n.id)?.svc.get(svc.id) ?? 0);
    const placed = counts.reduce((a, b) => a + b, 0);
    const expected = eligible.length === 0 ? 0 : svc.mode.replicas;
    if (placed !== expected)
      throw new Error(`${svc.id}: placed ${placed} of ${expected} with ${eligible.length} eligible nodes`);
    if (counts.length > 0 && Math.max(...counts) - Math.min(...counts) > 1) {
      throw new Error(`${svc.id}: spread ${counts.join(',')} is not within one task`);
    }
  }
  // Global services: exactly one task on every node the oracle allows and that has room.
  for (const svc of services) {
    if (svc.mode.kind !== 'global') continue;
    for (const n of nodes) {
      const count = perNode.get(n.id)?.svc.get(svc.id) ?? 0;
      if (count > 1) throw new Error(`global ${svc.id} runs ${count} tasks on ${n.id}`);
    }
  }
}
