/**
 * Keeps a worker on its network view: asks a manager for it every `pollMs` (the first that
 * answers; a node: `Networks.NodeNetworks`) and hands it to `onView` when it changed. A failed
 * manager is logged at debug level and the next is tried; a view equal to the last one delivered
 * is not delivered again.
 */
import { type Clock, type Logger, noopLogger, systemClock, type Timer } from '@swarm/api';
import type { NodeNetworkView } from './plan.js';

/** What a NetworksFollower reads from and writes to. */
export interface NetworksFollowerComponents {
  /** The calling node's view from the manager at `addr`. */
  view(addr: string): Promise<NodeNetworkView>;
  /** The managers to ask, in order (a worker's agent: the connected one first). */
  managers(): readonly string[];
  /** Takes each new view (the node's data plane applies it). A rejection is logged and the view delivered again at the next poll. */
  onView(view: NodeNetworkView): void | Promise<void>;
  /** Timers. Default `systemClock`. */
  clock?: Clock;
  /** Failed requests (debug level) and failed `onView` calls (warn). Default none. */
  logger?: Logger;
}

/** Options of a NetworksFollower. */
export interface NetworksFollowerInit {
  /** How often the view is asked for (ms). Default 1,000. */
  pollMs?: number;
}

/** A canonical string of a view: equal exactly when the views are (the RPC's answer is sorted). */
export function networkViewKey(view: NodeNetworkView): string {
  return JSON.stringify(view);
}

/** Feeds a worker's network data plane the managers' view of its networks, as it changes. */
export class NetworksFollower {
  readonly #c: NetworksFollowerComponents;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #pollMs: number;
  #key: string | undefined;
  #view: NodeNetworkView | undefined;
  #timer: Timer | undefined;
  #busy: Promise<void> | undefined;
  #started = false;
  #stopped = false;

  constructor(init: NetworksFollowerInit, components: NetworksFollowerComponents) {
    if (
      typeof components?.view !== 'function' ||
      typeof components.managers !== 'function' ||
      typeof components.onView !== 'function'
    )
      throw new TypeError('NetworksFollower: components.view, .managers and .onView are required');
    const pollMs = init?.pollMs ?? 1000;
    if (!Number.isFinite(pollMs) || pollMs <= 0)
      throw new RangeError(`NetworksFollower: pollMs must be a number > 0, got ${String(pollMs)}`);
    this.#c = components;
    this.#clock = components.clock ?? systemClock;
    this.#logger = components.logger ?? noopLogger;
    this.#pollMs = pollMs;
  }

  /** The last view delivered, or undefined before the first answer. */
  get view(): NodeNetworkView | undefined {
    return this.#view;
  }

  /** Asks for the view now, then every `pollMs` until stopped. */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    this.#arm();
    void this.refresh();
  }

  /**
   * Asks the managers in order for the view; calls `onView` when it changed. Never rejects. A
   * refresh asked for while one runs waits for it (`onView` is never called twice at once).
   */
  async refresh(): Promise<void> {
    while (this.#busy !== undefined) await this.#busy;
    if (this.#stopped) return;
    const run = this.#refresh();
    this.#busy = run;
    try {
      await run;
    } finally {
      this.#busy = undefined;
    }
  }

  async #refresh(): Promise<void> {
    for (const m of this.#c.managers()) {
      let view: NodeNetworkView;
      try {
        view = await this.#c.view(m);
      } catch (e) {
        this.#logger.debug?.('network view refresh failed', {
          manager: m,
          error: String((e as Error).message),
        });
        continue;
      }
      if (this.#stopped) return;
      const key = networkViewKey(view);
      if (key === this.#key) return;
      this.#key = key;
      this.#view = view;
      try {
        await this.#c.onView(view);
      } catch (e) {
        this.#key = undefined;
        this.#logger.warn('applying the network view failed; trying again at the next poll', {
          error: String((e as Error).message),
        });
      }
      return;
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
      // A poll that comes while the last one still runs (a slow manager or `onView`) is skipped.
      if (this.#busy === undefined) void this.refresh();
    }, this.#pollMs);
  }
}
