/**
 * The task executor of a swarm node without a Docker Engine: each task is one process tree inside
 * a bubblewrap sandbox (own mount, PID, IPC, UTS and network namespaces; slirp4netns connects the
 * network and forwards published ports), started as an unprivileged user, with its secrets on a
 * task-private tmpfs fed through pipes, resource limits in a cgroup, and health checks run inside
 * its namespaces. Output is kept in memory only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import {
  type Clock,
  fromLong,
  type Logger,
  noopLogger,
  SwarmError,
  swarm,
  systemClock,
  type Timer,
} from '@swarm/api';
import {
  type ExecutorInfo,
  LineSplitter,
  LogRing,
  logLine,
  type ManagedExecutor,
  type TaskConfigFile,
  type TaskContext,
  type TaskStatusReport,
} from '@swarm/dispatcher';
import { type FilesystemProbe, RAMFS_MAGIC, systemProbe, TMPFS_MAGIC } from '@swarm/secret-store';
import { bwrapArgs, sandboxHostname, systemMounts, validConfigTarget, validSecretName } from './bwrap.js';
import { TaskCgroup, type TaskLimits } from './cgroup.js';
import {
  ClusterLinks,
  type LinkRunner,
  planSandboxAttachments,
  type SandboxAttachment,
  type TaskLinks,
  taskResolvConf,
} from './cluster-network.js';
import { type HealthCheck, HealthMonitor, type ProbeResult, parseHealthCheck } from './health.js';
import { PortAllocator, type PortProtocol } from './ports.js';
import { TaskNetwork } from './task-network.js';

const { ACCEPTED, PREPARING, STARTING, RUNNING, COMPLETE, SHUTDOWN, FAILED, REJECTED } = swarm.TaskState;

/** The user tasks run as when the daemon is root (`nobody`). */
export const DEFAULT_TASK_ID = 65534;
/** How long a stopped task gets after SIGTERM before SIGKILL. */
export const DEFAULT_STOP_GRACE_MS = 10_000;
/** Output kept per task. */
export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024;
/** Finished tasks remembered (for their logs and status). */
export const DEFAULT_MAX_FINISHED_TASKS = 200;
/** PATH inside a task's sandbox. */
export const DEFAULT_PATH = '/usr/local/bin:/usr/bin:/bin';
const INSTALL_HINT = 'install bubblewrap: apt-get install bubblewrap';
/** The first fd after stdin/stdout/stderr: bwrap's info fd; then its block fd; secret pipes follow. */
const INFO_FD = 3;
const BLOCK_FD = 4;
const FIRST_SECRET_FD = 5;

/** Options of the sandboxed executor: bubblewrap, the task user, secrets, ports, limits. */
export interface SandboxExecutorOptions {
  /** This node's ID (SWARM_NODE_ID, and the `nodeId` of every log line). */
  nodeId: string;
  /** The node's address: host ports are allocated on it and tasks get it as HOST. */
  hostAddress: string;
  /** The bubblewrap binary. Default `bwrap` (looked up in PATH). */
  bwrapPath?: string;
  /** Host user/group tasks run as. Default 65534/65534 when the daemon is root, else the daemon's own. */
  taskUid?: number;
  taskGid?: number;
  clock?: Clock;
  logger?: Logger;
  /** Grace between SIGTERM and SIGKILL when the task spec gives none. Default 10 s. */
  defaultStopGraceMs?: number;
  /** Output kept per task (oldest lines dropped). Default 1 MiB. */
  maxLogBytesPerTask?: number;
  /** Finished tasks whose output is kept until `forget()`. Default 200. */
  maxFinishedTasks?: number;
  /** Called with every output line as it is read. */
  onLog?: (line: swarm.LogLine.$Properties) => void;
  /** Inclusive host port range to allocate task ports from. Default: the kernel's free ports. */
  portRange?: readonly [number, number];
  /** Extra host directories bound read-only into every sandbox (absolute paths). */
  readOnlyPaths?: readonly string[];
  /** Run tasks with secrets even when swap is on (tmpfs pages could reach a disk). Default false. */
  allowSwap?: boolean;
  /** How the secret directory's filesystem and the swap state are inspected (tests replace it). */
  probe?: FilesystemProbe;
  /**
   * `private` (default when root): each task in its own network namespace, connected by
   * slirp4netns, its ports forwarded from the node's address. `host`: tasks share the node's
   * network and listen on their host port (the only choice of a daemon that is not root).
   */
  network?: 'private' | 'host';
  /** The slirp4netns binary. Default `slirp4netns` (PATH). */
  slirpPath?: string;
  /** A private directory for per-task sockets. Default `<tmpdir>/swarm-sandbox-<nodeId>`. */
  runDir?: string;
  /**
   * The node's bridge of a cluster network (tasks with `task.networks` are linked to it by a veth).
   * Default `sw-` and the first 12 characters of the network ID, the name the node's network
   * agent puts in its isolation rules.
   */
  bridgeName?: (networkId: string) => string;
  /** Runs the `ip` and `nsenter` commands of cluster networks. Default: `node:child_process`. */
  linkRunner?: LinkRunner;
  /**
   * Address ranges (CIDR) a task in its own network never reaches through slirp4netns, whose
   * connections leave from the node's namespace, where the VIPs and resolvers of every cluster
   * network live. Default `DEFAULT_CLUSTER_POOL` (where networks take their subnets from unless
   * created with `--subnet`); a task reaches its own networks on their bridges.
   */
  clusterPool?: readonly string[];
}

/** The address pool cluster networks take their subnets from (as @swarm/network's IPAM). */
export const DEFAULT_CLUSTER_POOL: readonly string[] = Object.freeze(['10.128.0.0/9']);

