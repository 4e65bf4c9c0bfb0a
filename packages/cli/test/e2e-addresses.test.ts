// Addresses as Docker reads them, on real daemons (127.0.6.2-4): `swarm init/join --listen-addr
// HOST:31000 --advertise-addr HOST` (an advertised address without a port, as a new user types
// it) takes the port from --listen-addr. Before the fix the node advertised HOST:2377, its own
// agent dialled a port nobody listened on, the node stayed Unknown with no tasks and no published
// port, and only a log line said why. Here every node is Ready with its published port open, the
// resolved addresses are what `swarm info` and `node inspect` show, a worker cut off from every
// manager says so in `swarm info`, and all of it holds after every daemon restarts.

import type { InfoResult, NodeView, TaskView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, startNodes } from './e2e/helpers.js';

const SWARM_PORT = 31000;
const PUBLISHED = 18260;
// The listen port sits where Docker users put it; tasks get host ports elsewhere.
const DAEMON_ARGS = ['--task-port-range', '32000-32767'];
const WEB = `
require('node:http').createServer((req, res) => res.end('hello from ' + process.env.SWARM_TASK_SLOT))
  .listen(Number(process.env.PORT), process.env.HOST);
`;

async function get(address: string): Promise<string> {
  const res = await fetch(`http://${address}:${PUBLISHED}/`, { signal: AbortSignal.timeout(3000) });
  return res.text();
}

