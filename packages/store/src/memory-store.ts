// A single-member store without raft: each proposal is applied at once at the next index. It runs
// the same transactions, encoding, conflict checks and watches as the replicated store, so tests
// of the dispatcher and orchestrators exercise the real code paths.
import { type Clock, type Logger, systemClock } from '@swarm/api';
import type { RecordCipher } from '@swarm/raft';
import { StoreClosedError } from './errors.js';
import { type Batch, StoreCore } from './store-core.js';
import type { ReadTx, Store, StoreEvent, UpdateOptions, WatchFilter, WriteTx } from './types.js';

export interface MemoryStoreOptions {
  /** Source of `meta.createdAt` / `meta.updatedAt`. Default `systemClock`. */
  clock?: Clock;
  /** Seals secret fields in the (in-memory) proposals and snapshots, as the replicated store does. */
  cipher?: RecordCipher;
  logger?: Logger;
  /** Proposal size limit in bytes. Default 1.5 MiB. */
  maxProposalBytes?: number;
}

export class MemoryStore implements Store {
  readonly #core: StoreCore;
  #closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.#core = new StoreCore({ ...options, clock: options.clock ?? systemClock });
  }

  /** The index of the last applied transaction (0 for an empty store). */
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
   * Runs several update functions as one batch that may commit as several transactions, each
   * under the proposal limit. Not atomic as a whole: if a later part conflicts, earlier parts stay.
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

  /** The whole state, encoded as the replicated store's snapshots are. */
  snapshot(): Uint8Array {
    return this.#core.snapshot();
  }

  /** Replaces the state with a snapshot's; watchers see the difference as events. */
  restore(data: Uint8Array): void {
    this.#core.restore(data);
  }

  /** Stops watches; later updates reject with STORE_CLOSED. */
  close(): void {
    this.#closed = true;
    this.#core.hub.clear();
  }

  async #run(
    prepare: () => Uint8Array[],
    options: UpdateOptions,
  ): Promise<{ version: bigint; proposals: number }> {
    if (this.#closed) throw new StoreClosedError('the memory store was closed');
    options.signal?.throwIfAborted();
    const proposals = prepare();
    for (const p of proposals) {
      const result = this.#core.applyProposal(p, this.#core.state.version + 1n)!;
      if ('error' in result) throw result.error;
    }
    return { version: this.#core.state.version, proposals: proposals.length };
  }
}

/** A single-member store (no raft) that applies each update at once: for tests and tools. */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  return new MemoryStore(options);
}
