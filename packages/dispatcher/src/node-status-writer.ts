/**
 * Batched node status writes (READY on a session, DOWN on missed heartbeats, UNKNOWN after a
 * leader change). Several changes to one node within a batch collapse to the last one; a write
 * that changes nothing is skipped. One node's write that cannot be stored (e.g. a description too
 * large for a proposal) is dropped alone and reported; the rest of the batch is written.
 */
import { type Clock, type Logger, swarm, type Timer } from '@swarm/api';
import { errorCode, writeIsolated } from './batch-write.js';
import type { DispatcherStore } from './store-contract.js';

export interface NodeWrite {
  state: swarm.NodeStatus.State;
  message: string;
  /** The node's self-description from its session request (kept as data; never used for routing). */
  description?: swarm.NodeDescription.$Properties;
  /** The address the transport verified for the node's session (`status.addr`). */
  addr?: string;
}

export class NodeStatusWriter {
  readonly #store: DispatcherStore;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #batchMs: number;
  readonly #retries: number;
  #queued = new Map<string, NodeWrite>();
  #timer: Timer | undefined;
  /** Counters for tests and metrics: writes of one node refused alone. */
  readonly stats = { rejected: 0 };

  constructor(o: { store: DispatcherStore; clock: Clock; logger: Logger; batchMs: number; retries: number }) {
    this.#store = o.store;
    this.#clock = o.clock;
    this.#logger = o.logger;
    this.#batchMs = o.batchMs;
    this.#retries = o.retries;
  }

  queue(nodeId: string, write: NodeWrite): void {
    const prev = this.#queued.get(nodeId);
    const description = write.description ?? prev?.description;
    const addr = write.addr ?? prev?.addr;
    this.#queued.set(nodeId, {
      ...write,
      ...(description ? { description } : {}),
      ...(addr === undefined ? {} : { addr }),
    });
    this.#timer ??= this.#clock.setTimeout(() => {
      this.#timer = undefined;
      void this.#write();
    }, this.#batchMs);
  }

  /** Drops queued writes (the dispatcher stopped; the next leader decides node states). */
  clear(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#queued = new Map();
  }

  async #write(): Promise<void> {
    const batch = this.#queued;
    this.#queued = new Map();
    try {
      const { rejected } = await writeIsolated(
        this.#store,
        batch,
        (tx, id, w) => {
          const node = tx.get('node', id);
          if (node === undefined) return;
          const same =
            (node.status?.state ?? swarm.NodeStatus.State.UNKNOWN) === w.state &&
            node.status?.message === w.message &&
            (w.addr === undefined || node.status?.addr === w.addr);
          if (same && !w.description) return;
          const next = swarm.Node.create({ ...node });
          next.status = swarm.NodeStatus.create({
            ...(node.status ?? {}),
            state: w.state,
            message: w.message,
            ...(w.addr === undefined ? {} : { addr: w.addr }),
          });
          if (w.description) next.description = swarm.NodeDescription.create(w.description);
          tx.update('node', next);
        },
        this.#retries,
      );
      for (const [id, err] of rejected) {
        this.stats.rejected++;
        this.#logger.warn('node status write rejected; the other nodes of its batch were written', {
          nodeId: id,
          code: errorCode(err) ?? 'ERROR',
        });
      }
    } catch (err) {
      this.#logger.warn('node status write failed', { nodes: batch.size, code: String(errorCode(err)) });
    }
  }
}
