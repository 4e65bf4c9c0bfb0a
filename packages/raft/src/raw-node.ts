// The embedder's handle on a raft core: a synchronous state machine driven by tick()/step() and
// drained through the Ready / advance() handshake (etcd's RawNode semantics, synchronous storage).

import { encodeConfChange, encodeConfChangeV1 } from './codec.js';
import type { Config } from './config.js';
import {
  AdvanceWithAsyncStorageWritesError,
  NoReadyError,
  StepLocalMessageError,
  StepPeerNotFoundError,
} from './errors.js';
import { confChangeToMessage, Raft, type SoftState } from './raft.js';
import type { ReadState } from './read-only.js';
import { getStatus, type Status } from './status.js';
import {
  ConfChangeTransition,
  type ConfChangeV1,
  type ConfChangeV2,
  type ConfState,
  type Entry,
  EntryType,
  type HardState,
  isLocalMessageTarget,
  LOCAL_APPEND_THREAD,
  LOCAL_APPLY_THREAD,
  type MemberId,
  type Message,
  MessageType,
  type Snapshot,
} from './types.js';
import { hardStateEqual, isLocalMessage, isResponseMessage, message, payloadsSize } from './util.js';

/**
 * Everything the core wants done, as one value. Handle it in this order:
 * 1. persist `hardState` (if any), `snapshot` (if any) and append `entries` to stable storage,
 *    syncing to disk if `mustSync`;
 * 2. send `messages` (only now: they may depend on what was just persisted);
 * 3. apply `snapshot` (if any) then `committedEntries` to the state machine, calling
 *    `applyConfChange` for conf-change entries; serve `readStates` once applied up to their index;
 * 4. call `advance()`.
 *
 * With `asyncStorageWrites` the writes travel as local messages instead: send the `messages` to
 * other members at once, hand the `StorageAppend` (to `LOCAL_APPEND_THREAD`) and `StorageApply`
 * (to `LOCAL_APPLY_THREAD`) messages to their threads, and do not call `advance()` (see the
 * README's "Asynchronous storage writes").
 */
export interface Ready {
  /** Changed volatile state (leader, role); absent when unchanged. */
  softState?: SoftState;
  /** Changed term, vote or commit index to persist; absent when unchanged. */
  hardState?: HardState;
  /** Entries to append to stable storage (they replace any stored entries at the same indexes). */
  entries: Entry[];
  /** A snapshot to install in stable storage, and then in the state machine. */
  snapshot?: Snapshot;
  /** Committed entries to apply, in order. They are persisted already or in `entries` of this Ready. */
  committedEntries: Entry[];
  /**
   * Messages to send after persisting. With `asyncStorageWrites`: messages to other members, to
   * send now, and the local `StorageAppend` / `StorageApply` messages for the storage threads.
   */
  messages: Message[];
  /** Linearizable reads confirmed by the leader: serve each once the state machine reaches its index. */
  readStates: ReadState[];
  /**
   * Whether the writes must be synced to disk before sending: new entries, term or vote (as etcd's
   * `MustSync`). A snapshot must be written durably regardless; and an embedder must sync before it
   * applies a conf change in `committedEntries`, or a crash could forget the applied change (its
   * commit index only ever written without sync).
   */
  mustSync: boolean;
}

/** How sending a snapshot to a follower ended (`reportSnapshot`). */
export type SnapshotStatus = 'finish' | 'failure';

/** The raft core as a synchronous state machine: drive it with `tick`, `step` and `propose`, take its work with `ready()`, handle it (persist, send, apply) and acknowledge with `advance()`. No I/O, no timers. */
export class RawNode {
  /**
   * The algorithm itself: not a supported API (tests and the scenario harness read its state).
   * @internal
   */
  readonly raft: Raft;
  #prevSoftState: SoftState;
  #prevHardState: HardState;
  #pending: Ready | undefined;
  /** This member's responses to itself, stepped by advance() (after the Ready was persisted). */
  #stepsOnAdvance: Message[] = [];
  readonly #async: boolean;

  constructor(config: Config) {
    this.raft = new Raft(config);
    this.#async = this.raft.asyncStorageWrites;
    this.#prevSoftState = this.raft.softState();
    this.#prevHardState = this.raft.hardState();
  }

  /** One logical clock tick: election timeout on followers, heartbeats on the leader. */
  tick(): void {
    this.raft.tick();
  }

