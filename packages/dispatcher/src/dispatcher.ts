/**
 * The manager side of worker sessions. One Dispatcher runs on the leader (`start()` when it
 * becomes leader, `stop()` when it stops being leader). Every entry point takes the caller's node
 * ID as authenticated by the transport; request bodies never name the caller.
 */
import {
  type Clock,
  cryptoRandom,
  generateId,
  type Logger,
  noopLogger,
  type Random,
  swarm,
  systemClock,
  type Timer,
  toLong,
} from '@swarm/api';
import { AssignmentSet } from './assignment-set.js';
import {
  DispatcherUnavailableError,
  HostPortNotAllowedError,
  InvalidNodeDescriptionError,
  InvalidSessionError,
  InvalidStatusUpdateError,
  NodeDeniedError,
  NodeNotFoundError,
  TaskNotAssignedError,
} from './errors.js';
import { NodeStatusWriter } from './node-status-writer.js';
import { type DispatcherInit, type DispatcherOptions, dispatcherOptions } from './options.js';
import { StatusBatcher } from './status-batcher.js';
import type { DispatcherStore, ReadTx, StoreEvent } from './store-contract.js';
import { hostPortProblem, inAssignmentSet, isTaskState } from './task-rules.js';
import type { DispatcherService, MessageSink, SessionPeer, StreamHandle } from './transport.js';

/** The Dispatcher's collaborators: the cluster store, the clock, the random source, the logger. */
export interface DispatcherComponents {
  /** The cluster store (any @swarm/store `Store`). */
  store: DispatcherStore;
  /** Timers for heartbeats and batches. Default `systemClock`. */
  clock?: Clock;
  /** Heartbeat jitter. Default `cryptoRandom`; tests pass `seededRandom`. */
  random?: Random;
  /** Session IDs and the sequence-ID epoch. Default `cryptoRandom`; keep it unguessable in production. */
  idRandom?: Random;
  logger?: Logger;
}

const { READY, DOWN, UNKNOWN } = swarm.NodeStatus.State;
const { ACCEPTED, REJECTED } = swarm.TaskState;

interface AssignmentStream {
  sink: MessageSink<swarm.AssignmentsMessage>;
  set: AssignmentSet;
  lastResult: string;
}

interface NodeSession {
  readonly nodeId: string;
  readonly sessionId: string;
  sink: MessageSink<swarm.SessionMessage> | undefined;
  lastMessage: Uint8Array | undefined;
  expiry: Timer | undefined;
  stream: AssignmentStream | undefined;
}

export class Dispatcher implements DispatcherService {
  readonly options: DispatcherOptions;
  readonly #store: DispatcherStore;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #idRandom: Random;
  readonly #logger: Logger;
  readonly #batcher: StatusBatcher;

  #running = false;
  #epoch = '';
  #sequence = 0;
  #unwatch: (() => void) | undefined;
  readonly #sessions = new Map<string, NodeSession>();
  readonly #graceTimers = new Map<string, Timer>();
  readonly #dirtyStreams = new Set<NodeSession>();
  #pendingChanges = 0;
  #assignmentTimer: Timer | undefined;
  readonly #nodes: NodeStatusWriter;
  #peers: swarm.WeightedPeer[] | undefined;
  #rootCa: Uint8Array | undefined;
  #clusterPeriod: number | undefined;

