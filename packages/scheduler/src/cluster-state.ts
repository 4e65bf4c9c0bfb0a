import { TaskState } from './task-state.js';
import type { NodeInfo, ServiceInfo, TaskInfo } from './types.js';

/**
 * The scheduler's in-memory copy of the cluster: nodes, services and tasks, plus the indexes and
 * per-node totals placement needs (tasks, reserved CPU and memory, host ports in use). It is fed
 * with whole objects (`upsert*`/`remove*`), either all at once or as the store's watch delivers
 * changes; upserting an object that did not change is harmless.
 *
 * Node indexes are stable small integers, so per-node facts live in typed arrays.
 */
export class ClusterState {
  readonly nodes = new Map<string, NodeInfo>();
  readonly services = new Map<string, ServiceInfo>();
  readonly tasks = new Map<string, TaskInfo>();

  readonly #byService = new Map<string, Map<string, TaskInfo>>();
  readonly #byNode = new Map<string, Map<string, TaskInfo>>();
  /** Unassigned tasks that should run: what placement works on. */
  readonly #pending = new Map<string, TaskInfo>();
  /** Start times of tasks created by rolling updates (see `startedAt`). */
  readonly #startedAt = new Map<string, number>();

  readonly #nodeIndex = new Map<string, number>();
  #nodeIds: string[] = [];
  #nodeAt: Array<NodeInfo | undefined> = [];
  /** Live tasks on each node (assigned and not yet stopped). */
  taskCount = new Int32Array(64);
  reservedCpu = new Float64Array(64);
  reservedMemory = new Float64Array(64);
  /** Host ports in use per node index: `tcp/80` → number of tasks holding it. */
  readonly portsInUse = new Map<number, Map<string, number>>();

  /** Incremented whenever a node changes or capacity frees up, so failed placements are retried. */
  capacityEpoch = 0;
  /** Incremented whenever a node is added, changed or removed (cached filter results expire). */
  nodeEpoch = 0;
  /** Services touched since `takeDirty`, and whether every service must be looked at. */
  readonly #dirty = new Set<string>();
  #allDirty = true;
  #nodesChanged = false;

  /** A state holding the given nodes, services and tasks. */
  static from(input: {
    nodes?: Iterable<NodeInfo>;
    services?: Iterable<ServiceInfo>;
    tasks?: Iterable<TaskInfo>;
  }): ClusterState {
    const s = new ClusterState();
    for (const n of input.nodes ?? []) s.upsertNode(n);
    for (const v of input.services ?? []) s.upsertService(v);
    for (const t of input.tasks ?? []) s.upsertTask(t);
    return s;
  }

  // ---- nodes ----

  /** Adds or replaces a node (harmless when unchanged). */
  upsertNode(node: NodeInfo): void {
    const old = this.nodes.get(node.id);
    if (old === node) return;
    this.nodes.set(node.id, node);
    this.#nodeAt[this.indexOf(node.id)] = node;
    this.#nodeChanged(node.id);
  }

  /** Removes a node; its tasks are moved by the next `reconcile()`. */
  removeNode(nodeId: string): void {
    if (!this.nodes.delete(nodeId)) return;
    this.#nodeAt[this.indexOf(nodeId)] = undefined;
    this.#nodeChanged(nodeId);
  }

  /** The stable index of a node ID, allocated on first sight (tasks may name a node not yet known). */
  indexOf(nodeId: string): number {
    let i = this.#nodeIndex.get(nodeId);
    if (i !== undefined) return i;
    i = this.#nodeIds.length;
    this.#nodeIds.push(nodeId);
    this.#nodeIndex.set(nodeId, i);
    if (i >= this.taskCount.length) this.#grow(this.taskCount.length * 2);
    return i;
  }

  /** The node at an index, if it is in the cluster. */
  nodeAt(index: number): NodeInfo | undefined {
    return this.#nodeAt[index];
  }

  /** The node ID at an index. */
  nodeIdAt(index: number): string {
    return this.#nodeIds[index]!;
  }

  get nodeIndexCount(): number {
    return this.#nodeIds.length;
  }

  // ---- services ----

  /** Adds or replaces a service. */
  upsertService(service: ServiceInfo): void {
    if (this.services.get(service.id) === service) return;
    this.services.set(service.id, service);
    this.#dirty.add(service.id);
  }

  /** Removes a service; its tasks are stopped by the next `reconcile()`. */
  removeService(serviceId: string): void {
    if (!this.services.delete(serviceId)) return;
    this.#dirty.add(serviceId);
  }

