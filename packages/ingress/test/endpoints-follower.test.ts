// The ingress proxy follows the managers' endpoint table: asked at once and every pollMs, from the
// first manager that answers, handed to the proxy only when it changed; on the injected clock.
import { ManualClock, swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { EndpointsFollower } from '../src/index.js';

const settle = () => new Promise((r) => setImmediate(r));
const table = (port: number) =>
  swarm.EndpointsResponse.create({
    endpoints: [swarm.PublishedEndpoint.create({ serviceId: 'web', publishedPort: port })],
  });

function harness(answers: Map<string, swarm.EndpointsResponse>) {
  const clock = new ManualClock(0);
  const asked: string[] = [];
  const updates: number[][] = [];
  const follower = new EndpointsFollower(
    { pollMs: 1000 },
    {
      clock,
      managers: () => ['m1', 'm2'],
      endpoints: async (addr) => {
        asked.push(addr);
        const t = answers.get(addr);
        if (t === undefined) throw new Error(`${addr} is down`);
        return t;
      },
      proxy: {
        update: async (endpoints) => {
          updates.push(endpoints.map((e) => e.publishedPort ?? 0));
        },
      },
    },
  );
  return { clock, asked, updates, follower };
}

describe('EndpointsFollower', () => {
  it('asks at once and every pollMs, and updates the proxy only when the table changed', async () => {
    const answers = new Map([['m1', table(8080)]]);
    const h = harness(answers);
    h.follower.start();
    await settle();
    expect(h.updates).toEqual([[8080]]);
    h.clock.advance(1000);
    await settle();
    expect(h.asked).toEqual(['m1', 'm1']);
    expect(h.updates).toEqual([[8080]]);
    answers.set('m1', table(9090));
    h.clock.advance(1000);
    await settle();
    expect(h.updates).toEqual([[8080], [9090]]);
    h.follower.stop();
    h.clock.advance(5000);
    await settle();
    expect(h.asked).toHaveLength(3);
  });

  it('asks the next manager when one fails', async () => {
    const h = harness(new Map([['m2', table(8080)]]));
    h.follower.start();
    await settle();
    expect(h.asked).toEqual(['m1', 'm2']);
    expect(h.updates).toEqual([[8080]]);
    h.follower.stop();
  });

  it('refuses missing components and a bad period', () => {
    expect(() => new EndpointsFollower({}, {} as never)).toThrow(TypeError);
    const c = { endpoints: async () => table(1), managers: () => [], proxy: { update: async () => {} } };
    expect(() => new EndpointsFollower({ pollMs: -1 }, c)).toThrow(RangeError);
  });
});
