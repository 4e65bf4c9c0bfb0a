/**
 * Batched node status writes (READY on a session, DOWN on missed heartbeats, UNKNOWN after a
 * leader change). Several changes to one node within a batch collapse to the last one; a write
 * that changes nothing is skipped.
 */
import { type Clock, type Logger, swarm, type Timer } from '@swarm/api';
import type { DispatcherStore } from './store-contract.js';

export interface NodeWrite {
  state: swarm.NodeStatus.State;
  message: string;
  /** The node's self-description from its session request. */
  description?: swarm.NodeDescription.$Properties;
}

export class NodeStatusWriter {
  readonly #store: DispatcherStore;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #batchMs: number;
  readonly #retries: number;
  #queued = new Map<string, NodeWrite>();
  #timer: Timer | undefined;

  constructor(o: { store: DispatcherStore; clock: Clock; logger: Logger; batchMs: number; retries: number }) {
    this.#store = o.store;
    this.#clock = o.clock;
    this.#logger = o.logger;
    this.#batchMs = o.batchMs;
    this.#retries = o.retries;
  }

  queue(nodeId: string, write: NodeWrite): void {
    const description = write.description ?? this.#queued.get(nodeId)?.description;
    this.#queued.set(nodeId, description ? { ...write, description } : write);
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
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#store.update((tx) => {
          for (const [id, w] of batch) {
            const node = tx.get('node', id);
            if (node === undefined) continue;
            const same =
              (node.status?.state ?? swarm.NodeStatus.State.UNKNOWN) === w.state &&
              node.status?.message === w.message;
            if (same && !w.description) continue;
            const next = swarm.Node.create({ ...node });
            next.status = swarm.NodeStatus.create({
              ...(node.status ?? {}),
              state: w.state,
              message: w.message,
            });
            if (w.description) next.description = swarm.NodeDescription.create(w.description);
            tx.update('node', next);
          }
        });
        return;
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (code === 'SEQUENCE_CONFLICT' && attempt < this.#retries) continue;
        this.#logger.warn('node status write failed', { nodes: batch.size, code: String(code) });
        return;
      }
    }
  }
}
