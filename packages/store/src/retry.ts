// Re-running a transaction that lost an optimistic-concurrency race when it was applied.
import { type Clock, systemClock } from '@swarm/api';
import { StoreConflictError } from './errors.js';
import type { Store, UpdateOptions, WriteTx } from './types.js';

/** How {@link retryRaced} retries. */
export interface RetryRacedOptions {
  /** Waits between attempts (attempt n waits `n * backoffMs`). Default `systemClock`. */
  readonly clock?: Clock;
  /** Attempts in all, the first included. Default 5. */
  readonly attempts?: number;
  /** ms; the wait after the first lost race (then twice that, and so on). Default 5. */
  readonly backoffMs?: number;
  /** Passed to each `store.update`. */
  readonly update?: UpdateOptions;
}

/**
 * `store.update(fn)`, run again (so `fn` reads fresh objects) when it lost an optimistic-concurrency
 * race at apply time (`SEQUENCE_CONFLICT`: another transaction, e.g. a node status write, changed
 * an object it updates between its read and its commit). Any other error, and the last attempt's
 * conflict, reject as they are. `fn` must be safe to run more than once (read, then write).
 */
export async function retryRaced(
  store: Pick<Store, 'update'>,
  fn: (tx: WriteTx) => void,
  options: RetryRacedOptions = {},
): Promise<{ version: bigint }> {
  const clock = options.clock ?? systemClock;
  const attempts = options.attempts ?? 5;
  const backoffMs = options.backoffMs ?? 5;
  if (!(Number.isSafeInteger(attempts) && attempts >= 1))
    throw new RangeError(`retryRaced: attempts must be an integer >= 1, got ${attempts}`);
  if (!(Number.isFinite(backoffMs) && backoffMs >= 0))
    throw new RangeError(`retryRaced: backoffMs must be >= 0, got ${backoffMs}`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.update(fn, options.update);
    } catch (e) {
      if (!(e instanceof StoreConflictError && e.code === 'SEQUENCE_CONFLICT') || attempt >= attempts)
        throw e;
      await new Promise<void>((r) => clock.setTimeout(r, backoffMs * attempt));
    }
  }
}
