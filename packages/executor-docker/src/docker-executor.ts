/**
 * The Docker Engine executor: each task is one container of the node's engine, labelled with the
 * cluster, node, service and task IDs, attached to the node's network (a bridge, so every task has
 * its own network namespace) with its ports published on the node's address. One event stream per
 * executor tells it when containers die or change health; output is read from the engine and kept
 * in memory. See the package README for the task states, errors and security notes.
 */
import { type Clock, type Logger, noopLogger, swarm, systemClock } from '@swarm/api';
import {
  type ExecutorInfo,
  LineSplitter,
  type ManagedExecutor,
  type TaskConfigFile,
  type TaskContext,
  TaskLogBook,
  type TaskStatusReport,
} from '@swarm/dispatcher';
import Docker from 'dockerode';
import { Demuxer } from './demux.js';
import { DEFAULT_DOCKER_HOST, dockerOptions } from './engine.js';
import {
  ExecutorClosedError,
  InvalidExecutorOptionsError,
  InvalidTaskError,
  TaskAlreadyRunningError,
  UnknownNetworkError,
} from './errors.js';
import { type ContainerEvent, EventWatcher } from './events.js';
import { LABELS } from './labels.js';
import {
  type AttachmentPlan,
  attachContainer,
  ensureNetwork,
  NETWORK_LABELS,
  planAttachments,
  pruneNetworks,
} from './networks.js';
import { checkSecretsDir, type FilesystemProbe, systemProbe } from './secrets.js';
import { type ContainerPlan, int64, planContainer, registryOf, splitImage } from './spec.js';
import { tarFiles } from './tar.js';

const { ACCEPTED, PREPARING, READY, STARTING, RUNNING, COMPLETE, SHUTDOWN, FAILED, REJECTED } =
  swarm.TaskState;

/** Grace between the stop signal and SIGKILL when the task spec gives none (as Docker's 10 s). */
export const DEFAULT_STOP_GRACE_MS = 10_000;
/** Output kept in memory per task by default (oldest lines dropped first). */
export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024;
/** Finished tasks whose output is kept by default until `forget()`. */
export const DEFAULT_MAX_FINISHED_TASKS = 200;
/** Container creates and starts in flight at once by default (the engine is the bottleneck). */
export const DEFAULT_MAX_CONCURRENT_STARTS = 6;

/** A value that reveals secret bytes on demand (@swarm/secret-store's `SecretValue` fits). */
export interface SecretLike {
  /** The secret bytes (a fresh copy the caller may wipe). */
  reveal(): Uint8Array;
}

/** Credentials for one registry; the password is never logged or put in a label. */
export interface RegistryCredentials {
  username: string;
  password: SecretLike | string;
  /** Defaults to the registry host of the image. */
  serveraddress?: string;
}

/** Options of a {@link DockerExecutor} (see the README's options table). */
export interface DockerExecutorOptions {
  /** This node's ID: the `node.id` label, and which containers this executor owns. */
  nodeId: string;
  /** The cluster ID (the `cluster.id` label). Default ''. */
  clusterId?: string;
  /** The node's address: published ports bind to it. */
  hostAddress: string;
  /** The engine's address, `unix:///path` or `tcp://host:port`. Default unix:///var/run/docker.sock. */
  dockerHost?: string;
  /** A dockerode client (instead of `dockerHost`). */
  docker?: Docker;
  /** The network tasks attach to. Default `bridge` when the engine has it, else `none`. */
  network?: string;
  clock?: Clock;
  logger?: Logger;
  /** Grace between the stop signal and SIGKILL when the task spec gives none. Default 10 s. */
  defaultStopGraceMs?: number;
  /** Output kept per task (oldest lines dropped). Default 1 MiB. */
  maxLogBytesPerTask?: number;
  /** Finished tasks whose output is kept until `forget()`. Default 200. */
  maxFinishedTasks?: number;
  /** Called with every output line as it is read. */
  onLog?: (line: swarm.LogLine.$Properties) => void;
  /** `missing` pulls an image only when the engine lacks it (default); `always` pulls before every task. */
  pull?: 'missing' | 'always';
  /** Credentials for a registry host (`127.0.0.1:5000`, `docker.io`), or undefined for none. */
  registryAuth?: (registry: string) => RegistryCredentials | undefined;
  /** Container creates and starts in flight at once. Default 6. */
  maxConcurrentStarts?: number;
  /** Bind secrets even when swap is on (tmpfs pages could reach a disk). Default false. */
  allowSwap?: boolean;
  probe?: FilesystemProbe;
  /**
   * Host ports for published ports that ask for none (ingress ports): taken from this inclusive
   * range, as the node's task port range says (the managers refuse a reported port outside it).
   * Default: the engine picks one of its ephemeral ports.
   */
  portRange?: readonly [number, number];
}

/** Time the engine took, for the benchmark's profile. */
export interface EngineStats {
  pulls: number;
  pullMs: number;
  creates: number;
  createMs: number;
  starts: number;
  startMs: number;
  removes: number;
  removeMs: number;
}

