// What the memory store and the replicated store share: the applied state, watches, running
// transaction functions, and applying encoded proposals and snapshots.
import { type Clock, type Logger, noopLogger } from '@swarm/api';
import type { RecordCipher } from '@swarm/raft';
import { decodeProposal, decodeSnapshot, encodeSnapshot, isProposal } from './codec.js';
import type { StoreConflictError } from './errors.js';
import {
  checkMaxProposalBytes,
  DEFAULT_MAX_PROPOSAL_BYTES,
  splitIntoProposals,
} from './proposal-splitter.js';
import { type Change, StoreState } from './store-state.js';
import { ReadTransaction, WriteTransaction } from './transaction.js';
import type { ReadTx, StoreEvent, WatchFilter, WriteTx } from './types.js';
import { WatchHub } from './watch-hub.js';

/** The outcome of applying one proposal: the store's new version, or the conflict that rejected it. */
export type StoreApplyResult = { version: bigint } | { error: StoreConflictError };

/** A batch of updates that may commit as several transactions (see `batch`). */
export interface Batch {
  /** Runs `fn` against the batch's changes so far and adds its own. */
  update(fn: (tx: WriteTx) => void): void;
}

export interface StoreCoreOptions {
  clock: Clock;
  logger?: Logger | undefined;
  cipher?: RecordCipher | undefined;
  maxProposalBytes?: number | undefined;
}

export class StoreCore {
  readonly state = new StoreState();
  readonly hub: WatchHub;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly cipher: RecordCipher | undefined;
  readonly maxProposalBytes: number;

  constructor(o: StoreCoreOptions) {
    if (o.clock === undefined || typeof o.clock.now !== 'function')
      throw new TypeError('store options.clock must be a Clock');
    this.clock = o.clock;
    this.logger = o.logger ?? noopLogger;
    this.cipher = o.cipher;
    if (
      o.cipher !== undefined &&
      (typeof o.cipher.encrypt !== 'function' || typeof o.cipher.decrypt !== 'function')
    ) {
      throw new TypeError('store options.cipher must have encrypt(plain, ad) and decrypt(sealed, ad)');
    }
    this.maxProposalBytes = checkMaxProposalBytes(o.maxProposalBytes ?? DEFAULT_MAX_PROPOSAL_BYTES);
    this.hub = new WatchHub(this.logger);
  }

  view<T>(fn: (tx: ReadTx) => T): T {
    if (typeof fn !== 'function') throw new TypeError('view(fn): fn must be a function');
    return fn(new ReadTransaction(this.state));
  }

  watch(filter: WatchFilter, listener: (events: StoreEvent[]) => void): () => void {
    return this.hub.watch(filter, listener);
  }

  /** Runs the transaction function(s) on a copy and returns the encoded proposals (maybe none). */
  prepare(run: (tx: WriteTransaction) => void): Uint8Array[] {
    const tx = new WriteTransaction(this.state, this.clock);
    let changes: Change[];
    try {
      run(tx);
      changes = tx.commit();
    } catch (err) {
      tx.abandon();
      throw err;
    }
    if (changes.length === 0) return [];
    return splitIntoProposals(changes, this.cipher, this.maxProposalBytes);
  }

  prepareUpdate(fn: (tx: WriteTx) => void): Uint8Array[] {
    if (typeof fn !== 'function') throw new TypeError('update(fn): fn must be a function');
    return this.prepare((tx) => {
      const r: unknown = fn(tx);
      if (r instanceof Promise)
        throw new TypeError('update(fn): fn must be synchronous (it returned a promise)');
    });
  }

  prepareBatch(fn: (b: Batch) => void): Uint8Array[] {
    if (typeof fn !== 'function') throw new TypeError('batch(fn): fn must be a function');
    return this.prepare((tx) => {
      const r: unknown = fn({
        update: (inner) => {
          if (typeof inner !== 'function') throw new TypeError('batch.update(fn): fn must be a function');
          inner(tx);
        },
      });
      if (r instanceof Promise)
        throw new TypeError('batch(fn): fn must be synchronous (it returned a promise)');
    });
  }

  /**
   * Applies one committed proposal at `index`. Undefined for entries that are not the store's.
   * Throws STORE_CORRUPT when the proposal does not decode or its secret fields do not open: the
   * member must stop rather than diverge or accept tampered secrets.
   */
  applyProposal(data: Uint8Array, index: bigint): StoreApplyResult | undefined {
    if (!isProposal(data)) {
      this.logger.warn('store: skipping a raft entry that is not a store proposal', {
        index: index.toString(),
      });
      return undefined;
    }
    const changes = decodeProposal(data, this.cipher);
    const outcome = this.state.apply(changes, index);
    if ('error' in outcome) {
      this.logger.debug('store: transaction rejected at apply', {
        index: index.toString(),
        code: outcome.error.code,
      });
      return { error: outcome.error };
    }
    this.hub.publish(outcome.events);
    return { version: index };
  }

  snapshot(): Uint8Array {
    return encodeSnapshot(this.state.version, (kind) => this.state.table(kind).values(), this.cipher);
  }

  restore(data: Uint8Array): void {
    const { version, objects } = decodeSnapshot(data, this.cipher);
    this.hub.publish(this.state.replace(objects, version));
  }
}