interface Run {
  readonly id: string;
  readonly task: swarm.Task;
  readonly serviceId: string;
  readonly report: (status: TaskStatusReport) => void;
  phase: 'preparing' | 'spawned' | 'done';
  stopping: boolean;
  graceMs: number;
  child?: ChildProcess;
  /** Host PID of the sandbox's init (PID 1 of the task's PID namespace). */
  initPid?: number;
  /** The inode of that PID namespace: every signal we send checks it, so a reused PID is never hit. */
  pidNs?: number | undefined;
  ports: { protocol: PortProtocol; port: number }[];
  killTimer?: Timer;
  spawnError?: NodeJS.ErrnoException;
  /** bwrap's own complaint (its stderr lines start with "bwrap: "), for the failure message. */
  sandboxError?: string;
  readonly exited: Promise<void>;
  resolveExited: () => void;
  network?: TaskNetwork;
  /** The task's veths on the cluster networks it is attached to. */
  links?: TaskLinks;
  cgroup?: TaskCgroup;
  health?: HealthMonitor;
  /** Set when the executor stops the task for failing its health check. */
  unhealthy?: string;
  /** Why the task's network could not be set up (it never ran). */
  setupError?: string;
}

interface TaskLogs {
  ring: LogRing;
  seq: number;
}

/** A task executor that runs each task in a bubblewrap sandbox (see the package README). */
export class SandboxExecutor implements ManagedExecutor {
  readonly #nodeId: string;
  readonly #host: string;
  readonly #bwrap: string;
  readonly #uid: number | undefined;
  readonly #gid: number | undefined;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #defaultGraceMs: number;
  readonly #maxLogBytes: number;
  readonly #maxFinished: number;
  readonly #onLog: ((line: swarm.LogLine.$Properties) => void) | undefined;
  readonly #ports: PortAllocator;
  readonly #mounts: string[];
  readonly #allowSwap: boolean;
  readonly #probe: FilesystemProbe;
  readonly #network: 'private' | 'host';
  readonly #slirp: string;
  readonly #runDir: string;
  readonly #root: boolean;
  readonly #links: ClusterLinks;
  readonly #pool: readonly string[];
  readonly #runs = new Map<string, Run>();
  readonly #logs = new Map<string, TaskLogs>();
  /** Finished task IDs whose logs are kept, oldest first. */
  readonly #finished = new Set<string>();
  #closed = false;

