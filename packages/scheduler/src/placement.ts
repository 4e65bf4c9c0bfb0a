import type { ClusterState } from './cluster-state.js';
import { type Constraint, matchConstraint, parseConstraints } from './constraint.js';
import { InvalidPreferenceError } from './errors.js';
import {
  CHANGING_ZONE,
  CPU,
  explain,
  FIXED_REASONS,
  MAX_REPLICAS,
  MEMORY,
  NOT_ACTIVE,
  NOT_READY,
  PHRASES,
  PLATFORM,
  PORT,
  ZONED,
} from './reasons.js';
import { type Bucket, InnerBucket, LeafBucket } from './spread-tree.js';
import { TaskState } from './task-state.js';
import type { NodeInfo, TaskInfo, TaskSpec } from './types.js';
import { nodeZone, zoneInTransition, zoneIsShared } from './zone.js';

/** How placement ranks nodes that fit. */
export type PlacementStrategy = 'spread' | 'binpack';

/** Options of placement (`SchedulerInit.placement`). */
export interface PlacementOptions {
  /** `spread` (default) evens tasks out; `binpack` fills the fullest node that still fits. */
  readonly strategy: PlacementStrategy;
  /** Failures of a service on a node within this window count against the node. Default 5 min. */
  readonly failureWindowMs: number;
  /** A node with this many recent failures of the service is used only when no other fits. Default 5. */
  readonly failureThreshold: number;
}

/** Placement's defaults: spread, a 5-minute failure window, 5 failures. */
export const DEFAULT_PLACEMENT_OPTIONS: PlacementOptions = {
  strategy: 'spread',
  failureWindowMs: 5 * 60_000,
  failureThreshold: 5,
};

/** Where each task of a group went (`-1`: nowhere) and, if any is left, why. */
export interface GroupPlacement {
  readonly nodes: Int32Array;
  readonly reason: string;
}

interface StaticFilter {
  readonly epoch: number;
  /** Indexes of the nodes that pass every static filter. */
  readonly eligible: Int32Array;
  /** Node counts per reason: the fixed reasons, then one per constraint. */
  readonly counts: Int32Array;
  readonly constraints: readonly Constraint[];
}

interface ParsedSpec {
  readonly constraints: Constraint[];
  readonly zoned: boolean;
  readonly filterKey: string;
  readonly error?: string;
}

/**
 * Places groups of identical tasks (one service, one spec). Static filters (ready, active, zone,
 * constraints, platform) run once per distinct filter set and node and are cached until a node
 * changes; dynamic ones (resources, host ports, max replicas) are checked as a node comes to the
 * top of a heap ordered by the ranking, so a group of N tasks costs one pass over the nodes plus
 * N heap steps, never N scans.
 */
export class Placer {
  readonly #state: ClusterState;
  readonly #options: PlacementOptions;
  readonly #filters = new Map<string, StaticFilter>();
  #filtersEpoch = -1;
  readonly #parsed = new WeakMap<TaskSpec, ParsedSpec>();
  // Per-group scratch, indexed by node index and reset after each group.
  #svc = new Int32Array(0);
  #penalty = new Uint8Array(0);
  #slots = new Map<number, Set<number>>();
  #slotHomes = new Map<number, number>();
  /** Node indexes whose scratch counters are non-zero. */
  #touched: number[] = [];

  constructor(state: ClusterState, options: Partial<PlacementOptions> = {}) {
    this.#state = state;
    this.#options = { ...DEFAULT_PLACEMENT_OPTIONS, ...options };
  }

