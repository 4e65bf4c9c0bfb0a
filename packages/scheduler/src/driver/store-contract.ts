/**
 * The part of a cluster store the orchestration driver uses, declared structurally: any `Store` of
 * @swarm/store (the single-member memory store or the replicated one) fits, and so does a small
 * double in a test. The scheduler does not depend on @swarm/store; its tests prove the fit.
 */
import { SwarmError, type swarm } from '@swarm/api';

/** The kinds of store objects the driver reads and writes. */
export type DriverObjectKind = 'cluster' | 'node' | 'service' | 'task';

/** The @swarm/api message type of each kind the driver reads. */
export interface DriverObjectTypes {
  /** The cluster object (its orchestration settings: task history retention). */
  cluster: swarm.Cluster;
  /** A node as the control API and the dispatcher keep it. */
  node: swarm.Node;
  /** A service: spec, spec version, update status. */
  service: swarm.Service;
  /** A task: the driver creates them, moves them on and deletes old ones. */
  task: swarm.Task;
}

/** The reads the driver makes in a transaction. */
export interface DriverReadTx {
  /** The object of `kind` with `id`, or undefined. */
  get<K extends DriverObjectKind>(kind: K, id: string): DriverObjectTypes[K] | undefined;
  /** Every object of `kind`. */
  list<K extends DriverObjectKind>(kind: K): DriverObjectTypes[K][];
  /** The objects of `kind` on a node or of a service. */
  find<K extends DriverObjectKind>(
    kind: K,
    by: { serviceId?: string; nodeId?: string },
  ): DriverObjectTypes[K][];
}

/** The writes the driver makes in a transaction. */
export interface DriverWriteTx extends DriverReadTx {
  /** Adds an object (a new task). */
  create<K extends DriverObjectKind>(kind: K, obj: DriverObjectTypes[K]): void;
  /** Replaces an object (its version must be the stored one). */
  update<K extends DriverObjectKind>(kind: K, obj: DriverObjectTypes[K]): void;
  /** Removes an object (a reaped task). */
  delete(kind: DriverObjectKind, id: string): void;
}

/**
 * What the driver hands a store write to cancel it: a standard `AbortSignal` (declared by its
 * shape, as the scheduler compiles without DOM or Node types).
 */
export interface DriverAbortSignal {
  /** Whether the driver stopped and the write should be given up. */
  readonly aborted: boolean;
  /** Why (an `ORCHESTRATOR_STOPPED` SwarmError). */
  readonly reason: unknown;
}

/**
 * One change, as the driver's watch receives it. A store may hold more kinds than the driver
 * reads: the watch asks for the driver's kinds, and the driver ignores any other.
 */
export interface DriverStoreEvent {
  /** The kind of the changed object (one of {@link DriverObjectKind} for the changes the driver asks for). */
  kind: string;
  /** What happened to it. */
  action: 'create' | 'update' | 'delete';
  /** The object after the change (before it, for a delete): a {@link DriverObjectTypes} message of `kind`. */
  object: { readonly id: string };
}

/**
 * The cluster store the driver runs against. `update` rejects with a `SwarmError` whose code
 * is one of {@link STORE_CONFLICT_CODES} when the transaction met a newer store state (as
 * @swarm/store's `StoreConflictError` does); any other rejection counts as a failed write.
 * `Tx` is the store's own write transaction (@swarm/store's `WriteTx`): the one an
 * {@link AssignHook} receives, with every kind the store holds.
 */
export interface DriverStore<Tx extends DriverWriteTx = DriverWriteTx> {
  /** Runs `fn` on a read transaction of the local replica. */
  view<T>(fn: (tx: DriverReadTx) => T): T;
  /** Runs `fn` on a write transaction; resolves once committed and applied here. */
  update(fn: (tx: Tx) => void, options?: { signal?: DriverAbortSignal }): Promise<unknown>;
  /** Calls `listener` with each batch of changes of `kinds`; returns the function that stops it. */
  watch(filter: { kinds?: DriverObjectKind[] }, listener: (events: DriverStoreEvent[]) => void): () => void;
}

/**
 * Called by the driver inside the write transaction that assigns a task to a node (the task moves
 * from below ASSIGNED to ASSIGNED, or is created assigned), with the task as it is about to be
 * stored. Returns the task to store instead (for example with its network attachments filled) and
 * may write other objects through `tx` (the store's own transaction, `Tx` of {@link DriverStore}).
 * Throwing refuses the assignment: nothing the hook wrote may remain, so it must throw before it
 * writes; the task stays pending (a global service's task on its node) with the error's message as
 * its status message, and the driver tries again after `retryMs`.
 */
export type AssignHook<Tx extends DriverWriteTx = DriverWriteTx> = (tx: Tx, task: swarm.Task) => swarm.Task;

/** The codes of the optimistic-concurrency conflicts a store write can meet (@swarm/store's `StoreConflictCode`). */
export const STORE_CONFLICT_CODES: ReadonlySet<string> = new Set([
  'EXISTS',
  'NAME_CONFLICT',
  'NOT_FOUND',
  'SEQUENCE_CONFLICT',
]);

/** Whether `err` is a store conflict: the write met a newer store state and changed nothing. */
export function isStoreConflict(err: unknown): err is SwarmError {
  return err instanceof SwarmError && STORE_CONFLICT_CODES.has(err.code);
}
