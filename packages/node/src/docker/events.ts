/**
 * Swarm events for `GET /events` from the manager's store: creates, updates and removals of
 * services, nodes, secrets and networks, as dockerd reports them (`Type`, `Action`, `Actor.ID`,
 * `Actor.Attributes.name`, and the old and new value of what changed for nodes and services). The
 * last 256 since the daemon started are remembered for `since`.
 */
import type { swarm } from '@swarm/api';
import type { EventMessage } from '@swarm/docker-api';
import type { StoreEvent } from '@swarm/store';
import type { Daemon } from '../daemon/daemon.js';

const KEEP = 256;
const KINDS = ['service', 'node', 'secret', 'network'] as const;

function nameOf(e: StoreEvent): string {
  const o = e.object as swarm.Service & swarm.Node;
  return o.spec?.annotations?.name || o.description?.hostname || '';
}

function attributes(e: StoreEvent): Record<string, string> {
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

export class SwarmEvents {
  readonly #d: Daemon;
  readonly #recent: EventMessage[] = [];
  readonly #listeners = new Set<(e: EventMessage) => void>();
  #watching: { store: unknown; stop: () => void } | undefined;
  readonly #timer: NodeJS.Timeout;

  constructor(d: Daemon) {
    this.#d = d;
    // The manager comes and goes (init, join, promotion, leave): follow the current one.
    this.#timer = setInterval(() => this.#watch(), 1000);
    this.#timer.unref();
    this.#watch();
  }

  /** Follows the current manager's store (it changes on init, join, promotion, leave). */
  #watch(): void {
    const store = this.#d.manager?.store;
    if (this.#watching?.store === store) return;
    this.#watching?.stop();
    this.#watching = undefined;
    if (store === undefined) return;
    const stop = store.watch({ kinds: [...KINDS] }, (events) => {
      for (const e of events) this.#emit(e);
    });
    this.#watching = { store, stop };
  }

  #emit(e: StoreEvent): void {
    const nowMs = Date.now();
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

  close(): void {
    clearInterval(this.#timer);
    this.#watching?.stop();
    this.#watching = undefined;
  }
}
