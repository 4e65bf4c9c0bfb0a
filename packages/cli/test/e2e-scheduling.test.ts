// The scheduler's opt-in behaviours end to end through the CLI, on four daemons as separate
// processes on 127.0.7.1-4 (sandbox executor): binpack placement (`swarm daemon
// --placement-strategy`, then `swarm update --placement-strategy`), rebalancing onto a node that
// joins within its budget (`swarm daemon --rebalance`, then `swarm update --rebalance`), and jobs
// (`service create --mode replicated-job --replicas N --max-concurrent M`, `--mode global-job`).

import type { NodeView, ServiceView, TaskView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, sleep, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, waitForReadyNodes } from './e2e/helpers.js';

const SLEEP = ['--', '/bin/sleep', '3600'];
const ACTIVE = new Set(['assigned', 'accepted', 'preparing', 'ready', 'starting', 'running']);

describe('placement strategy, rebalancing and jobs through the CLI', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let w1: LocalNode;
  let w2: LocalNode;
  let w3: LocalNode;
  let workerToken = '';

  async function tasks(service: string): Promise<TaskView[]> {
    return m1.json<TaskView[]>(['service', 'ps', service]);
  }
  async function running(service: string): Promise<TaskView[]> {
    return (await tasks(service)).filter((t) => t.currentState === 'running' && t.desiredState === 'running');
  }
  /** Running tasks per node hostname. */
  async function perNode(service: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const t of await running(service)) out.set(t.nodeHostname, (out.get(t.nodeHostname) ?? 0) + 1);
    return out;
  }
  async function join(n: LocalNode): Promise<void> {
    expect(await n.ok(['join', '--token', workerToken, '--listen-addr', n.addr, m1.addr])).toContain(
      'This node joined a swarm as a worker.',
    );
  }

  beforeAll(async () => {
    // The manager's own settings: binpack, and at most 2 rebalancing moves an hour.
    m1 = cluster.add({
      name: 'm1',
      address: '127.0.7.1',
      daemonArgs: ['--placement-strategy', 'binpack', '--rebalance', '2/1h'],
    });
    w1 = cluster.add({ name: 'w1', address: '127.0.7.2' });
    w2 = cluster.add({ name: 'w2', address: '127.0.7.3' });
    w3 = cluster.add({ name: 'w3', address: '127.0.7.4' });
    await Promise.all([m1, w1, w2].map((n) => n.start()));
    await m1.ok(['init', '--listen-addr', m1.addr]);
    workerToken = (await m1.ok(['join-token', '-q', 'worker'])).trim();
    await join(w1);
    await join(w2);
    await waitForReadyNodes(m1, 3);
  }, 120_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it("refuses bad settings with the flag's name", async () => {
    const bad = await m1.swarm(['update', '--placement-strategy', 'random']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"--placement-strategy" flag: expected spread or binpack');
    const budget = await m1.swarm(['update', '--rebalance', '2/soon']);
    expect(budget.code).toBe(2);
    expect(budget.stderr).toContain('"--rebalance" flag');
    const daemon = await m1.swarm(['daemon', '--rebalance', 'lots']);
    expect(daemon.code).toBe(2);
    expect(daemon.stderr).toContain('"--rebalance" flag');
  });

  it('binpack (the daemon flag) fills one node before the next; spread (swarm update) evens out', async () => {
    const info = await m1.ok(['info']);
    expect(info).toContain('Placement Strategy: binpack');
    expect(info).toContain('Rebalance: 2/1h0m0s');
    // Every node has the same CPUs (this machine's); each task reserves half of them.
    const [node] = await m1.json<NodeView[]>(['node', 'ls']);
    const cores = (node!.raw.description as { resources: { nanoCpus: string } }).resources.nanoCpus;
    const half = Number(BigInt(cores) / 2n) / 1e9;
    await m1.ok([
      'service',
      'create',
      '-d',
      '--name',
      'packed',
      '--replicas',
      '4',
      '--reserve-cpu',
      String(half),
      ...SLEEP,
    ]);
    const packed = await waitFor(
      '4 running packed tasks',
      async () => {
        const p = await perNode('packed');
        return [...p.values()].reduce((a, b) => a + b, 0) === 4 ? p : undefined;
      },
      60_000,
    );
    // Spread would have put them 2/1/1 over the three nodes.
    expect([...packed.values()].sort()).toEqual([2, 2]);
    await m1.ok(['service', 'rm', 'packed']);

    // Back to spread for the cluster, while the managers run: three unreserved tasks, one a node.
    expect(await m1.ok(['update', '--placement-strategy', 'spread'])).toContain('Swarm updated.');
    expect(await m1.ok(['info'])).toContain('Placement Strategy: spread');
    expect(await m1.json(['info'])).toMatchObject({ orchestration: { placementStrategy: 'spread' } });
    await m1.ok(['service', 'create', '-d', '--name', 'even', '--replicas', '3', ...SLEEP]);
    const even = await waitFor(
      '3 running even tasks',
      async () => {
        const p = await perNode('even');
        return [...p.values()].reduce((a, b) => a + b, 0) === 3 ? p : undefined;
      },
      60_000,
    );
    // Binpack (with nothing reserved) would have put all three on one node.
    expect([...even.values()]).toEqual([1, 1, 1]);
    await m1.ok(['service', 'rm', 'even']);
  }, 180_000);

  it('rebalances onto a newly joined node within the budget, and further once the budget grows', async () => {
    await m1.ok(['service', 'create', '-d', '--name', 'bal', '--replicas', '12', ...SLEEP]);
    await waitFor(
      '12 running bal tasks, 4 a node',
      async () => {
        const p = await perNode('bal');
        return p.size === 3 && [...p.values()].every((n) => n === 4);
      },
      90_000,
    );
    const before = new Set((await running('bal')).map((t) => t.id));
    await w3.start();
    await join(w3);
    // Balanced would be 3 a node (3 moves); the budget allows 2 moves an hour.
    await waitFor('2 bal tasks on w3', async () => (await perNode('bal')).get('w3') === 2, 90_000);
    await sleep(8000); // a pass or two of the orchestrator: the budget holds
    const held = await perNode('bal');
    expect(held.get('w3')).toBe(2);
    expect([...held.values()].reduce((a, b) => a + b, 0)).toBe(12);
    const moved = (await running('bal')).filter((t) => !before.has(t.id));
    expect(moved.map((t) => t.nodeHostname)).toEqual(['w3', 'w3']);

    // A bigger budget for the cluster (over the daemon's flag): the last move happens.
    await m1.ok(['update', '--rebalance', '10/1m']);
    expect(await m1.ok(['info'])).toContain('Rebalance: 10/1m0s');
    const balanced = await waitFor(
      'bal balanced 3 a node',
      async () => {
        const p = await perNode('bal');
        return p.size === 4 && [...p.values()].every((n) => n === 3) ? p : undefined;
      },
      90_000,
    );
    expect(balanced.get('w3')).toBe(3);
    await m1.ok(['service', 'rm', 'bal']);
  }, 240_000);

  it('runs a replicated job to 5 completions, at most 2 at once, and it ends complete', async () => {
    await waitFor(
      'four ready nodes',
      async () =>
        (await m1.json<NodeView[]>(['node', 'ls'])).filter((n) => n.status === 'ready').length === 4,
    );
    let maxActive = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const r = await m1.swarm(['service', 'ps', 'batch', '--format', 'json']);
        if (r.code === 0) {
          const active = (JSON.parse(r.stdout) as TaskView[]).filter(
            (t) => t.desiredState === 'running' && ACTIVE.has(t.currentState),
          ).length;
          maxActive = Math.max(maxActive, active);
        }
        await sleep(100);
      }
    })();
    // Without --detach the CLI waits for the job to complete.
    const out = await m1.ok([
      'service',
      'create',
      '--name',
      'batch',
      '--mode',
      'replicated-job',
      '--replicas',
      '5',
      '--max-concurrent',
      '2',
      '--',
      '/bin/sh',
      '-c',
      'sleep 2',
    ]);
    sampling = false;
    await sampler;
    expect(out).toContain('verify: Job complete');
    expect(maxActive).toBeGreaterThanOrEqual(1);
    expect(maxActive).toBeLessThanOrEqual(2);

    const done = await tasks('batch');
    expect(done).toHaveLength(5);
    expect(done.every((t) => t.currentState === 'complete')).toBe(true);
    expect(done.map((t) => t.slot).sort()).toEqual([1, 2, 3, 4, 5]);
    // At each task's creation, fewer than 2 earlier tasks were still unfinished.
    const created = (t: TaskView) => Number((t.raw.meta as { createdAt: string }).createdAt);
    const finished = (t: TaskView) => Number((t.raw.status as { timestamp: string }).timestamp);
    for (const t of done) {
      const open = done.filter((o) => o !== t && created(o) < created(t) && finished(o) > created(t));
      expect(open.length, `tasks unfinished when slot ${t.slot} was created`).toBeLessThan(2);
    }
    const [svc] = await m1.json<ServiceView[]>(['service', 'ls']);
    expect(svc).toMatchObject({ name: 'batch', mode: 'replicated-job', desired: 5, completed: 5 });
    expect(await m1.ok(['service', 'ls'])).toMatch(/batch\s+replicated-job\s+0\/5 \(5\/5 completed\)/);
    // A completed job is not run again.
    await sleep(3000);
    expect(await tasks('batch')).toHaveLength(5);
    await m1.ok(['service', 'rm', 'batch']);
  }, 180_000);

  it('runs a global job once on every node', async () => {
    const out = await m1.ok([
      'service',
      'create',
      '--name',
      'once',
      '--mode',
      'global-job',
      '--',
      '/bin/true',
    ]);
    expect(out).toContain('verify: Job complete');
    const nodes = await m1.json<NodeView[]>(['node', 'ls']);
    await sleep(3000);
    const done = await tasks('once');
    expect(done).toHaveLength(4);
    expect(done.every((t) => t.currentState === 'complete')).toBe(true);
    expect(done.map((t) => t.nodeId).sort()).toEqual(nodes.map((n) => n.id).sort());
    const [svc] = await m1.json<ServiceView[]>(['service', 'ls']);
    expect(svc).toMatchObject({ name: 'once', mode: 'global-job', desired: 4, completed: 4 });
  }, 120_000);
});