interface Run {
  readonly id: string;
  readonly task: swarm.Task;
  readonly report: (s: TaskStatusReport) => void;
  readonly graceMs: number;
  phase: 'preparing' | 'created' | 'started' | 'running' | 'done';
  stopping: boolean;
  containerId?: string;
  /** The last health status an event gave (healthy, unhealthy, starting). */
  health?: string;
  hasHealth: boolean;
  /** Set when the executor stopped the task for failing its health check. */
  unhealthy?: string;
  ports: swarm.PortConfig.$Properties[];
  /** Host ports this run holds from `portRange` (`tcp/31000`) while its container is made. */
  reserved?: string[];
  /** Host ports the engine refused this run (held by something outside the executor). */
  refused?: Set<string>;
  pid?: number;
  logs?: { destroy(): void };
  logsDone?: Promise<void>;
  readonly exited: Promise<void>;
  resolveExited: () => void;
}

interface Leftover {
  id: string;
  state: string;
  secrets: number;
}

/** Runs tasks as containers of a Docker Engine. Implements `@swarm/dispatcher`'s executor seam. */
export class DockerExecutor implements ManagedExecutor {
  /**
   * Runs the task's container image, pulled by exactly the reference it is given (a digest, when
   * the reference has one), and nothing else: @swarm/image-trust's `verifyingExecutor` may wrap it.
   */
  readonly runsImages = true;
  readonly #o: DockerExecutorOptions;
  readonly #docker: Docker;
  readonly #host: string;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #graceMs: number;
  readonly #probe: FilesystemProbe;
  readonly #book: TaskLogBook;
  readonly #runs = new Map<string, Run>();
  readonly #byContainer = new Map<string, Run>();
  readonly #leftovers = new Map<string, Leftover>();
  readonly #pulls = new Map<string, Promise<void>>();
  /** Images the engine was seen to have (pull policy `missing`): no inspect call per task. */
  readonly #present = new Set<string>();
  readonly #removals = new Set<Promise<void>>();
  readonly #events: EventWatcher;
  readonly #slots: { free: number; waiters: (() => void)[] };
  #ready: Promise<void> | undefined;
  #info: ExecutorInfo = { kind: 'docker' };
  #network = '';
  #closed = false;
  #portCursor = 0;
  #netOps: Promise<void> = Promise.resolve();
  /** Whether this node has (or may have) Docker networks of cluster networks to prune. */
  #networksMade = false;
  readonly #pruning = new Set<Promise<void>>();

  readonly stats: EngineStats = {
    pulls: 0,
    pullMs: 0,
    creates: 0,
    createMs: 0,
    starts: 0,
    startMs: 0,
    removes: 0,
    removeMs: 0,
  };

