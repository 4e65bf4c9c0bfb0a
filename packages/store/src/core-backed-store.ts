// The public surface both stores share. They differ only in how a transaction's proposals reach
// `StoreCore.applyProposal`: at once (MemoryStore) or through raft (ReplicatedStore).
import { StoreClosedError } from './errors.js';
import type { Batch, StoreCore } from './store-core.js';
import type { ReadTx, Store, StoreEvent, UpdateOptions, WatchFilter, WriteTx } from './types.js';

export abstract class CoreBackedStore implements Store {
  protected readonly core: StoreCore;
  #closed = false;

  protected constructor(core: StoreCore) {
    this.core = core;
  }

  /** The index of the last store transaction applied here (0 for an empty store). */
  get version(): bigint {
    return this.core.state.version;
  }

  view<T>(fn: (tx: ReadTx) => T): T {
    return this.core.view(fn);
  }

  update(fn: (tx: WriteTx) => void, options: UpdateOptions = {}): Promise<{ version: bigint }> {
    return this.#run(() => this.core.prepareUpdate(fn), options).then(({ version }) => ({ version }));
  }

  /**
   * Several update functions as one batch, committed as several transactions when it is too big
   * for one proposal. Not atomic as a whole: if a later part conflicts, earlier parts stay.
   */
  batch(
    fn: (b: Batch) => void,
    options: UpdateOptions = {},
  ): Promise<{ version: bigint; proposals: number }> {
    return this.#run(() => this.core.prepareBatch(fn), options);
  }

  watch(filter: WatchFilter, listener: (events: StoreEvent[]) => void): () => void {
    return this.core.watch(filter, listener);
  }

  /** The whole state, encoded as raft snapshots carry it. */
  snapshot(): Uint8Array {
    return this.core.snapshot();
  }

  /** Replaces the state with a snapshot's; watchers see the difference as events. */
  restore(data: Uint8Array): void {
    this.core.restore(data);
  }

  /** Stops watches; later updates reject with STORE_CLOSED. */
  close(): void {
    this.#closed = true;
    this.core.hub.clear();
  }

  /** Gets the proposals applied, in order; resolves with the index of the last one. */
  protected abstract submit(proposals: Uint8Array[], options: UpdateOptions): Promise<bigint>;

  /** What `update` says when called after `close()`. */
  protected abstract readonly closedMessage: string;

  async #run(
    prepare: () => Uint8Array[],
    options: UpdateOptions,
  ): Promise<{ version: bigint; proposals: number }> {
    if (this.#closed) throw new StoreClosedError(this.closedMessage);
    this.checkReady();
    options.signal?.throwIfAborted();
    const proposals = prepare();
    const version = await this.submit(proposals, options);
    return { version, proposals: proposals.length };
  }

  /** Throws when the store cannot take updates yet (before any proposal is prepared). */
  protected checkReady(): void {}
}