  /**
   * Places `tasks` (all of one service with the same spec) and records each assignment in the
   * cluster state through `assign`, which must upsert the assigned task so the node totals move.
   */
  placeGroup(
    tasks: readonly TaskInfo[],
    now: number,
    assign: (task: TaskInfo, nodeIndex: number) => void,
  ): GroupPlacement {
    const out = new Int32Array(tasks.length).fill(-1);
    const first = tasks[0];
    if (first === undefined) return { nodes: out, reason: '' };
    const spec = first.spec;
    const parsed = this.#parse(spec);
    if (parsed.error !== undefined) return { nodes: out, reason: parsed.error };
    const filter = this.#staticFilter(spec, parsed);
    const n = this.#state.nodeIndexCount;
    this.#ensureScratch(n);
    this.#loadServiceCounts(first.serviceId, spec, now);
    const dynamicCounts = new Int32Array(FIXED_REASONS);
    const eligibleMask = spec.maxReplicas > 0 ? new Uint8Array(n) : undefined;
    if (eligibleMask !== undefined) for (const i of filter.eligible) eligibleMask[i] = 1;

    let placed = 0;
    // Start-first replacements under a per-node cap go where the task they replace runs, when it fits.
    if (eligibleMask !== undefined) {
      for (let k = 0; k < tasks.length; k++) {
        const t = tasks[k]!;
        const home = this.#slotHome(t);
        if (home >= 0 && eligibleMask[home] === 1 && this.#fits(home, spec, true) < 0) {
          this.#commit(t, home, assign);
          out[k] = home;
          placed++;
        }
      }
    }
    if (placed === 0 && tasks.length === 1 && spec.preferences.length === 0) {
      // One task (the common incremental case): when the top-ranked node fits, a single scan
      // beats building a heap; otherwise fall through to the heap, which counts the reasons.
      const node = this.#bestSingle(filter.eligible);
      if (node >= 0 && this.#fits(node, spec, false) < 0) {
        this.#commit(tasks[0]!, node, assign);
        out[0] = node;
        placed = 1;
      }
    }
    if (placed < tasks.length) {
      const root = this.#buildTree(filter.eligible, spec);
      const fits = (i: number): number => this.#fits(i, spec, false);
      for (let k = 0; k < tasks.length; k++) {
        if (out[k] !== -1) continue;
        const t = tasks[k]!;
        const node = root.place(fits, (i) => this.#commit(t, i, assign), dynamicCounts);
        if (node < 0) break;
        out[k] = node;
        placed++;
      }
    }
    this.#resetScratch();
    const reason =
      placed === tasks.length ? '' : explain(filter, dynamicCounts, this.#state.nodes.size === 0);
    return { nodes: out, reason };
  }

  /** The top-ranked eligible node, or -1. */
  #bestSingle(eligible: Int32Array): number {
    const less = this.#nodeOrder();
    let best = -1;
    for (const i of eligible) if (best < 0 || less(i, best)) best = i;
    return best;
  }

  /**
   * Checks a task that already names its node (a global service's task): returns '' and commits it
   * when the node passes every filter, else the reason it must wait.
   */
  placePinned(task: TaskInfo, now: number, assign: (task: TaskInfo, nodeIndex: number) => void): string {
    const parsed = this.#parse(task.spec);
    if (parsed.error !== undefined) return parsed.error;
    const node = this.#state.nodes.get(task.nodeId);
    if (node === undefined) return `no suitable node (node ${task.nodeId} is not in the cluster)`;
    const r = staticVerdict(node, parsed.constraints, parsed.zoned, task.spec);
    const counts = new Int32Array(FIXED_REASONS + parsed.constraints.length);
    const dynamic = new Int32Array(FIXED_REASONS);
    const i = this.#state.indexOf(node.id);
    if (r >= 0) {
      counts[r] = 1;
    } else {
      // Only the per-node cap needs the service's tasks; spread does not apply to a pinned task.
      this.#ensureScratch(this.#state.nodeIndexCount);
      if (task.spec.maxReplicas > 0) this.#loadServiceCounts(task.serviceId, task.spec, now);
      const why = this.#fits(i, task.spec, false);
      if (why < 0) this.#commit(task, i, assign);
      else dynamic[why] = 1;
      this.#resetScratch();
      if (why < 0) return '';
    }
    const filter: StaticFilter = {
      epoch: -1,
      eligible: new Int32Array(0),
      counts,
      constraints: parsed.constraints,
    };
    return explain(filter, dynamic, false);
  }

  /** Parses (once per spec object) the constraints of a spec; an error becomes the pending reason. */
  #parse(spec: TaskSpec): ParsedSpec {
    let p = this.#parsed.get(spec);
    if (p !== undefined) return p;
    try {
      const { constraints, zones } = parseConstraints(spec.constraints);
      for (const d of spec.preferences) preferenceLabel(d);
      const platforms = spec.platforms.map((x) => `${x.os}/${x.architecture}`).join(',');
      p = {
        constraints,
        zoned: zones.length > 0,
        filterKey: `${spec.constraints.join('\n')}\n#${platforms}`,
      };
    } catch (err) {
      p = { constraints: [], zoned: false, filterKey: '', error: `cannot place: ${(err as Error).message}` };
    }
    this.#parsed.set(spec, p);
    return p;
  }

