// Real containers end to end: three `swarm daemon`s in one network namespace share one private
// Docker Engine (each managing only the containers labelled with its node ID), pull an image from
// a local registry, run a published service that answers through every node, scale, drain, survive
// a daemon crash, and leave no container behind. Addresses 127.0.2.1-3 (nodes), 127.0.2.10 (registry).

import type { TaskView } from '@swarm/node/control';
import { type Dialer, type Engine, Testbed } from '@swarm/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, formCluster, nodeIds } from './e2e/helpers.js';

const LABEL_NODE = 'io.swarm-core.node.id';
const LABEL_TASK = 'io.swarm-core.task.id';
const REGISTRY = '127.0.2.10:5000';
const IMAGE = `${REGISTRY}/e2e/busybox:1`;
const WEB = [
  'sh',
  '-c',
  'echo "task $SWARM_TASK_SLOT" > /var/www/index.html; exec httpd -f -p 80 -h /var/www',
];

describe('containers: three daemons on one Docker Engine', () => {
  let tb: Testbed;
  let engine: Engine;
  let dialer: Dialer;
  const cluster = new LocalCluster();
  let nodes: LocalNode[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    tb = await Testbed.create({ prefix: 'sw17' });
    const ns = await tb.namespace('e2e');
    engine = await tb.engine({ name: 'e2e', netns: ns });
    await tb.registry({ name: 'e2e', addr: REGISTRY, netns: ns });
    await tb.busyboxImage(engine, 'busybox:local');
    await tb.tagImage(engine, 'busybox:local', IMAGE);
    await tb.pushImage(engine, IMAGE);
    // The nodes must pull it from the registry, as production nodes do.
    await engine.docker.getImage(IMAGE).remove();
    dialer = await tb.dialer(ns);
    nodes = [1, 2, 3].map((i) =>
      cluster.add({
        name: `c${i}`,
        address: `127.0.2.${i}`,
        netns: ns.path,
        daemonArgs: ['--executor', 'docker', '--docker-host', engine.host],
      }),
    );
    await Promise.all(nodes.map((n) => n.start()));
    await formCluster(nodes[0]!, [], [nodes[1]!, nodes[2]!]);
    ids = await nodeIds(nodes[0]!);
  }, 180_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  afterAll(async () => {
    await cluster.destroy();
    await tb?.cleanup();
  }, 120_000);

  const containers = async (nodeId?: string) =>
    (
      await engine.docker.listContainers({
        all: true,
        filters: JSON.stringify({ label: [nodeId === undefined ? LABEL_NODE : `${LABEL_NODE}=${nodeId}`] }),
      })
    ).map((c) => ({
      id: c.Id,
      task: c.Labels[LABEL_TASK] ?? '',
      node: c.Labels[LABEL_NODE] ?? '',
      state: c.State,
    }));
  const running = async (service: string) =>
    (await nodes[0]!.json<TaskView[]>(['service', 'ps', service])).filter(
      (t) => t.currentState === 'running' && t.desiredState === 'running',
    );

  it('shows the executor in info and node inspect', async () => {
    expect(await nodes[1]!.ok(['info'])).toMatch(
      /Executor: docker \(Docker Engine 20\.10\.\d+[^,]*, network bridge\)/,
    );
    const pretty = await nodes[0]!.ok(['node', 'inspect', '--pretty', 'c3']);
    expect(pretty).toMatch(/Executor:\s+docker/);
    expect(pretty).toMatch(/Engine Version:\s+20\.10/);
  });

  it('pulls from the registry and runs 6 published replicas, two per node, reachable through every node', async () => {
    await nodes[0]!.ok([
      'service',
      'create',
      '--name',
      'web',
      '--replicas',
      '6',
      '-p',
      '8080:80',
      // httpd as PID 1 ignores SIGTERM: without this every stop waits the default 10 s.
      '--stop-grace-period',
      '2s',
      IMAGE,
      ...WEB,
    ]);
    const tasks = await waitFor(
      '6 web tasks running',
      async () => {
        const r = await running('web');
        return r.length === 6 ? r : undefined;
      },
      90_000,
    );
    // Two replicas bind port 80 on each node: each container has its own network namespace.
    for (const id of Object.values(ids)) expect(tasks.filter((t) => t.nodeId === id)).toHaveLength(2);
    const mine = await containers();
    expect(mine).toHaveLength(6);
    for (const t of tasks) expect(mine.find((c) => c.task === t.id)?.node).toBe(t.nodeId);
    for (const n of nodes) {
      const seen = new Set<string>();
      await waitFor(
        `several tasks answering through ${n.name}`,
        async () => {
          const res = await dialer.get(n.address, 8080, '/index.html').catch(() => undefined);
          if (res?.status === 200) seen.add(res.body.trim());
          return seen.size >= 2;
        },
        30_000,
        20,
      );
      for (const body of seen) expect(body).toMatch(/^task [1-6]$/);
    }
  }, 150_000);

  it("shows a task the engine rejected, with the engine's error", async () => {
    await nodes[0]!.ok([
      'service',
      'create',
      '--name',
      'ghost',
      '--detach',
      '--restart-condition',
      'none',
      `${REGISTRY}/e2e/missing:1`,
    ]);
    const ps = await waitFor(
      'the rejected task',
      async () => {
        const out = await nodes[0]!.ok(['service', 'ps', '--no-trunc', 'ghost']);
        return /Rejected/.test(out) ? out : undefined;
      },
      60_000,
    );
    expect(ps).toContain('No such image: 127.0.2.10:5000/e2e/missing:1');
    await nodes[0]!.ok(['service', 'rm', 'ghost']);
  }, 90_000);

  it('scales the service and drains a node: its containers move away', async () => {
    await nodes[0]!.ok(['service', 'scale', 'web=9']);
    await waitFor('9 running', async () => (await running('web')).length === 9, 90_000);
    expect(await containers()).toHaveLength(9);
    await nodes[0]!.ok(['node', 'update', '--availability', 'drain', 'c3']);
    await waitFor(
      'c3 empty and 9 running elsewhere',
      async () => {
        const r = await running('web');
        return (
          r.length === 9 && r.every((t) => t.nodeId !== ids.c3) && (await containers(ids.c3)).length === 0
        );
      },
      90_000,
    );
    await nodes[0]!.ok(['node', 'update', '--availability', 'active', 'c3']);
  }, 200_000);

  it('a daemon that crashes leaves its containers running, and adopts them again when it restarts', async () => {
    const node = nodes[1]!;
    const before = (await containers(ids.c2)).map((c) => c.id).sort();
    expect(before.length).toBeGreaterThan(0);
    await node.stop('SIGKILL');
    expect(
      (await containers(ids.c2))
        .filter((c) => c.state === 'running')
        .map((c) => c.id)
        .sort(),
    ).toEqual(before);
    await node.start();
    await waitFor(
      'the restarted node ready again',
      async () => {
        const r = await running('web');
        return r.length === 9 && (await node.ok(['info'])).includes('Swarm: active');
      },
      60_000,
    );
    // The same containers, none made anew.
    expect((await containers(ids.c2)).map((c) => c.id).sort()).toEqual(before);
  }, 120_000);

  it('removes the service and leaves no container', async () => {
    await nodes[0]!.ok(['service', 'rm', 'web']);
    await waitFor('no container left', async () => (await containers()).length === 0, 60_000);
    expect(await nodes[0]!.json<unknown[]>(['service', 'ls'])).toEqual([]);
  }, 90_000);
});
