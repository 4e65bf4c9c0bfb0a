/**
 * The part of the @swarm/store API the dispatcher uses. Declared here structurally, so that any
 * `Store` from @swarm/store (the single-member memory store or the replicated one) fits, and so
 * that tests can pass a small double.
 */
import type { swarm } from '@swarm/api';
import type { Store } from '@swarm/store';

export type ObjectKind = 'cluster' | 'node' | 'service' | 'task' | 'secret' | 'network';
export interface ObjectTypes {
  cluster: swarm.Cluster;
  node: swarm.Node;
  service: swarm.Service;
  task: swarm.Task;
  secret: swarm.Secret;
  network: swarm.Network;
}

export interface ReadTx {
  get<K extends ObjectKind>(kind: K, id: string): ObjectTypes[K] | undefined;
  list<K extends ObjectKind>(kind: K): ObjectTypes[K][];
  find<K extends ObjectKind>(
    kind: K,
    by: { name?: string; serviceId?: string; nodeId?: string; desiredState?: number },
  ): ObjectTypes[K][];
}

export interface WriteTx extends ReadTx {
  create<K extends ObjectKind>(kind: K, obj: ObjectTypes[K]): void;
  update<K extends ObjectKind>(kind: K, obj: ObjectTypes[K]): void;
  delete(kind: ObjectKind, id: string): void;
}

export interface StoreEvent {
  kind: ObjectKind;
  action: 'create' | 'update' | 'delete';
  object: ObjectTypes[ObjectKind];
  old?: ObjectTypes[ObjectKind];
  version: bigint;
}

export interface DispatcherStore {
  view<T>(fn: (tx: ReadTx) => T): T;
  update(fn: (tx: WriteTx) => void, options?: { signal?: AbortSignal }): Promise<{ version: bigint }>;
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
