// The network seam of the driver. Sending is fire-and-forget (raft tolerates loss); delivery calls
// the receiving RaftNode's `receive`. The real network transport (gRPC over mutual TLS) comes with
// @swarm/node; the in-memory one here serves tests and embedders' experiments.
import type { MemberId, Message } from '../types.js';

/** How a member sends: one per member, used by its RaftNode. */
export interface Transport {
  /** Sends messages to their `to` members. Must not throw; report failures via `onUnreachable`. */
  send(messages: readonly Message[]): void;
}

/** What a transport delivers to: a RaftNode. */
export interface Receiver {
  /** Takes a message addressed to this member. */
  receive(message: Message): void;
  /** The transport could not reach `to` (the driver tells the core, which backs off). */
  unreachable?(to: MemberId): void;
}

/**
 * An in-memory network of members in one process. Delivery is asynchronous (a microtask later) so
 * that a member never re-enters itself; `cut(a, b)` drops traffic between two members both ways.
 */
export class LocalNetwork {
  readonly #members = new Map<MemberId, Receiver>();
  readonly #cuts = new Set<string>();

  /** The transport that member `id` sends through. */
  transport(id: MemberId): Transport {
    return {
      send: (messages) => {
        for (const m of messages) {
          const to = this.#members.get(m.to);
          if (to === undefined || this.#cuts.has(key(id, m.to))) {
            const self = this.#members.get(id);
            queueMicrotask(() => self?.unreachable?.(m.to));
            continue;
          }
          queueMicrotask(() => to.receive(m));
        }
      },
    };
  }

  /** Delivers messages addressed to member `id` to `receiver` (a RaftNode). */
  attach(id: MemberId, receiver: Receiver): void {
    this.#members.set(id, receiver);
  }

  /** Stops delivering to member `id`; messages to it are reported unreachable. */
  detach(id: MemberId): void {
    this.#members.delete(id);
  }

  /** Drops all traffic between members `a` and `b`, both ways, until `heal()`. */
  cut(a: MemberId, b: MemberId): void {
    this.#cuts.add(key(a, b));
    this.#cuts.add(key(b, a));
  }

  /** Removes every cut. */
  heal(): void {
    this.#cuts.clear();
  }
}

const key = (a: MemberId, b: MemberId) => `${a}>${b}`;
