// The part of a swarm store that SwarmEventLog reads (`@swarm/store`'s stores fit it structurally).
import type { Clock } from '@swarm/api';

/** One change as a swarm store's watchers receive it (`@swarm/store`'s `StoreEvent` fits). */
export interface SwarmStoreEvent {
  /** The object's kind: `service`, `node`, `secret`, `network`, ... */
  readonly kind: string;
  /** What happened to it. */
  readonly action: 'create' | 'update' | 'delete';
  /** The object after the change (for a delete: as it was). */
  readonly object: { readonly id: string };
  /** For an update: the object before it. */
  readonly old?: unknown;
}

/** The part of a swarm store the event log watches (`@swarm/store`'s stores fit it). */
export interface WatchableSwarmStore {
  /** Calls `listener` with each transaction's changes to objects of `filter.kinds`; returns a stop function. */
  watch(
    filter: { kinds: Array<'service' | 'node' | 'secret' | 'config' | 'network'> },
    listener: (events: SwarmStoreEvent[]) => void,
  ): () => void;
}

/** Options of the SwarmEventLog. */
export interface SwarmEventLogOptions {
  /**
   * The store to watch now: read at start, on every `stream()`, and every `followMs`. A node's store
   * comes and goes (init, join, promotion, leave); undefined while there is none.
   */
  store: () => WatchableSwarmStore | undefined;
  /** Event times and the follow timer. Default `systemClock`. */
  clock?: Clock;
  /** How often the log looks for another store (ms). Default 1,000. */
  followMs?: number;
}