  constructor(options: SandboxExecutorOptions) {
    if (typeof options?.nodeId !== 'string' || options.nodeId === '')
      throw new SwarmError('INVALID_EXECUTOR_OPTIONS', 'SandboxExecutor needs options.nodeId (this node ID)');
    if (typeof options.hostAddress !== 'string' || options.hostAddress === '')
      throw new SwarmError(
        'INVALID_EXECUTOR_OPTIONS',
        "SandboxExecutor needs options.hostAddress (the node's IP address tasks listen on)",
      );
    this.#nodeId = options.nodeId;
    this.#host = options.hostAddress;
    this.#bwrap = options.bwrapPath ?? 'bwrap';
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? noopLogger;
    this.#defaultGraceMs = nonNegative(
      options.defaultStopGraceMs,
      DEFAULT_STOP_GRACE_MS,
      'defaultStopGraceMs',
    );
    this.#maxLogBytes = nonNegative(options.maxLogBytesPerTask, DEFAULT_MAX_LOG_BYTES, 'maxLogBytesPerTask');
    this.#maxFinished = nonNegative(options.maxFinishedTasks, DEFAULT_MAX_FINISHED_TASKS, 'maxFinishedTasks');
    this.#onLog = options.onLog;
    this.#allowSwap = options.allowSwap ?? false;
    this.#probe = options.probe ?? systemProbe;
    this.#ports = new PortAllocator({
      host: this.#host,
      ...(options.portRange === undefined ? {} : { range: options.portRange }),
    });
    const user = taskUser(options.taskUid, options.taskGid);
    this.#uid = user.uid;
    this.#gid = user.gid;
    this.#mounts = systemMounts(options.readOnlyPaths);
    this.#root = typeof process.getuid === 'function' && process.getuid() === 0;
    const network = options.network ?? (this.#root ? 'private' : 'host');
    if (network !== 'private' && network !== 'host')
      throw new SwarmError(
        'INVALID_EXECUTOR_OPTIONS',
        `network must be 'private' or 'host', got ${String(network)}`,
      );
    if (network === 'private' && !this.#root)
      throw new SwarmError(
        'INVALID_EXECUTOR_OPTIONS',
        "a private network per task needs a root daemon (slirp4netns must enter the task's namespace); use network 'host'",
      );
    this.#network = network;
    this.#slirp = options.slirpPath ?? 'slirp4netns';
    this.#runDir = options.runDir ?? path.join(os.tmpdir(), `swarm-sandbox-${this.#nodeId}`);
    this.#pool = [...(options.clusterPool ?? DEFAULT_CLUSTER_POOL)];
    for (const r of this.#pool)
      if (!/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d{1,2}$/.test(r))
        throw new SwarmError(
          'INVALID_EXECUTOR_OPTIONS',
          `clusterPool entries must be IPv4 CIDRs, got ${JSON.stringify(r)}`,
        );
    this.#links = new ClusterLinks({
      nodeId: this.#nodeId,
      ...(options.linkRunner === undefined ? {} : { run: options.linkRunner }),
      ...(options.bridgeName === undefined ? {} : { bridgeName: options.bridgeName }),
    });
  }

  get info(): ExecutorInfo {
    return { kind: 'sandbox', version: 'bubblewrap', network: this.#network };
  }

  /**
   * Whether bubblewrap can build a sandbox here: undefined when it works, else what is wrong and
   * how to fix it. Runs a trivial task (`node -e 0`) in the same kind of sandbox.
   */
  static checkSandbox(
    bwrapPath = 'bwrap',
    options: { taskUid?: number; taskGid?: number } = {},
  ): Promise<string | undefined> {
    let user: { uid: number | undefined; gid: number | undefined };
    try {
      user = taskUser(options.taskUid, options.taskGid);
    } catch (err) {
      return Promise.resolve((err as Error).message);
    }
    const args = bwrapArgs(
      {
        argv: [process.execPath, '-e', '0'],
        hostname: 'swarm-check',
        workdir: '/',
        secrets: [],
        infoFd: INFO_FD,
      },
      systemMounts(),
    );
    return new Promise((resolve) => {
      let stderr = '';
      let child: ChildProcess;
      try {
        child = spawn(bwrapPath, args, {
          cwd: '/',
          env: { PATH: DEFAULT_PATH },
          stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
          ...(user.uid === undefined ? {} : { uid: user.uid, gid: user.gid as number }),
        });
      } catch (err) {
        resolve(spawnProblem(bwrapPath, err as NodeJS.ErrnoException));
        return;
      }
      child.stderr?.on('data', (d: Buffer) => {
        if (stderr.length < 4096) stderr += d.toString('utf8');
      });
      (child.stdio[3] as Readable | null)?.resume();
      child.once('error', (err: NodeJS.ErrnoException) => resolve(spawnProblem(bwrapPath, err)));
      child.once('close', (code, signal) => {
        if (code === 0) resolve(undefined);
        else
          resolve(
            `bubblewrap (${bwrapPath}) could not run a sandbox (${signal ?? `exit code ${code}`}): ${stderr.trim() || 'no output'}; ` +
              'the kernel must allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, ' +
              'or on Ubuntu kernel.apparmor_restrict_unprivileged_userns=0)',
          );
      });
    });
  }

  start(task: swarm.Task, context: TaskContext): void {
    if (this.#closed)
      throw new SwarmError('EXECUTOR_CLOSED', 'the executor is closed; the node is shutting down');
    const id = task.id;
    if (typeof id !== 'string' || id === '') throw new SwarmError('INVALID_TASK', 'the task has no id');
    if (this.#runs.has(id))
      throw new SwarmError('TASK_ALREADY_RUNNING', `task ${id} was already started by this executor`, {
        taskId: id,
      });
    let resolveExited!: () => void;
    const exited = new Promise<void>((r) => {
      resolveExited = r;
    });
    const run: Run = {
      id,
      task,
      serviceId: task.serviceId ?? '',
      report: context.report,
      phase: 'preparing',
      stopping: false,
      graceMs: this.#graceOf(task),
      ports: [],
      exited,
      resolveExited,
    };
    this.#runs.set(id, run);
    // A restarted task ID starts a fresh log.
    this.#finished.delete(id);
    this.#logs.set(id, { ring: new LogRing(this.#maxLogBytes), seq: 0 });
    this.#report(run, { state: ACCEPTED, message: 'accepted' });
    this.#report(run, { state: PREPARING, message: 'preparing' });

    // Secrets are read now: the agent removes their directory once the task has ended.
    let prepared: Prepared;
    try {
      prepared = this.#prepare(task, context.secretsDir, context.configs ?? []);
    } catch (err) {
      this.#finish(run, { state: REJECTED, err: (err as Error).message });
      return;
    }
    void this.#launch(run, prepared).catch((err: unknown) => {
      wipe(prepared.secrets);
      this.#finish(run, { state: REJECTED, err: `could not start the task: ${(err as Error).message}` });
    });
  }

  stop(taskId: string): void {
    const run = this.#runs.get(taskId);
    if (run === undefined || run.phase === 'done' || run.stopping) return;
    run.stopping = true;
    if (run.phase === 'preparing') {
      // Not spawned yet: #launch sees `done` and never spawns.
      this.#finish(run, { state: SHUTDOWN, message: 'stopped before it started' });
      return;
    }
    this.#logger.info('stopping task', { taskId, graceMs: run.graceMs });
    this.#terminate(run);
    run.killTimer = this.#clock.setTimeout(() => this.#kill(run), run.graceMs);
  }

  /** IDs of the tasks that are being prepared or running. */
  running(): string[] {
    return [...this.#runs.values()].filter((r) => r.phase !== 'done').map((r) => r.id);
  }

  /** The task's kept output lines, oldest first (only the last `tail` when given). */
  logs(taskId: string, options: { tail?: number } = {}): swarm.LogLine.$Properties[] {
    return this.#logs.get(taskId)?.ring.lines(options.tail) ?? [];
  }

  /** Drops the kept output of a finished task (a no-op for a running or unknown one). */
  forget(taskId: string): void {
    if (this.#runs.has(taskId)) return;
    this.#logs.delete(taskId);
    this.#finished.delete(taskId);
  }

  /** Stops every task (SIGTERM, SIGKILL after each task's grace) and waits until all are gone. */
  async close(): Promise<void> {
    this.#closed = true;
    const runs = [...this.#runs.values()];
    for (const run of runs) this.stop(run.id);
    await Promise.all(runs.map((r) => r.exited));
    await this.#links.idle();
    fs.rmSync(this.#runDir, { recursive: true, force: true });
  }

  #graceOf(task: swarm.Task): number {
    // int64 on the wire: a Long (signed) or a plain number.
    const raw = task.spec?.container?.stopGracePeriodMs as { toNumber(): number } | number | null | undefined;
    const ms = typeof raw === 'number' ? raw : typeof raw?.toNumber === 'function' ? raw.toNumber() : 0;
    // Timers take at most 2^31-1 ms; zero, negative or malformed values mean the default.
    return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 0x7fffffff) : this.#defaultGraceMs;
  }

  /** Everything that can be decided before spawning; a throw rejects the task. */
  #prepare(
    task: swarm.Task,
    secretsDir: string | undefined,
    configFiles: readonly TaskConfigFile[],
  ): Prepared {
    const container = task.spec?.container;
    const argv = [...(container?.command ?? []), ...(container?.args ?? [])];
    if (argv.length === 0 || argv[0] === '')
      throw new Error('the service has no command: give one after `--`');
    const workdir = container?.dir || '/';
    if (!path.isAbsolute(workdir))
      throw new Error(`the working directory must be an absolute path, got ${JSON.stringify(workdir)}`);
    const env = new Map<string, string>();
    for (const entry of container?.env ?? []) {
      const eq = entry.indexOf('=');
      if (eq <= 0)
        throw new Error(
          `environment entry ${JSON.stringify(entry)} is not KEY=VALUE: fix the service's --env`,
        );
      env.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);

    const ports: PortRequest[] = [];
    for (const p of task.endpoint?.spec?.ports ?? []) {
      const target = p.targetPort ?? 0;
      if (!Number.isInteger(target) || target < 1 || target > 65535)
        throw new Error(`port ${JSON.stringify(p.name ?? '')} has no valid target port (1-65535)`);
      const protocol = p.protocol === swarm.PortConfig.Protocol.UDP ? 'udp' : 'tcp';
      // Host-mode ports with a published port bind exactly that port; everything else gets a free one.
      const fixed =
        p.publishMode === swarm.PortConfig.PublishMode.HOST && (p.publishedPort ?? 0) > 0
          ? p.publishedPort!
          : undefined;
      ports.push({
        name: p.name ?? '',
        targetPort: target,
        protocol,
        ...(fixed === undefined ? {} : { fixed }),
      });
    }

    const refs = container?.secrets ?? [];
    const secrets: PreparedSecret[] = [];
    if (refs.length > 0) {
      if (secretsDir === undefined || secretsDir === '')
        throw new Error('the task references secrets but none were delivered to it (fail closed)');
      this.#checkSecretsDir(secretsDir);
      const seen = new Set<string>();
      try {
        for (const ref of refs) {
          // The same name the agent gives the secret writer.
          const name = ref.target || ref.secretName || ref.secretId || '';
          if (!validSecretName(name))
            throw new Error(
              `secret target ${JSON.stringify(name)} is not a plain file name under /run/secrets`,
            );
          if (seen.has(name))
            throw new Error(`two secrets of the task use the target ${JSON.stringify(name)}`);
          seen.add(name);
          const mode = (ref.mode ?? 0) & 0o444 || 0o400;
          secrets.push({ name, mode, data: readSecretFile(path.join(secretsDir, name)) });
        }
      } catch (err) {
        wipe(secrets);
        throw err;
      }
    }

    const configs: PreparedConfig[] = [];
    const targets = new Set<string>();
    for (const c of configFiles) {
      if (!validConfigTarget(c.target))
        throw new Error(`config ${c.name}: target ${JSON.stringify(c.target)} is not an absolute file path`);
      if (targets.has(c.target)) throw new Error(`two configs of the task use the target ${c.target}`);
      if (c.target === '/run/secrets' || c.target.startsWith('/run/secrets/'))
        throw new Error(`config ${c.name}: target ${c.target} is inside the task's secret directory`);
      targets.add(c.target);
      configs.push({ target: c.target, mode: c.mode & 0o777 || 0o444, data: Buffer.from(c.data) });
    }
    if ((container?.configs ?? []).length !== configs.length)
      throw new Error('the task references configs that were not delivered to it (fail closed)');

    const attachments = planSandboxAttachments(task);
    if (attachments.length > 0) {
      if (this.#network !== 'private')
        throw new Error(
          `the task is attached to network ${attachments[0]!.networkName}: the sandbox links a task to cluster networks only in a network namespace of its own (a root daemon, network 'private')`,
        );
      // The node's resolver on each network's gateway answers the task's names, unless a config
      // of the service gives its own resolv.conf.
      const target = resolvConfTarget();
      if (!targets.has(target) && !targets.has('/etc/resolv.conf'))
        configs.push({ target, mode: 0o444, data: Buffer.from(taskResolvConf(attachments)) });
    }

    const limits: TaskLimits = {
      memoryBytes: int64(task.spec?.resources?.limits?.memoryBytes),
      nanoCpus: int64(task.spec?.resources?.limits?.nanoCpus),
      memoryReservationBytes: int64(task.spec?.resources?.reservations?.memoryBytes),
    };
    const hasLimits = limits.memoryBytes > 0 || limits.nanoCpus > 0 || limits.memoryReservationBytes > 0;
    if (hasLimits && !this.#root)
      throw new Error(
        'resource limits in the sandbox need a root daemon (a cgroup per task): drop the limits or run the daemon as root',
      );
    let health: HealthCheck | undefined;
    try {
      health = parseHealthCheck(container?.healthcheck);
    } catch (err) {
      throw new Error(`the service's health check is malformed: ${(err as Error).message}`);
    }
    if (health !== undefined && !this.#root)
      throw new Error(
        "health checks in the sandbox need a root daemon (the check runs inside the task's namespaces)",
      );

    const serviceName = task.serviceAnnotations?.name ?? '';
    const slot = task.slot === undefined || task.slot === null ? 0n : fromLong(task.slot);
    const taskName =
      task.annotations?.name ||
      (serviceName ? `${serviceName}.${slot > 0n ? slot : this.#nodeId}.${task.id}` : task.id);
    return {
      argv,
      workdir,
      env,
      ports,
      secrets,
      configs,
      limits: hasLimits ? limits : undefined,
      health,
      hostname: sandboxHostname(container?.hostname || taskName),
      serviceName,
      slot,
      attachments,
    };
  }

  #checkSecretsDir(dir: string): void {
    let type: number;
    try {
      if (!fs.lstatSync(dir).isDirectory()) throw new Error('not a directory');
      type = this.#probe.fsType(dir);
    } catch (err) {
      throw new Error(
        `the task's secret directory ${dir} cannot be read: ${(err as Error).message} (fail closed)`,
      );
    }
    if (type !== TMPFS_MAGIC && type !== RAMFS_MAGIC)
      throw new Error(
        `secrets need an in-memory filesystem: ${dir} is on a filesystem of type 0x${type.toString(16)}, ` +
          'not tmpfs or ramfs; give the secret writer a root on /dev/shm or a tmpfs (fail closed)',
      );
    if (!this.#allowSwap) {
      const devices = this.#probe.swapDevices();
      if (devices.length > 0)
        throw new Error(
          `secrets need memory that cannot be swapped to disk, but swap is on (${devices.join(', ')}): ` +
            'turn swap off (swapoff -a) or start the node with swap allowed (fail closed)',
        );
    }
  }

  async #launch(run: Run, prepared: Prepared): Promise<void> {
    // Ports first: PORT and SWARM_PORT_* go into the environment.
    const reported: swarm.PortConfig.$Properties[] = [];
    try {
      for (const p of prepared.ports) {
        let port: number;
        try {
          port = await this.#ports.allocate(p.protocol, p.fixed);
        } catch (err) {
          throw new Error(`no host port for target port ${p.targetPort}: ${(err as Error).message}`);
        }
        if (run.phase === 'done') {
          this.#ports.release(p.protocol, port);
          break;
        }
        run.ports.push({ protocol: p.protocol, port });
        reported.push({
          name: p.name,
          targetPort: p.targetPort,
          publishedPort: port,
          protocol: p.protocol === 'udp' ? swarm.PortConfig.Protocol.UDP : swarm.PortConfig.Protocol.TCP,
          publishMode: swarm.PortConfig.PublishMode.HOST,
        });
      }
    } catch (err) {
      this.#releasePorts(run);
      throw err;
    }
    if (run.phase === 'done') {
      // Stopped while we were allocating ports.
      this.#releasePorts(run);
      wipe(prepared.secrets);
      return;
    }

    const privateNet = this.#network === 'private';
    const env: Record<string, string> = Object.fromEntries(prepared.env);
    Object.assign(env, {
      SWARM_TASK_ID: run.id,
      SWARM_SERVICE_ID: run.serviceId,
      SWARM_SERVICE_NAME: prepared.serviceName,
      SWARM_TASK_SLOT: prepared.slot.toString(),
      SWARM_NODE_ID: this.#nodeId,
      // In its own namespace a task listens on its target port on any address; sharing the host's
      // network it listens on the node's address and the host port.
      HOST: privateNet ? '0.0.0.0' : this.#host,
    });
    if (reported[0] !== undefined)
      env.PORT = String(privateNet ? reported[0].targetPort : reported[0].publishedPort);
    for (const p of reported) env[`SWARM_PORT_${p.targetPort}`] = String(p.publishedPort);

    const args = bwrapArgs(
      {
        argv: prepared.argv,
        hostname: prepared.hostname,
        workdir: prepared.workdir,
        infoFd: INFO_FD,
        blockFd: BLOCK_FD,
        unshareNet: privateNet,
        secrets: prepared.secrets.map((s, i) => ({ name: s.name, mode: s.mode, fd: FIRST_SECRET_FD + i })),
        configs: prepared.configs.map((c, i) => ({
          target: c.target,
          mode: c.mode,
          fd: FIRST_SECRET_FD + prepared.secrets.length + i,
        })),
      },
      this.#mounts,
    );

    // A task with limits starts in its cgroup: a root shell joins it, then drops to the task user.
    let command = this.#bwrap;
    let argv = args;
    let asUser = this.#uid !== undefined;
    if (prepared.limits !== undefined) {
      try {
        run.cgroup = TaskCgroup.create(run.id, prepared.limits);
      } catch (err) {
        this.#releasePorts(run);
        wipe(prepared.secrets);
        this.#finish(run, { state: REJECTED, err: (err as Error).message });
        return;
      }
      const drop =
        this.#uid === undefined
          ? []
          : ['setpriv', `--reuid=${this.#uid}`, `--regid=${this.#gid}`, '--clear-groups', '--'];
      command = '/bin/sh';
      argv = ['-c', run.cgroup.joinScript(), 'sh', ...drop, this.#bwrap, ...args];
      asUser = false;
    }

    this.#report(run, { state: STARTING, message: 'starting' });
    let child: ChildProcess;
    try {
      child = spawn(command, argv, {
        cwd: '/',
        env,
        stdio: [
          'ignore',
          'pipe',
          'pipe',
          'pipe',
          'pipe',
          ...prepared.secrets.map(() => 'pipe' as const),
          ...prepared.configs.map(() => 'pipe' as const),
        ],
        ...(asUser ? { uid: this.#uid as number, gid: this.#gid as number } : {}),
      });
    } catch (err) {
      wipe(prepared.secrets);
      this.#spawnFailed(run, err as NodeJS.ErrnoException);
      return;
    }
    run.child = child;
    run.phase = 'spawned';

    // Feed each secret through its pipe and always end it, or bwrap waits forever.
    prepared.secrets.forEach((s, i) => {
      const pipe = child.stdio[FIRST_SECRET_FD + i] as Writable | null;
      if (pipe === null) return;
      pipe.on('error', () => {}); // bwrap went away before reading: the exit handler reports it
      pipe.end(s.data, () => s.data.fill(0));
    });
    prepared.configs.forEach((c, i) => {
      const pipe = child.stdio[FIRST_SECRET_FD + prepared.secrets.length + i] as Writable | null;
      if (pipe === null) return;
      pipe.on('error', () => {});
      pipe.end(c.data);
    });
    const block = child.stdio[BLOCK_FD] as Writable | null;
    block?.on('error', () => {});

    this.#readOutput(run, child.stdout, swarm.LogLine.Stream.STDOUT);
    this.#readOutput(run, child.stderr, swarm.LogLine.Stream.STDERR);

    const info = child.stdio[INFO_FD] as Readable | null;
    let infoText = '';
    info?.on('data', (d: Buffer) => {
      if (infoText.length < 4096) infoText += d.toString('utf8');
    });
    info?.on('error', () => {});
    info?.on('end', () => {
      const parsed = parseInfo(infoText);
      if (parsed === undefined || run.phase !== 'spawned') return;
      const pid = parsed.pid;
      run.initPid = pid;
      run.pidNs = parsed.pidNs;
      if (run.stopping) {
        this.#terminate(run); // a stop arrived before we knew whom to signal
        return;
      }
      void this.#connect(run, pid, privateNet, reported, prepared.health, prepared.attachments).then(
        () => block?.end('go'),
        (err: unknown) => {
          // The task never ran: its network could not be set up (a port taken, slirp4netns missing).
          run.setupError = (err as Error).message;
          this.#kill(run);
        },
      );
    });

    child.once('error', (err: NodeJS.ErrnoException) => {
      if (child.pid === undefined) this.#spawnFailed(run, err);
      else this.#logger.warn('sandbox process error', { taskId: run.id, err: err.message });
    });
    child.once('close', (code, signal) => this.#exited(run, code, signal));
  }

  /** While bwrap holds the task back: its network and forwards; then RUNNING, or STARTING until healthy. */
  async #connect(
    run: Run,
    pid: number,
    privateNet: boolean,
    reported: swarm.PortConfig.$Properties[],
    health: HealthCheck | undefined,
    attachments: readonly SandboxAttachment[],
  ): Promise<void> {
    if (privateNet) {
      run.network = await TaskNetwork.attach({
        pid,
        hostAddress: this.#host,
        forwards: reported.map((p) => ({
          protocol: p.protocol === swarm.PortConfig.Protocol.UDP ? 'udp' : 'tcp',
          hostPort: p.publishedPort ?? 0,
          targetPort: p.targetPort ?? 0,
        })),
        runDir: this.#runDir,
        taskId: run.id,
        slirpPath: this.#slirp,
        prohibit: this.#pool,
      });
      if (run.phase !== 'spawned') run.network.close();
    }
    if (attachments.length > 0 && run.phase === 'spawned') {
      const links = await this.#links.attach(run.id, pid, attachments);
      if (run.phase === 'spawned') run.links = links;
      else void this.#links.detach(links).catch(() => {});
    }
    if (run.phase !== 'spawned' || run.stopping) return;
    const running = () => {
      this.#logger.info('task running', { taskId: run.id, pid, ports: run.ports.map((p) => p.port) });
      this.#report(run, { state: RUNNING, message: 'started', pid, ports: reported });
    };
    if (health === undefined) {
      running();
      return;
    }
    this.#report(run, { state: STARTING, message: 'waiting for the health check to pass', pid });
    run.health = new HealthMonitor(
      health,
      (argv, timeoutMs) => this.#probeHealth(run, pid, argv, timeoutMs),
      this.#clock,
      (status, last) => {
        if (run.phase !== 'spawned' || run.stopping) return;
        if (status === 'healthy' && run.unhealthy === undefined) running();
        else if (status === 'unhealthy') {
          run.unhealthy = `the health check failed: ${last.output.trim().slice(0, 200) || 'no output'}`;
          this.#logger.warn('task unhealthy; stopping it', { taskId: run.id });
          run.health?.stop();
          this.#terminate(run);
          run.killTimer = this.#clock.setTimeout(() => this.#kill(run), run.graceMs);
        }
      },
    );
  }

  /** Runs a health check inside the task's namespaces, as the task's user. */
  #probeHealth(run: Run, pid: number, argv: string[], timeoutMs: number): Promise<ProbeResult> {
    if (run.phase !== 'spawned' || run.initPid !== pid || !initAlive(pid, run.pidNs))
      return Promise.resolve({ ok: false, output: 'the task is gone' });
    const drop =
      this.#uid === undefined
        ? []
        : ['setpriv', `--reuid=${this.#uid}`, `--regid=${this.#gid}`, '--clear-groups', '--'];
    return new Promise((resolve) => {
      const child = spawn(
        'nsenter',
        ['-t', String(pid), '-m', '-n', '-p', '-u', '-i', '--wd=/', '--', ...drop, ...argv],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { PATH: DEFAULT_PATH },
        },
      );
      let output = '';
      const take = (d: Buffer) => {
        if (output.length < 4096) output += d.toString('utf8');
      };
      child.stdout?.on('data', take);
      child.stderr?.on('data', take);
      // A real timer: it bounds a process, not a policy delay of the injected clock.
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        output += `\nthe health check timed out after ${timeoutMs} ms`;
      }, timeoutMs);
      child.once('error', (err) => {
        clearTimeout(timer);
        resolve({ ok: false, output: err.message });
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        resolve({ ok: code === 0, output });
      });
    });
  }

  #readOutput(run: Run, stream: Readable | null, which: swarm.LogLine.Stream): void {
    if (stream === null) return;
    let first = true;
    const splitter = new LineSplitter((line) => {
      if (first && which === swarm.LogLine.Stream.STDERR && run.sandboxError === undefined) {
        const text = Buffer.from(line.buffer, line.byteOffset, line.length).toString('utf8');
        if (text.startsWith('bwrap: ')) run.sandboxError = text.slice(0, 500);
      }
      first = false;
      this.#addLog(run, which, line);
    });
    stream.on('data', (chunk: Buffer) => splitter.push(chunk));
    stream.on('end', () => splitter.flush());
    stream.on('error', () => splitter.flush());
  }

  #addLog(run: Run, stream: swarm.LogLine.Stream, data: Uint8Array): void {
    const logs = this.#logs.get(run.id);
    if (logs === undefined) return;
    logs.seq++;
    const line = logLine(
      { taskId: run.id, serviceId: run.serviceId, nodeId: this.#nodeId },
      stream,
      data,
      this.#clock.now(),
      logs.seq,
    );
    logs.ring.add(line);
    if (this.#onLog !== undefined) {
      try {
        this.#onLog(line);
      } catch (err) {
        this.#logger.warn('onLog callback failed', { taskId: run.id, err: String(err) });
      }
    }
  }

  /** SIGTERM to the task's main process (the child of the sandbox init), as `docker stop` does. */
  #terminate(run: Run): void {
    const child = run.child;
    if (child === undefined) return;
    if (run.initPid === undefined) return; // the info fd handler calls us again once it knows
    const mains = childrenOf(run.initPid);
    if (mains.length === 0) {
      // Between the init's start and its fork, or already exiting: nothing to ask politely.
      this.#kill(run);
      return;
    }
    for (const pid of mains) signalInNamespace(pid, run.pidNs, 'SIGTERM');
  }

  /** SIGKILL to the sandbox init: the kernel then kills every process of the PID namespace. */
  #kill(run: Run): void {
    if (run.phase !== 'spawned') return;
    if (run.initPid !== undefined) signalInNamespace(run.initPid, run.pidNs, 'SIGKILL');
    // The monitor too: with --die-with-parent its death also kills the init (covers a stop that
    // came before the info fd told us the init's PID). Node never signals a reaped child.
    run.child?.kill('SIGKILL');
  }

  #spawnFailed(run: Run, err: NodeJS.ErrnoException): void {
    if (run.phase === 'done') return;
    run.spawnError = err;
    this.#finish(run, { state: REJECTED, err: spawnProblem(this.#bwrap, err) });
  }

  /**
   * bwrap's monitor exits as soon as the sandbox init reports the task's status, while the kernel
   * may still be killing the rest of the PID namespace. The init turns into a zombie (or vanishes)
   * only once every process of its namespace is gone, so wait for that before reporting.
   */
  #exited(run: Run, code: number | null, sig: NodeJS.Signals | null, waitedMs = 0): void {
    if (run.phase === 'done') return;
    if (run.initPid !== undefined && initAlive(run.initPid, run.pidNs)) {
      if (waitedMs >= 1_000) signalInNamespace(run.initPid, run.pidNs, 'SIGKILL');
      if (waitedMs < 5_000) {
        // A real timer, not the injected clock: this waits on the kernel, not on a policy delay,
        // and must finish even when the embedder drives a manual clock.
        setTimeout(() => this.#exited(run, code, sig, waitedMs + 5), 5);
        return;
      }
      this.#logger.warn('sandbox init still alive after its monitor exited', {
        taskId: run.id,
        pid: run.initPid,
      });
    }
    const oom = run.cgroup?.oomKilled() ?? false;
    // Killed by a signal (the monitor itself, by us): 128 + N, as a shell and Docker report it.
    const killedCode = sig === null ? undefined : 128 + (os.constants.signals[sig] ?? 0);
    if (run.setupError !== undefined) {
      this.#finish(run, {
        state: REJECTED,
        err: `the task's network could not be set up: ${run.setupError}`,
      });
      return;
    }
    if (run.unhealthy !== undefined) {
      const exitCode = code ?? killedCode;
      this.#finish(run, {
        state: FAILED,
        err: `task is unhealthy: ${run.unhealthy}`,
        ...(exitCode === undefined ? {} : { exitCode }),
      });
      return;
    }
    if (run.stopping) {
      const exitCode = code ?? killedCode;
      this.#finish(run, {
        state: SHUTDOWN,
        message: 'stopped',
        ...(exitCode === undefined ? {} : { exitCode }),
      });
      return;
    }
    if (oom) {
      const exitCode = code ?? killedCode ?? 137;
      const limit = run.task.spec?.resources?.limits?.memoryBytes;
      this.#finish(run, {
        state: FAILED,
        err: `task was OOM-killed: it went over its memory limit of ${formatBytes(int64(limit))} (exit code ${exitCode})`,
        exitCode,
      });
      return;
    }
    if (code === 0) {
      this.#finish(run, { state: COMPLETE, message: 'finished', exitCode: 0 });
      return;
    }
    if (sig !== null) {
      this.#finish(run, {
        state: FAILED,
        err: `task was killed by ${sig}`,
        exitCode: 128 + (os.constants.signals[sig] ?? 0),
      });
      return;
    }
    const exitCode = code ?? 1;
    // bwrap's init reports a task killed by signal N as exit code 128 + N, like a shell.
    const sigName = exitCode > 128 ? signalName(exitCode - 128) : undefined;
    let err =
      sigName !== undefined
        ? `task was killed by ${sigName} (exit code ${exitCode})`
        : `task exited with code ${exitCode}`;
    if (run.sandboxError !== undefined && run.initPid === undefined)
      err += `: the sandbox failed: ${run.sandboxError}`;
    else if (run.sandboxError !== undefined) err += ` (${run.sandboxError})`;
    this.#finish(run, { state: FAILED, err, exitCode });
  }

  #finish(run: Run, status: TaskStatusReport): void {
    if (run.phase === 'done') return;
    run.phase = 'done';
    run.killTimer?.cancel();
    run.health?.stop();
    run.network?.close();
    if (run.links !== undefined) {
      const links = run.links;
      delete run.links;
      void this.#links
        .detach(links)
        .catch((err: unknown) =>
          this.#logger.warn('cannot remove the task network links', { taskId: run.id, err: String(err) }),
        );
    }
    run.cgroup?.remove();
    this.#releasePorts(run);
    this.#runs.delete(run.id);
    this.#finished.add(run.id);
    while (this.#finished.size > this.#maxFinished) {
      const oldest = this.#finished.values().next().value as string;
      this.#finished.delete(oldest);
      this.#logs.delete(oldest);
    }
    if (status.state === REJECTED || status.state === FAILED)
      this.#logger.warn('task ended', {
        taskId: run.id,
        state: swarm.TaskState[status.state],
        err: status.err,
      });
    else this.#logger.info('task ended', { taskId: run.id, state: swarm.TaskState[status.state] });
    this.#report(run, status);
    run.resolveExited();
  }

  #releasePorts(run: Run): void {
    for (const p of run.ports) this.#ports.release(p.protocol, p.port);
    run.ports = [];
  }

  #report(run: Run, status: TaskStatusReport): void {
    try {
      run.report(status);
    } catch (err) {
      this.#logger.warn('status report callback failed', { taskId: run.id, err: String(err) });
    }
  }
}

