import { ManualClock } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import type { Discovery } from '../src/index.js';
import { ClassicError, Pool } from '../src/index.js';
import { container, FakeEngines } from './helpers.js';

class ListDiscovery implements Discovery {
  readonly url = 'nodes://test';
  readonly shown = 'nodes://test';
  addrs: string[] = [];
  failing = false;
  async list() {
    if (this.failing) throw new ClassicError('CLASSIC_DISCOVERY_FAILED', 'discovery down', {});
    return [...this.addrs];
  }
  async register() {}
}

describe('Pool', () => {
  it('sees engines join, change, fail and leave at each refresh of the injected clock', async () => {
    const clock = new ManualClock(0);
    const engines = new FakeEngines();
    const d = new ListDiscovery();
    engines.add('10.0.0.1:2375', 'node-1');
    d.addrs = ['10.0.0.1:2375'];
    const pool = new Pool({ discovery: d, client: engines, clock, refreshMs: 1000 });
    await pool.start();
    expect(pool.engines().map((e) => [e.name, e.healthy, e.labels.storage])).toEqual([
      ['node-1', true, 'ssd'],
    ]);

    // A second engine registers: nothing changes before the refresh interval, then it is there.
    engines.add('10.0.0.2:2375', 'node-2');
    d.addrs.push('10.0.0.2:2375');
    clock.advance(999);
    await pool.settled();
    expect(pool.engines()).toHaveLength(1);
    clock.advance(1);
    await pool.settled();
    expect(pool.engines().map((e) => e.name)).toEqual(['node-1', 'node-2']);

    // A container appears on node-2: seen at the next round.
    engines.up.get('10.0.0.2:2375')!.containers.push(container({ names: ['web'] }));
    clock.advance(1000);
    await pool.settled();
    expect(pool.findContainer('web')).toMatchObject({ engine: { name: 'node-2' } });

    // node-1 stops answering: it stays, unhealthy, with what was known of it.
    engines.up.delete('10.0.0.1:2375');
    clock.advance(1000);
    await pool.settled();
    expect(pool.engines().map((e) => [e.name, e.healthy])).toEqual([
      ['node-1', false],
      ['node-2', true],
    ]);

    // Discovery fails: the pool keeps its engines and reports the error.
    d.failing = true;
    clock.advance(1000);
    await pool.settled();
    expect(pool.engines()).toHaveLength(2);
    expect(pool.discoveryError).toBe('discovery down');

    // Discovery drops node-1: it leaves the pool.
    d.failing = false;
    d.addrs = ['10.0.0.2:2375'];
    clock.advance(1000);
    await pool.settled();
    expect(pool.engines().map((e) => e.name)).toEqual(['node-2']);
    expect(pool.discoveryError).toBeUndefined();

    await pool.stop();
    const reads = engines.reads;
    clock.advance(10_000);
    await pool.settled();
    expect(engines.reads).toBe(reads);
    expect(clock.pendingTimers).toBe(0);
  });

  it('finds containers by ID, unique prefix and name; an ambiguous prefix says so', async () => {
    const clock = new ManualClock(0);
    const engines = new FakeEngines();
    const a = container({ id: `abc1${'0'.repeat(60)}`, names: ['one'] });
    const b = container({ id: `abc2${'0'.repeat(60)}`, names: ['two'] });
    engines.add('10.0.0.1:2375', 'node-1', [a]);
    engines.add('10.0.0.2:2375', 'node-2', [b]);
    const d = new ListDiscovery();
    d.addrs = ['10.0.0.1:2375', '10.0.0.2:2375'];
    const pool = new Pool({ discovery: d, client: engines, clock, refreshMs: 1000 });
    await pool.refresh();
    expect(pool.findContainer(a.id)).toMatchObject({ engine: { name: 'node-1' }, id: a.id });
    expect(pool.findContainer('abc2')).toMatchObject({ engine: { name: 'node-2' } });
    expect(pool.findContainer('/one')).toMatchObject({ engine: { name: 'node-1' } });
    expect(pool.findContainer('abc')).toBe('ambiguous');
    expect(pool.findContainer('nothing')).toBeUndefined();
  });

  it('refuses a refresh interval under 10 ms', () => {
    expect(
      () => new Pool({ discovery: new ListDiscovery(), client: new FakeEngines(), refreshMs: 1 }),
    ).toThrow(/at least 10 ms/);
  });
  it('keeps the newer read of an engine when an older one answers last (a round racing a placement)', async () => {
    const engines = new FakeEngines();
    const d = new ListDiscovery();
    engines.add('10.0.0.1:2375', 'node-1');
    d.addrs = ['10.0.0.1:2375'];
    // Reads of the container list can be held back: the test decides which answers first.
    const held: (() => void)[] = [];
    let holding = false;
    const client = {
      facts: (a: string) => engines.facts(a),
      images: (a: string) => engines.images(a),
      containers: async (a: string) => {
        const list = await engines.containers(a);
        if (holding) await new Promise<void>((r) => held.push(r));
        return list;
      },
    };
    const pool = new Pool({ discovery: d, client, clock: new ManualClock(0), refreshMs: 1000 });
    await pool.start();
    holding = true;
    const older = pool.refreshEngine('10.0.0.1:2375'); // reads the list without the container
    while (held.length === 0) await new Promise((r) => setImmediate(r));
    holding = false;
    engines.up.get('10.0.0.1:2375')!.containers = [container({ names: ['placed'] })];
    await pool.refreshEngine('10.0.0.1:2375'); // the front end's read after placing it
    expect(pool.findContainer('placed')).toBeDefined();
    held[0]!();
    await older;
    expect(pool.findContainer('placed')).toMatchObject({ engine: { name: 'node-1' } });
  });
});
