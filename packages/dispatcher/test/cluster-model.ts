/**
 * Random cluster histories for the property tests (and `scripts/properties.ts`, which runs many
 * more): three managers on one shared store (one leader at a time), a few worker nodes each with a
 * real Agent, a TestExecutor and an in-memory secret writer, and operations that create, move,
 * fail, stop and delete tasks, delete secrets, remove nodes, change the leader, let a node try to
 * update another node's task, and let time pass. Invariants are checked after every 10 ms step
 * and on every assignments message a worker receives.
 */
import { swarm, toLong } from '@swarm/api';
import fc from 'fast-check';
import type { Agent, DispatcherStore } from '../src/index.js';
import type { MemorySecretWriter, TestExecutor } from '../src/testing.js';
import { drain, Harness } from './harness.js';

const { ASSIGNED, RUNNING, SHUTDOWN } = swarm.TaskState;

export type Op =
  | { kind: 'create'; node: number; secrets: number[]; stopped: boolean }
  | { kind: 'move'; task: number; node: number }
  | { kind: 'fail'; task: number }
  | { kind: 'complete'; task: number }
  | { kind: 'shutdown'; task: number }
  | { kind: 'delete'; task: number }
  | { kind: 'removeNode'; node: number }
  | { kind: 'deleteSecret'; secret: number }
  | { kind: 'foreignUpdate'; node: number; task: number }
  | { kind: 'leaderChange'; crash: boolean }
  | { kind: 'wait'; ms: number };

export const NODES = 3;
export const SECRETS = 4;
const MANAGERS = ['m1', 'm2', 'm3'];
const BATCH_MS = 100;

