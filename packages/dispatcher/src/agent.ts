/**
 * The worker side: keeps one session to some manager of its list, follows the assignment stream
 * (asking for a complete set again on a sequence gap), runs tasks through an `Executor`, delivers
 * their secrets to tmpfs through a `TaskSecretWriter`, and reports task status in batches.
 */
import {
  type Clock,
  cryptoRandom,
  fromLong,
  type Logger,
  noopLogger,
  type Random,
  swarm,
  systemClock,
  type Timer,
  toLong,
} from '@swarm/api';
import { ManagerUnavailableError, NoManagersError } from './errors.js';
import type {
  Executor,
  TaskConfigFile,
  TaskSecretFile,
  TaskSecretWriter,
  TaskStatusReport,
} from './executor.js';
import { definedOnly, nonNegativeInteger, positiveInteger } from './options.js';
import { StatusReporter } from './status-reporter.js';
import { isTaskState, stateOf } from './task-rules.js';
import type { Connector, DispatcherConnection, StreamHandle } from './transport.js';

/** Options of an Agent: the managers to connect to, and its timings. */
export interface AgentInit {
  /** Manager addresses to start from; replaced by the list each session message carries. */
  managers: string[];
  /** Status reports wait at most this long before they are sent, in ms. Default 100. */
  statusBatchMs?: number;
  /** At most this many task updates per report; a full batch is sent at once. Default 100. */
  statusBatchSize?: number;
  /** First reconnect delay after a failure, in ms; doubles per failure, with jitter. Default 200. */
  reconnectDelayMs?: number;
  /** Longest reconnect delay, in ms. Default 10,000. */
  maxReconnectDelayMs?: number;
}

/** The Agent's defaults. */
export const AGENT_DEFAULTS = Object.freeze({
  statusBatchMs: 100,
  statusBatchSize: 100,
  reconnectDelayMs: 200,
  maxReconnectDelayMs: 10_000,
});

/** The Agent's collaborators: how to connect to a manager, the executor, the secret writer, the clock. */
export interface AgentComponents {
  /** Opens a connection to a manager; the transport binds this node's identity. */
  connect: Connector;
  executor: Executor;
  /** Secret delivery on tmpfs: @swarm/secret-store's `createSecretWriter`. */
  secrets: TaskSecretWriter;
  clock?: Clock;
  /** Reconnect jitter and the first manager choice. Default `cryptoRandom`. */
  random?: Random;
  logger?: Logger;
  /** Sent with every session request. */
  description?: swarm.NodeDescription.$Properties;
  /** Called after each assignments message is applied (metrics, tests). */
  onAssignments?: (message: swarm.AssignmentsMessage) => void;
}

interface Conn {
  readonly addr: string;
  readonly connection: DispatcherConnection;
  sessionId: string | undefined;
  session: StreamHandle | undefined;
  assignments: StreamHandle | undefined;
  assignmentsToken: object | undefined;
  heartbeat: Timer | undefined;
  /** The heartbeat period the manager gave last; also the time allowed for an answer. */
  period: number;
  closed: boolean;
}

const DEFAULT_HEARTBEAT_MS = 5_000;

/** Where an agent's session stands: what `swarm info` and `node ls` show about a node's link to the managers. */
export interface AgentConnection {
  /** True while a session with a manager is open. */
  connected: boolean;
  /** The manager of the open session. */
  manager?: string;
  /** When the current state began (the session opened, or the first failure since the last one), clock ms. */
  since: number;
  /** Failed attempts since the last open session. */
  failures: number;
  /** The last failure: which manager, and what went wrong. */
  lastError?: { manager: string; code: string; message: string };
}

interface LocalTask {
  task: swarm.Task;
  started: boolean;
  stopping: boolean;
  finished: boolean;
  state: number;
  /** The last status this worker reported for the task. */
  report?: TaskStatusReport;
}

const { RUNNING, SHUTDOWN, REJECTED } = swarm.TaskState;
const { UPDATE, REMOVE } = swarm.AssignmentChange.AssignmentAction;

