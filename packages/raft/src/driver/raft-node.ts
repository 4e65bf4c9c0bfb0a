// The driver: owns a clock, a transport and durable storage, runs the Ready loop of a RawNode, and
// gives embedders promises that settle when their proposals are committed AND applied locally.
//
// Ready handling order (what makes it safe): persist hard state, snapshot and entries (synced when
// the Ready says so) -> only then send messages -> apply the snapshot and committed entries to the
// state machine -> serve reads -> advance. A vote or an append acknowledgement therefore never
// leaves this member before the state it promises is on disk.
import { type Clock, type Logger, noopLogger, type Random, type Timer } from '@swarm/api';
import { decodeConfChange, decodeConfChangeV1 } from '../codec.js';
import type { Config } from '../config.js';
import { NoLeaderError, RaftConfigError, RaftNodeStoppedError, RaftTimeoutError } from '../errors.js';
import type { StateType } from '../raft.js';
import { RawNode, type Ready } from '../raw-node.js';
import type { Status } from '../status.js';
import {
  ConfChangeTransition,
  ConfChangeType,
  type ConfChangeV2,
  type ConfState,
  type Entry,
  EntryType,
  emptyConfState,
  type HardState,
  type MemberId,
  type Message,
  MessageType,
  NONE,
} from '../types.js';
import type { RaftStorage } from './raft-storage.js';
import type { Transport } from './transport.js';

/** The embedder's replicated state machine. `apply` must be deterministic and synchronous. */
export interface StateMachine<R = unknown> {
  /** Applies a committed proposal's `data` (at log `index`); its result settles that proposal's promise. */
  apply(data: Uint8Array, index: bigint): R;
  /** The full state, for a raft snapshot. */
  snapshot(): Uint8Array;
  /** Replaces the state with a snapshot's. */
  restore(data: Uint8Array): void;
}

/** What a RaftNode is built from: its member ID, storage, transport, state machine and seams. */
export interface RaftNodeOptions<R = unknown> {
  id: MemberId;
  storage: RaftStorage;
  transport: Transport;
  stateMachine: StateMachine<R>;
  clock: Clock;
  random: Random;
  logger?: Logger;
  /** Milliseconds per raft tick. Default 1000 (swarm's production value). */
  tickMs?: number;
  /** Voters of a brand-new cluster. Used only when the storage is empty; members added later start empty. */
  bootstrap?: readonly MemberId[];
  /** Take a snapshot every this many applied entries. Default 10,000. */
  snapshotInterval?: number;
  /** Entries kept behind a snapshot for slow followers. Default 500. */
  keepEntries?: number;
  /** Default time limit of propose/readIndex/membership calls. Default 20 election timeouts. */
  timeoutMs?: number;
  /** How many recent proposal IDs are remembered to apply a duplicated proposal once. Default 10,000. */
  dedupeWindow?: number;
  /** Core options (election/heartbeat ticks, pre-vote, check-quorum, flow control...). */
  raft?: Omit<Config, 'id' | 'storage' | 'random' | 'logger' | 'applied' | 'asyncStorageWrites'>;
}

/** Per-call options of `propose`, `readIndex` and the membership calls. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

type Waiter = {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  done: () => void;
};

type ReadWaiter = {
  index?: bigint;
  resolve: (v: { index: bigint }) => void;
  reject: (e: unknown) => void;
  done: () => void;
};

const MAGIC = 0x53; // 'S': an entry proposed through a RaftNode
const SNAPSHOT_MAGIC = 0x44; // 'D': snapshot data with the deduplication window
const ID_BYTES = 16;
/**
 * Resolves after one turn of the event loop: the host's `setImmediate` where it has one (Node.js;
 * no 1 ms clamp), a zero timeout elsewhere (this module stays portable).
 */
const nextTurn: () => Promise<void> = (() => {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  return immediate !== undefined
    ? () => new Promise<void>((resolve) => void immediate(resolve))
    : () => new Promise<void>((resolve) => void setTimeout(resolve, 0));
})();

