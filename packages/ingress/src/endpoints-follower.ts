/**
 * Keeps a node's ingress proxy on the managers' endpoint table: asks a manager for it every
 * `pollMs` (the first that answers; a node: `Ingress.Endpoints`) and hands it to the proxy when it
 * changed. A failed manager is logged at debug level and the next is tried.
 */
import { type Clock, type Logger, noopLogger, swarm, systemClock, type Timer } from '@swarm/api';

/** What an EndpointsFollower reads from and writes to. */
export interface EndpointsFollowerComponents {
  /** The endpoint table from the manager at `addr`. */
  endpoints(addr: string): Promise<swarm.EndpointsResponse>;
  /** The managers to ask, in order (a worker's agent: the connected one first). */
  managers(): readonly string[];
  /** What gets the table (an `IngressProxy`). */
  proxy: {
    /** Takes the new table. */
    update(endpoints: readonly swarm.PublishedEndpoint.$Properties[]): Promise<void>;
  };
  /** Timers. Default `systemClock`. */
  clock?: Clock;
  /** Failed requests (debug level). Default none. */
  logger?: Logger;
}

/** Options of an EndpointsFollower. */
export interface EndpointsFollowerInit {
  /** How often the table is asked for (ms). Default 1,000. */
  pollMs?: number;
}

/** Feeds an ingress proxy the managers' endpoint table, as it changes. */
export class EndpointsFollower {
  readonly #c: EndpointsFollowerComponents;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #pollMs: number;
  #key = '';
  #timer: Timer | undefined;
  #started = false;
  #stopped = false;

  constructor(init: EndpointsFollowerInit, components: EndpointsFollowerComponents) {
    if (
      typeof components?.endpoints !== 'function' ||
      typeof components.managers !== 'function' ||
      typeof components.proxy?.update !== 'function'
    )
      throw new TypeError('EndpointsFollower: components.endpoints, .managers and .proxy are required');
    const pollMs = init.pollMs ?? 1000;
    if (!Number.isFinite(pollMs) || pollMs <= 0)
      throw new RangeError(`EndpointsFollower: pollMs must be a number > 0, got ${String(pollMs)}`);
    this.#c = components;
    this.#clock = components.clock ?? systemClock;
    this.#logger = components.logger ?? noopLogger;
    this.#pollMs = pollMs;
  }

  /** Asks for the table now, then every `pollMs` until stopped. */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    this.#arm();
    void this.refresh();
  }

  /** Asks the managers in order for the table; updates the proxy when it changed. Never rejects. */
  async refresh(): Promise<void> {
    if (this.#stopped) return;
    for (const m of this.#c.managers()) {
      try {
        const res = await this.#c.endpoints(m);
        const key = JSON.stringify(swarm.EndpointsResponse.toObject(res));
        if (key !== this.#key) {
          this.#key = key;
          await this.#c.proxy.update(res.endpoints ?? []);
        }
        return;
      } catch (e) {
        this.#logger.debug?.('endpoints refresh failed', { manager: m, error: String((e as Error).message) });
      }
    }
  }

  /** Stops asking. */
  stop(): void {
    this.#stopped = true;
    this.#timer?.cancel();
  }

  #arm(): void {
    this.#timer = this.#clock.setTimeout(() => {
      if (this.#stopped) return;
      this.#arm();
      void this.refresh();
    }, this.#pollMs);
  }
}
