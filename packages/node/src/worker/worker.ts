/**
 * The worker half every node runs (managers run tasks too, unless drained): the dispatcher agent,
 * the executor (the node's Docker Engine, or the bubblewrap sandbox), the tmpfs secret writer, the
 * ingress proxy for published ports, and the publisher that ships task output to the managers for
 * `swarm service logs`.
 */
import { cpus, hostname as osHostname, totalmem } from 'node:os';
import { type Clock, type Logger, swarm, systemClock, toLong } from '@swarm/api';
import { DenyList } from '@swarm/ca';
import {
  Agent,
  DEFAULT_TASK_PORT_RANGE,
  type Executor,
  LogPublisher,
  type ManagedExecutor,
  type TaskContext,
} from '@swarm/dispatcher';
import { DockerExecutor } from '@swarm/executor-docker';
import { SandboxExecutor } from '@swarm/executor-sandbox';
import { type ImageTrustRoot, verifyingExecutor } from '@swarm/image-trust';
import { EndpointsFollower, IngressProxy } from '@swarm/ingress';
import { NetworksFollower, type NodeNetworkView } from '@swarm/network';
import { NetworkAgent } from '@swarm/network/node';
import { createSecretWriter, type SecretWriter } from '@swarm/secret-store';
import type { WorkerCalls } from '../daemon/wiring.js';

export type { WorkerCalls };

/** What a Worker is built from: its identity, the managers, the executor and its seams. */
export interface WorkerOptions {
  nodeId: string;
  /** The node's address (host only): tasks and published ports bind here. */
  hostAddress: string;
  /** host:port of this node as others see it (reported in the node description). */
  advertiseAddr: string;
  managers: string[];
  calls: WorkerCalls;
  logger: Logger;
  clock?: Clock;
  hostname?: string;
  engineLabels?: Record<string, string>;
  /** Where per-task secret directories go; must be on tmpfs. Default /dev/shm/swarm-<nodeId>. */
  secretsRoot?: string;
  bwrapPath?: string;
  taskUid?: number;
  taskGid?: number;
  /** How often the ingress table is refreshed, ms. Default 1,000. */
  endpointsPollMs?: number;
  /** How often the node's network view is refreshed, ms. Default 1,000. */
  networksPollMs?: number;
  /**
   * Called with the node's network view (`Networks.NodeNetworks`: its networks and slices, the
   * services on them, their running tasks) at start and whenever it changes; the node's network
   * data plane applies it. More listeners: `worker.onNetworkView`.
   */
  onNetworkView?: (view: NodeNetworkView) => void | Promise<void>;
  /** The node's image policy (`--image-policy`): every task's image is verified before it runs. */
  imageTrust?: ImageTrustRoot;
  /** Host ports tasks get (inclusive); managers accept no other. Default [30000, 32767]. */
  taskPortRange?: readonly [number, number];
  /** What runs tasks: the node's Docker Engine or the bubblewrap sandbox. Default sandbox. */
  executor?: ExecutorChoice;
  /** The cluster ID (labels the node's containers). */
  clusterId?: string;
  /**
   * The node's service-networking data plane (`NetworkAgent`): resolvers, VIPs, the relay between
   * nodes and the isolation rules, fed by the network view. Undefined: none.
   */
  dataPlane?: WorkerDataPlane;
}

/** What the worker's `NetworkAgent` needs of the node. */
export interface WorkerDataPlane {
  /** The node's current key, certificate chain and roots (its swarm identity). */
  material: () => { keyPem: string; chainPem: string; rootsPem: string };
  /** The node's TCP ports no task may reach (its listen port, control and web ports). */
  protectedPorts: readonly number[];
  /** The relay's port. Default 4789. */
  relayPort?: number;
}

/** The executor a node runs, as `swarm daemon --executor/--docker-host/--docker-network` chose it. */
export type ExecutorChoice = { kind: 'sandbox' } | { kind: 'docker'; dockerHost: string; network?: string };

/**
 * The worker side of a node: its agent session with the managers, the executor that runs its
 * tasks, the ingress proxy for published ports, and the node description it reports.
 */
