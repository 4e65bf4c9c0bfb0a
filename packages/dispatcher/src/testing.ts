/**
 * In-memory doubles for tests, simulations and the benchmark: a transport that carries the four
 * dispatcher calls between a Dispatcher and Agents in one process (copying every message through
 * its protobuf encoding, as a wire would), a scriptable executor, and a secret writer that keeps
 * files in memory.
 */
import { isSwarmError, SwarmError, swarm } from '@swarm/api';
import { ManagerUnavailableError } from './errors.js';
import type {
  Executor,
  TaskConfigFile,
  TaskContext,
  TaskSecretFile,
  TaskSecretWriter,
  TaskStatusReport,
} from './executor.js';
import type {
  Connector,
  DispatcherConnection,
  DispatcherService,
  MessageSink,
  StreamHandle,
} from './transport.js';

interface Codec<T> {
  encode(m: T): { finish(): Uint8Array };
  decode(b: Uint8Array): T;
}

function copy<T>(codec: Codec<T>, m: T): T {
  return codec.decode(codec.encode(m).finish());
}

/** Errors cross the transport as their JSON form, as they would over gRPC. */
function wire(err: unknown): Error {
  if (isSwarmError(err)) {
    const e = SwarmError.fromJSON((err as SwarmError).toJSON());
    return e;
  }
  return err instanceof Error ? err : new Error(String(err));
}

interface LiveStream {
  /** Ends the client's side with an error (the manager went away). */
  kill(err: Error): void;
}

/**
 * Delivers calls between agents and dispatchers in one process. Stream messages arrive in order on
 * later microtasks (never re-entrantly). `connector(nodeId)` plays the part of mTLS: every call on
 * its connections carries that node ID as the authenticated caller.
 */
export class MemoryTransport {
  readonly #servers = new Map<
    string,
    { service: DispatcherService; streams: Set<LiveStream>; epoch: object }
  >();

  /** Serves `service` at `addr` (replacing whatever served there). */
  listen(addr: string, service: DispatcherService): void {
    this.shutdown(addr);
    this.#servers.set(addr, { service, streams: new Set(), epoch: {} });
  }

  /** The manager at `addr` goes away: open streams end with MANAGER_UNAVAILABLE, calls in flight fail. */
  shutdown(addr: string): void {
    const server = this.#servers.get(addr);
    if (!server) return;
    this.#servers.delete(addr);
    const err = new ManagerUnavailableError(addr, 'the manager went away');
    for (const s of [...server.streams]) s.kill(err);
  }

  /** True while something serves at `addr`. */
  serving(addr: string): boolean {
    return this.#servers.has(addr);
  }

  /** A connector whose calls are authenticated as `nodeId`. */
  connector(nodeId: string): Connector {
    return (addr) => this.#connect(addr, nodeId);
  }

  #connect(addr: string, nodeId: string): DispatcherConnection {
    const mine = new Set<StreamHandle>();
    let closed = false;

    const unary = async <Req, Res>(
      reqCodec: Codec<Req>,
      resCodec: Codec<Res>,
      req: Req,
      call: (s: DispatcherService, r: Req) => Promise<Res>,
    ): Promise<Res> => {
      await Promise.resolve();
      const server = this.#servers.get(addr);
      if (closed || !server) throw new ManagerUnavailableError(addr, 'no connection');
      try {
        const res = await call(server.service, copy(reqCodec, req));
        if (this.#servers.get(addr)?.epoch !== server.epoch)
          throw new ManagerUnavailableError(addr, 'the manager went away during the call');
        return copy(resCodec, res);
      } catch (err) {
        throw wire(err);
      }
    };

    const stream = <Req, Msg>(
      reqCodec: Codec<Req>,
      msgCodec: Codec<Msg>,
      req: Req,
      client: MessageSink<Msg>,
      open: (s: DispatcherService, r: Req, sink: MessageSink<Msg>) => StreamHandle,
    ): StreamHandle => {
      let cancelled = false;
      let ended = false;
      let serverHandle: StreamHandle | undefined;
      const server = this.#servers.get(addr);
      const live: LiveStream = {
        kill(err) {
          if (ended || cancelled) return;
          ended = true;
          serverHandle?.cancel();
          queueMicrotask(() => !cancelled && client.end(err));
        },
      };
      const handle: StreamHandle = {
        cancel() {
          if (cancelled) return;
          cancelled = true;
          server?.streams.delete(live);
          mine.delete(handle);
          serverHandle?.cancel();
        },
      };
      if (closed || !server) {
        ended = true;
        queueMicrotask(() => !cancelled && client.end(new ManagerUnavailableError(addr, 'no connection')));
        return handle;
      }
      mine.add(handle);
      server.streams.add(live);
      const sink: MessageSink<Msg> = {
        send(m) {
          if (ended || cancelled) return;
          const c = copy(msgCodec, m);
          queueMicrotask(() => !cancelled && client.send(c));
        },
        end(err) {
          if (ended || cancelled) return;
          ended = true;
          server.streams.delete(live);
          const e = err === undefined ? undefined : wire(err);
          queueMicrotask(() => !cancelled && client.end(e));
        },
      };
      serverHandle = open(server.service, copy(reqCodec, req), sink);
      return handle;
    };

    return {
      session: (req, sink) =>
        stream(
          swarm.SessionRequest,
          swarm.SessionMessage,
          swarm.SessionRequest.create(req),
          sink,
          (s, r, k) => s.session(nodeId, r, k),
        ),
      assignments: (req, sink) =>
        stream(
          swarm.AssignmentsRequest,
          swarm.AssignmentsMessage,
          swarm.AssignmentsRequest.create(req),
          sink,
          (s, r, k) => s.assignments(nodeId, r, k),
        ),
      heartbeat: (req) =>
        unary<swarm.HeartbeatRequest, swarm.HeartbeatResponse>(
          swarm.HeartbeatRequest,
          swarm.HeartbeatResponse,
          swarm.HeartbeatRequest.create(req),
          (s, r) => s.heartbeat(nodeId, r),
        ),
      updateTaskStatus: (req) =>
        unary<swarm.UpdateTaskStatusRequest, swarm.UpdateTaskStatusResponse>(
          swarm.UpdateTaskStatusRequest,
          swarm.UpdateTaskStatusResponse,
          swarm.UpdateTaskStatusRequest.create(req),
          (s, r) => s.updateTaskStatus(nodeId, r),
        ),
      close() {
        closed = true;
        for (const h of [...mine]) h.cancel();
      },
    };
  }
}

