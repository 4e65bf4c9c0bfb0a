// A worker follows its network view: asked at once and every pollMs, from the first manager that
// answers, delivered only when it changed, again after a failed apply; on the injected clock.
import { ManualClock } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { NetworksFollower, type NodeNetworkView } from '../src/index.js';

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};
const view = (slice: string): NodeNetworkView => ({
  nodeId: 'node-a',
  networks: [{ id: 'n1', name: 'app', subnet: '10.128.0.0/20', slice, gateway: '' }],
  services: [],
  tasks: [],
});

function harness(answers: Map<string, NodeNetworkView>, onView?: (v: NodeNetworkView) => Promise<void>) {
  const clock = new ManualClock(0);
  const asked: string[] = [];
  const views: string[] = [];
  const follower = new NetworksFollower(
    { pollMs: 1000 },
    {
      clock,
      managers: () => ['m1', 'm2'],
      view: async (addr) => {
        asked.push(addr);
        const v = answers.get(addr);
        if (v === undefined) throw new Error(`${addr} is down`);
        return v;
      },
      onView: async (v) => {
        await onView?.(v);
        views.push(v.networks[0]?.slice ?? '');
      },
    },
  );
  return { clock, asked, views, follower };
}

describe('NetworksFollower', () => {
  it('asks at once and every pollMs, and delivers a view only when it changed', async () => {
    const answers = new Map([['m1', view('10.128.1.0/26')]]);
    const { clock, asked, views, follower } = harness(answers);
    follower.start();
    await settle();
    expect(views).toEqual(['10.128.1.0/26']);
    clock.advance(1000);
    await settle();
    expect(asked).toEqual(['m1', 'm1']);
    expect(views).toEqual(['10.128.1.0/26']);
    answers.set('m1', view('10.128.1.64/26'));
    clock.advance(1000);
    await settle();
    expect(views).toEqual(['10.128.1.0/26', '10.128.1.64/26']);
    expect(follower.view?.networks[0]?.slice).toBe('10.128.1.64/26');
    follower.stop();
    clock.advance(5000);
    await settle();
    expect(asked.length).toBe(3);
  });

  it('tries the next manager when one fails', async () => {
    const answers = new Map([['m2', view('10.128.1.0/26')]]);
    const { asked, views, follower } = harness(answers);
    await follower.refresh();
    expect(asked).toEqual(['m1', 'm2']);
    expect(views).toEqual(['10.128.1.0/26']);
  });

  it('delivers the same view again after a failed apply', async () => {
    const answers = new Map([['m1', view('10.128.1.0/26')]]);
    let fail = true;
    const { views, follower } = harness(answers, async () => {
      if (fail) throw new Error('bridge not ready');
    });
    await follower.refresh();
    expect(views).toEqual([]);
    fail = false;
    await follower.refresh();
    expect(views).toEqual(['10.128.1.0/26']);
    await follower.refresh();
    expect(views).toEqual(['10.128.1.0/26']);
  });

  it('never applies two views at once', async () => {
    const answers = new Map([['m1', view('10.128.1.0/26')]]);
    let release: () => void = () => {};
    let active = 0;
    let most = 0;
    const { views, follower } = harness(answers, async () => {
      active++;
      most = Math.max(most, active);
      await new Promise<void>((r) => {
        release = r;
      });
      active--;
    });
    const first = follower.refresh();
    await settle();
    answers.set('m1', view('10.128.1.64/26'));
    const second = follower.refresh();
    await settle();
    release();
    await first;
    await settle();
    release();
    await second;
    expect(most).toBe(1);
    expect(views).toEqual(['10.128.1.0/26', '10.128.1.64/26']);
  });

  it('refuses missing components and a bad pollMs', () => {
    expect(() => new NetworksFollower({}, {} as never)).toThrow(TypeError);
    expect(
      () =>
        new NetworksFollower(
          { pollMs: 0 },
          { view: async () => view(''), managers: () => [], onView: () => {} },
        ),
    ).toThrow(RangeError);
  });
});