  #staticFilter(spec: TaskSpec, parsed: ParsedSpec): StaticFilter {
    const epoch = this.#state.nodeEpoch;
    if (this.#filtersEpoch !== epoch) {
      this.#filters.clear(); // every cached result is stale once a node changed
      this.#filtersEpoch = epoch;
    }
    const cached = this.#filters.get(parsed.filterKey);
    if (cached !== undefined && cached.epoch === epoch) return cached;
    const cs = parsed.constraints;
    const counts = new Int32Array(FIXED_REASONS + cs.length);
    const eligible: number[] = [];
    const state = this.#state;
    for (const node of state.nodes.values()) {
      const r = staticVerdict(node, cs, parsed.zoned, spec);
      if (r < 0) eligible.push(state.indexOf(node.id));
      else counts[r]!++;
    }
    const f: StaticFilter = { epoch, eligible: Int32Array.from(eligible), counts, constraints: cs };
    this.#filters.set(parsed.filterKey, f);
    return f;
  }

  #ensureScratch(n: number): void {
    if (this.#svc.length >= n) return;
    const size = Math.max(n, this.#svc.length * 2, 64);
    this.#svc = new Int32Array(size);
    this.#penalty = new Uint8Array(size);
  }

  /** Loads the service's live tasks per node, recent failures and (with a cap) slots per node. */
  #loadServiceCounts(serviceId: string, spec: TaskSpec, now: number): void {
    const state = this.#state;
    const touched = this.#touched;
    const since = now - this.#options.failureWindowMs;
    const failures = new Map<number, number>();
    for (const t of state.tasksOfService(serviceId).values()) {
      if (t.nodeId === '') continue;
      const i = state.indexOf(t.nodeId);
      if (t.state >= TaskState.ASSIGNED && t.state < TaskState.COMPLETE) {
        if (this.#svc[i] === 0) touched.push(i);
        this.#svc[i]!++;
        if (spec.maxReplicas > 0 && t.desiredState <= TaskState.RUNNING) {
          this.#slotSet(i).add(t.slot);
          if (t.slot !== 0) this.#slotHomes.set(t.slot, i);
        }
      } else if ((t.state === TaskState.FAILED || t.state === TaskState.REJECTED) && t.statusAt >= since) {
        failures.set(i, (failures.get(i) ?? 0) + 1);
      }
    }
    for (const [i, count] of failures) {
      if (count >= this.#options.failureThreshold) {
        this.#penalty[i] = 1;
        touched.push(i);
      }
    }
  }

  #resetScratch(): void {
    for (const i of this.#touched) {
      this.#svc[i] = 0;
      this.#penalty[i] = 0;
    }
    this.#touched = [];
    this.#slots.clear();
    this.#slotHomes.clear();
  }

  #slotSet(i: number): Set<number> {
    let s = this.#slots.get(i);
    if (s === undefined) {
      s = new Set();
      this.#slots.set(i, s);
    }
    return s;
  }

  /** The node already running this task's slot (a start-first replacement), or -1. */
  #slotHome(t: TaskInfo): number {
    return t.slot === 0 ? -1 : (this.#slotHomes.get(t.slot) ?? -1);
  }

  /** -1 when node `i` can take one more task of the spec now, else the dynamic reason. */
  #fits(i: number, spec: TaskSpec, sameSlot: boolean): number {
    const state = this.#state;
    const node = state.nodeAt(i)!;
    const r = spec.reservations;
    if (r.nanoCpus > 0 && state.reservedCpu[i]! + r.nanoCpus > node.resources.nanoCpus) return CPU;
    if (r.memoryBytes > 0 && state.reservedMemory[i]! + r.memoryBytes > node.resources.memoryBytes)
      return MEMORY;
    if (spec.hostPorts.length > 0) {
      const used = state.portsInUse.get(i);
      if (used !== undefined) {
        for (const p of spec.hostPorts) if (used.has(`${p.protocol}/${p.publishedPort}`)) return PORT;
      }
    }
    if (spec.maxReplicas > 0 && !sameSlot && (this.#slots.get(i)?.size ?? 0) >= spec.maxReplicas)
      return MAX_REPLICAS;
    return -1;
  }

  #commit(t: TaskInfo, i: number, assign: (task: TaskInfo, nodeIndex: number) => void): void {
    if (this.#svc[i] === 0) this.#touched.push(i);
    this.#svc[i]!++;
    if (t.spec.maxReplicas > 0) this.#slotSet(i).add(t.slot); // global tasks (slot 0): one per node
    assign(t, i);
  }

  #buildTree(eligible: Int32Array, spec: TaskSpec): Bucket {
    const less = this.#nodeOrder();
    if (spec.preferences.length === 0) return new LeafBucket(eligible, less);
    const labels = spec.preferences.map(preferenceLabel);
    const state = this.#state;
    const build = (members: Int32Array, level: number): Bucket => {
      if (level === labels.length) return new LeafBucket(members, less);
      const { engine, name } = labels[level]!;
      const groups = new Map<string, number[]>();
      for (const i of members) {
        const node = state.nodeAt(i)!;
        const value = (engine ? node.engineLabels[name] : node.labels[name]) ?? '';
        let g = groups.get(value);
        if (g === undefined) {
          g = [];
          groups.set(value, g);
        }
        g.push(i);
      }
      const children: Bucket[] = [];
      const counts: number[] = [];
      for (const g of groups.values()) {
        children.push(build(Int32Array.from(g), level + 1));
        let c = 0;
        for (const i of g) c += this.#svc[i]!;
        counts.push(c);
      }
      return new InnerBucket(children, counts);
    };
    return build(eligible, 0);
  }

  /** The ranking: spread (fewest tasks of the service, then fewest overall) or binpack. */
  #nodeOrder(): (a: number, b: number) => boolean {
    const svc = this.#svc;
    const penalty = this.#penalty;
    const state = this.#state;
    const total = state.taskCount;
    if (this.#options.strategy === 'binpack') {
      const free = (i: number): number => {
        const node = state.nodeAt(i)!;
        const c = node.resources.nanoCpus > 0 ? 1 - state.reservedCpu[i]! / node.resources.nanoCpus : 1;
        const m =
          node.resources.memoryBytes > 0 ? 1 - state.reservedMemory[i]! / node.resources.memoryBytes : 1;
        return c + m;
      };
      return (a, b) => {
        if (penalty[a] !== penalty[b]) return penalty[a]! < penalty[b]!;
        const fa = free(a);
        const fb = free(b);
        if (fa !== fb) return fa < fb;
        if (total[a] !== total[b]) return total[a]! > total[b]!;
        return a < b;
      };
    }
    return (a, b) => {
      if (penalty[a] !== penalty[b]) return penalty[a]! < penalty[b]!;
      if (svc[a] !== svc[b]) return svc[a]! < svc[b]!;
      if (total[a] !== total[b]) return total[a]! < total[b]!;
      return a < b;
    };
  }
}

