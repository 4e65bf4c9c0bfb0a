// The simulator's network: every message goes through the wire codec (so no object is shared
// between members), then is lost, duplicated, delayed or reordered as the current fault settings
// say, and delivered on the virtual clock. Partitions block directed pairs of members.
import type { Clock, Random } from '@swarm/api';
import { decodeMessage, encodeMessage } from '../codec.js';
import type { Receiver, Transport } from '../driver/transport.js';
import type { MemberId, Message } from '../types.js';

/** The simulated network's faults: loss, duplication, delays, reordering. */
export interface NetworkFaults {
  /** Probability that a message is lost, 0..1. */
  loss: number;
  /** Probability that a message is delivered twice. */
  duplicate: number;
  /** Base one-way delay range in ms. */
  minDelayMs: number;
  maxDelayMs: number;
  /** Probability that a message gets an extra delay (which reorders it). */
  reorder: number;
  reorderDelayMs: number;
}

/** A network without faults. */
export const calmNetwork = (): NetworkFaults => ({
  loss: 0,
  duplicate: 0,
  minDelayMs: 1,
  maxDelayMs: 3,
  reorder: 0,
  reorderDelayMs: 0,
});

/** The simulated network: every message goes through the wire codec, then is lost, duplicated, delayed or reordered on virtual time, and partitions block members. */
export class SimNetwork {
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #members = new Map<MemberId, Receiver>();
  readonly #blocked = new Set<string>();
  faults: NetworkFaults = calmNetwork();
  sent = 0;
  delivered = 0;

  constructor(clock: Clock, random: Random) {
    this.#clock = clock;
    this.#random = random;
  }

  /** The transport that member `from` sends through. */
  transport(from: MemberId): Transport {
    return { send: (messages) => this.#send(from, messages) };
  }

  /** Delivers messages addressed to member `id` to `receiver`. */
  attach(id: MemberId, receiver: Receiver): void {
    this.#members.set(id, receiver);
  }

  /** Stops delivering to member `id`. */
  detach(id: MemberId): void {
    this.#members.delete(id);
  }

  /** Blocks traffic from `a` to `b` (one direction). */
  block(a: MemberId, b: MemberId): void {
    this.#blocked.add(`${a}>${b}`);
  }

  /** Splits members into groups that cannot talk to each other (both directions). */
  partition(groups: MemberId[][]): void {
    for (const g of groups)
      for (const h of groups) if (g !== h) for (const a of g) for (const b of h) this.block(a, b);
  }

  /** Removes every partition. */
  heal(): void {
    this.#blocked.clear();
  }

  get partitioned(): boolean {
    return this.#blocked.size > 0;
  }

  #send(from: MemberId, messages: readonly Message[]): void {
    for (const m of messages) {
      this.sent++;
      const bytes = encodeMessage(m);
      const f = this.faults;
      if (this.#random.float() < f.loss) continue;
      const copies = this.#random.float() < f.duplicate ? 2 : 1;
      for (let c = 0; c < copies; c++) {
        let delay = f.minDelayMs + this.#random.int(Math.max(1, f.maxDelayMs - f.minDelayMs + 1));
        if (this.#random.float() < f.reorder) delay += this.#random.int(Math.max(1, f.reorderDelayMs));
        this.#clock.setTimeout(() => {
          // Partitions are checked at delivery: a message in flight when a partition starts is lost.
          if (this.#blocked.has(`${from}>${m.to}`)) return;
          const to = this.#members.get(m.to);
          if (to === undefined) return;
          this.delivered++;
          to.receive(decodeMessage(bytes));
        }, delay);
      }
    }
  }
}
