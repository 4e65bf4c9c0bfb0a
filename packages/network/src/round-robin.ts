/**
 * The order in which a VIP's connections try the service's tasks: round robin over every running
 * task, wherever it runs (as Docker's IPVS balancer does), each tried at most once per connection.
 */

/** One candidate of a connection: which backend, and whether it is the first choice. */
export interface BackendChoice<T> {
  /** The backend. */
  backend: T;
  /** Its position in this connection's order (0 = first choice). */
  attempt: number;
}

/** A round-robin cursor over a list that may change between calls. */
export class RoundRobin {
  #cursor = 0;

  /** The order to try `backends` in for the next connection: starting one further each call. */
  order<T>(backends: readonly T[]): BackendChoice<T>[] {
    const n = backends.length;
    if (n === 0) return [];
    const start = this.#cursor % n;
    this.#cursor = (start + 1) % n;
    return backends.map((_, i) => ({ backend: backends[(start + i) % n]!, attempt: i }));
  }
}
