// @swarm/store: the replicated object store of the swarm core on @swarm/raft: transactions,
// indexes, optimistic concurrency, watches, snapshots and sealed secret fields.
export {
  ExistsError,
  NameConflictError,
  NotFoundError,
  ObjectTooLargeError,
  SequenceConflictError,
  StoreClosedError,
  type StoreConflictCode,
  StoreConflictError,
  StoreCorruptError,
} from './errors.js';
export {
  cloneObject as copyObject,
  OBJECT_KINDS,
  type ObjectKind,
  type ObjectTypes,
  type StoreObject,
} from './kinds.js';
export { createMemoryStore, MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { DEFAULT_MAX_PROPOSAL_BYTES } from './proposal-splitter.js';
export { type Proposer, ReplicatedStore, type ReplicatedStoreOptions } from './replicated-store.js';
export { type RetryRacedOptions, retryRaced } from './retry.js';
export type { Batch, StoreApplyResult } from './store-core.js';
export type {
  FindBy,
  ReadTx,
  Store,
  StoreAction,
  StoreEvent,
  UpdateOptions,
  WatchFilter,
  WriteTx,
} from './types.js';
