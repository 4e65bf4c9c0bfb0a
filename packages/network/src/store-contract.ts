/**
 * The part of a cluster store the attachment and the view use, declared structurally: a
 * @swarm/store `ReadTx` / `WriteTx` fits, and so does a small double in a test.
 */
import type { swarm } from '@swarm/api';

/** The store objects the network functions read and write. */
export interface NetworkObjectTypes {
  /** Nodes: their verified address and readiness. */
  node: swarm.Node;
  /** Cluster networks: subnet and IPAM state. */
  network: swarm.Network;
  /** Services: attachments, endpoint mode and ports. */
  service: swarm.Service;
  /** Tasks: node, state and attachments. */
  task: swarm.Task;
}

/** The reads of a store transaction (a @swarm/store `ReadTx` fits). */
export interface NetworkReadTx {
  /** The object of `kind` with `id`, or undefined. */
  get<K extends keyof NetworkObjectTypes>(kind: K, id: string): NetworkObjectTypes[K] | undefined;
  /** Every object of `kind`. */
  list<K extends keyof NetworkObjectTypes>(kind: K): NetworkObjectTypes[K][];
  /** The objects of `kind` on a node or of a service (tasks). */
  find<K extends keyof NetworkObjectTypes>(
    kind: K,
    by: { serviceId?: string; nodeId?: string },
  ): NetworkObjectTypes[K][];
}

/** A write transaction (a @swarm/store `WriteTx` fits). */
export interface NetworkWriteTx extends NetworkReadTx {
  /** Replaces an object (its version must be the stored one). */
  update<K extends keyof NetworkObjectTypes>(kind: K, obj: NetworkObjectTypes[K]): void;
}
