import { ManualClock, SwarmError, swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, retryRaced, SequenceConflictError, type Store } from '../src/index.js';

/** A store whose first `losses` updates lose a race at apply time, then pass to a memory store. */
function racing(losses: number, clock: ManualClock): { store: Pick<Store, 'update'>; calls: () => number } {
  const inner = createMemoryStore({ clock });
  let calls = 0;
  return {
    calls: () => calls,
    store: {
      update: (fn, options) => {
        calls++;
        if (calls <= losses) return Promise.reject(new SequenceConflictError('node', 'n1', 1n, 2n, 7n));
        return inner.update(fn, options);
      },
    },
  };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((r) => setImmediate(r));

describe('retryRaced', () => {
  it('runs the transaction again after a lost race, waiting on the clock between attempts', async () => {
    const clock = new ManualClock(0);
    const { store, calls } = racing(2, clock);
    let done = false;
    const p = retryRaced(store, (tx) => tx.create('node', swarm.Node.create({ id: 'n'.repeat(25) })), {
      clock,
    }).then((r) => {
      done = true;
      return r;
    });
    await settle();
    expect(calls()).toBe(1);
    clock.advance(4);
    await settle();
    expect(calls()).toBe(1); // the first wait is 5 ms
    clock.advance(1);
    await settle();
    expect(calls()).toBe(2);
    clock.advance(10); // the second wait is 10 ms
    await settle();
    expect(calls()).toBe(3);
    const { version } = await p;
    expect(done).toBe(true);
    expect(version).toBeGreaterThan(0n);
  });

  it('gives up after `attempts` and rejects with the conflict', async () => {
    const clock = new ManualClock(0);
    const { store, calls } = racing(10, clock);
    const p = retryRaced(store, () => undefined, { clock, attempts: 3, backoffMs: 0 });
    const outcome = p.catch((e: unknown) => e);
    for (let i = 0; i < 5; i++) {
      await settle();
      clock.advance(0);
    }
    const err = await outcome;
    expect(err).toBeInstanceOf(SequenceConflictError);
    expect(calls()).toBe(3);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const store: Pick<Store, 'update'> = {
      update: () => {
        calls++;
        return Promise.reject(new SwarmError('NO_QUORUM', 'no quorum'));
      },
    };
    await expect(retryRaced(store, () => undefined, { clock: new ManualClock(0) })).rejects.toMatchObject({
      code: 'NO_QUORUM',
    });
    expect(calls).toBe(1);
  });

  it('rejects bad options', async () => {
    const store = createMemoryStore();
    await expect(retryRaced(store, () => undefined, { attempts: 0 })).rejects.toThrow(RangeError);
    await expect(retryRaced(store, () => undefined, { backoffMs: -1 })).rejects.toThrow(RangeError);
  });
});