  constructor(options: DockerExecutorOptions) {
    if (typeof options?.nodeId !== 'string' || options.nodeId === '')
      throw new InvalidExecutorOptionsError('DockerExecutor needs options.nodeId (this node ID)');
    if (typeof options.hostAddress !== 'string' || options.hostAddress === '')
      throw new InvalidExecutorOptionsError(
        "DockerExecutor needs options.hostAddress (the node's IP address published ports bind to)",
      );
    const grace = options.defaultStopGraceMs ?? DEFAULT_STOP_GRACE_MS;
    const concurrency = options.maxConcurrentStarts ?? DEFAULT_MAX_CONCURRENT_STARTS;
    for (const [name, v] of [
      ['defaultStopGraceMs', grace],
      ['maxLogBytesPerTask', options.maxLogBytesPerTask ?? 0],
      ['maxFinishedTasks', options.maxFinishedTasks ?? 0],
    ] as const)
      if (!Number.isFinite(v) || v < 0)
        throw new InvalidExecutorOptionsError(`${name} must be a number >= 0, got ${String(v)}`);
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new InvalidExecutorOptionsError(
        `maxConcurrentStarts must be an integer >= 1, got ${concurrency}`,
      );
    if (options.portRange !== undefined) {
      const [lo, hi] = options.portRange;
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi > 65535 || lo > hi)
        throw new InvalidExecutorOptionsError(
          `portRange must be [min, max] within 1..65535, got [${String(lo)}, ${String(hi)}]`,
        );
      this.#portCursor = lo;
    }
    if (options.pull !== undefined && options.pull !== 'missing' && options.pull !== 'always')
      throw new InvalidExecutorOptionsError(
        `pull must be 'missing' or 'always', got ${String(options.pull)}`,
      );
    this.#o = options;
    this.#host = options.dockerHost ?? DEFAULT_DOCKER_HOST;
    this.#docker = options.docker ?? new Docker(dockerOptions(this.#host));
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? noopLogger;
    this.#graceMs = grace;
    this.#probe = options.probe ?? systemProbe;
    this.#slots = { free: concurrency, waiters: [] };
    this.#book = new TaskLogBook({
      nodeId: options.nodeId,
      maxBytesPerTask: options.maxLogBytesPerTask ?? DEFAULT_MAX_LOG_BYTES,
      maxFinishedTasks: options.maxFinishedTasks ?? DEFAULT_MAX_FINISHED_TASKS,
      ...(options.onLog === undefined ? {} : { onLog: options.onLog }),
      onError: (taskId, err) => this.#logger.warn('onLog callback failed', { taskId, err: String(err) }),
    });
    this.#events = new EventWatcher(
      this.#docker,
      { label: [`${LABELS.node}=${options.nodeId}`] },
      (e) => this.#onEvent(e),
      () => void this.#resync(),
      this.#logger,
    );
  }

  /** Creates the executor and waits until it is ready (engine reached, network chosen, leftovers found). */
  static async connect(options: DockerExecutorOptions): Promise<DockerExecutor> {
    const ex = new DockerExecutor(options);
    try {
      await ex.ready();
    } catch (err) {
      ex.detach();
      throw err;
    }
    return ex;
  }

  /**
   * Reaches the engine, reads its version, picks the network, opens the event stream and lists
   * the containers an earlier run of this node left (adopted by `start`, removed by `reconcile`).
   * Until it succeeds, tasks are rejected with the engine's error.
   */
  ready(): Promise<void> {
    // A failure is not kept: the next task tries again (the engine may be back).
    this.#ready ??= this.#init().catch((err: unknown) => {
      this.#ready = undefined;
      throw err;
    });
    return this.#ready;
  }

  async #init(): Promise<void> {
    const version = await this.#docker.version();
    const all = await this.#docker.listNetworks();
    const networks = all.map((n) => n.Name);
    if (all.some((n) => n.Labels?.[NETWORK_LABELS.node] === this.#o.nodeId)) this.#networksMade = true;
    let network = this.#o.network;
    if (network === undefined) network = networks.includes('bridge') ? 'bridge' : 'none';
    else if (!['none', 'host'].includes(network) && !networks.includes(network))
      throw new UnknownNetworkError(network, networks);
    if (network === 'host')
      throw new InvalidExecutorOptionsError(
        'network "host" would put every task in the node\'s own network namespace; use a bridge network',
      );
    this.#network = network;
    this.#info = { kind: 'docker', version: version.Version, network };
    await this.#events.start();
    const found = await this.#docker.listContainers({
      all: true,
      filters: JSON.stringify({ label: [`${LABELS.node}=${this.#o.nodeId}`] }),
    });
    for (const c of found) {
      const taskId = c.Labels?.[LABELS.task];
      if (taskId === undefined || this.#runs.get(taskId)?.containerId === c.Id) continue;
      this.#leftovers.set(taskId, {
        id: c.Id,
        state: c.State,
        secrets: Number(c.Labels?.[LABELS.secrets] ?? 0),
      });
    }
    if (found.length > 0)
      this.#logger.info('found containers of an earlier run', {
        containers: found.length,
        node: this.#o.nodeId,
      });
  }

  get info(): ExecutorInfo {
    return this.#info;
  }

  /** The network tasks attach to (known once `ready()` resolved). */
  get network(): string {
    return this.#network;
  }

  start(task: swarm.Task, context: TaskContext): void {
    if (this.#closed) throw new ExecutorClosedError();
    const id = task.id;
    if (typeof id !== 'string' || id === '') throw new InvalidTaskError('the task has no id');
    if (this.#runs.has(id)) throw new TaskAlreadyRunningError(id);
    let resolveExited!: () => void;
    const exited = new Promise<void>((r) => {
      resolveExited = r;
    });
    const run: Run = {
      id,
      task,
      report: context.report,
      graceMs: this.#graceOf(task),
      phase: 'preparing',
      stopping: false,
      hasHealth: false,
      ports: [],
      exited,
      resolveExited,
    };
    this.#runs.set(id, run);
    this.#book.open(id, task.serviceId ?? '');
    this.#report(run, { state: ACCEPTED, message: 'accepted' });
    this.#launch(run, context.secretsDir, context.configs ?? []).catch((err: unknown) => {
      // Anything unexpected before the container ran rejects the task; after, it fails.
      const started = run.phase === 'started' || run.phase === 'running';
      this.#finish(run, { state: started ? FAILED : REJECTED, err: engineMessage(err) });
      if (run.containerId !== undefined) this.#remove(run.containerId);
    });
  }

  stop(taskId: string): void {
    const run = this.#runs.get(taskId);
    if (run === undefined || run.phase === 'done' || run.stopping) return;
    run.stopping = true;
    // Before the container exists, #launch sees `stopping` at its next step and ends the task.
    if (run.containerId === undefined || run.phase === 'created') return;
    this.#logger.info('stopping task', { taskId, graceMs: run.graceMs });
    this.#stopContainer(run);
  }

  reconcile(assigned: readonly string[]): void {
    const keep = new Set(assigned);
    void this.ready()
      .then(() => {
        for (const [taskId, c] of [...this.#leftovers]) {
          if (keep.has(taskId)) continue;
          this.#leftovers.delete(taskId);
          this.#logger.info('removing the container of a task no longer assigned', {
            taskId,
            container: c.id,
          });
          this.#remove(c.id);
        }
      })
      .catch((err: unknown) => this.#logger.warn('reconcile failed', { err: engineMessage(err) }));
  }

  running(): string[] {
    return [...this.#runs.values()].filter((r) => r.phase !== 'done').map((r) => r.id);
  }

  logs(taskId: string, options: { tail?: number } = {}): swarm.LogLine.$Properties[] {
    return this.#book.lines(taskId, options.tail);
  }

  forget(taskId: string): void {
    if (this.#runs.has(taskId)) return;
    this.#book.forget(taskId);
  }

  /** Stops every task (each with its grace period), waits until all are reported and removed. */
  async close(): Promise<void> {
    this.#closed = true;
    const runs = [...this.#runs.values()];
    for (const r of runs) this.stop(r.id);
    await Promise.all(runs.map((r) => r.exited));
    await Promise.all([...this.#removals]);
    await Promise.all([...this.#pruning]);
    this.#events.close();
  }

  /**
   * Lets go of the engine without stopping anything: containers keep running and a later
   * executor of the same node re-adopts them (what a daemon crash or restart leaves).
   */
  detach(): void {
    this.#closed = true;
    this.#events.close();
    for (const r of this.#runs.values()) r.logs?.destroy();
    this.#runs.clear();
    this.#byContainer.clear();
  }

  // ---- the life of a task ----

  async #launch(run: Run, secretsDir: string | undefined, configs: readonly TaskConfigFile[]): Promise<void> {
    await this.ready();
    const leftover = this.#leftovers.get(run.id);
    if (leftover !== undefined) {
      this.#leftovers.delete(run.id);
      if (await this.#adopt(run, leftover)) return;
    }
    if (this.#endIfStopping(run)) return;
    this.#report(run, { state: PREPARING, message: 'preparing' });
    let plan: ContainerPlan;
    let attachments: AttachmentPlan[];
    try {
      attachments = planAttachments(run.task);
      plan = planContainer(run.task, {
        nodeId: this.#o.nodeId,
        clusterId: this.#o.clusterId ?? '',
        network: attachments[0]?.dockerName ?? this.#network,
        hostAddress: this.#o.hostAddress,
        secretsDir,
      });
      if (plan.secretTargets.length > 0)
        checkSecretsDir(secretsDir as string, plan.secretTargets, this.#probe, this.#o.allowSwap ?? false);
      checkConfigs(run.task, configs);
    } catch (err) {
      this.#finish(run, { state: REJECTED, err: (err as Error).message });
      return;
    }
    plan.options.HostConfig = {
      ...plan.options.HostConfig,
      // Bounded output on the engine's disk; the executor keeps its own copy in memory.
      LogConfig: { Type: 'json-file', Config: { 'max-size': '1m', 'max-file': '1' } },
    };
    plan.options.StopTimeout = Math.ceil(run.graceMs / 1000);
    const { extraEndpoints } = attachContainer(plan.options, attachments);
    try {
      await this.#ensureImage(plan.image);
    } catch (err) {
      this.#finish(run, { state: REJECTED, err: pullMessage(plan.image, err) });
      return;
    }
    if (this.#endIfStopping(run)) return;
    if (attachments.length > 0) this.#networksMade = true;
    for (const a of attachments) {
      try {
        await this.#networkOp(() =>
          ensureNetwork(this.#docker, a, { nodeId: this.#o.nodeId, clusterId: this.#o.clusterId ?? '' }),
        );
      } catch (err) {
        this.#finish(run, {
          state: REJECTED,
          err: `attaching to network ${a.networkName || a.networkId} failed: ${engineMessage(err)}`,
        });
        return;
      }
    }
    if (this.#endIfStopping(run)) return;

    await this.#acquire();
    try {
      if (this.#endIfStopping(run)) return;
      let container: Docker.Container;
      // A host port from the range can be taken by something else between our pick and the start:
      // the engine then refuses the start, and the task tries other ports (a few times).
      for (let attempt = 1; ; attempt++) {
        try {
          this.#assignPorts(run, plan);
        } catch (err) {
          this.#finish(run, { state: REJECTED, err: (err as Error).message });
          return;
        }
        try {
          container = await this.#create(plan);
        } catch (err) {
          // The image went away since it was seen (someone removed it): pull it again, once.
          if ((err as { statusCode?: number }).statusCode !== 404 || !this.#present.delete(plan.image))
            throw err;
          try {
            await this.#ensureImage(plan.image);
          } catch (pullErr) {
            this.#finish(run, { state: REJECTED, err: pullMessage(plan.image, pullErr) });
            return;
          }
          container = await this.#create(plan);
        }
        run.containerId = container.id;
        run.phase = 'created';
        this.#byContainer.set(container.id, run);
        try {
          for (const e of extraEndpoints)
            await this.#docker
              .getNetwork(e.dockerName)
              .connect({ Container: container.id, EndpointConfig: e.config });
        } catch (err) {
          await this.#remove(container.id);
          this.#byContainer.delete(container.id);
          this.#finish(run, {
            state: REJECTED,
            err: `attaching the container failed: ${engineMessage(err)}`,
          });
          return;
        }
        if (configs.length > 0) {
          // The config files go into this container's own filesystem before it starts.
          try {
            await container.putArchive(configArchive(configs, Math.floor(this.#clock.now() / 1000)), {
              path: '/',
            });
          } catch (err) {
            await this.#remove(container.id);
            this.#byContainer.delete(container.id);
            this.#finish(run, {
              state: REJECTED,
              err: `copying the configs into the container failed: ${engineMessage(err)}`,
            });
            return;
          }
        }
        this.#report(run, { state: READY, message: 'created' });
        if (run.stopping) {
          await this.#remove(container.id);
          this.#finish(run, { state: SHUTDOWN, message: 'stopped before it started' });
          return;
        }
        this.#report(run, { state: STARTING, message: 'starting' });
        const t0 = performance.now();
        try {
          await container.start();
          break;
        } catch (err) {
          await this.#remove(container.id);
          this.#byContainer.delete(container.id);
          const message = engineMessage(err);
          if (this.#o.portRange !== undefined && attempt < 8 && PORT_TAKEN.test(message)) {
            run.refused ??= new Set();
            for (const k of run.reserved ?? []) run.refused.add(k);
            this.#logger.info('a host port was taken meanwhile; trying others', { taskId: run.id, message });
            continue;
          }
          // As swarm does: a task whose container could not start was rejected by this node.
          this.#finish(run, { state: REJECTED, err: `starting container failed: ${message}` });
          return;
        } finally {
          this.stats.starts++;
          this.stats.startMs += performance.now() - t0;
        }
      }
      if (isDone(run)) return; // it already died and was reported
      run.phase = 'started';
      this.#followLogs(run, 0);
    } finally {
      this.#release();
    }
    await this.#afterStart(run, plan.ports.length > 0);
    if (run.stopping && !isDone(run)) this.#stopContainer(run);
  }

  /** After the start (or on adoption): pid, ports, logs, and RUNNING unless a health check must pass first. */
  async #afterStart(run: Run, withPorts: boolean, logsSince = 0): Promise<void> {
    const id = run.containerId as string;
    const info = await this.#docker.getContainer(id).inspect();
    if (run.phase === 'done') return;
    run.pid = info.State.Pid;
    run.hasHealth = info.State.Health !== undefined && info.State.Health !== null;
    run.ports =
      withPorts || Object.keys(info.NetworkSettings?.Ports ?? {}).length > 0
        ? reportedPorts(run.task, info)
        : [];
    this.#followLogs(run, logsSince);
    if (!info.State.Running) return; // the die event reports it
    const health = run.health ?? info.State.Health?.Status;
    if (!run.hasHealth || health === 'healthy') this.#running(run);
    else if (health === 'unhealthy') this.#onUnhealthy(run);
    else
      this.#report(run, { state: STARTING, message: 'waiting for the health check to pass', pid: run.pid });
  }

  #running(run: Run): void {
    if (run.phase !== 'started') return;
    run.phase = 'running';
    this.#logger.info('task running', { taskId: run.id, container: run.containerId, pid: run.pid });
    this.#report(run, {
      state: RUNNING,
      message: 'started',
      ...(run.pid ? { pid: run.pid } : {}),
      ...(run.ports.length > 0 ? { ports: run.ports } : {}),
    });
  }

  /**
   * A container an earlier run left for this task: a running one without secrets is taken over as
   * it is; one that exited is reported as it ended; anything else is removed and made afresh
   * (secrets: the node rebuilt its secret directories when it restarted, so the old bind is stale).
   */
  async #adopt(run: Run, c: Leftover): Promise<boolean> {
    let info: Docker.ContainerInspectInfo;
    try {
      info = await this.#docker.getContainer(c.id).inspect();
    } catch {
      return false; // gone meanwhile
    }
    if (info.State.Running && c.secrets === 0) {
      run.containerId = c.id;
      run.phase = 'started';
      this.#byContainer.set(c.id, run);
      this.#logger.info('re-adopted a running container', { taskId: run.id, container: c.id });
      await this.#afterStart(run, true, Math.floor(this.#clock.now() / 1000));
      if (run.stopping && !isDone(run)) this.#stopContainer(run);
      return true;
    }
    if (
      !info.State.Running &&
      info.State.StartedAt !== '0001-01-01T00:00:00Z' &&
      info.State.FinishedAt !== '0001-01-01T00:00:00Z'
    ) {
      await this.#remove(c.id);
      this.#finish(run, endStatus(run, info));
      return true;
    }
    await this.#remove(c.id);
    return false;
  }

  #endIfStopping(run: Run): boolean {
    if (run.phase === 'done') return true;
    if (!run.stopping) return false;
    this.#finish(run, { state: SHUTDOWN, message: 'stopped before it started' });
    return true;
  }

  /**
   * With a port range, gives every published port that asks for no host port one from the range
   * that no other task of this executor holds (walking on from the last one given, so that a port
   * just released is not handed out again at once).
   */
  #assignPorts(run: Run, plan: ContainerPlan): void {
    const range = this.#o.portRange;
    if (range === undefined) return;
    const wanted = plan.ports.filter((p) => p.hostPort === 0);
    if (wanted.length === 0) return;
    delete run.reserved;
    const held = new Set<string>(run.refused);
    for (const r of this.#runs.values()) {
      if (r === run || r.phase === 'done') continue;
      for (const k of r.reserved ?? []) held.add(k);
      for (const p of r.ports)
        held.add(`${p.protocol === swarm.PortConfig.Protocol.UDP ? 'udp' : 'tcp'}/${p.publishedPort ?? 0}`);
    }
    const [lo, hi] = range;
    const reserved: string[] = [];
    const bindings = (plan.options.HostConfig?.PortBindings ?? {}) as Record<
      string,
      { HostIp: string; HostPort: string }[]
    >;
    for (const p of wanted) {
      let port = 0;
      for (let tried = 0; tried <= hi - lo; tried++) {
        const candidate = this.#portCursor;
        this.#portCursor = candidate >= hi ? lo : candidate + 1;
        const k = `${p.protocol}/${candidate}`;
        if (held.has(k)) continue;
        held.add(k);
        port = candidate;
        break;
      }
      if (port === 0)
        throw new Error(
          `no free ${p.protocol} host port in the task port range ${lo}-${hi} for port ${p.targetPort}`,
        );
      reserved.push(`${p.protocol}/${port}`);
      bindings[`${p.targetPort}/${p.protocol}`] = [{ HostIp: this.#o.hostAddress, HostPort: String(port) }];
    }
    run.reserved = reserved;
  }

  async #create(plan: ContainerPlan): Promise<Docker.Container> {
    const t0 = performance.now();
    try {
      return await this.#docker.createContainer({ ...plan.options, name: plan.name });
    } catch (err) {
      // A container of the same name: this node's own from a crash between create and start.
      if ((err as { statusCode?: number }).statusCode !== 409) throw err;
      const old = this.#docker.getContainer(plan.name);
      const info = await old.inspect().catch(() => undefined);
      if (info?.Config.Labels?.[LABELS.node] !== this.#o.nodeId) throw err;
      await old.remove({ force: true, v: true });
      return await this.#docker.createContainer({ ...plan.options, name: plan.name });
    } finally {
      this.stats.creates++;
      this.stats.createMs += performance.now() - t0;
    }
  }

  #stopContainer(run: Run): void {
    const id = run.containerId;
    if (id === undefined) return;
    this.#docker
      .getContainer(id)
      .stop({ t: Math.ceil(run.graceMs / 1000) })
      .catch((err: { statusCode?: number }) => {
        // 304: already stopped (the die event reports it); 404: already gone.
        if (err.statusCode === 404) this.#finish(run, { state: SHUTDOWN, message: 'stopped' });
        else if (err.statusCode !== 304)
          this.#logger.warn('stopping a container failed', { taskId: run.id, err: engineMessage(err) });
      });
  }

  #onEvent(e: ContainerEvent): void {
    const run = this.#byContainer.get(e.id);
    if (run === undefined || run.phase === 'done') return;
    if (e.status === 'die') {
      void this.#onDie(run);
    } else if (e.status.startsWith('health_status')) {
      const status = e.status.slice(e.status.indexOf(':') + 1).trim();
      run.health = status;
      if (status === 'healthy' && run.phase === 'started') this.#running(run);
      else if (status === 'unhealthy' && (run.phase === 'started' || run.phase === 'running'))
        this.#onUnhealthy(run);
    }
  }

  /** Swarm replaces an unhealthy task: stop it (its end is reported as FAILED). */
  #onUnhealthy(run: Run): void {
    if (run.unhealthy !== undefined || run.stopping) return;
    run.unhealthy = 'the health check failed';
    void this.#docker
      .getContainer(run.containerId as string)
      .inspect()
      .then((info) => {
        const last = info.State.Health?.Log?.at(-1);
        if (last !== undefined)
          run.unhealthy = `the health check failed (exit ${last.ExitCode}): ${last.Output.trim().slice(0, 200) || 'no output'}`;
      })
      .catch(() => {})
      .finally(() => {
        this.#logger.warn('task unhealthy; stopping it', { taskId: run.id });
        this.#stopContainer(run);
      });
  }

  async #onDie(run: Run): Promise<void> {
    const id = run.containerId as string;
    let info: Docker.ContainerInspectInfo | undefined;
    try {
      info = await this.#docker.getContainer(id).inspect();
    } catch {
      info = undefined;
    }
    if (run.phase === 'done') return;
    if (info?.State.Running) return; // restarted by someone else: not ours to judge
    // A container that died before its output was followed: read it all now (the stream ends at once).
    if (run.logsDone === undefined) this.#followLogs(run, 0);
    // Let the output stream drain (it ends with the container), but never wait long.
    await Promise.race([run.logsDone, delay(2_000)]);
    // A final report means nothing of the task is left on the engine.
    await this.#remove(id);
    if (isDone(run)) return;
    this.#finish(
      run,
      info === undefined ? { state: FAILED, err: 'the container disappeared' } : endStatus(run, info),
    );
  }

  #followLogs(run: Run, since: number): void {
    if (run.logsDone !== undefined) return;
    const id = run.containerId as string;
    run.logsDone = new Promise<void>((resolve) => {
      this.#docker
        .getContainer(id)
        .logs({ follow: true, stdout: true, stderr: true, ...(since > 0 ? { since } : {}) })
        .then((stream) => {
          const s = stream as NodeJS.ReadableStream & { destroy(): void };
          run.logs = s;
          const out = new LineSplitter((line) =>
            this.#book.add(run.id, swarm.LogLine.Stream.STDOUT, line, this.#clock.now()),
          );
          const err = new LineSplitter((line) =>
            this.#book.add(run.id, swarm.LogLine.Stream.STDERR, line, this.#clock.now()),
          );
          const demux = new Demuxer((kind, payload) => (kind === 'stderr' ? err : out).push(payload));
          const done = () => {
            out.flush();
            err.flush();
            resolve();
          };
          s.on('data', (chunk: Buffer) => demux.push(chunk));
          s.on('end', done);
          s.on('close', done);
          s.on('error', done);
        })
        .catch(() => resolve());
    });
  }

  #finish(run: Run, status: TaskStatusReport): void {
    if (run.phase === 'done') return;
    run.phase = 'done';
    run.logs?.destroy();
    if (this.#runs.get(run.id) === run) this.#runs.delete(run.id);
    if (run.containerId !== undefined) this.#byContainer.delete(run.containerId);
    this.#book.finish(run.id);
    const fields = {
      taskId: run.id,
      state: swarm.TaskState[status.state],
      ...(status.err ? { err: status.err } : {}),
    };
    if (status.state === FAILED || status.state === REJECTED) this.#logger.warn('task ended', fields);
    else this.#logger.info('task ended', fields);
    this.#report(run, status);
    run.resolveExited();
    // The task's networks may have lost their last task: prune once its container is gone.
    if ((run.task.networks ?? []).length > 0) {
      const p = Promise.all([...this.#removals]).then(() => this.#prune());
      this.#pruning.add(p);
      void p.finally(() => this.#pruning.delete(p));
    }
  }

  #remove(containerId: string): Promise<void> {
    const t0 = performance.now();
    const p = this.#docker
      .getContainer(containerId)
      .remove({ force: true, v: true })
      .catch((err: { statusCode?: number }) => {
        if (err.statusCode !== 404 && err.statusCode !== 409)
          this.#logger.warn('removing a container failed', {
            container: containerId,
            err: engineMessage(err),
          });
      })
      .finally(() => {
        this.stats.removes++;
        this.stats.removeMs += performance.now() - t0;
        this.#removals.delete(p);
      })
      .then(() => (this.#networksMade ? this.#prune() : undefined));
    this.#removals.add(p);
    return p;
  }

  /** Runs network creations and removals one at a time (a prune never races a task's create). */
  #networkOp<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#netOps.then(fn);
    this.#netOps = next.then(
      () => {},
      () => {},
    );
    return next;
  }

  /** Removes this node's Docker networks that no container uses and no live task needs. */
  #prune(): Promise<void> {
    return this.#networkOp(async () => {
      const inUse = new Set<string>();
      for (const r of this.#runs.values())
        if (r.phase !== 'done') for (const a of r.task.networks ?? []) inUse.add(a.networkId ?? '');
      const removed = await pruneNetworks(this.#docker, this.#o.nodeId, inUse);
      if (removed.length > 0) this.#logger.info('removed unused networks', { networks: removed.join(',') });
    }).catch((err: unknown) => this.#logger.warn('pruning networks failed', { err: engineMessage(err) }));
  }

  /** After the event stream was lost: containers that died meanwhile are inspected and reported. */
  async #resync(): Promise<void> {
    for (const run of [...this.#byContainer.values()]) {
      if (run.phase !== 'started' && run.phase !== 'running') continue;
      const info = await this.#docker
        .getContainer(run.containerId as string)
        .inspect()
        .catch(() => undefined);
      if (info === undefined || !info.State.Running) void this.#onDie(run);
      else if (info.State.Health?.Status === 'healthy' && run.phase === 'started') this.#running(run);
      else if (info.State.Health?.Status === 'unhealthy') this.#onUnhealthy(run);
    }
  }

  async #ensureImage(image: string): Promise<void> {
    if ((this.#o.pull ?? 'missing') === 'missing') {
      if (this.#present.has(image)) return;
      const have = await this.#docker
        .getImage(image)
        .inspect()
        .then(() => true)
        .catch(() => false);
      if (have) {
        this.#present.add(image);
        return;
      }
    }
    let p = this.#pulls.get(image);
    if (p === undefined) {
      p = this.#pull(image)
        .then(() => {
          this.#present.add(image);
        })
        .finally(() => this.#pulls.delete(image));
      this.#pulls.set(image, p);
    }
    await p;
  }

  async #pull(image: string): Promise<void> {
    const t0 = performance.now();
    const registry = registryOf(image);
    const creds = this.#o.registryAuth?.(registry);
    const { fromImage, tag } = splitImage(image);
    const ref = tag === '' ? fromImage : `${fromImage}:${tag}`;
    const opts: Record<string, unknown> = {};
    if (creds !== undefined) {
      const password =
        typeof creds.password === 'string'
          ? creds.password
          : Buffer.from(creds.password.reveal()).toString('utf8');
      opts.authconfig = {
        username: creds.username,
        password,
        serveraddress: creds.serveraddress ?? registry,
      };
    }
    this.#logger.info('pulling image', { image, registry, withCredentials: creds !== undefined });
    try {
      const stream = (await this.#docker.pull(ref, opts)) as NodeJS.ReadableStream;
      await new Promise<void>((resolve, reject) => {
        this.#docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve()));
      });
    } finally {
      this.stats.pulls++;
      this.stats.pullMs += performance.now() - t0;
    }
  }

  async #acquire(): Promise<void> {
    if (this.#slots.free > 0) {
      this.#slots.free--;
      return;
    }
    await new Promise<void>((resolve) => this.#slots.waiters.push(resolve));
  }

  #release(): void {
    const next = this.#slots.waiters.shift();
    if (next !== undefined) next();
    else this.#slots.free++;
  }

  #graceOf(task: swarm.Task): number {
    const ms = int64(task.spec?.container?.stopGracePeriodMs);
    return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 0x7fffffff) : this.#graceMs;
  }

  #report(run: Run, status: TaskStatusReport): void {
    try {
      run.report(status);
    } catch (err) {
      this.#logger.warn('status report callback failed', { taskId: run.id, err: String(err) });
    }
  }
}