/** A follower's write of at most this many entries is made inline (see SaveOptions.inline). */
const INLINE_MAX_ENTRIES = 2;

/** The driver: runs a RawNode's Ready loop (persist and sync, send, apply, advance) on an injected clock, and settles `propose` when the entry is committed and applied on this member. */
export class RaftNode<R = unknown> {
  readonly id: MemberId;
  readonly #o: Required<Omit<RaftNodeOptions<R>, 'bootstrap' | 'raft' | 'logger'>> & { logger: Logger };
  readonly #raftConfig: RaftNodeOptions<R>['raft'];
  readonly #bootstrap: readonly MemberId[] | undefined;
  #rn: RawNode | undefined;
  #tickTimer: Timer | undefined;
  #pumping = false;
  #stopped: string | undefined;
  #applied = 0n;
  #snapshotIndex = 0n;
  #confState: ConfState = emptyConfState();
  #leader: MemberId = NONE;
  #raftState: StateType = 'follower';
  /** Term and vote as last made durable by a completed save (what early sends may rely on). */
  #durableTerm = 0n;
  #durableVote: MemberId = NONE;
  #term = 0n;
  /**
   * A hard state whose only change is the commit index, not yet written: it rides along with the
   * next write instead of costing one of its own (a commit index need not be durable, as etcd's
   * MustSync says; after a crash the member learns it again from the leader).
   */
  #pendingHardState: HardState | undefined;
  /** Proposal and read IDs: a random prefix drawn at start, then a counter (unique per process run). */
  readonly #idPrefix = new Uint8Array(ID_BYTES - 8);
  #idCounter = 0n;
  /**
   * On a leader while its own write is in flight: the entries that write holds and the committed
   * entries still waiting for it, in log order. An acknowledgement that makes some of them durable
   * on a majority without this member applies them at once (see #applyDurableQuorum).
   */
  #inFlight: Entry[] | undefined;
  readonly #waiters = new Map<string, Waiter>();
  /** IDs of recently applied proposals, oldest first (bounded by dedupeWindow). */
  readonly #recent = new Set<string>();
  readonly #reads = new Map<string, ReadWaiter>();
  /**
   * Proposals made while a Ready was being handled, stepped together as one batch before the next
   * Ready (one append per follower for all of them instead of one each). Keys name their waiters.
   */
  #batch: Uint8Array[] = [];
  #batchKeys: string[] = [];
  readonly #leaderListeners = new Set<(leader: MemberId, term: bigint) => void>();
  readonly #applyListeners = new Set<(index: bigint) => void>();