/**
 * An executor for tests: records starts and stops, and reports RUNNING on start unless
 * `autoRun: false`; `report`, `complete` and `fail` drive a task's later states.
 */
export class TestExecutor implements Executor {
  readonly #autoRun: boolean;
  readonly #contexts = new Map<string, TaskContext>();
  readonly started: string[] = [];
  readonly stopped: string[] = [];
  /** Each complete assignment set the agent reconciled against, in order. */
  readonly reconciled: string[][] = [];
  /** The secret directory each started task was given. */
  readonly secretsDirs = new Map<string, string | undefined>();
  /** The config files each started task was given. */
  readonly configs = new Map<string, readonly TaskConfigFile[]>();

  constructor(options: { autoRun?: boolean } = {}) {
    this.#autoRun = options.autoRun ?? true;
  }

  start(task: swarm.Task, context: TaskContext): void {
    this.started.push(task.id);
    this.secretsDirs.set(task.id, context.secretsDir);
    this.configs.set(task.id, context.configs ?? []);
    this.#contexts.set(task.id, context);
    if (this.#autoRun) {
      context.report({ state: swarm.TaskState.ACCEPTED });
      context.report({ state: swarm.TaskState.RUNNING, message: 'started' });
    }
  }

  stop(taskId: string): void {
    this.stopped.push(taskId);
    const ctx = this.#contexts.get(taskId);
    this.#contexts.delete(taskId);
    ctx?.report({ state: swarm.TaskState.SHUTDOWN, message: 'stopped' });
  }

  reconcile(assigned: readonly string[]): void {
    this.reconciled.push([...assigned].sort());
  }

  /** Task IDs started and not yet ended. */
  running(): string[] {
    return [...this.#contexts.keys()];
  }

  /** Reports a status for a started task, as a real executor would. */
  report(taskId: string, status: TaskStatusReport): void {
    const ctx = this.#contexts.get(taskId);
    if (!ctx) throw new RangeError(`TestExecutor: task ${taskId} is not running`);
    if (status.state > swarm.TaskState.RUNNING) this.#contexts.delete(taskId);
    ctx.report(status);
  }

  /** Reports the task COMPLETE (exit 0). */
  complete(taskId: string): void {
    this.report(taskId, { state: swarm.TaskState.COMPLETE, exitCode: 0 });
  }

  /** Reports the task FAILED with `err`. */
  fail(taskId: string, err = 'task failed'): void {
    this.report(taskId, { state: swarm.TaskState.FAILED, err, exitCode: 1 });
  }
}

/** A `TaskSecretWriter` that keeps files in memory (tests; never writes a disk). */
export class MemorySecretWriter implements TaskSecretWriter {
  readonly #tasks = new Map<string, Map<string, Uint8Array>>();

  /** Keeps a task's secret files in memory; returns a made-up directory. */
  writeTaskSecrets(taskId: string, files: TaskSecretFile[]): string {
    if (this.#tasks.has(taskId))
      throw new RangeError(`MemorySecretWriter: task ${taskId} already has secrets`);
    this.#tasks.set(taskId, new Map(files.map((f) => [f.name, Uint8Array.from(f.data)])));
    return `memory:${taskId}`;
  }

  /** Forgets a task's secrets. */
  removeTask(taskId: string): void {
    for (const data of this.#tasks.get(taskId)?.values() ?? []) data.fill(0);
    this.#tasks.delete(taskId);
  }

  /** Forgets every task's secrets. */
  removeAll(): void {
    for (const id of [...this.#tasks.keys()]) this.removeTask(id);
  }

  /** The files delivered to a task, by name. */
  files(taskId: string): ReadonlyMap<string, Uint8Array> | undefined {
    return this.#tasks.get(taskId);
  }

  /** Task IDs that have secrets delivered. */
  taskIds(): string[] {
    return [...this.#tasks.keys()];
  }
}
