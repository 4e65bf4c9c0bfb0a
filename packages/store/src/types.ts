// The public shape of the store: read and write transactions, events, watches.
import type { ObjectKind, ObjectTypes } from './kinds.js';

/** Index lookups; every given field must match (AND). Unknown fields for a kind are a RangeError. */
export interface FindBy {
  /** Any kind: the object's name, compared case-insensitively. */
  name?: string;
  /** Tasks only. */
  serviceId?: string;
  /** Tasks only. */
  nodeId?: string;
  /** Tasks only: a `swarm.TaskState` value. */
  desiredState?: number;
}

/** A read transaction (`view`, or the reads inside `update`). */
export interface ReadTx {
  /** The object of `kind` with `id`, or undefined. */
  get<K extends ObjectKind>(kind: K, id: string): ObjectTypes[K] | undefined;
  /** Every object of `kind`. */
  list<K extends ObjectKind>(kind: K): ObjectTypes[K][];
  /** The objects of `kind` matching every field of `by` (index lookups). */
  find<K extends ObjectKind>(kind: K, by: FindBy): ObjectTypes[K][];
}

/** A write transaction (inside `update`): reads see its own changes; writes are checked at once. */
export interface WriteTx extends ReadTx {
  /** Adds a new object. Throws EXISTS (ID taken) or NAME_CONFLICT (unique name taken). */
  create<K extends ObjectKind>(kind: K, obj: ObjectTypes[K]): void;
  /** Replaces an object. `obj.meta.version` must equal the stored one, else SEQUENCE_CONFLICT. */
  update<K extends ObjectKind>(kind: K, obj: ObjectTypes[K]): void;
  /** Removes an object. Throws NOT_FOUND. */
  delete(kind: ObjectKind, id: string): void;
}

/** What happened to an object. */
export type StoreAction = 'create' | 'update' | 'delete';

/** One change, as watchers receive it. */
export interface StoreEvent {
  kind: ObjectKind;
  action: StoreAction;
  /** The object after the change (for a delete: as it was when deleted). Frozen. */
  object: ObjectTypes[ObjectKind];
  /** For an update: the object before it. Frozen. */
  old?: ObjectTypes[ObjectKind];
  /** The raft index (the memory store's counter) of the transaction that made the change. */
  version: bigint;
}

/** Which changes a watcher receives. */
export interface WatchFilter {
  kinds?: ObjectKind[];
  actions?: StoreAction[];
  /** A further predicate on each event. */
  match?: (e: StoreEvent) => boolean;
}

/** Options of `update` and `batch`. */
export interface UpdateOptions {
  signal?: AbortSignal;
}

/** The store's API, the same for the memory store and the replicated one. */
export interface Store {
  /** A consistent read of the local replica. Objects are frozen: copy one before changing it. */
  view<T>(fn: (tx: ReadTx) => T): T;
  /**
   * Runs `fn` against a copy and proposes the resulting changes as one transaction (split into
   * several proposals when above the size limit); resolves when committed and applied locally.
   * Objects read through the write transaction are private copies that may be changed and passed
   * to `update`.
   */
  update(fn: (tx: WriteTx) => void, options?: UpdateOptions): Promise<{ version: bigint }>;
  /** Events of every applied change matching the filter, in apply order, one array per transaction. */
  watch(filter: WatchFilter, listener: (events: StoreEvent[]) => void): () => void;
}