const idx = fc.nat({ max: 30 });
export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      node: fc.nat({ max: NODES - 1 }),
      secrets: fc.uniqueArray(fc.nat({ max: SECRETS - 1 }), { maxLength: 2 }),
      stopped: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('move' as const), task: idx, node: fc.nat({ max: NODES - 1 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fail' as const), task: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('complete' as const), task: idx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('shutdown' as const), task: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), task: idx }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('removeNode' as const), node: fc.nat({ max: NODES - 1 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deleteSecret' as const),
      secret: fc.nat({ max: SECRETS - 1 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('foreignUpdate' as const),
      node: fc.nat({ max: NODES - 1 }),
      task: idx,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leaderChange' as const), crash: fc.boolean() }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 400 }) }),
  },
);

export const historyArbitrary = fc.array(opArbitrary, { minLength: 1, maxLength: 40, size: 'medium' });

interface Worker {
  nodeId: string;
  agent: Agent;
  executor: TestExecutor;
  writer: MemorySecretWriter;
  removed: boolean;
}

export interface HistoryStats {
  checks: number;
  received: number;
  refusedForeignUpdates: number;
  leaderChanges: number;
  /** Checks skipped for a worker between sessions (it cannot hear a removal then). */
  disconnectedChecks: number;
}

class Violation extends Error {}

export class ClusterModel {
  readonly h: Harness;
  readonly workers: Worker[] = [];
  readonly secrets: string[] = [];
  readonly tasks: string[] = [];
  clusterId = '';
  leader = 0;
  /** node -> secret -> the moment it stopped being needed (absent while needed). */
  readonly #stoppedAt = new Map<string, Map<string, number>>();
  #needed = new Map<string, Set<string>>();
  #violation: Error | undefined;
  #observer: DispatcherStore | undefined;
  readonly stats: HistoryStats = {
    checks: 0,
    received: 0,
    refusedForeignUpdates: 0,
    leaderChanges: 0,
    disconnectedChecks: 0,
  };

  constructor(seed: number, store: StoreMode = 'shared') {
    this.h = new Harness({
      managers: MANAGERS,
      seed,
      init: { assignmentBatchMs: BATCH_MS },
      store: store === 'shared' ? 'memory' : 'replicated',
    });
  }

  async setUp(): Promise<void> {
    const h = this.h;
    this.clusterId = h.id();
    await h.store.update((tx) =>
      tx.create(
        'cluster',
        swarm.Cluster.create({ id: this.clusterId, spec: { annotations: { name: 'default' } } }),
      ),
    );
    for (let i = 0; i < SECRETS; i++) this.secrets.push(await h.createSecret(`secret-${i}`));
    for (let i = 0; i < NODES; i++) {
      const nodeId = await h.createNode();
      const holder: { worker?: Worker } = {};
      // Every message a worker applies must leave it holding only what it may hold.
      const w = h.agent(nodeId, {
        managers: MANAGERS,
        onAssignments: (m) => this.onReceived(holder.worker!, m),
      });
      holder.worker = { nodeId, ...w, removed: false };
      this.workers.push(holder.worker);
    }
    // One replica is the observer for the whole history (all replicas apply the same entries).
    this.#observer = h.store;
    this.#needed = this.#computeNeeded();
    this.#observer.watch({}, () => this.#trackNeeded());
    h.dispatcher(MANAGERS[this.leader]).start();
    for (const w of this.workers) w.agent.start();
    await this.step(200);
  }

  /** The receipt check: every secret a message sends is needed at that moment. */
  onReceived(w: Worker, m: swarm.AssignmentsMessage): void {
    // Runs inside the agent's message handler: keep the violation for the next step to throw.
    try {
      this.#checkReceived(w, m);
    } catch (err) {
      this.#violation ??= err as Error;
    }
  }

  #checkReceived(w: Worker, m: swarm.AssignmentsMessage): void {
    this.stats.received++;
    const now = this.h.clock.now();
    const needed = this.#needed.get(w.nodeId) ?? new Set();
    for (const c of m.changes) {
      const id = c.assignment?.secret?.id;
      if (!id || c.action === swarm.AssignmentChange.AssignmentAction.REMOVE) continue;
      const stopped = this.#stoppedAt.get(w.nodeId)?.get(id);
      if (!needed.has(id) && stopped !== now)
        throw new Violation(`node ${w.nodeId} was sent secret ${id} that none of its tasks needs`);
    }
    this.#checkWorker(w);
  }

  async apply(op: Op): Promise<void> {
    const h = this.h;
    const live = this.workers.filter((w) => !w.removed);
    const task = (i: number) => (this.tasks.length === 0 ? undefined : this.tasks[i % this.tasks.length]);
    switch (op.kind) {
      case 'create': {
        const w = this.workers[op.node]!;
        if (w.removed) break;
        this.tasks.push(
          await h.createTask(w.nodeId, {
            secrets: op.secrets.map((s) => this.secrets[s]!),
            ...(op.stopped ? { desired: SHUTDOWN } : {}),
          }),
        );
        break;
      }
      case 'move': {
        const id = task(op.task);
        const to = this.workers[op.node]!;
        const t = id && h.task(id);
        if (!t || to.removed || t.nodeId === to.nodeId) break;
        await h.updateTask(t.id, (x) => {
          x.nodeId = to.nodeId;
          x.status = swarm.TaskStatus.create({ state: ASSIGNED });
        });
        break;
      }
      case 'fail':
      case 'complete': {
        const id = task(op.task);
        if (!id) break;
        for (const w of live) {
          if (!w.executor.running().includes(id)) continue;
          if (op.kind === 'fail') w.executor.fail(id);
          else w.executor.complete(id);
        }
        break;
      }
      case 'shutdown': {
        const id = task(op.task);
        if (!id || !h.task(id)) break;
        await h.updateTask(id, (x) => {
          x.desiredState = SHUTDOWN;
        });
        break;
      }
      case 'delete': {
        const id = task(op.task);
        if (!id || !h.task(id)) break;
        await h.store.update((tx) => tx.delete('task', id));
        break;
      }
      case 'removeNode': {
        const w = this.workers[op.node]!;
        if (w.removed || live.length <= 1) break;
        w.removed = true;
        await h.store.update((tx) => {
          const c = tx.get('cluster', this.clusterId)!;
          tx.update(
            'cluster',
            swarm.Cluster.create({
              ...c,
              deniedNodes: {
                ...c.deniedNodes,
                [w.nodeId]: { expiry: toLong(BigInt(h.clock.now() + 3_600_000)) },
              },
            }),
          );
          tx.delete('node', w.nodeId);
        });
        break;
      }
      case 'deleteSecret': {
        const id = this.secrets[op.secret]!;
        if (!h.store.view((tx) => tx.get('secret', id))) break;
        await h.store.update((tx) => tx.delete('secret', id));
        break;
      }
      case 'foreignUpdate': {
        const w = this.workers[op.node]!;
        const id = task(op.task);
        const t = id ? h.task(id) : undefined;
        if (w.removed || !t || t.nodeId === w.nodeId) break;
        const leader = h.dispatcher(MANAGERS[this.leader]);
        let refused: { code?: string } | undefined;
        let accepted = false;
        // Not awaited alone: an accepted update would wait for a batch, which needs time to pass.
        const call = leader
          .updateTaskStatus(w.nodeId, {
            sessionId: w.agent.sessionId ?? '',
            updates: [{ taskId: t.id, status: { state: swarm.TaskState.FAILED, err: 'forged' } }],
          })
          .then(
            () => {
              accepted = true;
            },
            (err) => {
              refused = err as { code?: string };
            },
          );
        await this.step(BATCH_MS * 2);
        await call;
        if (accepted) throw new Violation(`node ${w.nodeId} updated task ${t.id} of node ${t.nodeId}`);
        if (!refused) throw new Violation(`a foreign update of task ${t.id} neither failed nor succeeded`);
        if (w.agent.sessionId !== undefined && refused.code !== 'TASK_NOT_ASSIGNED')
          throw new Violation(
            `a foreign update was refused with ${refused.code}, expected TASK_NOT_ASSIGNED`,
          );
        this.stats.refusedForeignUpdates++;
        const after = h.task(t.id);
        if (after && after.status?.err === 'forged')
          throw new Violation('a refused update reached the store');
        break;
      }
      case 'leaderChange': {
        const old = MANAGERS[this.leader]!;
        h.dispatcher(old).stop();
        if (op.crash) {
          // The old leader's process dies (its connections drop) and comes back as a follower.
          h.transport.shutdown(old);
          h.transport.listen(old, h.dispatcher(old));
        }
        this.leader = (this.leader + 1) % MANAGERS.length;
        h.setLeader(MANAGERS[this.leader]!);
        h.dispatcher(MANAGERS[this.leader]).start();
        this.stats.leaderChanges++;
        break;
      }
      case 'wait':
        await this.step(op.ms);
        return;
    }
    await this.step(10);
  }

  /** Moves time in 10 ms steps, checking every worker after each. */
  async step(ms: number): Promise<void> {
    await drain();
    this.#checkAll();
    for (let t = 0; t < ms; t += 10) {
      this.h.clock.advance(Math.min(10, ms - t));
      await drain();
      this.#checkAll();
    }
  }

  /** After the history: let everything settle, then require exact agreement. */
  async finish(): Promise<void> {
    await this.step(30_000);
    const h = this.h;
    for (const w of this.workers) {
      if (w.removed) {
        if (w.agent.secretIds().length > 0)
          throw new Violation(`removed node ${w.nodeId} still holds secrets`);
        continue;
      }
      if (w.agent.manager !== MANAGERS[this.leader])
        throw new Violation(`node ${w.nodeId} is not connected to the leader after settling`);
      const want = [...(this.#needed.get(w.nodeId) ?? [])].sort();
      const held = w.agent.secretIds().sort();
      if (want.join() !== held.join())
        throw new Violation(`node ${w.nodeId} holds secrets [${held}] but needs exactly [${want}]`);
      const assigned = h.store
        .view((tx) => tx.find('task', { nodeId: w.nodeId }))
        .filter((t) => (t.status?.state ?? 0) >= ASSIGNED);
      const agentTasks = w.agent.taskIds().sort();
      if (
        assigned
          .map((t) => t.id)
          .sort()
          .join() !== agentTasks.join()
      )
        throw new Violation(
          `node ${w.nodeId} lost an assignment: store [${assigned.map((t) => t.id)}], agent [${agentTasks}]`,
        );
      if (w.agent.unreportedCount !== 0) throw new Violation(`node ${w.nodeId} has unreported status`);
      for (const t of assigned) {
        const mine = w.agent.taskState(t.id);
        if (mine !== (t.status?.state ?? 0))
          throw new Violation(
            `task ${t.id}: the store says ${t.status?.state}, the worker reported ${mine} (status lost)`,
          );
      }
    }
  }

  stop(): void {
    for (const w of this.workers) w.agent.stop();
    for (const d of this.h.dispatchers.values()) d.stop();
  }

  #checkAll(): void {
    if (this.#violation) throw this.#violation;
    for (const w of this.workers) this.#checkWorker(w);
  }

  #checkWorker(w: Worker): void {
    this.stats.checks++;
    const now = this.h.clock.now();
    const needed = this.#needed.get(w.nodeId) ?? new Set<string>();
    const connected = w.agent.manager !== undefined;
    for (const s of w.agent.secretIds()) {
      if (needed.has(s)) continue;
      if (!connected) {
        this.stats.disconnectedChecks++;
        continue;
      }
      const stopped = this.#stoppedAt.get(w.nodeId)?.get(s);
      if (stopped === undefined)
        throw new Violation(`node ${w.nodeId} holds secret ${s} that it never needed`);
      if (now - stopped > BATCH_MS)
        throw new Violation(
          `node ${w.nodeId} still holds secret ${s} ${now - stopped} ms after it stopped being needed`,
        );
    }
  }

  #computeNeeded(): Map<string, Set<string>> {
    return (this.#observer ?? this.h.store).view((tx) => {
      const out = new Map<string, Set<string>>();
      const nodes = new Set(tx.list('node').map((n) => n.id));
      for (const t of tx.list('task')) {
        const state = t.status?.state ?? 0;
        if (!nodes.has(t.nodeId) || state < ASSIGNED || state > RUNNING || t.desiredState > RUNNING) continue;
        for (const ref of t.spec?.container?.secrets ?? []) {
          if (!ref.secretId || !tx.get('secret', ref.secretId)) continue;
          const set = out.get(t.nodeId) ?? new Set<string>();
          out.set(t.nodeId, set);
          set.add(ref.secretId);
        }
      }
      return out;
    });
  }

  #trackNeeded(): void {
    const next = this.#computeNeeded();
    const now = this.h.clock.now();
    for (const w of this.workers) {
      const before = this.#needed.get(w.nodeId) ?? new Set<string>();
      const after = next.get(w.nodeId) ?? new Set<string>();
      const stopped = this.#stoppedAt.get(w.nodeId) ?? new Map<string, number>();
      this.#stoppedAt.set(w.nodeId, stopped);
      for (const s of before) if (!after.has(s)) stopped.set(s, now);
      for (const s of after) stopped.delete(s);
    }
    this.#needed = next;
  }
}

/**
 * How the three managers hold the state: one shared memory store, or one @swarm/store
 * ReplicatedStore each, kept in step by a log that only the leader may append to.
 */
export type StoreMode = 'shared' | 'replicated';

/** Runs one history; throws on the first violated invariant. */
export async function runHistory(
  ops: Op[],
  seed: number,
  store: StoreMode = 'shared',
): Promise<HistoryStats> {
  const model = new ClusterModel(seed, store);
  await model.setUp();
  try {
    for (const op of ops) await model.apply(op);
    await model.finish();
    return model.stats;
  } finally {
    model.stop();
  }
}
