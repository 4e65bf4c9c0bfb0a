// Testing aids (`@swarm/raft/testing`): an in-memory network of raft cores that can drop, delay,
// duplicate and reorder messages and partition members, all driven by a seeded Random.
import { type Logger, noopLogger, type Random } from '@swarm/api';
import { decodeConfChange, decodeConfChangeV1 } from './codec.js';
import { ConfChangeError } from './confchange/errors.js';
import type { Config } from './config.js';
import { RawNode, type Ready } from './raw-node.js';
import type { ReadState } from './read-only.js';
import { MemoryStorage } from './storage.js';
import {
  type ConfChangeV2,
  type ConfState,
  type Entry,
  EntryType,
  emptyConfState,
  isLocalMessageTarget,
  LOCAL_APPEND_THREAD,
  LOCAL_APPLY_THREAD,
  type MemberId,
  type Message,
  type Snapshot,
} from './types.js';

export {
  describeEntries,
  describeEntry,
  describeHardState,
  describeMessage,
  describeReady,
} from './describe.js';

/** A message in flight, with the delivery rounds it still waits. */
export interface InFlight {
  msg: Message;
  delay: number;
}

/** Faults of a MemoryNetwork, as probabilities per message. */
export interface NetworkFaults {
  /** Probability that a sent message is lost. Default 0. */
  dropRate?: number;
  /** Probability that a sent message is delivered twice. Default 0. */
  duplicateRate?: number;
  /** Probability that a sent message overtakes messages already queued. Default 0. */
  reorderRate?: number;
  /** Maximum delivery rounds a message may be delayed (uniform in [0, maxDelay]). Default 0. */
  maxDelay?: number;
}

/**
 * Whether a message stays inside one member (to or from its storage threads, or to itself): such
 * messages are delivered reliably and in order, never dropped, delayed or partitioned.
 */
export function isLocalDelivery(m: Message): boolean {
  return m.from === m.to || isLocalMessageTarget(m.from) || isLocalMessageTarget(m.to);
}

/** A deep enough copy that the receiver's mutations never reach the sender (or a duplicate). */
export function cloneMessage(m: Message): Message {
  const c: Message = { ...m, entries: m.entries.map((e) => ({ ...e })) };
  return c;
}

/**
 * The wires between members. `send` applies the configured faults; `take` hands out deliverable
 * messages. Partitions and one-way cuts drop messages both when sent and when delivered.
 */
export class MemoryNetwork {
  readonly random: Random;
  faults: Required<NetworkFaults>;
  queue: InFlight[] = [];
  /** Member -> partition group; members in different groups cannot talk. */
  #group = new Map<MemberId, number>();
  #cut = new Set<string>();
  /** Messages dropped so far (faults and partitions). */
  dropped = 0;

  constructor(random: Random, faults: NetworkFaults = {}) {
    this.random = random;
    this.faults = { dropRate: 0, duplicateRate: 0, reorderRate: 0, maxDelay: 0, ...faults };
  }

  /** Splits members into groups that cannot reach each other; unlisted members form one more group. */
  partition(...groups: MemberId[][]): void {
    this.#group.clear();
    groups.forEach((g, i) => {
      for (const id of g) this.#group.set(id, i + 1);
    });
  }

  /** Cuts `id` off from everyone (both directions). */
  isolate(id: MemberId): void {
    this.#group.set(id, -Number(id) - 1000);
  }

  /** Drops messages from `from` to `to` only (an asymmetric partition). */
  cut(from: MemberId, to: MemberId): void {
    this.#cut.add(`${from}->${to}`);
  }

  /** Removes every partition and cut. */
  heal(): void {
    this.#group.clear();
    this.#cut.clear();
  }

