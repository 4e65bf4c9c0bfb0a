/**
 * The pool: every `refreshMs` (on the injected clock) it lists the engines discovery knows and
 * reads each one (`/info`, its containers, its images). An engine that stops answering stays in
 * the pool, unhealthy (the health filter then skips it), until discovery drops its address. The
 * API front end also refreshes one engine right after changing it, so that the next placement
 * sees the new container without waiting for the round.
 */
import { type Clock, type Logger, noopLogger, systemClock, type Timer } from '@swarm/api';
import type { Discovery } from './discovery/discovery.js';
import type { EngineClient } from './engine-client.js';
import { ClassicError } from './errors.js';
import type { EngineInfo } from './types.js';

/** Options of `Pool`. */
export interface PoolOptions {
  readonly discovery: Discovery;
  readonly client: EngineClient;
  /** Default the system clock. */
  readonly clock?: Clock;
  /** How often discovery and the engines are read, ms (default 10,000). */
  readonly refreshMs?: number;
  readonly logger?: Logger;
}

/** The engines of the cluster, as last read. */
export class Pool {
  readonly discovery: Discovery;
  readonly refreshMs: number;
  readonly #client: EngineClient;
  readonly #clock: Clock;
  readonly #logger: Logger;
  #engines = new Map<string, EngineInfo>();
  // Reads of one engine can overlap (a periodic round and the front end's read after a change):
  // the one started last wins, so an older list never overwrites a newer one.
  #reads = 0;
  readonly #appliedRead = new Map<string, number>();
  #timer: Timer | undefined;
  #round: Promise<void> | undefined;
  #running = false;
  #discoveryError: string | undefined;

  constructor(o: PoolOptions) {
    this.discovery = o.discovery;
    this.#client = o.client;
    this.#clock = o.clock ?? systemClock;
    this.#logger = o.logger ?? noopLogger;
    this.refreshMs = o.refreshMs ?? 10_000;
    if (!Number.isFinite(this.refreshMs) || this.refreshMs < 10)
      throw new ClassicError(
        'CLASSIC_BAD_OPTION',
        `refresh interval must be at least 10 ms, got ${this.refreshMs}`,
        {
          refreshMs: this.refreshMs,
        },
      );
  }

  /** The engines, sorted by name then address. */
  engines(): EngineInfo[] {
    return [...this.#engines.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.addr.localeCompare(b.addr),
    );
  }

  /** The engine at an address, if it is in the pool. */
  engine(addr: string): EngineInfo | undefined {
    return this.#engines.get(addr);
  }

  /** Why the last discovery read failed, if it did (shown by `/info`). */
  get discoveryError(): string | undefined {
    return this.#discoveryError;
  }

  /** Reads discovery and the engines now, then every `refreshMs`. Resolves after the first round. */
  async start(): Promise<void> {
    this.#running = true;
    await this.refresh();
  }

  /** Stops the rounds (a round in flight finishes). */
  async stop(): Promise<void> {
    this.#running = false;
    this.#timer?.cancel();
    this.#timer = undefined;
    await this.#round;
  }

  /** One round now (joined with the one in flight, if any). */
  refresh(): Promise<void> {
    if (this.#round !== undefined) return this.#round;
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#round = this.#doRound().finally(() => {
      this.#round = undefined;
      if (this.#running) this.#timer = this.#clock.setTimeout(() => void this.refresh(), this.refreshMs);
    });
    return this.#round;
  }

  /** Resolves when the round in flight (if any) is over. */
  async settled(): Promise<void> {
    await this.#round;
  }

  async #doRound(): Promise<void> {
    let addrs: string[];
    try {
      addrs = await this.discovery.list();
      this.#discoveryError = undefined;
    } catch (e) {
      // Keep the engines we know: a discovery outage must not empty the cluster.
      this.#discoveryError = (e as Error).message;
      this.#logger.warn('discovery failed', { url: this.discovery.shown, message: this.#discoveryError });
      addrs = [...this.#engines.keys()];
    }
    for (const a of [...this.#engines.keys()])
      if (!addrs.includes(a)) {
        this.#engines.delete(a);
        this.#logger.info('engine left the pool', { addr: a });
      }
    await Promise.all(addrs.map((a) => this.refreshEngine(a)));
  }

  /** Reads one engine again (after the front end changed it). */
  async refreshEngine(addr: string): Promise<EngineInfo> {
    const read = ++this.#reads;
    const superseded = (): EngineInfo | undefined => {
      const current = this.#engines.get(addr);
      if ((this.#appliedRead.get(addr) ?? 0) > read && current !== undefined) return current;
      this.#appliedRead.set(addr, read);
      return undefined;
    };
    try {
      const [facts, containers, images] = await Promise.all([
        this.#client.facts(addr),
        this.#client.containers(addr),
        this.#client.images(addr),
      ]);
      const newer = superseded();
      if (newer !== undefined) return newer;
      const before = this.#engines.get(addr);
      const e: EngineInfo = { ...facts, addr, healthy: true, containers, images };
      if (before === undefined || !before.healthy)
        this.#logger.info('engine in the pool', { addr, name: e.name });
      this.#engines.set(addr, e);
      return e;
    } catch (err) {
      const newer = superseded();
      if (newer !== undefined) return newer;
      const before = this.#engines.get(addr);
      const e: EngineInfo = before
        ? { ...before, healthy: false }
        : {
            id: addr,
            name: addr,
            addr,
            labels: {},
            cpus: 0,
            memory: 0,
            healthy: false,
            containers: [],
            images: [],
          };
      if (before?.healthy !== false)
        this.#logger.warn('engine unhealthy', { addr, message: (err as Error).message });
      this.#engines.set(addr, e);
      return e;
    }
  }

  /**
   * The engine holding a container, by full ID, unique ID prefix or name. Throws nothing: undefined
   * when no engine has it, and `'ambiguous'` when a prefix matches several.
   */
  findContainer(ref: string): { engine: EngineInfo; id: string } | 'ambiguous' | undefined {
    const name = ref.replace(/^\//, '');
    for (const e of this.#engines.values())
      for (const c of e.containers)
        if (c.id === ref || c.names.includes(name)) return { engine: e, id: c.id };
    const found: { engine: EngineInfo; id: string }[] = [];
    if (/^[0-9a-f]{1,64}$/.test(ref))
      for (const e of this.#engines.values())
        for (const c of e.containers) if (c.id.startsWith(ref)) found.push({ engine: e, id: c.id });
    if (found.length > 1) return 'ambiguous';
    return found[0];
  }
}
