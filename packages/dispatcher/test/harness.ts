/** A test cluster: a shared store, managers with dispatchers on a MemoryTransport, agents, a ManualClock. */
import { generateId, ManualClock, type Random, seededRandom, swarm } from '@swarm/api';
import { createMemoryStore } from '@swarm/store';
import {
  Agent,
  type AgentInit,
  Dispatcher,
  type DispatcherInit,
  type DispatcherStore,
} from '../src/index.js';
import { MemorySecretWriter, MemoryTransport, TestExecutor } from '../src/testing.js';
import { FakeStore } from './fake-store.js';
import { ReplicatedLog } from './replicated-log.js';

/** The stores the suites run against: @swarm/store's memory store, and the contract double. */
export const STORES = ['memory', 'double'] as const;
export type StoreChoice = (typeof STORES)[number];

const { ASSIGNED, RUNNING } = swarm.TaskState;

/** Lets every queued microtask and promise chain run. */
export function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface HarnessOptions {
  managers?: string[];
  init?: DispatcherInit;
  seed?: number;
  /**
   * Which store to run on: one shared @swarm/store memory store (default), the contract double, a
   * given instance, or 'replicated': one ReplicatedStore per manager kept in step by a shared log
   * (the leader's replica takes writes; `setLeader` moves leadership).
   */
  store?: StoreChoice | 'replicated' | DispatcherStore;
}

export class Harness {
  readonly clock = new ManualClock(Date.UTC(2026, 0, 1));
  readonly #stores = new Map<string, DispatcherStore>();
  readonly #log: ReplicatedLog | undefined;
  #leader: string;
  readonly transport = new MemoryTransport();
  readonly dispatchers = new Map<string, Dispatcher>();
  readonly random: Random;
  readonly agents: Agent[] = [];

  constructor(options: HarnessOptions = {}) {
    const seed = options.seed ?? 1;
    this.random = seededRandom(seed);
    const store = options.store ?? 'memory';
    const managers = options.managers ?? ['m1'];
    this.#leader = managers[0] ?? 'm1';
    if (store === 'replicated') {
      this.#log = new ReplicatedLog(managers.length, this.clock);
      managers.forEach((addr, i) => {
        this.#stores.set(addr, this.#log!.replicas[i]!);
      });
    } else {
      const shared =
        store === 'memory'
          ? createMemoryStore({ clock: this.clock })
          : store === 'double'
            ? new FakeStore()
            : store;
      for (const addr of managers) this.#stores.set(addr, shared);
    }
    managers.forEach((addr, i) => {
      const d = new Dispatcher(options.init ?? {}, {
        store: this.#stores.get(addr)!,
        clock: this.clock,
        random: seededRandom(seed * 31 + i),
        idRandom: seededRandom(seed * 97 + i),
      });
      this.dispatchers.set(addr, d);
      this.transport.listen(addr, d);
    });
  }

  /** The leader's store (the one the orchestrator writes to). */
  get store(): DispatcherStore {
    return this.#stores.get(this.#leader)!;
  }

