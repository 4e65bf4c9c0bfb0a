/**
 * `swarm join`: registers an engine's address with discovery every `heartbeatMs`, each time for
 * `ttlMs` (default three heartbeats), so that the address vanishes soon after the join stops.
 */
import { type Clock, type Logger, noopLogger, systemClock, type Timer } from '@swarm/api';
import { canonicalAddress } from './address.js';
import type { Discovery } from './discovery/discovery.js';
import { ClassicError } from './errors.js';

/** Options of `startJoin`. */
export interface JoinOptions {
  readonly discovery: Discovery;
  /** The engine's address, `HOST:PORT` as the manager reaches it. */
  readonly advertise: string;
  /** Default 20,000 ms. */
  readonly heartbeatMs?: number;
  /** Default three heartbeats. */
  readonly ttlMs?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/** A running join. */
export interface Join {
  /** The canonical address registered. */
  readonly addr: string;
  /** Stops registering (the address expires with its last TTL). */
  stop(): void;
}

/**
 * Registers once (throws what the backend throws, so that a wrong URL fails at once), then every
 * heartbeat; later failures are logged and retried at the next heartbeat.
 */
export async function startJoin(o: JoinOptions): Promise<Join> {
  const addr = canonicalAddress(o.advertise);
  const heartbeatMs = o.heartbeatMs ?? 20_000;
  if (!Number.isFinite(heartbeatMs) || heartbeatMs < 10)
    throw new ClassicError('CLASSIC_BAD_OPTION', `heartbeat must be at least 10 ms, got ${heartbeatMs}`, {});
  const ttlMs = o.ttlMs ?? 3 * heartbeatMs;
  const clock = o.clock ?? systemClock;
  const logger = o.logger ?? noopLogger;
  await o.discovery.register(addr, ttlMs);
  logger.info('registered with discovery', { addr, discovery: o.discovery.shown });
  let timer: Timer | undefined;
  let stopped = false;
  const beat = () => {
    if (stopped) return;
    o.discovery
      .register(addr, ttlMs)
      .catch((e: unknown) => logger.warn('registration failed', { addr, message: (e as Error).message }))
      .finally(() => {
        if (!stopped) timer = clock.setTimeout(beat, heartbeatMs);
      });
  };
  timer = clock.setTimeout(beat, heartbeatMs);
  return {
    addr,
    stop: () => {
      stopped = true;
      timer?.cancel();
    },
  };
}