/** Whether the run ended (a check after an await: another callback may have ended it). */
function isDone(run: Run): boolean {
  return run.phase === 'done';
}

/** The final status of a container that ended. */
function endStatus(run: Run, info: Docker.ContainerInspectInfo): TaskStatusReport {
  const exitCode = info.State.ExitCode;
  if (run.stopping && run.unhealthy === undefined) return { state: SHUTDOWN, message: 'stopped', exitCode };
  if (run.unhealthy !== undefined)
    return { state: FAILED, err: `task is unhealthy: ${run.unhealthy}`, exitCode };
  if (info.State.OOMKilled) {
    const limit = info.HostConfig?.Memory ?? 0;
    return {
      state: FAILED,
      err: `task was OOM-killed: it went over its memory limit${limit > 0 ? ` of ${formatBytes(limit)}` : ''} (exit code ${exitCode})`,
      exitCode,
    };
  }
  if (exitCode === 0) return { state: COMPLETE, message: 'finished', exitCode: 0 };
  const engineError = info.State.Error ? `: ${info.State.Error}` : '';
  return { state: FAILED, err: `task exited with code ${exitCode}${engineError}`, exitCode };
}

/** The engine's refusal of a host port something else holds. */
const PORT_TAKEN = /port is already allocated|address already in use/i;