interface PortRequest {
  name: string;
  targetPort: number;
  protocol: PortProtocol;
  fixed?: number;
}

interface PreparedSecret {
  name: string;
  mode: number;
  data: Buffer;
}

interface PreparedConfig {
  target: string;
  mode: number;
  data: Buffer;
}

interface Prepared {
  limits: TaskLimits | undefined;
  health: HealthCheck | undefined;
  argv: string[];
  workdir: string;
  env: Map<string, string>;
  ports: PortRequest[];
  secrets: PreparedSecret[];
  configs: PreparedConfig[];
  hostname: string;
  serviceName: string;
  slot: bigint;
  attachments: SandboxAttachment[];
}

/**
 * Where a task's resolv.conf is bound: /etc/resolv.conf, or the file it links to (systemd-resolved
 * makes it a link into /run, which the sandbox gets as an empty directory of its root).
 */
function resolvConfTarget(): string {
  let target = '/etc/resolv.conf';
  for (let i = 0; i < 8; i++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(target);
    } catch {
      break; // a link to nowhere: bwrap makes the file in the sandbox's own root
    }
    if (!st.isSymbolicLink()) return target;
    target = path.resolve(path.dirname(target), fs.readlinkSync(target));
  }
  if (target === '/etc/resolv.conf')
    throw new Error(
      "the node has no /etc/resolv.conf to bind the task's resolver over: create one (the sandbox's /etc is the node's, read-only)",
    );
  return target;
}

