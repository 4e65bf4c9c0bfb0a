/**
 * The worker half every node runs (managers run tasks too, unless drained): the dispatcher agent,
 * the executor (the node's Docker Engine, or the bubblewrap sandbox), the tmpfs secret writer, the
 * ingress proxy for published ports, and the publisher that ships task output to the managers for
 * `swarm service logs`.
 */
import { cpus, hostname as osHostname, totalmem } from 'node:os';
import { type Clock, type Logger, swarm, systemClock, toLong } from '@swarm/api';
import {
  Agent,
  type Connector,
  DEFAULT_TASK_PORT_RANGE,
  type Executor,
  type ManagedExecutor,
} from '@swarm/dispatcher';
import { DockerExecutor } from '@swarm/executor-docker';
import { SandboxExecutor } from '@swarm/executor-sandbox';
import { IngressProxy } from '@swarm/ingress';
import { createSecretWriter, type SecretWriter } from '@swarm/secret-store';
import { imageVerifyingExecutor, type NodeImageTrust } from './image-trust.js';

/** What the worker asks of managers (the gRPC stubs, behind a seam for tests). */
export interface WorkerCalls {
  connector: Connector;
  /** The published-port table from manager `addr`. */
  endpoints(addr: string): Promise<swarm.EndpointsResponse>;
  /** Sends task output to manager `addr`. */
  publishLogs(addr: string, req: swarm.PublishLogsRequest.$Properties): Promise<void>;
}

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
  /** The node's image policy (`--image-policy`): every task's image is verified before it runs. */
  imageTrust?: NodeImageTrust;
  /** Host ports tasks get (inclusive); managers accept no other. Default [30000, 32767]. */
  taskPortRange?: readonly [number, number];
  /** What runs tasks: the node's Docker Engine or the bubblewrap sandbox. Default sandbox. */
  executor?: ExecutorChoice;
  /** The cluster ID (labels the node's containers). */
  clusterId?: string;
}

/** The executor a node runs, as `swarm daemon --executor/--docker-host/--docker-network` chose it. */
export type ExecutorChoice = { kind: 'sandbox' } | { kind: 'docker'; dockerHost: string; network?: string };

export class Worker {
  readonly agent: Agent;
  readonly executor: ManagedExecutor;
  readonly ingress: IngressProxy;
  readonly secrets: SecretWriter;
  readonly #o: WorkerOptions;
  readonly #description: swarm.NodeDescription;
  readonly #log: Logger;
  #pendingLogs: swarm.LogLine.$Properties[] = [];
  #timers: NodeJS.Timeout[] = [];
  #stopped = false;
  #flushing = false;
  #endpointsKey = '';

  constructor(o: WorkerOptions) {
    this.#o = o;
    this.#log = o.logger.child({ component: 'worker' });
    const clock = o.clock ?? systemClock;
    this.secrets = createSecretWriter({ root: o.secretsRoot ?? `/dev/shm/swarm-${o.nodeId}` });
    const onLog = (line: swarm.LogLine.$Properties) => {
      this.#pendingLogs.push(line);
      if (this.#pendingLogs.length > 20_000) this.#pendingLogs.splice(0, this.#pendingLogs.length - 20_000);
    };
    const choice = o.executor ?? { kind: 'sandbox' };
    this.executor =
      choice.kind === 'docker'
        ? new DockerExecutor({
            nodeId: o.nodeId,
            clusterId: o.clusterId ?? '',
            hostAddress: o.hostAddress,
            dockerHost: choice.dockerHost,
            ...(choice.network === undefined ? {} : { network: choice.network }),
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
    const cores = cpus().length;
    // With an image policy, the sandbox (which runs host commands, not images) gets no task.
    const executor: Executor =
      o.imageTrust === undefined
        ? this.executor
        : imageVerifyingExecutor(
            this.executor,
            o.imageTrust,
            o.logger.child({ component: 'image-trust' }),
            choice.kind === 'docker' ? 'the Docker executor' : 'the bubblewrap sandbox executor',
          );
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
    this.#timers.push(setInterval(() => void this.#flushLogs(), 250));
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
    this.#timers.push(setInterval(() => void this.#refreshEndpoints(), this.#o.endpointsPollMs ?? 1000));
    for (const t of this.#timers) t.unref();
    void this.#refreshEndpoints();
  }

  /** Managers to try, the connected one first. */
  #managers(): string[] {
    const current = this.agent.manager;
    const all = [...this.agent.managers];
    return current ? [current, ...all.filter((m) => m !== current)] : all;
  }

  async #refreshEndpoints(): Promise<void> {
    if (this.#stopped) return;
    for (const m of this.#managers()) {
      try {
        const res = await this.#o.calls.endpoints(m);
        const key = JSON.stringify(swarm.EndpointsResponse.toObject(res));
        if (key !== this.#endpointsKey) {
          this.#endpointsKey = key;
          await this.ingress.update(res.endpoints ?? []);
        }
        return;
      } catch (e) {
        this.#log.debug?.('endpoints refresh failed', { manager: m, error: String((e as Error).message) });
      }
    }
  }

  async #flushLogs(): Promise<void> {
    if (this.#flushing || this.#pendingLogs.length === 0 || this.#stopped) return;
    this.#flushing = true;
    const batch = logBatch(this.#pendingLogs);
    try {
      for (const m of this.#managers()) {
        try {
          await this.#o.calls.publishLogs(m, { lines: batch });
          this.#pendingLogs.splice(0, batch.length);
          return;
        } catch (e) {
          this.#log.debug?.('log publish failed', { manager: m, error: String((e as Error).message) });
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  /** Stops everything the worker started. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const t of this.#timers) clearInterval(t);
    await this.#flushLogs().catch(() => {});
    this.agent.stop();
    await this.executor.close();
    await this.ingress.close();
    this.secrets.removeAll();
  }
}

/** Bytes of log data one PublishLogs call carries at most (well under a manager's per-node budget). */
export const MAX_LOG_BATCH_BYTES = 1024 * 1024;

/** The oldest pending lines that fit one call: at most 2,000 lines and MAX_LOG_BATCH_BYTES (at least one line). */
export function logBatch(pending: readonly swarm.LogLine.$Properties[]): swarm.LogLine.$Properties[] {
  let bytes = 0;
  let n = 0;
  while (n < pending.length && n < 2000) {
    bytes += pending[n]!.data?.length ?? 0;
    if (n > 0 && bytes > MAX_LOG_BATCH_BYTES) break;
    n++;
  }
  return pending.slice(0, n);
}