  constructor(options: RaftNodeOptions<R>) {
    if (typeof options.id !== 'bigint' || options.id <= 0n)
      throw new TypeError('RaftNode: options.id must be a non-zero bigint');
    for (const k of ['storage', 'transport', 'stateMachine', 'clock', 'random'] as const) {
      if (options[k] === undefined || options[k] === null)
        throw new TypeError(`RaftNode: options.${k} is required`);
    }
    const tickMs = options.tickMs ?? 1000;
    if (!(tickMs > 0)) throw new RangeError(`RaftNode: tickMs must be > 0, got ${tickMs}`);
    const electionTick = options.raft?.electionTick ?? 10;
    // RaftNode persists each Ready itself, in order, before it acknowledges it (advance): the
    // core's asynchronous storage writes are for embedders that drive a RawNode themselves.
    if ((options.raft as { asyncStorageWrites?: unknown } | undefined)?.asyncStorageWrites === true)
      throw new RaftConfigError(
        'RaftNode: raft.asyncStorageWrites is not supported by RaftNode (it persists every Ready itself); drive a RawNode with Config.asyncStorageWrites instead, or remove the option',
        { option: 'asyncStorageWrites' },
      );
    this.id = options.id;
    this.#o = {
      id: options.id,
      storage: options.storage,
      transport: options.transport,
      stateMachine: options.stateMachine,
      clock: options.clock,
      random: options.random,
      logger: options.logger ?? noopLogger,
      tickMs,
      snapshotInterval: options.snapshotInterval ?? 10_000,
      keepEntries: options.keepEntries ?? 500,
      timeoutMs: options.timeoutMs ?? 20 * electionTick * tickMs,
      dedupeWindow: options.dedupeWindow ?? 10_000,
    };
    this.#raftConfig = options.raft;
    this.#bootstrap = options.bootstrap;
  }

  /** Restores the state machine from storage, bootstraps a new cluster if asked, and starts ticking. */
  async start(): Promise<void> {
    if (this.#rn !== undefined) throw new TypeError('RaftNode.start() called twice');
    const storage = this.#o.storage;
    const empty = storage.lastIndex() === 0n && storage.snapshot().metadata.index === 0n;
    if (empty && this.#bootstrap !== undefined && this.#bootstrap.length > 0) {
      // Every founding member writes the same initial snapshot: index 1, term 1, the voters.
      const voters = [...new Set(this.#bootstrap)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      await storage.save(
        {
          snapshot: {
            data: this.#snapshotData(),
            metadata: { index: 1n, term: 1n, confState: { ...emptyConfState(), voters } },
          },
          hardState: { term: 1n, vote: NONE, commit: 1n },
        },
        { sync: true },
      );
    }
    const snap = storage.snapshot();
    if (snap.metadata.index > 0n) {
      this.#restore(snap.data);
      this.#confState = snap.metadata.confState;
    }
    this.#applied = snap.metadata.index;
    this.#snapshotIndex = snap.metadata.index;
    const hs = storage.hardState();
    this.#durableTerm = hs.term;
    this.#durableVote = hs.vote;
    this.#idPrefix.set(this.#o.random.bytes(this.#idPrefix.byteLength));
    this.#rn = new RawNode({
      ...this.#raftConfig,
      id: this.id,
      storage,
      random: this.#o.random,
      logger: this.#o.logger,
      applied: this.#applied,
    });
    this.#armTick();
    this.#kick();
  }

  /** Stops ticking and rejects every pending call. Storage is left open (the embedder closes it). */
  async stop(): Promise<void> {
    this.#halt('stopped by the embedder');
  }

  get isLeader(): boolean {
    return this.#rn !== undefined && this.#leader === this.id && this.#stopped === undefined;
  }

  /** The current leader as last seen (NONE if unknown). */
  get leader(): MemberId {
    return this.#leader;
  }

  /** Why the node stopped (by `stop()` or a fatal storage error), or undefined while running. */
  get stoppedReason(): string | undefined {
    return this.#stopped;
  }

  /** The term as last persisted. */
  get term(): bigint {
    return this.#term;
  }

  get appliedIndex(): bigint {
    return this.#applied;
  }

  /** The core's status: hard and soft state, configuration, and (on a leader) each member's progress. */
  status(): Status {
    return this.#node().status();
  }

  /** Called when the leader (or the term) changes. Returns an unsubscribe function. */
  onLeaderChange(fn: (leader: MemberId, term: bigint) => void): () => void {
    this.#leaderListeners.add(fn);
    return () => this.#leaderListeners.delete(fn);
  }

  /** Called after entries up to `index` were applied. Returns an unsubscribe function. */
  onApplied(fn: (index: bigint) => void): () => void {
    this.#applyListeners.add(fn);
    return () => this.#applyListeners.delete(fn);
  }

  /**
   * Proposes `data`; resolves with its log index and the state machine's result once the entry is
   * committed and applied on this member. Rejects with PROPOSAL_DROPPED when it cannot be accepted
   * now, RAFT_TIMEOUT when the outcome is unknown, or the signal's reason when aborted.
   */
  propose(data: Uint8Array, options: CallOptions = {}): Promise<{ index: bigint; result: R }> {
    if (!(data instanceof Uint8Array))
      return Promise.reject(new TypeError('propose(data): data must be a Uint8Array'));
    const rn = this.#node();
    return this.#wait('proposal', options, (id, key) => {
      const env = new Uint8Array(1 + ID_BYTES + data.byteLength);
      env[0] = MAGIC;
      env.set(id, 1);
      env.set(data, 1 + ID_BYTES);
      if (this.#pumping) {
        // A Ready is being handled: join the batch stepped before the next one.
        this.#batch.push(env);
        this.#batchKeys.push(key);
      } else rn.propose(env);
    }) as Promise<{ index: bigint; result: R }>;
  }

  /**
   * A linearizable read barrier: resolves with a read index once this member has applied at least
   * up to it, so that reading the local state machine afterwards reflects every write committed
   * before the call.
   */
  readIndex(options: CallOptions = {}): Promise<{ index: bigint }> {
    const rn = this.#node();
    if (this.#leader === NONE) return Promise.reject(new NoLeaderError('read index'));
    return new Promise((resolve, reject) => {
      const ctx = this.#nextId();
      const key = hex(ctx);
      const cleanup = this.#guard('read index', options, reject, () => this.#reads.delete(key));
      if (cleanup === undefined) return;
      this.#reads.set(key, { resolve, reject, done: cleanup });
      try {
        rn.readIndex(ctx);
      } catch (err) {
        this.#reads.delete(key);
        cleanup();
        reject(err);
        return;
      }
      this.#kick();
    });
  }

  /** Adds a voter (or a learner) one at a time; resolves when the change is applied here. */
  addMember(
    id: MemberId,
    options: CallOptions & { learner?: boolean } = {},
  ): Promise<{ index: bigint; confState: ConfState }> {
    const type = options.learner ? ConfChangeType.AddLearnerNode : ConfChangeType.AddNode;
    return this.changeMembership([{ type, nodeId: id }], options);
  }

  /** Removes a member; a removed leader steps down once the change applies. */
  removeMember(id: MemberId, options: CallOptions = {}): Promise<{ index: bigint; confState: ConfState }> {
    return this.changeMembership([{ type: ConfChangeType.RemoveNode, nodeId: id }], options);
  }

  /**
   * Any membership change: one voter at a time, or several at once through joint consensus
   * (entered and left automatically).
   */
  changeMembership(
    changes: ConfChangeV2['changes'],
    options: CallOptions = {},
  ): Promise<{ index: bigint; confState: ConfState }> {
    const rn = this.#node();
    return this.#wait('membership change', options, (id) => {
      rn.proposeConfChange({ transition: ConfChangeTransition.Auto, changes: [...changes], context: id });
    }) as Promise<{ index: bigint; confState: ConfState }>;
  }

  /** Asks the leader to hand leadership to `to`. Watch onLeaderChange for the outcome. */
  transferLeadership(to: MemberId): void {
    this.#node().transferLeader(to);
    this.#kick();
  }

  /** Starts an election now. */
  campaign(): void {
    this.#node().campaign();
    this.#kick();
  }

  /** Delivers a message from the transport. Messages for a stopped node are dropped. */
  receive(message: Message): void {
    if (this.#stopped !== undefined || this.#rn === undefined) return;
    try {
      this.#rn.step(message);
    } catch (err) {
      // A response from an unknown member or a proposal that was dropped: not fatal.
      this.#o.logger.debug('raft: message not stepped', {
        type: MessageType[message.type],
        error: String(err),
      });
      return;
    }
    if (this.#inFlight !== undefined && message.type === MessageType.AppResp && !message.reject)
      this.#applyDurableQuorum(this.#inFlight);
    this.#kick();
  }

  /** The transport could not reach `to`. */
  unreachable(to: MemberId): void {
    if (this.#stopped !== undefined || this.#rn === undefined) return;
    this.#rn.reportUnreachable(to);
  }

  // ---- internals ----

  #node(): RawNode {
    if (this.#stopped !== undefined) throw new RaftNodeStoppedError(this.#stopped);
    if (this.#rn === undefined) throw new TypeError('RaftNode: call start() first');
    return this.#rn;
  }

  #wait(what: string, options: CallOptions, submit: (id: Uint8Array, key: string) => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId();
      const key = hex(id);
      const cleanup = this.#guard(what, options, reject, () => this.#waiters.delete(key));
      if (cleanup === undefined) return;
      this.#waiters.set(key, { resolve, reject, done: cleanup });
      try {
        submit(id, key);
      } catch (err) {
        this.#waiters.delete(key);
        cleanup();
        reject(err);
        return;
      }
      this.#kick();
    });
  }

  /**
   * A fresh proposal or read ID: this run's random prefix and a counter. Unique without drawing
   * random bytes per call (a random draw per proposal was ~4% of a busy leader's CPU); a restart
   * draws a new prefix, so IDs from before a crash are never reused.
   */
  #nextId(): Uint8Array {
    const id = new Uint8Array(ID_BYTES);
    id.set(this.#idPrefix);
    this.#idCounter++;
    new DataView(id.buffer).setBigUint64(ID_BYTES - 8, this.#idCounter);
    return id;
  }

  /** Arms the timeout and abort signal of a call; returns the cleanup, or undefined if already aborted. */
  #guard(
    what: string,
    options: CallOptions,
    reject: (e: unknown) => void,
    forget: () => void,
  ): (() => void) | undefined {
    const { signal } = options;
    if (signal?.aborted) {
      reject(signal.reason);
      return undefined;
    }
    const ms = options.timeoutMs ?? this.#o.timeoutMs;
    const timer = this.#o.clock.setTimeout(() => {
      forget();
      cleanup();
      reject(new RaftTimeoutError(what, ms));
    }, ms);
    const onAbort = () => {
      forget();
      cleanup();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => {
      timer.cancel();
      signal?.removeEventListener('abort', onAbort);
    };
    return cleanup;
  }

  #armTick(): void {
    this.#tickTimer = this.#o.clock.setTimeout(() => {
      if (this.#stopped !== undefined || this.#rn === undefined) return;
      this.#rn.tick();
      this.#armTick();
      this.#kick();
    }, this.#o.tickMs);
  }

  #kick(): void {
    if (this.#pumping || this.#stopped !== undefined || this.#rn === undefined) return;
    this.#pumping = true;
    void this.#pump();
  }

  async #pump(): Promise<void> {
    try {
      while (this.#stopped === undefined) {
        this.#flushBatch();
        if (!this.#rn!.hasReady()) break;
        await this.#handle(this.#rn!.ready());
      }
    } catch (err) {
      this.#o.logger.error('raft: fatal error in the ready loop; stopping this member', {
        error: String(err),
      });
      this.#halt(`fatal: ${(err as Error).message}`);
    } finally {
      this.#pumping = false;
    }
  }

  async #handle(rd: Ready): Promise<void> {
    const rn = this.#rn!;
    if (rd.softState !== undefined || rd.hardState !== undefined) {
      const leader = rd.softState?.lead ?? this.#leader;
      const term = rd.hardState?.term ?? this.#term;
      if (leader !== this.#leader || term !== this.#term) {
        const changedLeader = leader !== this.#leader;
        this.#leader = leader;
        this.#term = term;
        if (changedLeader) for (const fn of this.#leaderListeners) fn(leader, term);
      }
    }
    if (rd.softState !== undefined) this.#raftState = rd.softState.raftState;
    // A leader whose term and vote are already durable may send its appends and heartbeats while
    // its own write is in flight (Raft thesis §10.2.1, as etcd's server does): followers persist
    // before they acknowledge, and the commit index these messages carry was computed from
    // acknowledgements of entries this leader persisted in an earlier Ready (Readys are handled one
    // at a time). Everything else (votes, responses) waits for the write.
    let later = rd.messages;
    let early: Message[] = [];
    const termDurable =
      rd.hardState === undefined ||
      (rd.hardState.term === this.#durableTerm && rd.hardState.vote === this.#durableVote);
    if (this.#raftState === 'leader' && termDurable && rd.messages.length > 0) {
      early = rd.messages.filter((m) => m.type === MessageType.App || m.type === MessageType.Heartbeat);
      later = rd.messages.filter((m) => m.type !== MessageType.App && m.type !== MessageType.Heartbeat);
    }
    // Committed entries already durable here (from earlier Readys; committed entries are never
    // overwritten) are applied while this Ready's write is in flight, up to the first conf change.
    // A conf change is applied only once a commit index covering it is durable: the Ready that
    // carries it is synced (even when the core says a commit change alone need not be) and it is
    // applied after that write. Otherwise a crash could bring this member back with a commit index
    // below an applied removal, in the old configuration, after the removed member was shut down
    // on the strength of that apply (a liveness failure: too few members of the old configuration
    // left to elect a leader).
    const durableLast = this.#o.storage.lastIndex();
    let applyNow = 0;
    let confChange = false;
    for (const e of rd.committedEntries) {
      if (e.type !== EntryType.Normal) {
        confChange = true;
        break;
      }
    }
    if (rd.snapshot === undefined) {
      while (
        applyNow < rd.committedEntries.length &&
        rd.committedEntries[applyNow]!.index <= durableLast &&
        rd.committedEntries[applyNow]!.type === EntryType.Normal
      )
        applyNow++;
    }
    // The hard state is rewritten with a conf change even when unchanged (its commit index may sit
    // in an earlier unsynced write): the synced write is then never empty.
    // A Ready whose only write is a new commit index (term and vote unchanged, nothing to sync)
    // writes nothing now: its hard state goes with the next write.
    const sync = rd.mustSync || confChange || rd.snapshot !== undefined;
    let hardState = rd.hardState ?? this.#pendingHardState;
    this.#pendingHardState = undefined;
    let persisted: Promise<void> | undefined;
    if (!sync && rd.entries.length === 0 && rd.snapshot === undefined) {
      this.#pendingHardState = hardState;
    } else {
      if (hardState === undefined && confChange) hardState = this.#o.storage.hardState();
      // A follower sends nothing before its write is done: a small write (an idle cluster's one
      // entry) may be made on this thread. Under load it goes through the thread pool, so that
      // the appends arriving meanwhile are stepped and batched into the next write (measured: inline
      // writes of every size cost a fifth of the 64-client throughput).
      persisted = this.#o.storage.save(
        { hardState, entries: rd.entries, snapshot: rd.snapshot },
        {
          sync,
          inline:
            this.#raftState !== 'leader' &&
            rd.snapshot === undefined &&
            rd.entries.length <= INLINE_MAX_ENTRIES,
        },
      );
    }
    // Awaited below, after a possible yield: handled now, so that a write failing meanwhile is
    // not reported as an unhandled rejection (the await still throws it).
    persisted?.catch(() => {});
    for (let i = 0; i < applyNow; i++) this.#apply(rn, rd.committedEntries[i]!);
    // 1. persist (the leader's appends and heartbeats go out while its write is in flight)
    if (persisted !== undefined && this.#raftState === 'leader' && rd.snapshot === undefined) {
      this.#inFlight = [...rd.committedEntries.slice(applyNow), ...rd.entries];
    }
    try {
      if (early.length > 0) {
        // Writes applied just now are answered before these messages go out: they are mostly the
        // empty appends that carry the new commit index to the followers, which no client waits
        // for (a socket write per follower, each about a tenth of a one-client write's latency
        // on loopback). The yield lets the proposers' continuations write their answers first.
        if (applyNow > 0) await nextTurn();
        if (this.#stopped === undefined) this.#o.transport.send(early);
      }
      if (persisted !== undefined) await persisted;
    } finally {
      this.#inFlight = undefined;
    }
    if (this.#stopped !== undefined) return;
    if (rd.hardState !== undefined) {
      this.#durableTerm = rd.hardState.term;
      this.#durableVote = rd.hardState.vote;
    }
    // 2. send
    if (later.length > 0) {
      for (const m of later) if (m.type === MessageType.Snap) this.#freshSnapshot(m);
      this.#o.transport.send(later);
      for (const m of later) if (m.type === MessageType.Snap) rn.reportSnapshot(m.to, 'finish');
    }
    // 3. apply
    if (rd.snapshot !== undefined && rd.snapshot.metadata.index > this.#applied) {
      this.#restore(rd.snapshot.data);
      this.#confState = rd.snapshot.metadata.confState;
      this.#applied = rd.snapshot.metadata.index;
      this.#snapshotIndex = rd.snapshot.metadata.index;
    }
    for (let i = applyNow; i < rd.committedEntries.length; i++) this.#apply(rn, rd.committedEntries[i]!);
    for (const rs of rd.readStates) {
      const w = this.#reads.get(hex(rs.requestCtx));
      if (w !== undefined) w.index = rs.index;
    }
    this.#serveReads();
    // 4. advance
    rn.advance();
    if (rd.committedEntries.length > 0) for (const fn of this.#applyListeners) fn(this.#applied);
    await this.#maybeSnapshot();
  }

  /**
   * The leader's own write is in flight and a follower acknowledged an append: applies, in order,
   * the entries of `pending` that are now durable on a majority of the voters counting this
   * member only up to what it has itself persisted (a follower acknowledges only after its sync),
   * provided the highest of them is of the current term (then it and everything before it are
   * committed, whatever happens to this member's write). So a write is acknowledged once any
   * majority has synced it: two followers need not wait for a slow leader fsync, as the Raft
   * thesis allows (§10.2.1). Stops at the first conf change: those wait for a durable commit here.
   */
  #applyDurableQuorum(pending: Entry[]): void {
    const rn = this.#rn!;
    const quorum = rn.quorumIndex(this.#o.storage.lastIndex());
    if (quorum === undefined || quorum <= this.#applied) return;
    const top = pending.findLast((e) => e.index <= quorum);
    if (top === undefined || top.term !== rn.term) return;
    for (const e of pending) {
      if (e.index <= this.#applied) continue;
      if (e.index > top.index || e.index !== this.#applied + 1n || e.type !== EntryType.Normal) break;
      this.#apply(rn, e);
    }
  }

  /**
   * Replaces an outgoing snapshot with one of the current applied state (as etcd's server does):
   * the stored snapshot may predate the configuration that added the recipient, which would refuse it.
   */
  #freshSnapshot(m: Message): void {
    const stored = m.snapshot;
    if (stored === undefined || stored.metadata.index >= this.#applied) return;
    m.snapshot = {
      data: this.#snapshotData(),
      metadata: {
        index: this.#applied,
        term: this.#o.storage.term(this.#applied),
        confState: this.#confState,
      },
    };
  }

  /** Snapshot data: the recent proposal IDs (for deduplication), then the state machine's image. */
  #snapshotData(): Uint8Array {
    const sm = this.#o.stateMachine.snapshot();
    const count = this.#recent.size;
    const out = new Uint8Array(5 + count * ID_BYTES + sm.byteLength);
    out[0] = SNAPSHOT_MAGIC;
    new DataView(out.buffer).setUint32(1, count);
    let at = 5;
    for (const id of this.#recent) {
      unhexInto(id, out, at);
      at += ID_BYTES;
    }
    out.set(sm, at);
    return out;
  }

  #restore(data: Uint8Array): void {
    this.#recent.clear();
    if (data.byteLength === 0) {
      this.#o.stateMachine.restore(data);
      return;
    }
    if (data[0] !== SNAPSHOT_MAGIC || data.byteLength < 5) {
      throw new TypeError('RaftNode: snapshot data was not written by a RaftNode (bad header)');
    }
    const n = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(1);
    for (let i = 0; i < n; i++)
      this.#recent.add(hex(data.subarray(5 + i * ID_BYTES, 5 + (i + 1) * ID_BYTES)));
    this.#o.stateMachine.restore(data.subarray(5 + n * ID_BYTES));
  }

  #apply(rn: RawNode, e: Entry): void {
    if (e.index <= this.#applied) return;
    this.#applied = e.index;
    if (e.type === EntryType.Normal) {
      if (e.data.byteLength === 0) return; // a new leader's empty entry
      if (e.data[0] !== MAGIC || e.data.byteLength < 1 + ID_BYTES) {
        this.#o.logger.warn('raft: skipping an entry not proposed through RaftNode', {
          index: e.index.toString(),
        });
        return;
      }
      const key = hex(e.data.subarray(1, 1 + ID_BYTES));
      // A proposal can reach the log twice (a forwarded proposal duplicated or retried by the
      // network); apply it once. The window of recent IDs is part of every snapshot, so all
      // members skip the same duplicates.
      if (this.#recent.has(key)) return;
      this.#recent.add(key);
      if (this.#recent.size > this.#o.dedupeWindow) this.#recent.delete(this.#recent.values().next().value!);
      const result = this.#o.stateMachine.apply(e.data.subarray(1 + ID_BYTES), e.index);
      this.#settle(key, { index: e.index, result });
      return;
    }
    const cc = e.type === EntryType.ConfChangeV2 ? decodeConfChange(e.data) : decodeConfChangeV1(e.data);
    this.#confState = rn.applyConfChange(cc);
    this.#settle(hex(cc.context), { index: e.index, confState: this.#confState });
  }

  /** Resolves the local call waiting for the entry with this proposal ID, if this member made it. */
  #settle(key: string, value: unknown): void {
    const w = this.#waiters.get(key);
    if (w === undefined) return;
    this.#waiters.delete(key);
    w.done();
    w.resolve(value);
  }

  #serveReads(): void {
    for (const [key, w] of this.#reads) {
      if (w.index !== undefined && w.index <= this.#applied) {
        this.#reads.delete(key);
        w.done();
        w.resolve({ index: w.index });
      }
    }
  }

  async #maybeSnapshot(): Promise<void> {
    if (this.#applied - this.#snapshotIndex < BigInt(this.#o.snapshotInterval)) return;
    const storage = this.#o.storage;
    const at = this.#applied;
    // The commit index on disk must not fall below the snapshot (a restart would refuse it).
    const pending = this.#pendingHardState;
    this.#pendingHardState = undefined;
    if (pending !== undefined) await storage.save({ hardState: pending }, { sync: false });
    await storage.createSnapshot(at, this.#confState, this.#snapshotData());
    this.#snapshotIndex = at;
    const compactTo = at - BigInt(this.#o.keepEntries);
    if (compactTo >= storage.firstIndex()) await storage.compact(compactTo);
  }

  /** Steps the proposals batched during the last Ready; if the core drops them, their calls fail. */
  #flushBatch(): void {
    if (this.#batch.length === 0) return;
    const batch = this.#batch;
    const keys = this.#batchKeys;
    this.#batch = [];
    this.#batchKeys = [];
    try {
      this.#rn!.proposeBatch(batch);
    } catch (err) {
      for (const key of keys) {
        const w = this.#waiters.get(key);
        if (w === undefined) continue; // timed out or aborted meanwhile
        this.#waiters.delete(key);
        w.done();
        w.reject(err);
      }
    }
  }

  #halt(reason: string): void {
    if (this.#stopped !== undefined) return;
    this.#stopped = reason;
    this.#batch = [];
    this.#batchKeys = [];
    this.#tickTimer?.cancel();
    const err = new RaftNodeStoppedError(reason);
    for (const w of this.#waiters.values()) {
      w.done();
      w.reject(err);
    }
    for (const w of this.#reads.values()) {
      w.done();
      w.reject(err);
    }
    this.#waiters.clear();
    this.#reads.clear();
  }
}

/** Writes the bytes of the lowercase hex string `s` into `out` from `at` (no allocation: 10,000 IDs per snapshot). */
function unhexInto(s: string, out: Uint8Array, at: number): void {
  for (let i = 0; i < s.length / 2; i++)
    out[at + i] = (nibble(s.charCodeAt(2 * i)) << 4) | nibble(s.charCodeAt(2 * i + 1));
}

function nibble(c: number): number {
  return c <= 57 ? c - 48 : c - 87; // '0'-'9', 'a'-'f'
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]!];
  return s;
}
