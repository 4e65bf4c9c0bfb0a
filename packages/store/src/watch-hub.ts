// Delivers the events of each applied transaction to the watchers whose filter matches, in apply
// order. Delivery is synchronous but never re-entrant: a listener that causes another transaction
// to apply (a memory store applies at once) sees those events after every listener got the
// current ones.
import { type Logger, noopLogger } from '@swarm/api';
import { assertKind } from './kinds.js';
import type { StoreEvent, WatchFilter } from './types.js';

const ACTIONS = new Set(['create', 'update', 'delete']);

interface Watcher {
  filter: WatchFilter;
  listener: (events: StoreEvent[]) => void;
}

export class WatchHub {
  readonly #watchers = new Set<Watcher>();
  readonly #queue: StoreEvent[][] = [];
  readonly #logger: Logger;
  #delivering = false;

  constructor(logger: Logger = noopLogger) {
    this.#logger = logger;
  }

  get size(): number {
    return this.#watchers.size;
  }

  watch(filter: WatchFilter, listener: (events: StoreEvent[]) => void): () => void {
    if (typeof filter !== 'object' || filter === null)
      throw new TypeError('watch(filter, listener): filter must be an object');
    if (typeof listener !== 'function')
      throw new TypeError('watch(filter, listener): listener must be a function');
    for (const k of filter.kinds ?? []) assertKind(k, 'watch filter.kinds[]');
    for (const a of filter.actions ?? []) {
      if (!ACTIONS.has(a))
        throw new TypeError(
          `watch filter.actions[] must be create, update or delete; got ${JSON.stringify(a)}`,
        );
    }
    if (filter.match !== undefined && typeof filter.match !== 'function')
      throw new TypeError('watch filter.match must be a function');
    const w: Watcher = { filter: { ...filter }, listener };
    this.#watchers.add(w);
    return () => {
      this.#watchers.delete(w);
    };
  }

  publish(events: StoreEvent[]): void {
    if (events.length === 0 || this.#watchers.size === 0) return;
    this.#queue.push(events);
    if (this.#delivering) return;
    this.#delivering = true;
    try {
      for (let batch = this.#queue.shift(); batch !== undefined; batch = this.#queue.shift())
        this.#deliver(batch);
    } finally {
      this.#delivering = false;
    }
  }

  clear(): void {
    this.#watchers.clear();
    this.#queue.length = 0;
  }

  #deliver(events: StoreEvent[]): void {
    for (const w of [...this.#watchers]) {
      if (!this.#watchers.has(w)) continue; // removed by an earlier listener
      const { kinds, actions, match } = w.filter;
      try {
        const mine = events.filter(
          (e) =>
            (kinds === undefined || kinds.includes(e.kind)) &&
            (actions === undefined || actions.includes(e.action)) &&
            (match === undefined || match(e)),
        );
        if (mine.length > 0) w.listener(mine);
      } catch (err) {
        // One failing watcher must not keep the others (or the apply loop) from their events.
        this.#logger.error('store: a watch listener or filter threw', {
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
  }
}