  // ---- tasks ----

  /** Adds or replaces a task (as the store holds it, with what workers reported). */
  upsertTask(task: TaskInfo): void {
    const old = this.tasks.get(task.id);
    if (old === task) return;
    if (task.state === TaskState.RUNNING && old?.state !== TaskState.RUNNING) this.#noteStart(task);
    this.tasks.set(task.id, task);
    if (old === undefined) {
      this.#index(task);
    } else if (old.serviceId === task.serviceId) {
      // The common case (assignment, a state or desired-state change): update in place.
      this.#byService.get(task.serviceId)!.set(task.id, task);
      const moved = old.nodeId !== task.nodeId;
      if (moved && old.nodeId !== '') this.#byNode.get(old.nodeId)?.delete(task.id);
      if (task.nodeId !== '') {
        let n = this.#byNode.get(task.nodeId);
        if (n === undefined) {
          n = new Map();
          this.#byNode.set(task.nodeId, n);
        }
        n.set(task.id, task);
      }
      const was = occupiesNode(old);
      const is = occupiesNode(task);
      if (was && (!is || moved)) this.capacityEpoch++;
      if (was !== is || moved || old.spec !== task.spec) {
        if (was) this.#account(old, -1);
        if (is) this.#account(task, 1);
      }
      if (isPending(task)) this.#pending.set(task.id, task);
      else this.#pending.delete(task.id);
    } else {
      this.#unindex(old);
      if (occupiesNode(old)) this.capacityEpoch++;
      this.#index(task);
    }
    if (old === undefined || !this.#benign(old, task)) this.#dirty.add(task.serviceId);
  }

  /**
   * A change no orchestrator acts on: a task moving forward towards running on the same node with
   * the same desired state, while its service is not in a rolling update (which waits for tasks
   * to run). Skipping these keeps a wave of status reports from re-reading every service.
   */
  #benign(old: TaskInfo, task: TaskInfo): boolean {
    if (
      old.serviceId !== task.serviceId ||
      old.nodeId !== task.nodeId ||
      old.desiredState !== task.desiredState
    ) {
      return false;
    }
    if (task.state > TaskState.RUNNING || task.state < old.state || old.spec !== task.spec) return false;
    const st = this.services.get(task.serviceId)?.updateStatus.state;
    return st !== undefined && st !== 'updating' && st !== 'rollback-started';
  }

  /** Removes a task (deleted from the store). */
  removeTask(taskId: string): void {
    const old = this.tasks.get(taskId);
    if (old === undefined) return;
    this.#startedAt.delete(taskId);
    this.#unindex(old);
    if (occupiesNode(old)) this.capacityEpoch++;
    this.tasks.delete(taskId);
    this.#dirty.add(old.serviceId);
  }

  /** Every task of a service, history included. */
  tasksOfService(serviceId: string): ReadonlyMap<string, TaskInfo> {
    return this.#byService.get(serviceId) ?? EMPTY;
  }

  /** Every task assigned to a node, history included. */
  tasksOnNode(nodeId: string): ReadonlyMap<string, TaskInfo> {
    return this.#byNode.get(nodeId) ?? EMPTY;
  }

  /**
   * When a task created during its service's rolling update was first seen running (its status
   * time then), so the update's monitor window counts from the start, not from creation. Known
   * only for tasks this state saw start; undefined otherwise.
   */
  startedAt(taskId: string): number | undefined {
    return this.#startedAt.get(taskId);
  }

