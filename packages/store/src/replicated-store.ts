// The store replicated by raft. It is the StateMachine of a RaftNode (apply / snapshot / restore)
// and proposes its transactions through it: an update resolves once its proposals are committed
// and applied on this member, so a `view` right after sees the change.
import { type Clock, type Logger, systemClock } from '@swarm/api';
import type { CallOptions, RecordCipher, StateMachine } from '@swarm/raft';
import { StoreClosedError } from './errors.js';
import { type Batch, type StoreApplyResult, StoreCore } from './store-core.js';
import type { ReadTx, Store, StoreEvent, UpdateOptions, WatchFilter, WriteTx } from './types.js';

/** What the store needs from raft: `RaftNode` fits. */
export interface Proposer {
  /** Resolves with the entry's index and the state machine's result once committed and applied here. */
  propose(data: Uint8Array, options?: CallOptions): Promise<{ index: bigint; result: unknown }>;
}

export interface ReplicatedStoreOptions {
  /** The proposer (usually the RaftNode this store is the state machine of). Or call `attach` later. */
  raft?: Proposer;
  /** Source of `meta.createdAt` / `meta.updatedAt`. Default `systemClock`. */
  clock?: Clock;
  /**
   * Seals secret data and CA keys inside raft entries and snapshots. Every member must use the
   * same cipher key: a member that cannot open a sealed field stops (fails closed).
   */
  cipher?: RecordCipher;
  logger?: Logger;
  /** Proposal size limit in bytes, RaftNode's envelope included. Default 1.5 MiB. */
  maxProposalBytes?: number;
  /** Time limit for each proposal, in ms. Default: the RaftNode's own default. */
  proposalTimeoutMs?: number;
}

export class ReplicatedStore implements Store, StateMachine<StoreApplyResult | undefined> {
  readonly #core: StoreCore;
  readonly #timeoutMs: number | undefined;
  #raft: Proposer | undefined;
  #closed = false;

  constructor(options: ReplicatedStoreOptions = {}) {
    this.#core = new StoreCore({ ...options, clock: options.clock ?? systemClock });
    if (options.proposalTimeoutMs !== undefined && !(options.proposalTimeoutMs > 0)) {
      throw new RangeError(`proposalTimeoutMs must be > 0, got ${options.proposalTimeoutMs}`);
    }
    this.#timeoutMs = options.proposalTimeoutMs;
    if (options.raft !== undefined) this.attach(options.raft);
  }

  /** Sets the proposer; the RaftNode needs this store as its state machine first, hence two steps. */
  attach(raft: Proposer): void {
    if (typeof raft?.propose !== 'function')
      throw new TypeError('attach(raft): raft must have propose(data, options)');
    this.#raft = raft;
  }

  /** The index of the last store transaction applied on this member. */
  get version(): bigint {
    return this.#core.state.version;
  }

  view<T>(fn: (tx: ReadTx) => T): T {
    return this.#core.view(fn);
  }

  update(fn: (tx: WriteTx) => void, options: UpdateOptions = {}): Promise<{ version: bigint }> {
    return this.#run(() => this.#core.prepareUpdate(fn), options).then(({ version }) => ({ version }));
  }

  /**
   * Several update functions as one batch, committed as several transactions when it is too big
   * for one proposal. Not atomic as a whole: if a later part conflicts, earlier parts stay.
   */
  batch(
    fn: (b: Batch) => void,
    options: UpdateOptions = {},
  ): Promise<{ version: bigint; proposals: number }> {
    return this.#run(() => this.#core.prepareBatch(fn), options);
  }

  watch(filter: WatchFilter, listener: (events: StoreEvent[]) => void): () => void {
    return this.#core.watch(filter, listener);
  }

  /** Stops watches; later updates reject with STORE_CLOSED. Applying committed entries goes on. */
  close(): void {
    this.#closed = true;
    this.#core.hub.clear();
  }

  // ---- StateMachine (called by RaftNode) ----

  apply(data: Uint8Array, index: bigint): StoreApplyResult | undefined {
    return this.#core.applyProposal(data, index);
  }

  snapshot(): Uint8Array {
    return this.#core.snapshot();
  }

  restore(data: Uint8Array): void {
    this.#core.restore(data);
  }

  async #run(
    prepare: () => Uint8Array[],
    options: UpdateOptions,
  ): Promise<{ version: bigint; proposals: number }> {
    if (this.#closed) throw new StoreClosedError('the store was closed');
    const raft = this.#raft;
    if (raft === undefined)
      throw new StoreClosedError('no raft proposer attached; call attach(raftNode) first');
    options.signal?.throwIfAborted();
    const proposals = prepare();
    let version = this.#core.state.version;
    const callOptions: CallOptions = {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(this.#timeoutMs === undefined ? {} : { timeoutMs: this.#timeoutMs }),
    };
    // Parts go one after another: a later part is proposed only once the earlier one applied.
    for (const p of proposals) {
      const { index, result } = await raft.propose(p, callOptions);
      const r = result as StoreApplyResult | undefined;
      if (r !== undefined && 'error' in r) throw r.error;
      version = index;
    }
    return { version, proposals: proposals.length };
  }
}
