/**
 * What the web listener reads from the daemon: the narrow, read-only surface of `Daemon` and
 * `Manager` it needs (both satisfy these interfaces structurally), so tests can hand it a manager
 * built on a memory store.
 */
import type { ReadTx, StoreEvent, WatchFilter } from '@swarm/store';

export interface WebRaft {
  readonly term: bigint;
  readonly appliedIndex: bigint;
  readonly isLeader: boolean;
  status(): { hardState: { commit: bigint } };
  /** Timed by the metrics (`swarm_raft_proposal_seconds`). */
  propose(...args: never[]): Promise<unknown>;
}

export interface WebDispatcher {
  /** Timed by the metrics (`swarm_dispatcher_heartbeat_seconds`). */
  heartbeat(...args: never[]): Promise<unknown>;
}

export interface WebManager {
  readonly nodeId: string;
  readonly store: {
    view<T>(fn: (tx: ReadTx) => T): T;
    watch(filter: WatchFilter, listener: (events: StoreEvent[]) => void): () => void;
  };
  readonly raft: WebRaft;
  /** The dispatcher, while this manager leads. */
  readonly dispatcher: WebDispatcher | undefined;
  /** The raft leader's node ID, if known. */
  leaderNodeId(): string | undefined;
}

export interface WebDaemon {
  /** The node's image policy, when it has one: its verification counts (`swarm_image_verifications_total`). */
  readonly imageTrust?: { readonly stats: { verified: number; rejected: number } | undefined } | undefined;
  /** The manager half; undefined on a worker, a locked manager, or a node in no swarm. */
  readonly manager: WebManager | undefined;
  /** The node certificate's renewer (undefined until the node is in a swarm). */
  readonly renewer: { readonly certificate: { readonly notAfter: number } } | undefined;
}