/** -1 when the node passes every static filter, else the first reason that rejects it. */
function staticVerdict(
  node: NodeInfo,
  cs: readonly Constraint[],
  zoned: boolean,
  spec: TaskSpec,
  ignoreReadiness = false,
): number {
  if (!ignoreReadiness) {
    if (node.status !== 'ready') return NOT_READY;
    if (node.availability !== 'active') return NOT_ACTIVE;
  }
  if (zoneInTransition(node)) return CHANGING_ZONE;
  if (!zoned && nodeZone(node) !== '' && !zoneIsShared(node)) return ZONED;
  for (let k = 0; k < cs.length; k++) if (!matchConstraint(cs[k]!, node)) return FIXED_REASONS + k;
  if (spec.platforms.length > 0) {
    const ok = spec.platforms.some(
      (p) =>
        (p.os === '' || p.os.toLowerCase() === node.platform.os.toLowerCase()) &&
        (p.architecture === '' || sameArch(p.architecture, node.platform.architecture)),
    );
    if (!ok) return PLATFORM;
  }
  return -1;
}

function sameArch(a: string, b: string): boolean {
  const norm = (x: string): string => {
    const l = x.toLowerCase();
    return l === 'x86_64' ? 'amd64' : l === 'aarch64' ? 'arm64' : l;
  };
  return norm(a) === norm(b);
}

/** `node.labels.NAME` or `engine.labels.NAME` as a spread descriptor. */
export function preferenceLabel(descriptor: string): { engine: boolean; name: string } {
  const lower = descriptor.toLowerCase();
  if (lower.startsWith('node.labels.') && descriptor.length > 12)
    return { engine: false, name: descriptor.slice(12) };
  if (lower.startsWith('engine.labels.') && descriptor.length > 14)
    return { engine: true, name: descriptor.slice(14) };
  throw new InvalidPreferenceError(descriptor);
}

const parsedSpecs = new WeakMap<TaskSpec, { constraints: Constraint[]; zones: string[] } | string>();

/**
 * Why a node cannot run a task of `spec` for static reasons (zone, constraints, platform) even if
 * it were ready and active, or undefined when it can. The constraint enforcer uses this to move
 * tasks off nodes that no longer match.
 */
export function staticMismatch(spec: TaskSpec, node: NodeInfo): string | undefined {
  let parsed = parsedSpecs.get(spec);
  if (parsed === undefined) {
    try {
      parsed = parseConstraints(spec.constraints);
    } catch (err) {
      parsed = (err as Error).message;
    }
    parsedSpecs.set(spec, parsed);
  }
  if (typeof parsed === 'string') return parsed;
  const r = staticVerdict(node, parsed.constraints, parsed.zones.length > 0, spec, true);
  if (r < 0) return undefined;
  if (r >= FIXED_REASONS) return `node fails constraint ${parsed.constraints[r - FIXED_REASONS]!.expression}`;
  return PHRASES[r]![0];
}