  constructor(init: DispatcherInit, components: DispatcherComponents) {
    if (!components || typeof components.store?.view !== 'function')
      throw new TypeError('Dispatcher components.store must be a store with view, update and watch');
    this.options = dispatcherOptions(init);
    this.#store = components.store;
    this.#clock = components.clock ?? systemClock;
    this.#random = components.random ?? cryptoRandom;
    this.#idRandom = components.idRandom ?? cryptoRandom;
    this.#logger = components.logger ?? noopLogger;
    this.#batcher = new StatusBatcher({
      store: this.#store,
      clock: this.#clock,
      logger: this.#logger,
      batchMs: this.options.statusBatchMs,
      batchSize: this.options.statusBatchSize,
      retries: this.options.writeRetries,
    });
    this.#nodes = new NodeStatusWriter({
      store: this.#store,
      clock: this.#clock,
      logger: this.#logger,
      batchMs: this.options.statusBatchMs,
      retries: this.options.writeRetries,
    });
  }

  get running(): boolean {
    return this.#running;
  }

  /** Nodes with a live session. */
  get sessionCount(): number {
    return this.#sessions.size;
  }

  /** Counters of the status writer (writes, applied, stale, conflicts). */
  get statusStats(): Readonly<StatusBatcher['stats']> {
    return this.#batcher.stats;
  }

  /**
   * Starts serving, as after winning a leader election: every node that is not DOWN becomes
   * UNKNOWN until it opens a session, and is marked DOWN if it does not within `leaderChangeGraceMs`.
   */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#epoch = generateId(this.#idRandom).slice(0, 10);
    this.#sequence = 0;
    this.#peers = undefined;
    this.#rootCa = undefined;
    this.#clusterPeriod = undefined;
    this.#unwatch = this.#store.watch({ kinds: ['task', 'secret', 'config', 'node', 'cluster'] }, (events) =>
      this.#onEvents(events),
    );
    const nodes = this.#store.view((tx) => tx.list('node'));
    for (const n of nodes) {
      const state = n.status?.state ?? UNKNOWN;
      if (state === DOWN) continue;
      if (state !== UNKNOWN)
        this.#nodes.queue(n.id, {
          state: UNKNOWN,
          message: 'node status unknown until it reports after a leader change',
        });
      this.#graceTimers.set(
        n.id,
        this.#clock.setTimeout(() => {
          this.#graceTimers.delete(n.id);
          if (!this.#sessions.has(n.id))
            this.#nodes.queue(n.id, { state: DOWN, message: 'node did not report after a leader change' });
        }, this.options.leaderChangeGraceMs),
      );
    }
    this.#logger.info('dispatcher started', { nodes: nodes.length });
  }

  /** Stops serving (lost leadership or shutting down): ends every stream and fails queued status updates. */
  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#unwatch?.();
    this.#unwatch = undefined;
    for (const t of this.#graceTimers.values()) t.cancel();
    this.#graceTimers.clear();
    this.#assignmentTimer?.cancel();
    this.#assignmentTimer = undefined;
    this.#nodes.clear();
    this.#dirtyStreams.clear();
    this.#pendingChanges = 0;
    const err = new DispatcherUnavailableError('the dispatcher stopped');
    for (const s of [...this.#sessions.values()]) this.#endSession(s, err);
    this.#batcher.abort(err);
    this.#logger.info('dispatcher stopped');
  }

  // ---- sessions ----

  /** Opens a worker's session (the stream that carries manager addresses and session changes). */
  session(
    nodeId: string,
    request: swarm.SessionRequest.$Properties,
    sink: MessageSink<swarm.SessionMessage>,
    peer: SessionPeer = {},
  ): StreamHandle {
    const handle: StreamHandle = {
      cancel: () => {
        const s = this.#sessions.get(nodeId);
        if (s?.sink === sink) s.sink = undefined;
      },
    };
    if (!this.#running) {
      sink.end(new DispatcherUnavailableError('not the leader or not started'));
      return handle;
    }
    let node: swarm.Node;
    try {
      node = this.#store.view((tx) => {
        this.#checkAllowed(tx, nodeId);
        return tx.get('node', nodeId) as swarm.Node;
      });
      this.#checkDescription(nodeId, request.description);
    } catch (err) {
      sink.end(err as Error);
      return handle;
    }

    let s = this.#sessions.get(nodeId);
    if (s !== undefined && request.sessionId && request.sessionId === s.sessionId) {
      if (s.sink !== undefined && s.sink !== sink) s.sink.end();
    } else {
      if (s !== undefined)
        this.#endSession(s, new InvalidSessionError(nodeId, 'replaced by a newer session'));
      s = {
        nodeId,
        sessionId: generateId(this.#idRandom),
        sink: undefined,
        lastMessage: undefined,
        expiry: undefined,
        stream: undefined,
      };
      this.#sessions.set(nodeId, s);
    }
    s.sink = sink;
    s.lastMessage = undefined;
    this.#graceTimers.get(nodeId)?.cancel();
    this.#graceTimers.delete(nodeId);
    this.#armExpiry(s, this.#heartbeatPeriod() + this.options.heartbeatJitterMs);
    this.#pushSession(s, node);
    this.#nodes.queue(nodeId, {
      state: READY,
      message: 'node is ready',
      ...(request.description ? { description: request.description } : {}),
      ...(peer.addr ? { addr: peer.addr } : {}),
    });
    return handle;
  }

  /** A description is data the node says about itself: bounded, so it cannot fail a batch of writes. */
  #checkDescription(nodeId: string, description: swarm.NodeDescription.$Properties | null | undefined): void {
    if (!description) return;
    let bytes: number;
    try {
      bytes = swarm.NodeDescription.encode(description).finish().length;
    } catch (err) {
      throw new InvalidNodeDescriptionError(nodeId, `it cannot be encoded (${(err as Error).message})`);
    }
    if (bytes > this.options.maxDescriptionBytes) {
      this.#logger.warn('session refused: node description too large', { nodeId, bytes });
      throw new InvalidNodeDescriptionError(
        nodeId,
        `it encodes to ${bytes} bytes, more than the ${this.options.maxDescriptionBytes} allowed; send fewer or shorter labels`,
      );
    }
  }

  /** Records a worker's heartbeat; answers with the period to the next one. */
  async heartbeat(
    nodeId: string,
    request: swarm.HeartbeatRequest.$Properties,
  ): Promise<swarm.HeartbeatResponse> {
    const s = this.#checkSession(nodeId, request.sessionId);
    const period = this.#heartbeatPeriod();
    const jitter = Math.min(this.options.heartbeatJitterMs, Math.floor(period / 2));
    const periodMs = period - jitter + Math.floor(this.#random.float() * (2 * jitter + 1));
    this.#armExpiry(s, periodMs);
    return swarm.HeartbeatResponse.create({ periodMs: toLong(BigInt(periodMs)) });
  }

  // ---- task status ----

  /** Takes status reports of tasks assigned to the calling worker (others are refused), batched into the store. */
  async updateTaskStatus(
    nodeId: string,
    request: swarm.UpdateTaskStatusRequest.$Properties,
  ): Promise<swarm.UpdateTaskStatusResponse> {
    this.#checkSession(nodeId, request.sessionId);
    const updates = request.updates ?? [];
    if (!Array.isArray(updates)) throw new InvalidStatusUpdateError(nodeId, 'updates must be a list');
    const checked: { taskId: string; status: swarm.TaskStatus.$Properties }[] = [];
    for (const u of updates) {
      if (typeof u?.taskId !== 'string' || u.taskId === '')
        throw new InvalidStatusUpdateError(nodeId, 'an update has no task ID');
      const state = u.status?.state;
      if (!u.status || !isTaskState(state))
        throw new InvalidStatusUpdateError(
          nodeId,
          `task ${u.taskId} has no valid status state (got ${String(state)})`,
        );
      if (state < ACCEPTED || state > REJECTED)
        throw new InvalidStatusUpdateError(
          nodeId,
          `task ${u.taskId}: a worker may report states ACCEPTED..REJECTED only, got ${swarm.TaskState[state]}`,
        );
      const bytes = swarm.TaskStatus.encode(u.status).finish().length;
      if (bytes > this.options.maxStatusBytes) {
        this.#logger.warn('task status refused: too large', { nodeId, taskId: u.taskId, bytes });
        throw new InvalidStatusUpdateError(
          nodeId,
          `the status of task ${u.taskId} encodes to ${bytes} bytes, more than the ${this.options.maxStatusBytes} allowed; shorten its message and error`,
        );
      }
      checked.push({ taskId: u.taskId, status: u.status });
    }
    // Fail closed: one foreign task refuses the whole request before anything is queued.
    const mine = this.#store.view((tx) =>
      checked.filter((u) => {
        const task = tx.get('task', u.taskId);
        if (task === undefined) return false; // deleted meanwhile: nothing to update
        // Only tasks this node was sent: assigned to it and at least ASSIGNED.
        if (!inAssignmentSet(task, nodeId)) throw new TaskNotAssignedError(nodeId, u.taskId);
        for (const p of u.status.ports ?? []) {
          const problem = hostPortProblem(task, p, this.options);
          if (problem === undefined) continue;
          this.#logger.warn('task status refused: host port not allowed', {
            nodeId,
            taskId: u.taskId,
            port: p.publishedPort ?? 0,
            reason: problem,
          });
          throw new HostPortNotAllowedError(nodeId, u.taskId, p.publishedPort ?? 0, problem);
        }
        return true;
      }),
    );
    if (mine.length > 0) await this.#batcher.add(nodeId, mine);
    return swarm.UpdateTaskStatusResponse.create();
  }

  // ---- assignments ----

  /** Opens a worker's assignment stream: a complete set first, then incremental changes. */
  assignments(
    nodeId: string,
    request: swarm.AssignmentsRequest.$Properties,
    sink: MessageSink<swarm.AssignmentsMessage>,
  ): StreamHandle {
    let stream: AssignmentStream | undefined;
    const handle: StreamHandle = {
      cancel: () => {
        const s = this.#sessions.get(nodeId);
        if (stream !== undefined && s?.stream === stream) {
          s.stream = undefined;
          this.#dirtyStreams.delete(s);
        }
      },
    };
    let s: NodeSession;
    try {
      s = this.#checkSession(nodeId, request.sessionId);
    } catch (err) {
      sink.end(err as Error);
      return handle;
    }
    s.stream?.sink.end();
    const set = new AssignmentSet(nodeId);
    const changes = this.#store.view((tx) => set.complete(tx));
    stream = { sink, set, lastResult: this.#nextSequence() };
    s.stream = stream;
    this.#dirtyStreams.delete(s);
    sink.send(
      swarm.AssignmentsMessage.create({
        type: swarm.AssignmentsMessage.Type.COMPLETE,
        resultsIn: stream.lastResult,
        changes,
      }),
    );
    return handle;
  }

  /** Sends every batched assignment change now (tests and shutdown paths). */
  flushAssignments(): void {
    this.#assignmentTimer?.cancel();
    this.#assignmentTimer = undefined;
    this.#pendingChanges = 0;
    if (this.#dirtyStreams.size === 0) return;
    const dirty = [...this.#dirtyStreams];
    this.#dirtyStreams.clear();
    this.#store.view((tx) => {
      for (const s of dirty) {
        const stream = s.stream;
        if (stream === undefined) continue;
        const changes = stream.set.flush(tx);
        if (changes.length === 0) continue;
        const appliesTo = stream.lastResult;
        stream.lastResult = this.#nextSequence();
        stream.sink.send(
          swarm.AssignmentsMessage.create({
            type: swarm.AssignmentsMessage.Type.INCREMENTAL,
            appliesTo,
            resultsIn: stream.lastResult,
            changes,
          }),
        );
      }
    });
  }

  // ---- internals ----

  #checkSession(nodeId: string, sessionId: string | null | undefined): NodeSession {
    if (!this.#running) throw new DispatcherUnavailableError('not the leader or not started');
    const s = this.#sessions.get(nodeId);
    if (s === undefined) throw new InvalidSessionError(nodeId, 'no open session');
    if (s.sessionId !== sessionId) throw new InvalidSessionError(nodeId, 'the session ID does not match');
    return s;
  }

  #checkAllowed(tx: ReadTx, nodeId: string): void {
    if (isDenied(tx, nodeId)) throw new NodeDeniedError(nodeId);
    if (tx.get('node', nodeId) === undefined) throw new NodeNotFoundError(nodeId);
  }

  #armExpiry(s: NodeSession, periodMs: number): void {
    s.expiry?.cancel();
    s.expiry = this.#clock.setTimeout(() => {
      if (this.#sessions.get(s.nodeId) !== s) return;
      this.#endSession(s, new InvalidSessionError(s.nodeId, 'heartbeats stopped'));
      this.#nodes.queue(s.nodeId, { state: DOWN, message: 'heartbeat failure' });
      this.#logger.info('node down: missed heartbeats', { nodeId: s.nodeId });
    }, periodMs * this.options.missedHeartbeats);
  }

  #endSession(s: NodeSession, err: Error): void {
    if (this.#sessions.get(s.nodeId) === s) this.#sessions.delete(s.nodeId);
    s.expiry?.cancel();
    s.expiry = undefined;
    this.#dirtyStreams.delete(s);
    s.stream?.sink.end(err);
    s.stream = undefined;
    s.sink?.end(err);
    s.sink = undefined;
  }

  #nextSequence(): string {
    return `${this.#epoch}-${++this.#sequence}`;
  }

  #pushSession(s: NodeSession, node: swarm.Node): void {
    if (s.sink === undefined) return;
    const msg = swarm.SessionMessage.create({
      sessionId: s.sessionId,
      node,
      managers: this.#managerPeers(),
      rootCa: this.#currentRootCa(),
    });
    const bytes = swarm.SessionMessage.encode(msg).finish();
    if (s.lastMessage !== undefined && Buffer.from(bytes).equals(s.lastMessage)) return;
    s.lastMessage = bytes;
    s.sink.send(msg);
  }

  #managerPeers(): swarm.WeightedPeer[] {
    if (this.#peers === undefined) {
      this.#peers = this.#store
        .view((tx) => tx.list('node'))
        .filter((n) => n.managerStatus?.addr)
        .map((n) =>
          swarm.WeightedPeer.create({ nodeId: n.id, addr: n.managerStatus?.addr ?? '', weight: toLong(1n) }),
        )
        .sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1));
    }
    return this.#peers;
  }

  /** The cluster's `spec.dispatcher.heartbeatPeriodMs` when set, else the option. */
  #heartbeatPeriod(): number {
    if (this.#clusterPeriod === undefined) {
      const configured = this.#store.view((tx) => tx.list('cluster')[0]?.spec?.dispatcher?.heartbeatPeriodMs);
      const ms = configured == null ? 0 : Number(configured.toString());
      this.#clusterPeriod = Number.isSafeInteger(ms) && ms > 0 ? ms : this.options.heartbeatPeriodMs;
    }
    return this.#clusterPeriod;
  }

  #currentRootCa(): Uint8Array {
    if (this.#rootCa === undefined) {
      this.#rootCa = this.#store.view((tx) => tx.list('cluster')[0]?.rootCa?.caCert) ?? new Uint8Array();
    }
    return this.#rootCa;
  }

  #onEvents(events: StoreEvent[]): void {
    if (!this.#running) return;
    const sessionsToPush = new Set<string>();
    let pushAll = false;
    let checkDenied = false;
    for (const e of events) {
      switch (e.kind) {
        case 'task': {
          const t = e.object as swarm.Task;
          this.#markTask(t.nodeId, t.id);
          const old = e.old as swarm.Task | undefined;
          if (old && old.nodeId !== t.nodeId) this.#markTask(old.nodeId, t.id);
          break;
        }
        case 'secret': {
          for (const s of this.#sessions.values()) {
            if (s.stream?.set.markSecret(e.object.id)) this.#markStream(s);
          }
          break;
        }
        case 'config': {
          for (const s of this.#sessions.values()) {
            if (s.stream?.set.markConfig(e.object.id)) this.#markStream(s);
          }
          break;
        }
        case 'node': {
          const n = e.object as swarm.Node;
          const old = e.old as swarm.Node | undefined;
          if (n.managerStatus?.addr || old?.managerStatus?.addr) {
            this.#peers = undefined;
            pushAll = true;
          }
          const s = this.#sessions.get(n.id);
          if (s === undefined) break;
          if (e.action === 'delete') this.#endSession(s, new NodeNotFoundError(n.id));
          else sessionsToPush.add(n.id);
          break;
        }
        case 'cluster': {
          this.#rootCa = undefined;
          this.#clusterPeriod = undefined;
          pushAll = true;
          checkDenied = true;
          break;
        }
        default:
          break;
      }
    }
    if (checkDenied) {
      const denied = this.#store.view((tx) =>
        [...this.#sessions.values()].filter((s) => isDenied(tx, s.nodeId)),
      );
      for (const s of denied) {
        this.#endSession(s, new NodeDeniedError(s.nodeId));
        this.#logger.info('session ended: node denied', { nodeId: s.nodeId });
      }
    }
    if (pushAll || sessionsToPush.size > 0) {
      const targets = pushAll
        ? [...this.#sessions.values()]
        : [...sessionsToPush].map((id) => this.#sessions.get(id));
      this.#store.view((tx) => {
        for (const s of targets) {
          if (s === undefined) continue;
          const node = tx.get('node', s.nodeId);
          if (node !== undefined) this.#pushSession(s, node);
        }
      });
    }
    this.#scheduleAssignments();
  }

  #markTask(nodeId: string, taskId: string): void {
    if (!nodeId) return;
    const s = this.#sessions.get(nodeId);
    if (s?.stream === undefined) return;
    s.stream.set.markTask(taskId);
    this.#markStream(s);
  }

  #markStream(s: NodeSession): void {
    this.#dirtyStreams.add(s);
    this.#pendingChanges++;
  }

  #scheduleAssignments(): void {
    if (this.#dirtyStreams.size === 0) return;
    if (this.#pendingChanges >= this.options.assignmentBatchSize) {
      // Count limit reached: send on the next turn, after the current store apply finishes.
      this.#assignmentTimer?.cancel();
      this.#assignmentTimer = this.#clock.setTimeout(() => this.flushAssignments(), 0);
      this.#pendingChanges = 0;
      return;
    }
    if (this.#assignmentTimer === undefined)
      this.#assignmentTimer = this.#clock.setTimeout(
        () => this.flushAssignments(),
        this.options.assignmentBatchMs,
      );
  }
}

function isDenied(tx: ReadTx, nodeId: string): boolean {
  for (const c of tx.list('cluster')) {
    const denied = c.deniedNodes;
    if (denied && Object.hasOwn(denied, nodeId)) return true;
  }
  return false;
}
