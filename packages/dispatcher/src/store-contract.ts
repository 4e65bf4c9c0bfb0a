/**
 * The part of the @swarm/store API the dispatcher uses. Declared here structurally, so that any
 * `Store` from @swarm/store (the single-member memory store or the replicated one) fits, and so
 * that tests can pass a small double.
 */
import type { swarm } from '@swarm/api';
import type { Store } from '@swarm/store';

/** The kinds of store objects the dispatcher reads and writes. */
export type ObjectKind = 'cluster' | 'node' | 'service' | 'task' | 'secret' | 'network' | 'config';
/** The @swarm/api message type of each kind. */
export interface ObjectTypes {
  cluster: swarm.Cluster;
  node: swarm.Node;
  service: swarm.Service;
  task: swarm.Task;
  secret: swarm.Secret;
  network: swarm.Network;
  config: swarm.Config;
}

/** The reads the dispatcher makes in a transaction. */
export interface ReadTx {
  /** The object of `kind` with `id`, or undefined. */
  get<K extends ObjectKind>(kind: K, id: string): ObjectTypes[K] | undefined;
  /** Every object of `kind`. */
  list<K extends ObjectKind>(kind: K): ObjectTypes[K][];
  /** The objects of `kind` matching `by`. */
  find<K extends ObjectKind>(
    kind: K,
    by: { name?: string; serviceId?: string; nodeId?: string; desiredState?: number },
  ): ObjectTypes[K][];
}

/** The writes the dispatcher makes in a transaction. */
export interface WriteTx extends ReadTx {
  /** Adds an object. */
  create<K extends ObjectKind>(kind: K, obj: ObjectTypes[K]): void;
  /** Replaces an object (its version must be the stored one). */
  update<K extends ObjectKind>(kind: K, obj: ObjectTypes[K]): void;
  /** Removes an object. */
  delete(kind: ObjectKind, id: string): void;
}

/** One change, as the dispatcher's watch receives it. */
export interface StoreEvent {
  kind: ObjectKind;
  action: 'create' | 'update' | 'delete';
  object: ObjectTypes[ObjectKind];
  old?: ObjectTypes[ObjectKind];
  version: bigint;
}

/** The part of the cluster store the dispatcher uses (any @swarm/store Store fits). */
export interface DispatcherStore {
  /** Runs `fn` on a read transaction of the local replica. */
  view<T>(fn: (tx: ReadTx) => T): T;
  /** Runs `fn` on a write transaction; resolves once committed and applied here. */
  update(fn: (tx: WriteTx) => void, options?: { signal?: AbortSignal }): Promise<{ version: bigint }>;
  /** Calls `listener` with each batch of matching changes; returns the function that stops it. */
  watch(
    filter: {
      kinds?: ObjectKind[];
      actions?: StoreEvent['action'][];
      match?: (e: StoreEvent) => boolean;
    },
    listener: (events: StoreEvent[]) => void,
  ): () => void;
}

// Compile-time proof that @swarm/store's stores fit this contract (the build fails if they drift).
type FitsContract<S> = S extends DispatcherStore ? true : never;
export const STORE_FITS_CONTRACT: FitsContract<Store> = true;