export class Worker {
  readonly agent: Agent;
  readonly executor: ManagedExecutor;
  readonly ingress: IngressProxy;
  readonly secrets: SecretWriter;
  readonly #description: swarm.NodeDescription;
  readonly #imageTrust: ImageTrustRoot | undefined;
  readonly #log: Logger;
  readonly #logs: LogPublisher;
  readonly #endpoints: EndpointsFollower;
  /** Follows this node's network view from the managers (`networks.view`: the last one). */
  readonly networks: NetworksFollower;
  readonly #viewListeners = new Set<(view: NodeNetworkView) => void | Promise<void>>();
  /** The node's network data plane, when the worker has one. */
  readonly dataPlane: NetworkAgent | undefined;
  #timers: NodeJS.Timeout[] = [];
  #stopped = false;

  constructor(o: WorkerOptions) {
    this.#log = o.logger.child({ component: 'worker' });
    this.#imageTrust = o.imageTrust;
    const clock = o.clock ?? systemClock;
    this.secrets = createSecretWriter({ root: o.secretsRoot ?? `/dev/shm/swarm-${o.nodeId}` });
    // Task output goes to the managers (`swarm service logs`), the connected one first.
    this.#logs = new LogPublisher(
      {},
      {
        publish: (m, lines) => o.calls.publishLogs(m, { lines }),
        managers: () => this.#managers(),
        clock,
        logger: this.#log,
      },
    );
    const onLog = (line: swarm.LogLine.$Properties) => this.#logs.push(line);
    const choice = o.executor ?? { kind: 'sandbox' };
    this.executor =
      choice.kind === 'docker'
        ? new DockerExecutor({
            nodeId: o.nodeId,
            clusterId: o.clusterId ?? '',
            hostAddress: o.hostAddress,
            dockerHost: choice.dockerHost,
            ...(choice.network === undefined ? {} : { network: choice.network }),
            portRange: o.taskPortRange ?? DEFAULT_TASK_PORT_RANGE,
            clock,
            logger: o.logger.child({ component: 'executor' }),
            onLog,
          })
        : new SandboxExecutor({
            nodeId: o.nodeId,
            hostAddress: o.hostAddress,
            clock,
            logger: o.logger.child({ component: 'executor' }),
            ...(o.bwrapPath === undefined ? {} : { bwrapPath: o.bwrapPath }),
            ...(o.taskUid === undefined ? {} : { taskUid: o.taskUid }),
            ...(o.taskGid === undefined ? {} : { taskGid: o.taskGid }),
            portRange: o.taskPortRange ?? DEFAULT_TASK_PORT_RANGE,
            onLog,
          });
    this.ingress = new IngressProxy({
      address: o.hostAddress,
      logger: o.logger.child({ component: 'ingress' }),
    });
    this.#endpoints = new EndpointsFollower(
      { pollMs: o.endpointsPollMs ?? 1000 },
      {
        endpoints: (m) => o.calls.endpoints(m),
        managers: () => this.#managers(),
        proxy: this.ingress,
        clock,
        logger: this.#log,
      },
    );
    if (o.onNetworkView !== undefined) this.#viewListeners.add(o.onNetworkView);
    if (o.dataPlane !== undefined) {
      const agent = new NetworkAgent({
        nodeId: o.nodeId,
        relayHost: o.hostAddress,
        ...(o.dataPlane.relayPort === undefined ? {} : { relayPort: o.dataPlane.relayPort }),
        // Relay peers are limited to the nodes the managers' view names; no deny list on a worker.
        trust: { material: o.dataPlane.material, clusterId: o.clusterId ?? '', denyList: new DenyList() },
        protectedPorts: o.dataPlane.protectedPorts,
        logger: o.logger.child({ component: 'network' }),
      });
      this.dataPlane = agent;
      this.#viewListeners.add((view) => agent.update(view));
    }
    this.networks = new NetworksFollower(
      { pollMs: o.networksPollMs ?? 1000 },
      {
        view: (m) => o.calls.networks(m),
        managers: () => this.#managers(),
        onView: async (view) => {
          this.#log.info('network view', {
            networks: view.networks
              .map((n) => `${n.name}=${n.slice}`)
              .sort()
              .join(','),
            services: view.services.length,
            tasks: view.tasks.length,
          });
          for (const l of [...this.#viewListeners]) await l(view);
        },
        clock,
        logger: this.#log,
      },
    );
    const cores = cpus().length;
    // With an image policy, the sandbox (which runs host commands, not images) gets no task.
    const executor: Executor =
      o.imageTrust === undefined ? this.executor : this.#verifying(o.imageTrust, o.logger, choice.kind);
    this.#description = swarm.NodeDescription.create({
      hostname: o.hostname ?? osHostname(),
      platform: { os: process.platform, architecture: process.arch },
      resources: {
        nanoCpus: toLong(BigInt(cores) * 1_000_000_000n),
        memoryBytes: toLong(BigInt(totalmem())),
      },
      engineLabels: o.engineLabels ?? {},
      addr: o.advertiseAddr,
      imagePolicyDigest: o.imageTrust?.holder.current.digest ?? '',
    });
    this.agent = new Agent(
      { managers: o.managers },
      {
        connect: o.calls.connector,
        executor,
        secrets: this.secrets,
        clock,
        logger: o.logger.child({ component: 'agent' }),
        // Completed with the executor's engine in start(), before the first session.
        description: this.#description,
      },
    );
  }

  /**
   * The node's image policy was replaced (`swarm image-policy update`): the node description
   * gets the new digest and a new session carries it to the managers (`node inspect`).
   */
  reportImagePolicy(): void {
    const digest = this.#imageTrust?.holder.current.digest ?? '';
    if (this.#description.imagePolicyDigest === digest) return;
    this.#description.imagePolicyDigest = digest;
    this.agent.renewSession();
  }

  /**
   * Calls `listener` with every new network view of this node (and at once with the last one, if
   * any); returns the function that stops it. A rejection makes the view be delivered again at the
   * next poll.
   */
  onNetworkView(listener: (view: NodeNetworkView) => void | Promise<void>): () => void {
    this.#viewListeners.add(listener);
    const last = this.networks.view;
    if (last !== undefined)
      void Promise.resolve()
        .then(() => listener(last))
        .catch((e: unknown) => this.#log.warn('network view listener failed', { error: String(e) }));
    return () => {
      this.#viewListeners.delete(listener);
    };
  }

  /** Waits for the executor (the engine reached, leftovers found), then connects to a manager. */
  async start(): Promise<void> {
    const ready = (this.executor as { ready?: () => Promise<void> }).ready;
    if (ready !== undefined) {
      try {
        await ready.call(this.executor);
      } catch (err) {
        // Tasks are then rejected with the engine's error; the node still joins and reports.
        this.#log.error('the executor is not ready', { error: String((err as Error).message) });
      }
    }
    if (this.#stopped) return;
    const info = this.executor.info;
    this.#description.engine = swarm.EngineDescription.create({
      executor: info.kind,
      engineVersion: info.version ?? '',
      network: info.network ?? '',
    });
    this.#log.info('executor ready', {
      executor: info.kind,
      version: info.version ?? '',
      network: info.network ?? '',
    });
    this.agent.start();
    this.#logs.start();
    // The time the engine spent in its calls (Docker executor), for the benchmark's profile.
    const stats = (this.executor as { stats?: object }).stats;
    if (stats !== undefined) {
      let last = '';
      this.#timers.push(
        setInterval(() => {
          const now = JSON.stringify(stats);
          if (now === last) return;
          last = now;
          this.#log.info('executor stats', { ...stats });
        }, 1000),
      );
    }
    for (const t of this.#timers) t.unref();
    this.#endpoints.start();
    if (this.dataPlane !== undefined)
      await this.dataPlane.start().catch((err: unknown) =>
        // Tasks still run; their names and VIPs do not resolve until the node restarts with it.
        this.#log.error('the network data plane did not start', { error: String((err as Error).message) }),
      );
    this.networks.start();
  }

  /** Managers to try, the connected one first. */
  /**
   * The executor the agent gets on a node with a policy: every image verified first, or refused;
   * every other member (reconcile, info, logs...) reaches the inner executor unchanged.
   */
  #verifying(trust: ImageTrustRoot, logger: Logger, kind: string): ManagedExecutor {
    const wrapped = verifyingExecutor<TaskContext, ManagedExecutor>(this.executor, trust.verifier, {
      logger: logger.child({ component: 'image-trust' }),
      innerName: kind === 'docker' ? 'the Docker executor' : 'the bubblewrap sandbox executor',
    });
    trust.stats = wrapped.stats;
    return wrapped;
  }

  #managers(): string[] {
    const current = this.agent.manager;
    const all = [...this.agent.managers];
    return current ? [current, ...all.filter((m) => m !== current)] : all;
  }

  /** Stops everything the worker started. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const t of this.#timers) clearInterval(t);
    this.#logs.stop();
    this.#endpoints.stop();
    this.networks.stop();
    this.agent.stop();
    await this.executor.close();
    await this.dataPlane?.close();
    await this.ingress.close();
    this.secrets.removeAll();
  }
}
