/**
 * What the web listener reads from the daemon: the narrow, read-only surface of `Daemon` and
 * `Manager` it needs (both satisfy these interfaces structurally), so tests can hand it a manager
 * built on a memory store.
 */
import type { ReadTx, StoreEvent, WatchFilter } from '@swarm/store';

/** The raft numbers the metrics read (`RaftNode` fits). */
export interface WebRaft {
  readonly term: bigint;
  readonly appliedIndex: bigint;
  readonly isLeader: boolean;
  /** The raft status; the metrics read its commit index. */
  status(): { hardState: { commit: bigint } };
  /** Timed by the metrics (`swarm_raft_proposal_seconds`). */
  propose(...args: never[]): Promise<unknown>;
}

/** The dispatcher call the metrics time (`Dispatcher` fits). */
export interface WebDispatcher {
  /** Timed by the metrics (`swarm_dispatcher_heartbeat_seconds`). */
  heartbeat(...args: never[]): Promise<unknown>;
}

/** The manager the listener reads: its store replica, raft and dispatcher (`@swarm/node`'s `Manager` fits). */
export interface WebManager {
  readonly nodeId: string;
  readonly store: {
    /** Runs `fn` on a consistent read of the store. */
    view<T>(fn: (tx: ReadTx) => T): T;
    /** Calls `listener` with each transaction's changes; returns a stop function. */
    watch(filter: WatchFilter, listener: (events: StoreEvent[]) => void): () => void;
  };
  readonly raft: WebRaft;
  /** The dispatcher, while this manager leads. */
  readonly dispatcher: WebDispatcher | undefined;
  /** The raft leader's node ID, if known. */
  leaderNodeId(): string | undefined;
}

/**
 * The node the listener serves (`@swarm/node`'s `Daemon` fits): read on every request, since its
 * manager comes and goes (init, join, promotion, demotion, leave).
 */
export interface WebDaemon {
  /** The node's image policy, when it has one: its verification counts (`swarm_image_verifications_total`). */
  readonly imageTrust?: { readonly stats: { verified: number; rejected: number } | undefined } | undefined;
  /** The manager half; undefined on a worker, a locked manager, or a node in no swarm. */
  readonly manager: WebManager | undefined;
  /** The node certificate's renewer (undefined until the node is in a swarm). */
  readonly renewer: { readonly certificate: { readonly notAfter: number } } | undefined;
}
