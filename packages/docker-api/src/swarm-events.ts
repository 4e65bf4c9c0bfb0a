/**
 * Swarm events for `GET /events` from a swarm store: creates, updates and removals of services,
 * nodes, secrets, configs and networks, as dockerd reports them (`Type`, `Action`, `Actor.ID`,
 * `Actor.Attributes.name`, and the old and new value of what changed for nodes and services). The
 * last 256 since the log started are remembered for `since`.
 */
import { type Clock, type swarm, systemClock, type Timer } from '@swarm/api';
import type { SwarmEventLogOptions, SwarmStoreEvent, WatchableSwarmStore } from './swarm-store.js';
import type { EventMessage } from './types.js';

const KEEP = 256;
const KINDS = ['service', 'node', 'secret', 'config', 'network'] as const;

function nameOf(e: SwarmStoreEvent): string {
  const o = e.object as swarm.Service & swarm.Node;
  return o.spec?.annotations?.name || o.description?.hostname || '';
}

function attributes(e: SwarmStoreEvent): Record<string, string> {
  const out: Record<string, string> = { name: nameOf(e) };
  if (e.action !== 'update' || e.old === undefined) return out;
  const changed = (key: string, a: unknown, b: unknown) => {
    if (String(a ?? '') !== String(b ?? '')) {
      out[`${key}.old`] = String(a ?? '');
      out[`${key}.new`] = String(b ?? '');
    }
  };
  if (e.kind === 'node') {
    const o = e.old as swarm.Node;
    const n = e.object as swarm.Node;
    changed('state', o.status?.state, n.status?.state);
    changed('availability', o.spec?.availability, n.spec?.availability);
    changed('role', o.spec?.desiredRole, n.spec?.desiredRole);
  } else if (e.kind === 'service') {
    const o = e.old as swarm.Service;
    const n = e.object as swarm.Service;
    changed('replicas', o.spec?.replicated?.replicas, n.spec?.replicated?.replicas);
    changed('image', o.spec?.task?.container?.image, n.spec?.task?.container?.image);
    changed('updatestate', o.updateStatus?.state, n.updateStatus?.state);
  }
  return out;
}

/** The recent and live events of a swarm store, as Docker's `GET /events` streams them. */
export class SwarmEventLog {
  readonly #store: () => WatchableSwarmStore | undefined;
  readonly #clock: Clock;
  readonly #followMs: number;
  readonly #recent: EventMessage[] = [];
  readonly #listeners = new Set<(e: EventMessage) => void>();
  #watching: { store: unknown; stop: () => void } | undefined;
  #timer: Timer | undefined;
  #closed = false;

  constructor(options: SwarmEventLogOptions) {
    if (typeof options?.store !== 'function')
      throw new TypeError('SwarmEventLog: options.store must be a function that returns the store to watch');
    const followMs = options.followMs ?? 1000;
    if (!Number.isFinite(followMs) || followMs <= 0)
      throw new RangeError(`SwarmEventLog: options.followMs must be a number > 0, got ${String(followMs)}`);
    this.#store = options.store;
    this.#clock = options.clock ?? systemClock;
    this.#followMs = followMs;
    this.#follow();
  }

  /** Looks for another store now and every `followMs` until closed. */
  #follow(): void {
    if (this.#closed) return;
    this.#watch();
    this.#timer = this.#clock.setTimeout(() => this.#follow(), this.#followMs);
  }

  /** Follows the current store (it changes on init, join, promotion, leave). */
  #watch(): void {
    const store = this.#store();
    if (this.#watching?.store === store) return;
    this.#watching?.stop();
    this.#watching = undefined;
    if (store === undefined) return;
    const stop = store.watch({ kinds: [...KINDS] }, (events) => {
      for (const e of events) this.#emit(e);
    });
    this.#watching = { store, stop };
  }

  #emit(e: SwarmStoreEvent): void {
    const nowMs = this.#clock.now();
    const m: EventMessage = {
      Type: e.kind as EventMessage['Type'],
      Action: e.action === 'delete' ? 'remove' : e.action,
      Actor: { ID: e.object.id, Attributes: attributes(e) },
      scope: 'swarm',
      time: Math.floor(nowMs / 1000),
      timeNano: nowMs * 1_000_000,
    };
    this.#recent.push(m);
    if (this.#recent.length > KEEP) this.#recent.shift();
    for (const l of this.#listeners) l(m);
  }

  /**
   * The events from `sinceMs` on (those still remembered; none when undefined), then live ones
   * until `signal` aborts.
   */
  async *stream(sinceMs: number | undefined, signal: AbortSignal): AsyncGenerator<EventMessage> {
    this.#watch();
    const queue: EventMessage[] =
      sinceMs === undefined ? [] : this.#recent.filter((e) => e.timeNano / 1_000_000 >= sinceMs);
    let wake: (() => void) | undefined;
    const listener = (e: EventMessage) => {
      queue.push(e);
      wake?.();
    };
    this.#listeners.add(listener);
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      while (!signal.aborted) {
        const next = queue.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        await new Promise<void>((r) => {
          wake = r;
        });
        wake = undefined;
      }
    } finally {
      this.#listeners.delete(listener);
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Stops watching the store and following it. */
  close(): void {
    this.#closed = true;
    this.#timer?.cancel();
    this.#watching?.stop();
    this.#watching = undefined;
  }
}
