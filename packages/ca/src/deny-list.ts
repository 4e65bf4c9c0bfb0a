/**
 * The deny list: node IDs removed from the cluster. An entry is kept until the last certificate
 * the node could hold has expired; after that the certificate itself is refused, so the entry can go.
 */
import { assertValidId } from '@swarm/api';

/** What `authorize` consults: a `Set<string>` of node IDs works too. */
export interface DenyLookup {
  /** Whether `nodeId` is denied. */
  has(nodeId: string): boolean;
}

export class DenyList implements DenyLookup {
  readonly #until = new Map<string, number>();

  /** Denies `nodeId` until `untilMs` (the expiry of its last certificate); a later time wins. */
  deny(nodeId: string, untilMs: number): void {
    assertValidId(nodeId, 'nodeId');
    if (!Number.isFinite(untilMs))
      throw new RangeError(`untilMs must be a finite time in ms, got ${untilMs}`);
    this.#until.set(nodeId, Math.max(untilMs, this.#until.get(nodeId) ?? Number.NEGATIVE_INFINITY));
  }

  /** Whether `nodeId` is on the list (until its last certificate expires). */
  has(nodeId: string): boolean {
    return this.#until.has(nodeId);
  }

  /** Drops entries whose certificates have all expired by `nowMs`; returns how many went. */
  prune(nowMs: number): number {
    let n = 0;
    for (const [id, until] of this.#until)
      if (until <= nowMs) {
        this.#until.delete(id);
        n++;
      }
    return n;
  }

  get size(): number {
    return this.#until.size;
  }

  /** Entries as `[nodeId, untilMs]`, for persisting in the store. */
  entries(): [string, number][] {
    return [...this.#until];
  }
}