  /** Starts an election now (pre-vote first if configured). */
  campaign(): void {
    this.raft.step(message({ type: MessageType.Hup, from: this.raft.id }));
  }

  /**
   * Proposes data to be appended to the log. A follower forwards it to the leader (unless
   * forwarding is disabled). Throws ProposalDroppedError when it cannot be accepted now; an
   * accepted proposal may still be lost (leader change) and must be tracked until applied.
   */
  propose(data: Uint8Array): void {
    if (!(data instanceof Uint8Array)) throw new TypeError('propose(data): data must be a Uint8Array');
    this.raft.step(
      message({
        type: MessageType.Prop,
        from: this.raft.id,
        entries: [{ term: 0n, index: 0n, type: EntryType.Normal, data }],
      }),
    );
  }

  /**
   * Proposes several entries at once, in order, as one proposal message: the leader appends them
   * together and replicates them in the same append messages (what a driver does with the
   * proposals that arrived while it was busy). All are accepted or all dropped, as `propose`.
   */
  proposeBatch(data: readonly Uint8Array[]): void {
    if (data.length === 0) return;
    const entries: Entry[] = new Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const d = data[i];
      if (!(d instanceof Uint8Array))
        throw new TypeError(`proposeBatch(data): data[${i}] must be a Uint8Array`);
      entries[i] = { term: 0n, index: 0n, type: EntryType.Normal, data: d };
    }
    this.raft.step(message({ type: MessageType.Prop, from: this.raft.id, entries }));
  }

  /**
   * Proposes a membership change; apply it with applyConfChange() when its entry is committed. A
   * ConfChangeV2 becomes an `EntryType.ConfChangeV2` entry, a legacy ConfChangeV1 an
   * `EntryType.ConfChange` entry.
   */
  proposeConfChange(cc: ConfChangeV2 | ConfChangeV1): void {
    const m = isConfChangeV1(cc)
      ? message({
          type: MessageType.Prop,
          entries: [{ term: 0n, index: 0n, type: EntryType.ConfChange, data: encodeConfChangeV1(cc) }],
        })
      : confChangeToMessage(cc);
    m.from = this.raft.id;
    this.raft.step(m);
  }

  /**
   * Applies a committed conf change to the core's configuration; returns the new ConfState to
   * persist. A legacy ConfChangeV1 is applied as the equivalent single-change ConfChangeV2.
   */
  applyConfChange(cc: ConfChangeV2 | ConfChangeV1): ConfState {
    return this.raft.applyConfChange(
      isConfChangeV1(cc)
        ? {
            transition: ConfChangeTransition.Auto,
            changes: [{ type: cc.type, nodeId: cc.nodeId }],
            context: cc.context,
          }
        : cc,
    );
  }

  /**
   * Delivers a message received from another member, or (with `asyncStorageWrites`) a response of
   * a local storage message: `StorageAppendResp` / `StorageApplyResp` from a storage thread, or
   * this member's own vote or append acknowledgement.
   */
  step(m: Message): void {
    if (isLocalMessage(m.type) && !isLocalMessageTarget(m.from))
      throw new StepLocalMessageError(MessageType[m.type] ?? String(m.type));
    if (isResponseMessage(m.type) && !isLocalMessageTarget(m.from) && !this.raft.trk.progress.has(m.from)) {
      throw new StepPeerNotFoundError(m.from, MessageType[m.type] ?? String(m.type));
    }
    this.raft.step(m);
  }

  /**
   * Makes a follower forget its leader (as etcd's `ForgetLeader`): it stops rejecting votes on the
   * strength of a recent leader (check-quorum's lease) and forwards no proposals until it hears
   * from a leader again, which may be the same one. For an embedder that knows the leader is gone
   * (say, its machine was shut down) and wants the next election sooner. A no-op on a leader or a
   * candidate, and ignored with lease-based reads (it would end the lease early).
   */
  forgetLeader(): void {
    this.raft.step(message({ type: MessageType.ForgetLeader }));
  }

  /** Asks the leader to hand leadership to `transferee` (a voter). */
  transferLeader(transferee: MemberId): void {
    this.raft.step(message({ type: MessageType.TransferLeader, from: transferee }));
  }

  /**
   * Requests a linearizable read. When confirmed, a ReadState with this `ctx` appears in a Ready;
   * the read may be served once the state machine has applied its index. `ctx` must be unique per
   * outstanding request.
   */
  readIndex(ctx: Uint8Array): void {
    this.raft.step(
      message({
        type: MessageType.ReadIndex,
        entries: [{ term: 0n, index: 0n, type: EntryType.Normal, data: ctx }],
      }),
    );
  }

  /** Tells the leader that the last message to `id` could not be sent. */
  reportUnreachable(id: MemberId): void {
    this.raft.step(message({ type: MessageType.Unreachable, from: id }));
  }

  /** Tells the leader whether sending a snapshot to `id` succeeded. */
  reportSnapshot(id: MemberId, status: SnapshotStatus): void {
    this.raft.step(message({ type: MessageType.SnapStatus, from: id, reject: status === 'failure' }));
  }

  /** The core's status: hard and soft state, configuration, and (on a leader) each member's progress. */
  status(): Status {
    return getStatus(this.raft);
  }

  /** The current term (cheaper than `status()` on a hot path). */
  get term(): bigint {
    return this.raft.term;
  }

  /**
   * On a leader: the highest index held by a quorum of the current voters (both halves of a joint
   * configuration), counting this member's own copy only up to `ownIndex` (what it has itself
   * persisted) and each other voter's up to the index it acknowledged. Undefined on a follower or
   * candidate. The quorum part of the commit rule without the current-term check, which is the
   * caller's: a driver whose own write is still in flight uses it to answer writes a majority of
   * the others already synced (Raft thesis §10.2.1). Allocates nothing beyond the voters' indexes,
   * unlike `status()`.
   */
  quorumIndex(ownIndex: bigint): bigint | undefined {
    const r = this.raft;
    if (r.state !== 'leader') return undefined;
    const progress = r.trk.progress;
    return r.trk.config.voters.committedIndex((id) => (id === r.id ? ownIndex : progress.get(id)?.match));
  }

  /** Whether ready() would return anything. */
  hasReady(): boolean {
    const r = this.raft;
    if (!softStateEqual(r.softState(), this.#prevSoftState)) return true;
    const hs = r.hardState();
    if (!(hs.term === 0n && hs.vote === 0n && hs.commit === 0n) && !hardStateEqual(hs, this.#prevHardState))
      return true;
    if (r.raftLog.hasNextUnstableSnapshot()) return true;
    if (r.msgs.length > 0 || r.msgsAfterAppend.length > 0) return true;
    if (r.raftLog.hasNextUnstableEntries() || r.raftLog.hasNextCommittedEntries(!this.#async)) return true;
    return r.readStates.length > 0;
  }

  /**
   * Everything to persist, send and apply since the last ready(). Must be followed by advance()
   * before the next ready() (without `asyncStorageWrites`; with it, call ready() whenever
   * hasReady() is true, and never advance()).
   */
  ready(): Ready {
    if (this.#pending !== undefined) {
      throw new TypeError('ready() called twice without advance(); handle the Ready, then call advance()');
    }
    const r = this.raft;
    // With asynchronous writes, entries are applied only once they are stable here: the apply
    // thread may run before the append thread has written them.
    const allowUnstable = !this.#async;
    const rd: Ready = {
      entries: r.raftLog.nextUnstableEntries(),
      committedEntries: r.raftLog.nextCommittedEntries(allowUnstable),
      messages: r.msgs,
      readStates: r.readStates,
      mustSync: false,
    };
    const ss = r.softState();
    if (!softStateEqual(ss, this.#prevSoftState)) rd.softState = ss;
    const hs = r.hardState();
    if (!hardStateEqual(hs, this.#prevHardState)) rd.hardState = hs;
    const snap = r.raftLog.nextUnstableSnapshot();
    if (snap !== undefined) rd.snapshot = snap;
    // As etcd's MustSync: new entries, term or vote. A commit index alone can be recovered from a
    // quorum, and a snapshot is synced by the embedder's snapshot write (the driver does so).
    rd.mustSync =
      rd.entries.length > 0 || hs.vote !== this.#prevHardState.vote || hs.term !== this.#prevHardState.term;
    if (this.#async) this.#addStorageMessages(rd);

    // Accept: what this Ready carries is now in progress.
    if (rd.softState !== undefined) this.#prevSoftState = rd.softState;
    if (rd.hardState !== undefined) this.#prevHardState = rd.hardState;
    r.msgs = [];
    if (!this.#async) this.#stepsOnAdvance = r.msgsAfterAppend;
    r.msgsAfterAppend = [];
    r.readStates = [];
    r.raftLog.acceptUnstable();
    if (rd.committedEntries.length > 0) {
      const last = rd.committedEntries[rd.committedEntries.length - 1]!;
      r.raftLog.acceptApplying(last.index, payloadsSize(rd.committedEntries), allowUnstable);
    }
    if (!this.#async) this.#pending = rd;
    return rd;
  }

  /**
   * Adds the local storage messages of a Ready (`asyncStorageWrites`), as etcd builds them: a
   * `StorageAppend` when there is anything to persist or any response waiting for a write, and a
   * `StorageApply` when there are committed entries. Called before the Ready is accepted.
   */
  #addStorageMessages(rd: Ready): void {
    const r = this.raft;
    const hasUnstable = r.raftLog.hasNextOrInProgressUnstableEntries();
    if (
      rd.entries.length > 0 ||
      rd.hardState !== undefined ||
      rd.snapshot !== undefined ||
      r.msgsAfterAppend.length > 0
    ) {
      const append = message({
        type: MessageType.StorageAppend,
        to: LOCAL_APPEND_THREAD,
        from: r.id,
        entries: rd.entries,
      });
      if (rd.hardState !== undefined) {
        append.term = rd.hardState.term;
        append.vote = rd.hardState.vote;
        append.commit = rd.hardState.commit;
      }
      if (rd.snapshot !== undefined) append.snapshot = rd.snapshot;
      // The waiting votes and acknowledgements first (a leader's own acknowledgement can then
      // still read the new entries' terms from the unstable log), then the core's own notice.
      const responses = r.msgsAfterAppend.slice();
      if (hasUnstable || rd.snapshot !== undefined) {
        // It names the last entry of the whole log, not of this write: see the term check when it
        // comes back (Raft.step), which keeps a later leader's overwrite from being lost.
        const resp = message({
          type: MessageType.StorageAppendResp,
          to: r.id,
          from: LOCAL_APPEND_THREAD,
          term: r.term,
        });
        if (hasUnstable) {
          resp.index = r.raftLog.lastIndex();
          resp.logTerm = r.raftLog.lastTerm();
        }
        if (rd.snapshot !== undefined) resp.snapshot = rd.snapshot;
        responses.push(resp);
      }
      append.responses = responses;
      rd.messages.push(append);
    }
    if (rd.committedEntries.length > 0) {
      const apply = message({
        type: MessageType.StorageApply,
        to: LOCAL_APPLY_THREAD,
        from: r.id,
        entries: rd.committedEntries,
      });
      apply.responses = [
        message({
          type: MessageType.StorageApplyResp,
          to: r.id,
          from: LOCAL_APPLY_THREAD,
          entries: rd.committedEntries,
        }),
      ];
      rd.messages.push(apply);
    }
  }

  /**
   * Acknowledges the last Ready: its entries and snapshot are persisted, its committed entries
   * applied. This member's own vote and append acknowledgement from that Ready count from now on
   * (as in etcd raft >= 3.6). The core may now hand out more.
   */
  advance(): void {
    if (this.#async) throw new AdvanceWithAsyncStorageWritesError();
    const rd = this.#pending;
    if (rd === undefined) throw new NoReadyError();
    this.#pending = undefined;
    const r = this.raft;
    if (rd.snapshot !== undefined) r.appliedSnap(rd.snapshot);
    if (rd.entries.length > 0) {
      const last = rd.entries[rd.entries.length - 1]!;
      r.raftLog.stableTo(last.index, last.term);
    }
    if (rd.committedEntries.length > 0) {
      const last = rd.committedEntries[rd.committedEntries.length - 1]!;
      const size = payloadsSize(rd.committedEntries);
      r.appliedTo(last.index, size);
      r.reduceUncommittedSize(size);
    }
    // Now that the Ready is persisted, this member's own vote and append acknowledgements count.
    const steps = this.#stepsOnAdvance;
    this.#stepsOnAdvance = [];
    for (const m of steps) r.step(m);
  }
}

function isConfChangeV1(cc: ConfChangeV2 | ConfChangeV1): cc is ConfChangeV1 {
  return !('changes' in cc);
}

function softStateEqual(a: SoftState, b: SoftState): boolean {
  return a.lead === b.lead && a.raftState === b.raftState;
}

/** The payloads of conf-change entries, for embedders that build entries themselves. */
export { encodeConfChange, encodeConfChangeV1 };