/** The worker side: keeps a session with a manager (heartbeats, reconnecting to another one when it fails), runs the assigned tasks through the executor, delivers their secrets, and reports task status in batches. */
export class Agent {
  readonly #init: Required<Omit<AgentInit, 'managers'>>;
  readonly #connect: Connector;
  readonly #executor: Executor;
  readonly #writer: TaskSecretWriter;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #logger: Logger;
  readonly #description: swarm.NodeDescription.$Properties | undefined;
  readonly #onAssignments: ((m: swarm.AssignmentsMessage) => void) | undefined;

  #managers: string[];
  #nextManager: number;
  #running = false;
  #conn: Conn | undefined;
  #sessionHint = '';
  #failures = 0;
  #reconnectTimer: Timer | undefined;
  #node: swarm.Node | undefined;
  #since = 0;
  #lastError: AgentConnection['lastError'];

  readonly #tasks = new Map<string, LocalTask>();
  readonly #secrets = new Map<string, swarm.Secret>();
  readonly #configs = new Map<string, swarm.Config>();
  #lastResult: string | undefined;

  readonly #reporter: StatusReporter;

  /** Counters for tests and metrics. */
  readonly stats = { sessions: 0, failovers: 0, complete: 0, incremental: 0, gaps: 0, reportsSent: 0 };