/** The ports the engine published, as the RUNNING status reports them (host port in `publishedPort`). */
function reportedPorts(task: swarm.Task, info: Docker.ContainerInspectInfo): swarm.PortConfig.$Properties[] {
  const out: swarm.PortConfig.$Properties[] = [];
  const bound = info.NetworkSettings?.Ports ?? {};
  for (const p of task.endpoint?.spec?.ports ?? []) {
    const protocol = p.protocol === swarm.PortConfig.Protocol.UDP ? 'udp' : 'tcp';
    const host = bound[`${p.targetPort}/${protocol}`]?.[0]?.HostPort;
    if (host === undefined || host === '') continue;
    out.push({
      name: p.name ?? '',
      targetPort: p.targetPort ?? 0,
      publishedPort: Number(host),
      protocol: p.protocol ?? swarm.PortConfig.Protocol.TCP,
      publishMode: swarm.PortConfig.PublishMode.HOST,
    });
  }
  return out;
}

/** The engine's own message of an error (dockerode wraps it as `(HTTP code N) reason - message`). */
export function engineMessage(err: unknown): string {
  const e = err as { json?: { message?: unknown }; message?: unknown; reason?: unknown };
  const fromJson = e?.json?.message;
  if (typeof fromJson === 'string' && fromJson !== '') return fromJson.trim();
  const msg = typeof e?.message === 'string' ? e.message : String(err);
  const dash = msg.indexOf(' - ');
  return (msg.startsWith('(HTTP code') && dash > 0 ? msg.slice(dash + 3) : msg).trim();
}