  /** Moves raft leadership (replicated stores) and the store the harness writes to. */
  setLeader(addr: string): void {
    const store = this.#stores.get(addr);
    if (!store) throw new Error(`no manager ${addr}`);
    this.#leader = addr;
    if (this.#log) this.#log.leader = store as never;
  }

  dispatcher(addr = 'm1'): Dispatcher {
    const d = this.dispatchers.get(addr);
    if (!d) throw new Error(`no manager ${addr}`);
    return d;
  }

  id(): string {
    return generateId(this.random);
  }

  /** Moves time by `ms` in steps, letting promises settle between steps. */
  async run(ms: number, step = 10): Promise<void> {
    await drain();
    let t = 0;
    do {
      const d = Math.min(step, ms - t);
      this.clock.advance(d);
      t += d;
      await drain();
    } while (t < ms);
  }

  async createNode(fields: swarm.Node.$Properties = {}): Promise<string> {
    const id = fields.id ?? this.id();
    await this.store.update((tx) =>
      tx.create('node', swarm.Node.create({ description: { hostname: id }, ...fields, id })),
    );
    return id;
  }

  async createSecret(name: string, data = `value of ${name}`): Promise<string> {
    const id = this.id();
    await this.store.update((tx) =>
      tx.create(
        'secret',
        swarm.Secret.create({ id, spec: { annotations: { name }, data: new TextEncoder().encode(data) } }),
      ),
    );
    return id;
  }

  async createConfig(name: string, data = `contents of ${name}`): Promise<string> {
    const id = this.id();
    await this.store.update((tx) =>
      tx.create(
        'config',
        swarm.Config.create({ id, spec: { annotations: { name }, data: new TextEncoder().encode(data) } }),
      ),
    );
    return id;
  }

  async createTask(
    nodeId: string,
    options: {
      secrets?: string[];
      configs?: string[];
      state?: swarm.TaskState;
      desired?: swarm.TaskState;
      id?: string;
    } = {},
  ): Promise<string> {
    const id = options.id ?? this.id();
    const configs = (options.configs ?? []).map((configId, i) => ({
      configId,
      configName: `c${i}-${configId.slice(0, 6)}`,
      target: `/etc/app/conf${i}`,
      mode: 0o440,
    }));
    const secrets = (options.secrets ?? []).map((secretId, i) => ({
      secretId,
      secretName: `s${i}-${secretId.slice(0, 6)}`,
      target: `file${i}`,
    }));
    await this.store.update((tx) =>
      tx.create(
        'task',
        swarm.Task.create({
          id,
          serviceId: 'svc',
          nodeId,
          desiredState: options.desired ?? RUNNING,
          status: { state: options.state ?? ASSIGNED },
          spec: { container: { image: 'busybox', secrets, configs } },
        }),
      ),
    );
    return id;
  }

  async updateTask(id: string, change: (t: swarm.Task) => void): Promise<void> {
    await this.store.update((tx) => {
      const t = tx.get('task', id);
      if (!t) throw new Error(`no task ${id}`);
      const next = swarm.Task.create({ ...t });
      change(next);
      tx.update('task', next);
    });
  }

  task(id: string): swarm.Task | undefined {
    return this.store.view((tx) => tx.get('task', id));
  }

  node(id: string): swarm.Node | undefined {
    return this.store.view((tx) => tx.get('node', id));
  }

  agent(
    nodeId: string,
    options: {
      managers?: string[];
      init?: Partial<AgentInit>;
      executor?: TestExecutor;
      writer?: MemorySecretWriter;
      description?: swarm.NodeDescription.$Properties;
      onAssignments?: (message: swarm.AssignmentsMessage) => void;
    } = {},
  ): { agent: Agent; executor: TestExecutor; writer: MemorySecretWriter } {
    const executor = options.executor ?? new TestExecutor();
    const writer = options.writer ?? new MemorySecretWriter();
    const agent = new Agent(
      { managers: options.managers ?? [...this.dispatchers.keys()], ...options.init },
      {
        connect: this.transport.connector(nodeId),
        executor,
        secrets: writer,
        clock: this.clock,
        random: seededRandom(this.random.int(1e9)),
        ...(options.onAssignments ? { onAssignments: options.onAssignments } : {}),
        ...(options.description ? { description: options.description } : {}),
      },
    );
    this.agents.push(agent);
    return { agent, executor, writer };
  }
}

/** Collects what a raw stream receives. */
export class Collector<T> {
  readonly messages: T[] = [];
  ended = false;
  error: (Error & { code?: string }) | undefined;
  readonly sink = {
    send: (m: T) => {
      this.messages.push(m);
    },
    end: (err?: Error) => {
      this.ended = true;
      this.error = err;
    },
  };
  get last(): T | undefined {
    return this.messages.at(-1);
  }
}

export async function rejection(
  p: Promise<unknown>,
): Promise<Error & { code?: string; details?: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('expected the promise to reject');
}
