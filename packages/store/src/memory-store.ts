// A single-member store without raft: each proposal is applied at once at the next index. It runs
// the same transactions, encoding, conflict checks and watches as the replicated store, so tests
// of the dispatcher and orchestrators exercise the real code paths.
import { type Clock, type Logger, systemClock } from '@swarm/api';
import type { RecordCipher } from '@swarm/raft';
import { CoreBackedStore } from './core-backed-store.js';
import { StoreCore } from './store-core.js';

/** Options of `createMemoryStore` / `new MemoryStore`. */
export interface MemoryStoreOptions {
  /** Source of `meta.createdAt` / `meta.updatedAt`. Default `systemClock`. */
  clock?: Clock;
  /** Seals secret fields in the (in-memory) proposals and snapshots, as the replicated store does. */
  cipher?: RecordCipher;
  logger?: Logger;
  /** Proposal size limit in bytes. Default 1.5 MiB. */
  maxProposalBytes?: number;
}

/** The store without raft: one member, every update applied at once (tests, single-node tools). */
export class MemoryStore extends CoreBackedStore {
  protected readonly closedMessage = 'the memory store was closed';

  constructor(options: MemoryStoreOptions = {}) {
    super(new StoreCore({ ...options, clock: options.clock ?? systemClock }));
  }

  protected async submit(proposals: Uint8Array[]): Promise<bigint> {
    for (const p of proposals) {
      const result = this.core.applyProposal(p, this.core.state.version + 1n)!;
      if ('error' in result) throw result.error;
    }
    return this.core.state.version;
  }
}

/** A single-member store (no raft) that applies each update at once: for tests and tools. */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  return new MemoryStore(options);
}