  constructor(init: AgentInit, components: AgentComponents) {
    if (!Array.isArray(init?.managers) || init.managers.some((m) => typeof m !== 'string' || m === ''))
      throw new TypeError('AgentInit.managers must be a list of manager addresses');
    if (init.managers.length === 0) throw new NoManagersError();
    if (typeof components?.connect !== 'function')
      throw new TypeError('AgentComponents.connect must be a function');
    if (typeof components.executor?.start !== 'function')
      throw new TypeError('AgentComponents.executor is required');
    if (typeof components.secrets?.writeTaskSecrets !== 'function')
      throw new TypeError('AgentComponents.secrets must be a secret writer');
    const o = { ...AGENT_DEFAULTS, ...definedOnly({ ...init, managers: undefined }) } as Required<
      Omit<AgentInit, 'managers'>
    >;
    nonNegativeInteger('statusBatchMs', o.statusBatchMs);
    positiveInteger('statusBatchSize', o.statusBatchSize);
    nonNegativeInteger('reconnectDelayMs', o.reconnectDelayMs);
    nonNegativeInteger('maxReconnectDelayMs', o.maxReconnectDelayMs);
    this.#init = o;
    this.#connect = components.connect;
    this.#executor = components.executor;
    this.#writer = components.secrets;
    this.#clock = components.clock ?? systemClock;
    this.#random = components.random ?? cryptoRandom;
    this.#logger = components.logger ?? noopLogger;
    this.#description = components.description;
    this.#onAssignments = components.onAssignments;
    this.#reporter = new StatusReporter({
      clock: this.#clock,
      logger: this.#logger,
      batchMs: o.statusBatchMs,
      batchSize: o.statusBatchSize,
      onFailure: (err) => {
        if (this.#conn) this.#fail(this.#conn, err);
      },
    });
    this.#managers = [...init.managers];
    this.#nextManager = this.#random.int(this.#managers.length);
  }

  /** Removes leftover secret directories and connects to a manager. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#since = this.#clock.now();
    this.#writer.removeAll();
    this.#open();
  }

  /** Closes the connection and stops reconnecting. Running tasks are left to the executor. */
  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#reconnectTimer?.cancel();
    this.#reconnectTimer = undefined;
    this.#reporter.setSender(undefined);
    if (this.#conn) this.#teardown(this.#conn);
  }

  /**
   * Sends the node description again: the session is closed and a new one opened at once, to the
   * same manager first (the description travels only when a session opens). Tasks keep running;
   * status reports not yet acknowledged go out on the new session. Without a session, the next
   * one carries the description anyway, so nothing is done.
   */
  renewSession(): void {
    const c = this.#conn;
    if (!this.#running || c === undefined) return;
    this.#teardown(c);
    this.#reconnectTimer?.cancel();
    this.#reconnectTimer = undefined;
    const i = this.#managers.indexOf(c.addr);
    if (i >= 0) this.#nextManager = i;
    this.#logger.info('renewing the session to send the node description', { manager: c.addr });
    this.#open();
  }

  /** The manager address of the live session, if any. */
  get manager(): string | undefined {
    return this.#conn?.sessionId === undefined ? undefined : this.#conn.addr;
  }

  get sessionId(): string | undefined {
    return this.#conn?.sessionId;
  }

  /** Whether the agent has a session, and if not, since when and why (the last failure). */
  get connection(): AgentConnection {
    const manager = this.manager;
    return {
      connected: manager !== undefined,
      ...(manager === undefined ? {} : { manager }),
      since: this.#since,
      failures: this.#failures,
      ...(this.#lastError === undefined ? {} : { lastError: { ...this.#lastError } }),
    };
  }

  /** This node as the manager last described it. */
  get node(): swarm.Node | undefined {
    return this.#node;
  }

  /** The manager addresses the agent fails over between. */
  get managers(): readonly string[] {
    return this.#managers;
  }

  /** IDs of the tasks in the current assignment set. */
  taskIds(): string[] {
    return [...this.#tasks.keys()];
  }

  /** The agent's last known state of a task (reported by its executor, or as assigned). */
  taskState(taskId: string): number | undefined {
    return this.#tasks.get(taskId)?.state;
  }

  /** IDs of the secrets held in memory. */
  secretIds(): string[] {
    return [...this.#secrets.keys()];
  }

  /** IDs of the configs held in memory. */
  configIds(): string[] {
    return [...this.#configs.keys()];
  }

  /** Status reports not yet acknowledged by a manager. */
  get unreportedCount(): number {
    return this.#reporter.size;
  }

  // ---- connection ----

  #open(): void {
    if (!this.#running) return;
    const addr = this.#managers[this.#nextManager % this.#managers.length] as string;
    this.#nextManager = (this.#nextManager + 1) % Math.max(1, this.#managers.length);
    let connection: DispatcherConnection;
    try {
      connection = this.#connect(addr);
    } catch (err) {
      this.#retryLater(addr, err);
      return;
    }
    const c: Conn = {
      addr,
      connection,
      sessionId: undefined,
      session: undefined,
      assignments: undefined,
      assignmentsToken: undefined,
      heartbeat: undefined,
      period: DEFAULT_HEARTBEAT_MS,
      closed: false,
    };
    this.#conn = c;
    c.session = connection.session(
      { sessionId: this.#sessionHint, ...(this.#description ? { description: this.#description } : {}) },
      {
        send: (m) => this.#onSession(c, m),
        end: (err) => this.#fail(c, err ?? new ManagerUnavailableError(addr, 'the session stream ended')),
      },
    );
    if (c.closed) c.session.cancel();
  }

  #onSession(c: Conn, m: swarm.SessionMessage): void {
    if (c !== this.#conn || c.closed) return;
    const first = c.sessionId === undefined;
    c.sessionId = m.sessionId;
    this.#sessionHint = m.sessionId;
    if (m.node) this.#node = swarm.Node.create(m.node);
    const addrs = (m.managers ?? [])
      .map((p) => p.addr)
      .filter((a): a is string => typeof a === 'string' && a !== '');
    if (addrs.length > 0) this.#managers = addrs;
    if (!first) return;
    this.#failures = 0;
    this.#since = this.#clock.now();
    this.#lastError = undefined;
    this.stats.sessions++;
    this.#logger.info('session open', { manager: c.addr });
    this.#heartbeat(c);
    this.#openAssignments(c);
    this.#reporter.setSender((updates) => {
      if (c !== this.#conn || c.closed)
        return Promise.reject(new ManagerUnavailableError(c.addr, 'connection closed'));
      return c.connection.updateTaskStatus({ sessionId: c.sessionId ?? '', updates });
    });
  }

  #heartbeat(c: Conn): void {
    const sessionId = c.sessionId;
    // A manager that stops answering is as gone as one that hangs up.
    const timeout = this.#clock.setTimeout(
      () => this.#fail(c, new ManagerUnavailableError(c.addr, `no heartbeat answer within ${c.period} ms`)),
      c.period,
    );
    c.heartbeat = timeout;
    c.connection.heartbeat({ sessionId: sessionId ?? '' }).then(
      (res) => {
        timeout.cancel();
        if (c !== this.#conn || c.closed) return;
        c.period = Number(fromLong(res.periodMs)) || DEFAULT_HEARTBEAT_MS;
        c.heartbeat = this.#clock.setTimeout(() => this.#heartbeat(c), c.period);
      },
      (err) => {
        timeout.cancel();
        this.#fail(c, err);
      },
    );
  }

  #openAssignments(c: Conn): void {
    c.assignments?.cancel();
    const token = {};
    c.assignmentsToken = token;
    c.assignments = c.connection.assignments(
      { sessionId: c.sessionId ?? '' },
      {
        send: (m) => {
          if (c === this.#conn && !c.closed && c.assignmentsToken === token) this.#onAssignmentsMessage(c, m);
        },
        end: (err) => {
          if (c.assignmentsToken !== token) return;
          this.#fail(c, err ?? new ManagerUnavailableError(c.addr, 'the assignments stream ended'));
        },
      },
    );
  }

  #fail(c: Conn, err: unknown): void {
    if (c !== this.#conn || c.closed) {
      c.closed = true;
      return;
    }
    // A session that ends starts the period without one.
    if (c.sessionId !== undefined) this.#since = this.#clock.now();
    this.#teardown(c);
    this.stats.failovers++;
    const code = (err as { code?: unknown })?.code;
    if (code === 'NODE_DENIED' || code === 'NODE_NOT_FOUND') this.#forgetAll();
    this.#retryLater(c.addr, err);
  }

  /** The node was removed from the cluster: stop its tasks and wipe every secret it holds. */
  #forgetAll(): void {
    this.#logger.warn('node removed from the cluster; stopping tasks and wiping secrets');
    for (const id of [...this.#tasks.keys()]) this.#removeTask(id);
    for (const id of [...this.#secrets.keys()]) this.#dropSecret(id);
    for (const id of [...this.#configs.keys()]) this.#dropConfig(id);
    this.#writer.removeAll();
    this.#lastResult = undefined;
    this.#sessionHint = '';
  }

  #teardown(c: Conn): void {
    if (this.#conn === c) this.#reporter.setSender(undefined);
    c.closed = true;
    c.heartbeat?.cancel();
    c.assignmentsToken = undefined;
    c.assignments?.cancel();
    c.session?.cancel();
    c.connection.close();
    if (this.#conn === c) this.#conn = undefined;
  }

  #retryLater(addr: string, err: unknown): void {
    if (!this.#running) return;
    this.#failures++;
    const code = (err as { code?: unknown })?.code;
    this.#lastError = {
      manager: addr,
      code: String(code ?? 'UNKNOWN'),
      message: String((err as { message?: unknown })?.message ?? err),
    };
    this.#logger.warn('manager connection failed', { manager: addr, code: String(code ?? 'UNKNOWN') });
    // The first retry goes straight to the next manager; later ones back off exponentially.
    const base =
      this.#failures <= 1 ? 0 : this.#init.reconnectDelayMs * 2 ** Math.min(20, this.#failures - 2);
    const delay = Math.min(this.#init.maxReconnectDelayMs, base);
    const jittered = Math.floor(delay / 2 + this.#random.float() * (delay / 2));
    this.#reconnectTimer?.cancel();
    this.#reconnectTimer = this.#clock.setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.#open();
    }, jittered);
  }

  // ---- assignments ----

  #onAssignmentsMessage(c: Conn, m: swarm.AssignmentsMessage): void {
    if (m.type === swarm.AssignmentsMessage.Type.COMPLETE) {
      this.stats.complete++;
      this.#applyComplete(m.changes ?? []);
    } else {
      if (this.#lastResult === undefined || m.appliesTo !== this.#lastResult) {
        this.stats.gaps++;
        this.#logger.warn('assignment sequence gap; asking for a complete set', {
          expected: this.#lastResult ?? '',
          got: m.appliesTo,
        });
        this.#openAssignments(c);
        return;
      }
      this.stats.incremental++;
      this.#applyIncremental(m.changes ?? []);
    }
    this.#lastResult = m.resultsIn;
    this.#onAssignments?.(m);
  }

  #applyComplete(changes: swarm.AssignmentChange.$Properties[]): void {
    const tasks = new Map<string, swarm.Task>();
    const secrets = new Map<string, swarm.Secret>();
    const configs = new Map<string, swarm.Config>();
    for (const ch of changes) {
      if (ch.action !== UPDATE && ch.action != null) continue;
      const a = ch.assignment;
      if (a?.task?.id) tasks.set(a.task.id, swarm.Task.create(a.task));
      else if (a?.secret?.id) secrets.set(a.secret.id, swarm.Secret.create(a.secret));
      else if (a?.config?.id) configs.set(a.config.id, swarm.Config.create(a.config));
    }
    for (const id of [...this.#secrets.keys()]) if (!secrets.has(id)) this.#dropSecret(id);
    for (const [id, s] of secrets) if (!this.#secrets.has(id)) this.#secrets.set(id, s);
    for (const id of [...this.#configs.keys()]) if (!configs.has(id)) this.#dropConfig(id);
    for (const c of configs.values()) this.#holdConfig(c);
    for (const id of [...this.#tasks.keys()]) if (!tasks.has(id)) this.#removeTask(id);
    for (const t of tasks.values()) this.#applyTask(t);
    if (this.#executor.reconcile !== undefined) {
      try {
        this.#executor.reconcile([...tasks.keys()]);
      } catch (err) {
        this.#logger.warn('executor reconcile failed', { err: String(err) });
      }
    }
  }

  #applyIncremental(changes: swarm.AssignmentChange.$Properties[]): void {
    // Secrets and configs arrive before the tasks that use them and leave after them, whatever
    // the order sent.
    for (const ch of changes) {
      const s = ch.assignment?.secret;
      if (s?.id && (ch.action ?? UPDATE) === UPDATE) this.#secrets.set(s.id, swarm.Secret.create(s));
      const c = ch.assignment?.config;
      if (c?.id && (ch.action ?? UPDATE) === UPDATE) this.#holdConfig(swarm.Config.create(c));
    }
    for (const ch of changes) {
      const t = ch.assignment?.task;
      if (!t?.id) continue;
      if ((ch.action ?? UPDATE) === REMOVE) this.#removeTask(t.id);
      else this.#applyTask(swarm.Task.create(t));
    }
    for (const ch of changes) {
      const s = ch.assignment?.secret;
      if (s?.id && ch.action === REMOVE) this.#dropSecret(s.id);
      const c = ch.assignment?.config;
      if (c?.id && ch.action === REMOVE) this.#dropConfig(c.id);
    }
  }

  /** Keeps a config the manager sent (its name is logged, never its data). */
  #holdConfig(c: swarm.Config): void {
    if (!this.#configs.has(c.id))
      this.#logger.info('config received', { configId: c.id, name: c.spec?.annotations?.name ?? '' });
    this.#configs.set(c.id, c);
  }

  #dropConfig(id: string): void {
    if (this.#configs.delete(id)) this.#logger.info('config dropped', { configId: id });
  }

  #dropSecret(id: string): void {
    const s = this.#secrets.get(id);
    s?.spec?.data?.fill(0);
    this.#secrets.delete(id);
  }

  #applyTask(task: swarm.Task): void {
    let local = this.#tasks.get(task.id);
    if (local === undefined) {
      local = { task, started: false, stopping: false, finished: false, state: stateOf(task) };
      this.#tasks.set(task.id, local);
    } else {
      local.task = task;
      // The manager is behind this worker (a re-made assignment, a write lost to a leader change):
      // report the current state again.
      if (local.report !== undefined && stateOf(task) < local.state) this.#record(local, local.report);
    }
    if (local.finished) return;
    if (!local.started) {
      if (stateOf(task) > RUNNING) {
        local.finished = true;
      } else if (task.desiredState > RUNNING) {
        local.finished = true;
        this.#record(local, { state: SHUTDOWN, message: 'stopped before it started' });
      } else {
        this.#startTask(local);
      }
    } else if (task.desiredState > RUNNING && !local.stopping) {
      local.stopping = true;
      try {
        this.#executor.stop(task.id);
      } catch (err) {
        this.#logger.warn('executor stop failed', { taskId: task.id, err: String(err) });
      }
    }
  }

  #startTask(local: LocalTask): void {
    const task = local.task;
    const refs = task.spec?.container?.secrets ?? [];
    let dir: string | undefined;
    if (refs.length > 0) {
      const files: TaskSecretFile[] = [];
      for (const ref of refs) {
        const data = ref.secretId ? this.#secrets.get(ref.secretId)?.spec?.data : undefined;
        if (!data || data.length === 0) {
          this.#reject(
            local,
            `secret ${ref.secretName || ref.secretId || '(unnamed)'} was not delivered to this node`,
          );
          return;
        }
        files.push({
          name: ref.target || ref.secretName || (ref.secretId as string),
          data,
          uid: ref.uid ?? 0,
          gid: ref.gid ?? 0,
          ...(ref.mode ? { mode: ref.mode } : {}),
        });
      }
      try {
        dir = this.#writer.writeTaskSecrets(task.id, files);
      } catch (err) {
        this.#reject(local, `secrets could not be delivered: ${(err as Error).message}`);
        return;
      }
    }
    const configs: TaskConfigFile[] = [];
    for (const ref of task.spec?.container?.configs ?? []) {
      const data = ref.configId ? this.#configs.get(ref.configId)?.spec?.data : undefined;
      const name = ref.configName || ref.configId || '(unnamed)';
      if (!data || data.length === 0) {
        this.#reject(local, `config ${name} was not delivered to this node`);
        return;
      }
      const target = configTarget(ref.target || `/${name}`);
      if (target === undefined) {
        this.#reject(local, `config ${name}: target ${JSON.stringify(ref.target)} is not a file path`);
        return;
      }
      configs.push({ name, target, data, uid: ref.uid ?? 0, gid: ref.gid ?? 0, mode: ref.mode || 0o444 });
    }
    local.started = true;
    try {
      this.#executor.start(task, {
        secretsDir: dir,
        ...(configs.length > 0 ? { configs } : {}),
        report: (status) => this.#onExecutorReport(task.id, local, status),
      });
    } catch (err) {
      this.#reject(local, `the executor refused the task: ${(err as Error).message}`);
    }
  }

  #reject(local: LocalTask, err: string): void {
    local.finished = true;
    this.#logger.warn('task rejected', { taskId: local.task.id, err });
    this.#record(local, { state: REJECTED, err });
    this.#writer.removeTask(local.task.id);
  }

  #onExecutorReport(taskId: string, local: LocalTask, report: TaskStatusReport): void {
    if (this.#tasks.get(taskId) !== local) return; // removed from the assignment set
    if (!isTaskState(report.state))
      throw new RangeError(`executor reported an unknown task state ${String(report.state)}`);
    if (report.state < local.state) return; // never backwards
    this.#record(local, report);
    if (report.state > RUNNING && !local.finished) {
      local.finished = true;
      this.#writer.removeTask(taskId);
    }
  }

  #record(local: LocalTask, report: TaskStatusReport): void {
    local.state = report.state;
    local.report = report;
    this.#reporter.record(
      local.task.id,
      swarm.TaskStatus.create({
        state: report.state,
        timestamp: toLong(BigInt(Math.max(0, Math.floor(this.#clock.now())))),
        message: report.message ?? '',
        err: report.err ?? '',
        ...(report.exitCode === undefined && report.pid === undefined
          ? {}
          : { container: { exitCode: report.exitCode ?? 0, pid: report.pid ?? 0 } }),
        ...(report.ports === undefined ? {} : { ports: report.ports }),
      }),
    );
  }

  #removeTask(id: string): void {
    const local = this.#tasks.get(id);
    if (local === undefined) return;
    this.#tasks.delete(id);
    this.#reporter.forget(id);
    if (local.started && !local.finished) {
      try {
        this.#executor.stop(id);
      } catch (err) {
        this.#logger.warn('executor stop failed', { taskId: id, err: String(err) });
      }
    }
    this.#writer.removeTask(id);
  }
}

/**
 * A config's file path in the task: absolute (a relative one is taken from `/`, as Docker does on
 * Linux), normalized, without `..` components or NUL bytes; undefined when it names no file.
 */
export function configTarget(target: string): string | undefined {
  if (typeof target !== 'string' || target.includes('\0')) return undefined;
  const parts = target.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) return undefined;
  return `/${parts.join('/')}`;
}
