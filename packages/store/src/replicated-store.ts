// The store replicated by raft. It is the StateMachine of a RaftNode (apply / snapshot / restore)
// and proposes its transactions through it: an update resolves once its proposals are committed
// and applied on this member, so a `view` right after sees the change.
import { type Clock, type Logger, systemClock } from '@swarm/api';
import type { RecordCipher } from '@swarm/raft';
import type { CallOptions, StateMachine } from '@swarm/raft/driver';
import { CoreBackedStore } from './core-backed-store.js';
import { StoreClosedError } from './errors.js';
import { type StoreApplyResult, StoreCore } from './store-core.js';
import type { UpdateOptions } from './types.js';

/** What the store needs from raft: `RaftNode` fits. */
export interface Proposer {
  /** Resolves with the entry's index and the state machine's result once committed and applied here. */
  propose(data: Uint8Array, options?: CallOptions): Promise<{ index: bigint; result: unknown }>;
}

/** Options of `new ReplicatedStore`. */
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

/** The store replicated by raft: it is the RaftNode's state machine, and its updates are raft proposals, applied on every member in log order. */
export class ReplicatedStore extends CoreBackedStore implements StateMachine<StoreApplyResult | undefined> {
  protected readonly closedMessage = 'the store was closed';
  readonly #timeoutMs: number | undefined;
  #raft: Proposer | undefined;

  constructor(options: ReplicatedStoreOptions = {}) {
    super(new StoreCore({ ...options, clock: options.clock ?? systemClock }));
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

  /** Called by RaftNode for each committed entry (snapshot and restore come from the base). */
  apply(data: Uint8Array, index: bigint): StoreApplyResult | undefined {
    return this.core.applyProposal(data, index);
  }

  protected override checkReady(): void {
    if (this.#raft === undefined)
      throw new StoreClosedError('no raft proposer attached; call attach(raftNode) first');
  }

  protected async submit(proposals: Uint8Array[], options: UpdateOptions): Promise<bigint> {
    const raft = this.#raft!;
    let version = this.core.state.version;
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
    return version;
  }
}