describe('listen and advertise addresses as Docker reads them', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;
  let m2: LocalNode;
  let w1: LocalNode;

  const info = (n: LocalNode) => n.ok(['info', '--format', 'json']).then((s) => JSON.parse(s) as InfoResult);

  async function allReadyAndServing(what: string): Promise<void> {
    await waitFor(
      `${what}: three ready nodes`,
      async () => {
        const ls = await m1.json<NodeView[]>(['node', 'ls']);
        return ls.length === 3 && ls.every((n) => n.status === 'ready');
      },
      120_000,
    );
    await waitFor(
      `${what}: three running web tasks`,
      async () => {
        const ps = await m1.json<TaskView[]>(['service', 'ps', 'web']);
        return ps.filter((t) => t.currentState === 'running' && t.desiredState === 'running').length === 3;
      },
      120_000,
    );
    for (const n of cluster.nodes)
      await waitFor(
        `${what}: port ${PUBLISHED} open on ${n.name}`,
        async () => /^hello from \d$/.test(await get(n.address)),
        60_000,
      );
  }

  beforeAll(async () => {
    [m1, m2, w1] = await startNodes(
      cluster,
      { name: 'm1', address: '127.0.6.2', daemonArgs: DAEMON_ARGS },
      { name: 'm2', address: '127.0.6.3', daemonArgs: DAEMON_ARGS },
      { name: 'w1', address: '127.0.6.4', daemonArgs: DAEMON_ARGS },
    );
  }, 60_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('init and join with port-less advertise addresses advertise the listen port', async () => {
    const out = await m1.ok([
      'init',
      '--listen-addr',
      `${m1.address}:${SWARM_PORT}`,
      '--advertise-addr',
      m1.address,
    ]);
    expect(out).toContain(`:${SWARM_PORT}\n`);
    expect(out).toMatch(
      new RegExp(`swarm join --token SWMTKN-1-\\S+ ${m1.address.replace(/\./g, '\\.')}:${SWARM_PORT}\\n`),
    );
    const workerToken = (await m1.ok(['join-token', '-q', 'worker'])).trim();
    const managerToken = (await m1.ok(['join-token', '-q', 'manager'])).trim();
    const leader = `${m1.address}:${SWARM_PORT}`;
    await m2.ok([
      'join',
      '--token',
      managerToken,
      '--listen-addr',
      `${m2.address}:${SWARM_PORT}`,
      '--advertise-addr',
      m2.address,
      leader,
    ]);
    await w1.ok([
      'join',
      '--token',
      workerToken,
      '--listen-addr',
      `${w1.address}:${SWARM_PORT}`,
      '--advertise-addr',
      w1.address,
      leader,
    ]);

    for (const n of cluster.nodes) {
      const i = await info(n);
      expect(i.advertiseAddr).toBe(`${n.address}:${SWARM_PORT}`);
      expect(i.listenAddr).toBe(`${n.address}:${SWARM_PORT}`);
      const text = await n.ok(['info']);
      expect(text).toContain(` Advertise Address: ${n.address}:${SWARM_PORT}\n`);
    }
    for (const n of [m1, m2]) {
      const inspect = await m1.ok(['node', 'inspect', '--pretty', n.name]);
      expect(inspect).toMatch(
        new RegExp(`Manager Status:\\n Address:\\s+${n.address.replace(/\./g, '\\.')}:${SWARM_PORT}\\n`),
      );
    }

    await m1.ok([
      'service',
      'create',
      '--name',
      'web',
      '--replicas',
      '3',
      '--publish',
      `${PUBLISHED}:80`,
      '--',
      process.execPath,
      '-e',
      WEB,
    ]);
    await allReadyAndServing('after joining');
    for (const n of cluster.nodes) {
      const mc = (await info(n)).managerConnection;
      expect(mc?.connected).toBe(true);
      expect(mc?.manager).toMatch(new RegExp(`:${SWARM_PORT}$`));
    }
  }, 300_000);

  it('a worker whose agent reaches no manager says so in swarm info', async () => {
    await m1.stop();
    await m2.stop();
    const i = await waitFor(
      'w1 to notice it has no manager',
      async () => {
        const got = await info(w1);
        return got.managerConnection?.connected === false && got.managerConnection.failures > 0
          ? got
          : undefined;
      },
      60_000,
    );
    expect(i.managerConnection?.error).toMatch(new RegExp(`^127\\.0\\.6\\.[23]:${SWARM_PORT}: `));
    const text = await w1.ok(['info']);
    expect(text).toMatch(/ Error: this node's agent cannot reach any manager \(tried 127\.0\.6\.[23]:31000/);
  }, 120_000);

  it('after every daemon restarts, every node is Ready with its published port open', async () => {
    await w1.stop();
    await Promise.all(cluster.nodes.map((n) => n.start()));
    await allReadyAndServing('after restarting every daemon');
    for (const n of cluster.nodes) expect((await info(n)).advertiseAddr).toBe(`${n.address}:${SWARM_PORT}`);
    // m1's own agent reconnects on its own schedule after the restart: its "cannot reach any
    // manager" warning must go away, not merely be absent at one instant.
    await waitFor(
      'node ls on m1 without a warning',
      async () => {
        const ls = await m1.swarm(['node', 'ls']);
        return ls.code === 0 && ls.stderr === '' ? ls : undefined;
      },
      60_000,
    );
  }, 300_000);

  it('swarm update --task-history-limit / --dispatcher-heartbeat reach every manager and show in swarm info', async () => {
    await m1.ok(['update', '--task-history-limit', '2', '--dispatcher-heartbeat', '2s']);
    await waitFor(
      'm2 shows the new settings',
      async () => {
        const i = await info(m2);
        return i.taskHistoryLimit === 2 && i.dispatcherHeartbeatMs === 2000;
      },
      60_000,
    );
    const text = await m2.ok(['info']);
    expect(text).toContain('  Task History Retention Limit: 2\n');
    expect(text).toContain('  Heartbeat Period: 2 seconds\n');
    expect(text).toContain('  Snapshot Interval: 10000\n');
    // The running cluster keeps working with them: every node stays ready.
    await allReadyAndServing('after swarm update');
  }, 180_000);

  it("refuses an advertise address Docker refuses, with Docker's words", async () => {
    const n = cluster.add({ name: 'x1', address: '127.0.6.5', daemonArgs: DAEMON_ARGS });
    await n.start();
    const bad = await n.swarm([
      'init',
      '--listen-addr',
      `${n.address}:${SWARM_PORT}`,
      '--advertise-addr',
      '0.0.0.0',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'Error: advertise address must be a non-zero IP address or network interface (with optional port number)',
    );
    const iface = await n.swarm([
      'init',
      '--listen-addr',
      `${n.address}:${SWARM_PORT}`,
      '--advertise-addr',
      'nosuch0',
    ]);
    expect(iface.code).toBe(1);
    expect(iface.stderr).toContain('advertise address must be a non-zero IP address or network interface');
    // Nothing was created: the node is still outside any swarm.
    expect((await info(n)).localNodeState).toBe('inactive');
    await n.stop();
  }, 60_000);
});