  /** Whether messages from `from` reach `to` (no partition or cut between them). */
  connected(from: MemberId, to: MemberId): boolean {
    if (this.#cut.has(`${from}->${to}`)) return false;
    return (this.#group.get(from) ?? 0) === (this.#group.get(to) ?? 0);
  }

  /** Queues a message, applying partitions and the configured faults. */
  send(m: Message): void {
    if (isLocalDelivery(m)) {
      this.queue.push({ msg: cloneMessage(m), delay: 0 });
      return;
    }
    if (!this.connected(m.from, m.to) || this.#chance(this.faults.dropRate)) {
      this.dropped++;
      return;
    }
    const copies = this.#chance(this.faults.duplicateRate) ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const f: InFlight = {
        msg: cloneMessage(m),
        delay: this.faults.maxDelay > 0 ? this.random.int(this.faults.maxDelay + 1) : 0,
      };
      if (this.queue.length > 0 && this.#chance(this.faults.reorderRate)) {
        this.queue.splice(this.random.int(this.queue.length), 0, f);
      } else {
        this.queue.push(f);
      }
    }
  }

  /**
   * Removes and returns the messages deliverable now (to `to`, or to anyone), in queue order;
   * delayed messages wait one round less.
   */
  take(to?: MemberId): Message[] {
    const out: Message[] = [];
    const keep: InFlight[] = [];
    for (const f of this.queue) {
      if (to !== undefined && f.msg.to !== to) keep.push(f);
      else if (f.delay > 0) {
        f.delay--;
        keep.push(f);
      } else if (!isLocalDelivery(f.msg) && !this.connected(f.msg.from, f.msg.to)) this.dropped++;
      else out.push(f.msg);
    }
    this.queue = keep;
    return out;
  }

  /** Removes queued messages matching `pred`; returns them. */
  remove(pred: (m: Message) => boolean): Message[] {
    const out = this.queue.filter((f) => pred(f.msg)).map((f) => f.msg);
    this.queue = this.queue.filter((f) => !pred(f.msg));
    return out;
  }

  #chance(p: number): boolean {
    return p > 0 && this.random.float() < p;
  }
}

/**
 * MemoryStorage whose snapshot() returns the member's latest applied state when that is newer than
 * the stored snapshot, like an embedder that can snapshot its state machine on demand. The log is
 * unaffected (compaction is separate).
 */
export class OnDemandSnapshotStorage extends MemoryStorage {
  /** The member's current applied state as a snapshot, when the cluster wires it. */
  latest: (() => Snapshot | undefined) | undefined;

  /** The snapshot actually stored (bootstrap, installed or created by compaction). */
  storedSnapshot(): Snapshot {
    return super.snapshot();
  }

  override snapshot(): Snapshot {
    const stored = super.snapshot();
    const l = this.latest?.();
    return l !== undefined && l.metadata.index > stored.metadata.index ? l : stored;
  }
}

/** One member of a TestCluster: its core, its storage, and a tiny state machine (the applied payloads). */
export interface TestNode {
  id: MemberId;
  node: RawNode;
  storage: OnDemandSnapshotStorage;
  /** Payloads of applied normal entries, in order (the state machine). */
  state: string[];
  /** Every applied entry, including conf changes and empty ones. */
  appliedEntries: Entry[];
  confState: ConfState;
  /** The index and term of the last applied entry or snapshot. */
  appliedIndex: bigint;
  appliedTerm: bigint;
  /** Confirmed linearizable reads, in the order the core reported them. */
  readStates: ReadState[];
  /** Committed conf-change entries that were invalid when applied (and so skipped). */
  rejectedConfChanges: Entry[];
  /** With `asyncStorageWrites`: `StorageAppend` messages waiting for the append thread, in order. */
  appendWork: Message[];
  /** With `asyncStorageWrites`: `StorageApply` messages waiting for the apply thread, in order. */
  applyWork: Message[];
}

/** What a storage thread did: the message it processed (without its responses) and the responses it sent. */
export interface StorageThreadWork {
  processed: Message;
  responses: Message[];
}

/** Options of a TestCluster. */
export interface TestClusterOptions {
  random: Random;
  logger?: Logger;
  faults?: NetworkFaults;
  /** Options applied to every member (id, storage and random are supplied by the cluster). */
  config?: Partial<Omit<Config, 'id' | 'storage' | 'random'>>;
}