/** The uid/gid to spawn bwrap as (undefined: as the daemon itself). Never root. */
function taskUser(
  uid: number | undefined,
  gid: number | undefined,
): { uid: number | undefined; gid: number | undefined } {
  const self = typeof process.getuid === 'function' ? process.getuid() : -1;
  for (const [name, v] of [
    ['taskUid', uid],
    ['taskGid', gid],
  ] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > 0xfffffffe))
      throw new SwarmError('INVALID_EXECUTOR_OPTIONS', `${name} must be a uid/gid number, got ${String(v)}`);
  }
  if (self === 0) {
    const u = uid ?? DEFAULT_TASK_ID;
    const g = gid ?? DEFAULT_TASK_ID;
    // A task running as root keeps root's reach over the host even inside a user namespace.
    if (u === 0 || g === 0)
      throw new SwarmError(
        'UNSAFE_TASK_USER',
        'tasks must not run as root (uid/gid 0): set taskUid/taskGid to an unprivileged user such as 65534 (nobody)',
        { uid: u, gid: g },
      );
    return { uid: u, gid: g };
  }
  const selfGid = typeof process.getgid === 'function' ? process.getgid() : -1;
  if ((uid !== undefined && uid !== self) || (gid !== undefined && gid !== selfGid))
    throw new SwarmError(
      'INVALID_EXECUTOR_OPTIONS',
      `a daemon that is not root runs tasks as its own user (uid ${self}); drop taskUid/taskGid or start the daemon as root`,
      { uid, gid },
    );
  return { uid: undefined, gid: undefined };
}

