// Docker's event stream from a swarm store: what changed, as dockerd reports it; `since` from the
// remembered events; a store that comes and goes.
import { ManualClock, swarm, toLong } from '@swarm/api';
import { createMemoryStore, type MemoryStore } from '@swarm/store';
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../src/index.js';
import { SwarmEventLog, type WatchableSwarmStore } from '../src/swarm.js';

const ID = 's'.repeat(25);
const T0 = Date.UTC(2026, 0, 1);

function service(replicas: number): swarm.Service {
  return swarm.Service.create({
    id: ID,
    spec: { annotations: { name: 'web' }, replicated: { replicas: toLong(BigInt(replicas)) } },
  });
}

function scale(store: MemoryStore, replicas: number): Promise<unknown> {
  return store.update((tx) => {
    const s = tx.get('service', ID)!;
    s.spec!.replicated = { replicas: toLong(BigInt(replicas)) };
    tx.update('service', s);
  });
}

/** Takes `n` events of a stream, then stops it. */
async function take(stream: AsyncGenerator<EventMessage>, n: number, stop: AbortController) {
  const out: EventMessage[] = [];
  for await (const e of stream) {
    out.push(e);
    if (out.length === n) break;
  }
  stop.abort();
  return out;
}

describe('SwarmEventLog', () => {
  it("streams creates, updates with what changed, and removals, at the clock's time", async () => {
    const clock = new ManualClock(T0);
    const store = createMemoryStore({ clock });
    const log = new SwarmEventLog({ store: () => store, clock });
    const stop = new AbortController();
    const events = take(log.stream(undefined, stop.signal), 3, stop);
    await store.update((tx) => tx.create('service', service(1)));
    clock.advance(1500);
    await scale(store, 3);
    await store.update((tx) => tx.delete('service', ID));
    const [created, updated, removed] = await events;
    expect(created).toEqual({
      Type: 'service',
      Action: 'create',
      Actor: { ID, Attributes: { name: 'web' } },
      scope: 'swarm',
      time: T0 / 1000,
      timeNano: T0 * 1_000_000,
    });
    expect(updated?.Action).toBe('update');
    expect(updated?.Actor.Attributes).toEqual({ name: 'web', 'replicas.old': '1', 'replicas.new': '3' });
    expect(updated?.time).toBe(Math.floor((T0 + 1500) / 1000));
    expect(updated?.timeNano).toBe((T0 + 1500) * 1_000_000);
    expect(removed?.Action).toBe('remove');
    log.close();
  });

  it('streams config creates and removals by name', async () => {
    const clock = new ManualClock(T0);
    const store = createMemoryStore({ clock });
    const log = new SwarmEventLog({ store: () => store, clock });
    const stop = new AbortController();
    const events = take(log.stream(undefined, stop.signal), 2, stop);
    const id = 'f'.repeat(25);
    await store.update((tx) =>
      tx.create(
        'config',
        swarm.Config.create({ id, spec: { annotations: { name: 'app.conf' }, data: new Uint8Array([1]) } }),
      ),
    );
    await store.update((tx) => tx.delete('config', id));
    expect((await events).map((e) => [e.Type, e.Action, e.Actor.ID, e.Actor.Attributes.name])).toEqual([
      ['config', 'create', id, 'app.conf'],
      ['config', 'remove', id, 'app.conf'],
    ]);
    log.close();
  });

  it('replays the remembered events from `since`, then goes on live', async () => {
    const clock = new ManualClock(T0);
    const store = createMemoryStore({ clock });
    const log = new SwarmEventLog({ store: () => store, clock });
    await store.update((tx) => tx.create('service', service(1)));
    clock.advance(10_000);
    await scale(store, 2);
    const stop = new AbortController();
    const events = take(log.stream(T0 + 5_000, stop.signal), 2, stop);
    await scale(store, 4);
    expect((await events).map((e) => e.Actor.Attributes['replicas.new'])).toEqual(['2', '4']);
    log.close();
  });

  it('follows the store that is current, and stops following when closed', async () => {
    const clock = new ManualClock(T0);
    const first = createMemoryStore({ clock });
    const second = createMemoryStore({ clock });
    let current: WatchableSwarmStore | undefined;
    const log = new SwarmEventLog({ store: () => current, clock, followMs: 1000 });
    const seen: string[] = [];
    const stop = new AbortController();
    const reading = (async () => {
      for await (const e of log.stream(undefined, stop.signal)) seen.push(e.Actor.ID);
    })();
    current = first;
    clock.advance(1000);
    await first.update((tx) => tx.create('secret', swarm.Secret.create({ id: 'a'.repeat(25) })));
    current = second;
    clock.advance(1000);
    await first.update((tx) => tx.create('secret', swarm.Secret.create({ id: 'b'.repeat(25) })));
    await second.update((tx) => tx.create('secret', swarm.Secret.create({ id: 'c'.repeat(25) })));
    log.close();
    await second.update((tx) => tx.create('secret', swarm.Secret.create({ id: 'd'.repeat(25) })));
    await new Promise((r) => setImmediate(r));
    stop.abort();
    await reading;
    expect(seen).toEqual(['a'.repeat(25), 'c'.repeat(25)]);
  });

  it('refuses options without a store getter or with a bad follow period', () => {
    expect(() => new SwarmEventLog({} as never)).toThrow(TypeError);
    expect(() => new SwarmEventLog({ store: () => undefined, followMs: 0 })).toThrow(RangeError);
  });
});