/** Options of `TestCluster.addNode`: the bootstrap configuration and log. */
export interface AddNodeOptions {
  voters: MemberId[];
  learners?: MemberId[];
  /** The bootstrap snapshot's index (and term 1). Default 1. 0 starts from an empty log. */
  index?: bigint;
  config?: Partial<Omit<Config, 'id' | 'storage' | 'random'>>;
  /** Entries already in the log after the bootstrap snapshot (to set up divergent logs). */
  entries?: Entry[];
  /** The persisted term to start with (no vote). Default: the last entry's term. */
  term?: bigint;
  /** The state machine's payloads in the bootstrap snapshot (its data). Default none. */
  state?: string[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A cluster of raft cores on a MemoryNetwork, each handling its Ready exactly as an embedder must:
 * persist, send, apply, advance. Time passes only through tick(); delivery only through deliver().
 */
export class TestCluster {
  readonly nodes = new Map<MemberId, TestNode>();
  readonly network: MemoryNetwork;
  readonly random: Random;
  readonly logger: Logger;
  readonly #config: TestClusterOptions['config'];
  readonly #nodeConfig = new Map<MemberId, AddNodeOptions['config']>();

  constructor(opts: TestClusterOptions) {
    this.random = opts.random;
    this.logger = opts.logger ?? noopLogger;
    this.network = new MemoryNetwork(opts.random, opts.faults);
    this.#config = opts.config;
  }

  /** Adds a member whose storage starts from a bootstrap snapshot with the given configuration. */
  addNode(id: MemberId, opts: AddNodeOptions): TestNode {
    if (this.nodes.has(id)) throw new RangeError(`addNode: member ${id} already exists`);
    const storage = new OnDemandSnapshotStorage();
    const index = opts.index ?? 1n;
    const cs: ConfState = {
      ...emptyConfState(),
      voters: [...opts.voters],
      learners: [...(opts.learners ?? [])],
    };
    if (index > 0n) {
      storage.applySnapshot({
        data: encodeState(opts.state ?? []),
        metadata: { index, term: 1n, confState: cs },
      });
    }
    // A member that holds entries of a term has seen that term: start there (the first election
    // after bootstrap is then term 2, as with etcd's bootstrap).
    let term = index > 0n ? 1n : 0n;
    if (opts.entries !== undefined && opts.entries.length > 0) {
      storage.append(opts.entries);
      term = opts.entries[opts.entries.length - 1]!.term;
    }
    term = opts.term ?? term;
    if (term > 0n) storage.setHardState({ term, vote: 0n, commit: index });
    this.#nodeConfig.set(id, opts.config ?? {});
    const node = new RawNode({
      ...this.#config,
      ...opts.config,
      id,
      storage,
      random: this.random,
      logger: this.logger.child({ member: id.toString() }),
    });
    const n: TestNode = {
      id,
      node,
      storage,
      state: index > 0n ? [...(opts.state ?? [])] : [],
      appliedEntries: [],
      confState: index > 0n ? cs : emptyConfState(),
      appliedIndex: index,
      appliedTerm: index > 0n ? 1n : 0n,
      readStates: [],
      rejectedConfChanges: [],
      appendWork: [],
      applyWork: [],
    };
    this.#wire(n);
    this.nodes.set(id, n);
    return n;
  }

  /** Restarts a member from its storage (volatile state is lost, persisted state kept). */
  restart(id: MemberId): TestNode {
    const old = this.get(id);
    // Messages within the member (responses of its storage threads, its own votes) died with it.
    this.network.remove((m) => m.to === id && isLocalDelivery(m));
    const snap = old.storage.storedSnapshot();
    const node = new RawNode({
      ...this.#config,
      ...this.#nodeConfig.get(id),
      id,
      storage: old.storage,
      random: this.random,
      logger: this.logger.child({ member: id.toString() }),
    });
    const n: TestNode = {
      id,
      node,
      storage: old.storage,
      state: decodeState(snap.data),
      appliedEntries: [],
      confState: snap.metadata.confState,
      appliedIndex: snap.metadata.index,
      appliedTerm: snap.metadata.term,
      readStates: [],
      rejectedConfChanges: [],
      // A crash loses the storage threads' queues: what they had not done never happened.
      appendWork: [],
      applyWork: [],
    };
    this.#wire(n);
    this.nodes.set(id, n);
    return n;
  }

  #wire(n: TestNode): void {
    n.storage.latest = () => ({
      data: encodeState(n.state),
      metadata: { index: n.appliedIndex, term: n.appliedTerm, confState: n.confState },
    });
  }

  /** The member `id`; a RangeError when there is none. */
  get(id: MemberId): TestNode {
    const n = this.nodes.get(id);
    if (n === undefined) throw new RangeError(`no member ${id} in the test cluster`);
    return n;
  }

  /**
   * Handles one Ready of member `id` (if it has one): persist, send, apply, advance. With
   * `asyncStorageWrites`, sends the messages to other members and queues the local storage
   * messages for `processAppendThread` / `processApplyThread` instead.
   */
  processReady(id: MemberId): Ready | undefined {
    const n = this.get(id);
    if (!n.node.hasReady()) return undefined;
    const rd = n.node.ready();
    if (n.node.raft.asyncStorageWrites) {
      for (const m of rd.messages) {
        if (m.to === LOCAL_APPEND_THREAD) n.appendWork.push(m);
        else if (m.to === LOCAL_APPLY_THREAD) n.applyWork.push(m);
        else this.network.send(m);
      }
      n.readStates.push(...rd.readStates);
      return rd;
    }
    // 1. Persist.
    if (rd.snapshot !== undefined) n.storage.applySnapshot(rd.snapshot);
    if (rd.hardState !== undefined) n.storage.setHardState(rd.hardState);
    n.storage.append(rd.entries);
    // 2. Send.
    for (const m of rd.messages) this.network.send(m);
    // 3. Apply.
    if (rd.snapshot !== undefined) {
      n.state = decodeState(rd.snapshot.data);
      n.confState = rd.snapshot.metadata.confState;
      n.appliedIndex = rd.snapshot.metadata.index;
      n.appliedTerm = rd.snapshot.metadata.term;
    }
    for (const e of rd.committedEntries) this.#apply(n, e);
    n.readStates.push(...rd.readStates);
    // 4. Advance.
    n.node.advance();
    return rd;
  }

  /**
   * Runs member `id`'s append thread for one `StorageAppend` (with `asyncStorageWrites`): persists
   * its hard state, snapshot (also installed in the state machine) and entries, then sends its
   * responses. Undefined when there is no append work.
   */
  processAppendThread(id: MemberId): StorageThreadWork | undefined {
    const n = this.get(id);
    const m = n.appendWork.shift();
    if (m === undefined) return undefined;
    const vote = m.vote ?? 0n;
    if (m.term !== 0n || vote !== 0n || m.commit !== 0n)
      n.storage.setHardState({ term: m.term, vote, commit: m.commit });
    if (m.snapshot !== undefined) {
      n.storage.applySnapshot(m.snapshot);
      n.state = decodeState(m.snapshot.data);
      n.confState = m.snapshot.metadata.confState;
      n.appliedIndex = m.snapshot.metadata.index;
      n.appliedTerm = m.snapshot.metadata.term;
    }
    n.storage.append(m.entries);
    return this.#respond(m);
  }

  /**
   * Runs member `id`'s apply thread for one `StorageApply` (with `asyncStorageWrites`): applies its
   * entries, then sends its responses. Undefined when there is no apply work.
   */
  processApplyThread(id: MemberId): StorageThreadWork | undefined {
    const n = this.get(id);
    const m = n.applyWork.shift();
    if (m === undefined) return undefined;
    for (const e of m.entries) this.#apply(n, e);
    return this.#respond(m);
  }

  #respond(m: Message): StorageThreadWork {
    const responses = m.responses ?? [];
    for (const r of responses) this.network.send(r);
    const processed: Message = { ...m };
    delete processed.responses;
    return { processed, responses };
  }