function nonNegative(v: number | undefined, fallback: number, name: string): number {
  if (v === undefined) return fallback;
  if (!Number.isFinite(v) || v < 0)
    throw new SwarmError('INVALID_EXECUTOR_OPTIONS', `${name} must be a number >= 0, got ${String(v)}`);
  return v;
}

/** Reads a secret file without following a symlink (the directory must not point elsewhere). */
function readSecretFile(file: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (err) {
    throw new Error(
      `secret file ${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new Error(`secret file ${file} is not a regular file`);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** bwrap's info fd: `{"child-pid": N, "pid-namespace": INODE, ...}`. */
function parseInfo(text: string): { pid: number; pidNs?: number } | undefined {
  try {
    const info = JSON.parse(text) as { 'child-pid'?: unknown; 'pid-namespace'?: unknown };
    const pid = info['child-pid'];
    const ns = info['pid-namespace'];
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
    return typeof ns === 'number' && ns > 0 ? { pid, pidNs: ns } : { pid };
  } catch {
    return undefined;
  }
}

/** Host PIDs of the direct children of `pid` (needs /proc; the children file, else a scan). */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter((s) => s !== '')
      .map(Number);
  } catch {
    // Kernels without CONFIG_PROC_CHILDREN: scan /proc for the parent PID.
  }
  const out: number[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(e));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Whether the sandbox init still runs (a zombie or a PID now used by another namespace does not). */
function initAlive(pid: number, pidNs: number | undefined): boolean {
  try {
    if (pidNs !== undefined && fs.readlinkSync(`/proc/${pid}/ns/pid`) !== `pid:[${pidNs}]`) return false;
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Signals `pid` only if it is still a member of the task's PID namespace: the init is not our
 * child (bwrap's monitor is), so its PID could be reaped and reused by an unrelated process.
 */
function signalInNamespace(pid: number, pidNs: number | undefined, sig: NodeJS.Signals): void {
  if (pidNs !== undefined) {
    let link: string;
    try {
      link = fs.readlinkSync(`/proc/${pid}/ns/pid`);
    } catch {
      return; // gone (or no /proc): nothing to signal
    }
    if (link !== `pid:[${pidNs}]`) return;
  }
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

function signalName(n: number): string | undefined {
  for (const [name, num] of Object.entries(os.constants.signals)) if (num === n) return name;
  return undefined;
}

function spawnProblem(bwrap: string, err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return `bubblewrap (${bwrap}) was not found: ${INSTALL_HINT}`;
  if (err.code === 'EACCES')
    return `bubblewrap (${bwrap}) cannot be executed (permission denied): ${INSTALL_HINT}`;
  if (err.code === 'EPERM')
    return `the sandbox could not be started as the task user (${err.message}): run the daemon as root or drop taskUid/taskGid`;
  return `the sandbox could not be started: ${err.message}`;
}

/** An int64 field as a number (protobufjs gives a Long or a number). */
function int64(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  if (typeof (raw as { toNumber?: unknown })?.toNumber === 'function')
    return (raw as { toNumber(): number }).toNumber();
  return 0;
}

function formatBytes(n: number): string {
  if (n > 0 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n > 0 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

function wipe(secrets: readonly PreparedSecret[]): void {
  for (const s of secrets) s.data.fill(0);
}