  #noteStart(task: TaskInfo): void {
    const svc = this.services.get(task.serviceId);
    if (svc === undefined) return;
    const st = svc.updateStatus;
    if ((st.state === 'updating' || st.state === 'rollback-started') && task.createdAt >= st.startedAt) {
      this.#startedAt.set(task.id, task.statusAt);
    }
  }

  /** Tasks waiting for a node. */
  get pending(): ReadonlyMap<string, TaskInfo> {
    return this.#pending;
  }

  /**
   * Services to reconcile since the last call, and resets: `all` the first time, `nodesChanged`
   * when a node was added, changed or removed (global services must look again).
   */
  takeDirty(): { all: boolean; nodesChanged: boolean; services: Set<string> } {
    const out = { all: this.#allDirty, nodesChanged: this.#nodesChanged, services: new Set(this.#dirty) };
    this.#allDirty = false;
    this.#nodesChanged = false;
    this.#dirty.clear();
    return out;
  }

  /**
   * Assigns a task created in the current reconcile pass, in place: nothing outside the pass has
   * seen the object yet, and placing a million new tasks should not copy a million objects.
   */
  assignNew(task: TaskInfo, nodeId: string, now: number): void {
    const t = task as { -readonly [K in keyof TaskInfo]: TaskInfo[K] };
    if (this.tasks.get(task.id) !== task || task.nodeId !== '') {
      throw new RangeError(`assignNew: task ${task.id} is not a new unassigned task of this state`);
    }
    this.#pending.delete(task.id);
    t.nodeId = nodeId;
    t.state = TaskState.ASSIGNED;
    t.statusAt = now;
    t.message = 'scheduled';
    let n = this.#byNode.get(nodeId);
    if (n === undefined) {
      n = new Map();
      this.#byNode.set(nodeId, n);
    }
    n.set(task.id, task);
    this.#account(task, 1);
  }

  /** Asks for a service to be reconciled again (a timer fell due). */
  markDirty(serviceId: string): void {
    this.#dirty.add(serviceId);
  }

  /**
   * A node change affects the services with tasks on it (constraint enforcer, down or drained
   * nodes) and every global service (`nodesChanged`); pending tasks are retried by placement.
   */
  #nodeChanged(nodeId: string): void {
    for (const t of this.tasksOnNode(nodeId).values()) this.#dirty.add(t.serviceId);
    this.#nodesChanged = true;
    this.nodeEpoch++;
    this.capacityEpoch++;
  }

  #index(t: TaskInfo): void {
    let s = this.#byService.get(t.serviceId);
    if (s === undefined) {
      s = new Map();
      this.#byService.set(t.serviceId, s);
    }
    s.set(t.id, t);
    if (t.nodeId !== '') {
      let n = this.#byNode.get(t.nodeId);
      if (n === undefined) {
        n = new Map();
        this.#byNode.set(t.nodeId, n);
      }
      n.set(t.id, t);
      if (occupiesNode(t)) this.#account(t, 1);
    }
    if (isPending(t)) this.#pending.set(t.id, t);
  }

  #unindex(t: TaskInfo): void {
    const s = this.#byService.get(t.serviceId);
    s?.delete(t.id);
    if (s?.size === 0) this.#byService.delete(t.serviceId);
    if (t.nodeId !== '') {
      const n = this.#byNode.get(t.nodeId);
      n?.delete(t.id);
      if (n?.size === 0) this.#byNode.delete(t.nodeId);
      if (occupiesNode(t)) this.#account(t, -1);
    }
    this.#pending.delete(t.id);
  }

  #account(t: TaskInfo, sign: 1 | -1): void {
    const i = this.indexOf(t.nodeId);
    this.taskCount[i]! += sign;
    this.reservedCpu[i]! += sign * t.spec.reservations.nanoCpus;
    this.reservedMemory[i]! += sign * t.spec.reservations.memoryBytes;
    if (t.spec.hostPorts.length > 0) {
      let ports = this.portsInUse.get(i);
      if (ports === undefined) {
        ports = new Map();
        this.portsInUse.set(i, ports);
      }
      for (const p of t.spec.hostPorts) {
        const key = `${p.protocol}/${p.publishedPort}`;
        const n = (ports.get(key) ?? 0) + sign;
        if (n <= 0) ports.delete(key);
        else ports.set(key, n);
      }
      if (ports.size === 0) this.portsInUse.delete(i);
    }
  }

  #grow(size: number): void {
    const tc = new Int32Array(size);
    tc.set(this.taskCount);
    this.taskCount = tc;
    const cpu = new Float64Array(size);
    cpu.set(this.reservedCpu);
    this.reservedCpu = cpu;
    const mem = new Float64Array(size);
    mem.set(this.reservedMemory);
    this.reservedMemory = mem;
  }
}

const EMPTY: ReadonlyMap<string, TaskInfo> = new Map();

/** A task holds a share of its node (counts for spread, resources, ports) from assignment until it stops. */
export function occupiesNode(t: TaskInfo): boolean {
  return t.nodeId !== '' && t.state >= TaskState.ASSIGNED && t.state < TaskState.COMPLETE;
}

/**
 * A task waits for placement while it should run and is not yet assigned. Most pending tasks have
 * no node; a global service's task names its node and waits only for that node's capacity check.
 */
export function isPending(t: TaskInfo): boolean {
  return t.desiredState <= TaskState.RUNNING && t.state < TaskState.ASSIGNED;
}