  #apply(n: TestNode, e: Entry): void {
    n.appliedEntries.push(e);
    n.appliedIndex = e.index;
    n.appliedTerm = e.term;
    if (e.type === EntryType.Normal) {
      if (e.data.byteLength > 0) n.state.push(decoder.decode(e.data));
      return;
    }
    const cc: ConfChangeV2 =
      e.type === EntryType.ConfChange ? decodeConfChangeV1(e.data) : decodeConfChange(e.data);
    try {
      n.confState = n.node.applyConfChange(cc);
    } catch (err) {
      // A committed change that is invalid for the configuration (e.g. removing every voter) is
      // skipped; every member sees the same log, so all of them skip it.
      if (!(err instanceof ConfChangeError)) throw err;
      n.rejectedConfChanges.push(e);
    }
  }

  /**
   * Delivers the deliverable messages (to `to`, or to everyone) once. Messages to unknown members
   * are dropped; proposals a member refuses are dropped too (as a real transport would). Returns
   * the messages delivered.
   */
  deliver(to?: MemberId): Message[] {
    const msgs = this.network.take(to);
    const delivered: Message[] = [];
    for (const m of msgs) {
      const n = this.nodes.get(m.to);
      if (n === undefined) continue;
      try {
        // The receiver may rewrite what it is given (a forwarded proposal gets its index); the
        // caller keeps the message as it was sent.
        delivered.push(m);
        n.node.step(cloneMessage(m));
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'PROPOSAL_DROPPED' || code === 'STEP_PEER_NOT_FOUND') {
          delivered.pop();
          continue;
        }
        throw err;
      }
    }
    return delivered;
  }

  /** Ticks member `id` `times` times. */
  tick(id: MemberId, times = 1): void {
    const n = this.get(id);
    for (let i = 0; i < times; i++) n.node.tick();
  }

  /** Ticks every member `times` times. */
  tickAll(times = 1): void {
    for (let i = 0; i < times; i++) for (const n of this.nodes.values()) n.node.tick();
  }

  /**
   * Processes Readys and delivers messages until nothing changes (or `maxRounds` rounds).
   * Returns whether the cluster went quiet.
   */
  stabilize(ids?: MemberId[], maxRounds = 10_000): boolean {
    const members = ids ?? [...this.nodes.keys()];
    for (let round = 0; round < maxRounds; round++) {
      let busy = false;
      for (const id of members) if (this.processReady(id) !== undefined) busy = true;
      const pending = this.network.queue.some((f) => members.includes(f.msg.to));
      for (const id of members) if (this.deliver(id).length > 0) busy = true;
      for (const id of members) {
        while (this.processAppendThread(id) !== undefined) busy = true;
        while (this.processApplyThread(id) !== undefined) busy = true;
      }
      if (!busy && !pending) return true;
    }
    return false;
  }

  /** The member that believes it is leader with the highest term, if any. */
  leader(): MemberId | undefined {
    let best: { id: MemberId; term: bigint } | undefined;
    for (const n of this.nodes.values()) {
      const r = n.node.raft;
      if (r.state === 'leader' && (best === undefined || r.term > best.term))
        best = { id: n.id, term: r.term };
    }
    return best?.id;
  }

  /** Proposes a UTF-8 string through member `id`; false when the proposal was dropped. */
  propose(id: MemberId, data: string): boolean {
    try {
      this.get(id).node.propose(encoder.encode(data));
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'PROPOSAL_DROPPED') return false;
      throw err;
    }
  }

  /** Snapshots member `id` at its applied index and compacts its log up to `index`. */
  compact(id: MemberId, index: bigint): Snapshot {
    const n = this.get(id);
    // The state machine's own applied index: with asynchronous writes the apply thread may be
    // ahead of what the core has been told (its response not yet stepped).
    const applied = n.appliedIndex;
    // The stored snapshot, not snapshot() (which is the applied state on demand): compacting the
    // log past the stored snapshot would leave a restart without the entries in between.
    if (applied > n.storage.storedSnapshot().metadata.index) {
      n.storage.createSnapshot(applied, n.confState, encodeState(n.state));
    }
    const upTo = index < applied ? index : applied;
    if (upTo >= n.storage.firstIndex()) n.storage.compact(upTo);
    return n.storage.storedSnapshot();
  }
}

function encodeState(state: string[]): Uint8Array {
  return encoder.encode(JSON.stringify(state));
}

function decodeState(data: Uint8Array): string[] {
  if (data.byteLength === 0) return [];
  return JSON.parse(decoder.decode(data)) as string[];
}