/** A pull failure as Docker's swarm words it: "No such image: REF" when the registry lacks it. */
export function pullMessage(image: string, err: unknown): string {
  const msg = engineMessage(err);
  if (/not found|manifest unknown|no such image|repository does not exist/i.test(msg))
    return `No such image: ${image} (${msg})`;
  return `pulling ${image} failed: ${msg}`;
}

function formatBytes(n: number): string {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => {
    setTimeout(r, ms).unref();
  });
}

/**
 * The configs a task was handed must be exactly the ones its spec references, each at an
 * absolute path with no `..`, none twice and none inside /run/secrets (fail closed).
 */
export function checkConfigs(task: swarm.Task, configs: readonly TaskConfigFile[]): void {
  const refs = task.spec?.container?.configs ?? [];
  if (refs.length !== configs.length)
    throw new Error('the task references configs that were not delivered to it (fail closed)');
  const seen = new Set<string>();
  for (const c of configs) {
    const parts = c.target.split('/');
    if (
      !c.target.startsWith('/') ||
      c.target.includes('\0') ||
      parts.slice(1).some((p) => p === '' || p === '.' || p === '..')
    )
      throw new Error(`config ${c.name}: target ${JSON.stringify(c.target)} is not an absolute file path`);
    if (c.target === '/run/secrets' || c.target.startsWith('/run/secrets/'))
      throw new Error(`config ${c.name}: target ${c.target} is inside the task's secret directory`);
    if (seen.has(c.target)) throw new Error(`two configs of the task use the target ${c.target}`);
    seen.add(c.target);
  }
}

/** The tar archive of a task's config files, with their owners and modes. */
export function configArchive(configs: readonly TaskConfigFile[], nowSeconds: number): Buffer {
  const now = nowSeconds;
  return tarFiles(
    configs.map((c) => ({
      path: c.target,
      data: c.data,
      uid: c.uid,
      gid: c.gid,
      mode: c.mode || 0o444,
      mtime: now,
    })),
  );
}
