// The node's network agent on real kernel plumbing. Run inside a private network namespace, as
// root, with SWARM_NETNS=1 (npm test runs it so in its second pass):
// SWARM_NETNS=1 unshare -n sh -c 'ip link set lo up && vitest run --project network test/agent.netns.test.ts'.
// The test plays the executor: it makes the bridges of two networks (after the agent got its view,
// as Docker does when the first task starts) and task namespaces with a veth into them. Addresses
// 10.128.x.x and 127.0.16.x exist only inside the test's namespaces.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestCA, TestNode } from '@swarm/ca/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeNetworkView, RelayError } from '../src/index.js';
import {
  FORWARD_CHAIN,
  INPUT_CHAIN,
  NetworkAgent,
  RelayClient,
  RelayServer,
  systemRunner,
  VIP_LABEL,
} from '../src/node.js';
import { cluster, trust } from './helpers.js';

const APP = 'app0000000000000000000001';
const OTHER = 'oth0000000000000000000002';
const NODE_ADDR = '127.0.16.1';
const REMOTE_ADDR = '127.0.16.2';
const DB_VIP = '10.128.0.2';
const WEB_VIP = '10.128.16.2';
const DB1 = '10.128.1.2';
const API1 = '10.128.1.3';
const DB2 = '10.128.1.66'; // on the remote node
const WEB1 = '10.128.17.2';
const PORT = 8080;
const CONTROL_PORT = 2399;

const sh = async (argv: string[], input?: string) => {
  const r = await systemRunner(argv, input);
  if (r.code !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
};

/** A task: a network namespace held by a sleeping process, with a veth into `bridge`. */
async function taskNs(name: string, bridge: string, address: string, gateway: string) {
  const holder: ChildProcess = spawn('unshare', ['--net', '--', 'sleep', '3600'], { stdio: 'ignore' });
  const pid = holder.pid!;
  const own = await sh(['readlink', '/proc/self/ns/net']);
  for (;;) {
    const r = await systemRunner(['readlink', `/proc/${pid}/ns/net`]);
    if (r.code === 0 && r.stdout !== own) break;
    await new Promise((res) => setTimeout(res, 20));
  }
  const inNs = (argv: string[]) => ['nsenter', `--net=/proc/${pid}/ns/net`, '--', ...argv];
  await sh(['ip', 'link', 'add', `v-${name}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', String(pid)]);
  await sh(['ip', 'link', 'set', `v-${name}`, 'master', bridge]);
  await sh(['ip', 'link', 'set', `v-${name}`, 'up']);
  await sh(inNs(['ip', 'link', 'set', 'lo', 'up']));
  await sh(inNs(['ip', 'addr', 'add', `${address}/26`, 'dev', 'eth0']));
  await sh(inNs(['ip', 'link', 'set', 'eth0', 'up']));
  await sh(inNs(['ip', 'route', 'add', 'default', 'via', gateway]));
  return {
    run: (argv: string[]) => systemRunner(inNs(argv)),
    /** An HTTP GET of `/` on host:port from inside the task; the body, or '' when unreachable. */
    get: async (host: string, port: number) => {
      const r = await systemRunner(
        inNs([
          'busybox',
          'sh',
          '-c',
          `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | busybox nc -w 2 ${host} ${port}`,
        ]),
      );
      const body = r.stdout.split('\r\n\r\n')[1] ?? '';
      return body.trim();
    },
    nslookup: async (name: string, server: string) =>
      (await systemRunner(inNs(['busybox', 'nslookup', name, server]))).stdout,
    /** Serves `text` over HTTP on address:port from inside the task. */
    httpd: async (text: string, dir: string) => {
      writeFileSync(join(dir, 'index.html'), `${text}\n`);
      const p = spawn(
        inNs([])[0]!,
        [...inNs([]).slice(1), 'busybox', 'httpd', '-f', '-p', `${address}:${PORT}`, '-h', dir],
        {
          stdio: 'ignore',
        },
      );
      return p;
    },
    close: () => holder.kill('SIGKILL'),
  };
}

/** The test CA's node IDs of node A (the agent's) and node B (the remote one). */
const ID = { A: '', B: '' };

function view(relayPortOfB: number): NodeNetworkView {
  const { A, B } = ID;
  return {
    nodeId: A,
    networks: [
      { id: APP, name: 'app', subnet: '10.128.0.0/20', slice: '10.128.1.0/26', gateway: '10.128.1.1' },
      { id: OTHER, name: 'other', subnet: '10.128.16.0/20', slice: '10.128.17.0/26', gateway: '10.128.17.1' },
    ],
    services: [
      {
        id: 'sdb',
        name: 'db',
        mode: 'vip',
        ports: [PORT],
        networks: [{ networkId: APP }],
        vips: { [APP]: DB_VIP },
      },
      {
        id: 'sapi',
        name: 'api',
        mode: 'vip',
        ports: [],
        networks: [{ networkId: APP }],
        vips: { [APP]: '10.128.0.3' },
      },
      {
        id: 'sweb',
        name: 'web',
        mode: 'vip',
        ports: [PORT],
        networks: [{ networkId: OTHER }],
        vips: { [OTHER]: WEB_VIP },
      },
    ],
    tasks: [
      { id: 'db.1', serviceId: 'sdb', nodeId: A, addresses: { [APP]: DB1 }, relayAddr: `${NODE_ADDR}:0` },
      { id: 'api.1', serviceId: 'sapi', nodeId: A, addresses: { [APP]: API1 }, relayAddr: `${NODE_ADDR}:0` },
      {
        id: 'db.2',
        serviceId: 'sdb',
        nodeId: B,
        addresses: { [APP]: DB2 },
        relayAddr: `${REMOTE_ADDR}:${relayPortOfB}`,
      },
      {
        id: 'web.1',
        serviceId: 'sweb',
        nodeId: A,
        addresses: { [OTHER]: WEB1 },
        relayAddr: `${NODE_ADDR}:0`,
      },
    ],
  };
}

async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  budgetMs = 30_000,
): Promise<T> {
  const end = Date.now() + budgetMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('NetworkAgent in a private namespace', () => {
  const cleanup: (() => unknown)[] = [];
  let agent: NetworkAgent;
  let api: Awaited<ReturnType<typeof taskNs>>;
  let web: Awaited<ReturnType<typeof taskNs>>;
  let dir: string;
  let ca: TestCA;
  let nodeA: TestNode;
  let nodeB: TestNode;
  let nodeC: TestNode;
  const relayPortOfB = { port: 0 };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agent-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    await sh(['sh', '-c', 'echo 1 > /proc/sys/net/ipv4/ip_forward']);
    const made = await cluster(3);
    ca = made.ca;
    const [a, b, c] = made.nodes as [TestNode, TestNode, TestNode];
    nodeA = a;
    nodeB = b;
    nodeC = c;
    // Node B: its relay, and its db task (an HTTP server on B's address for it).
    await sh(['ip', 'addr', 'add', `${DB2}/32`, 'dev', 'lo']);
    const db2 = net.createServer((s) => s.end('HTTP/1.0 200 OK\r\n\r\ndb.2\n'));
    await new Promise<void>((r) => db2.listen(PORT, DB2, r));
    cleanup.push(() => db2.close());
    const relayB = new RelayServer({
      ...trust(ca, b),
      allowTarget: (t) => t.address === DB2 && t.port === PORT,
    });
    relayPortOfB.port = (await relayB.listen(REMOTE_ADDR, 0)).port;
    cleanup.push(() => relayB.close());
    // A "control API" of node A on every address: tasks must not reach it.
    const control = net.createServer((s) => s.end('control\n'));
    await new Promise<void>((r) => control.listen(CONTROL_PORT, '0.0.0.0', r));
    cleanup.push(() => control.close());
    ID.A = a.nodeId;
    ID.B = b.nodeId;
    agent = new NetworkAgent({
      nodeId: a.nodeId,
      relayHost: NODE_ADDR,
      relayPort: 0,
      trust: trust(ca, a),
      protectedPorts: [CONTROL_PORT],
      retryMs: 100,
    });
    await agent.start();
    cleanup.push(() => agent.close());
  }, 60_000);

  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  }, 60_000);

  it('binds each network resolver once its bridge appears, and answers names of that network only', async () => {
    await agent.update(view(relayPortOfB.port));
    expect(agent.status().networks.map((n) => n.resolver)).toEqual([false, false]);
    // The executor makes the bridges (as Docker does for the first task).
    for (const [bridge, gw] of [
      ['sw-app000000000', '10.128.1.1/26'],
      ['sw-oth000000000', '10.128.17.1/26'],
    ] as const) {
      await sh(['ip', 'link', 'add', bridge, 'type', 'bridge']);
      await sh(['ip', 'addr', 'add', gw, 'dev', bridge]);
      await sh(['ip', 'link', 'set', bridge, 'up']);
    }
    await until('both resolvers bound', async () => agent.status().networks.every((n) => n.resolver));
    api = await taskNs('api', 'sw-app000000000', API1, '10.128.1.1');
    web = await taskNs('web', 'sw-oth000000000', WEB1, '10.128.17.1');
    cleanup.push(
      () => api.close(),
      () => web.close(),
    );
    const db = await until('db resolves', async () => {
      const out = await api.nslookup('db', '10.128.1.1');
      return out.includes(DB_VIP) ? out : undefined;
    });
    expect(db).toContain(DB_VIP);
    const tasks = await api.nslookup('tasks.db', '10.128.1.1');
    expect(tasks).toContain(DB1);
    expect(tasks).toContain(DB2);
    expect(await api.nslookup('db.app', '10.128.1.1')).toContain(DB_VIP);
    // The other network's resolver does not know db.
    const nx = await web.nslookup('db', '10.128.17.1');
    expect(nx).not.toContain(DB_VIP);
    expect(nx).toMatch(/NXDOMAIN|can't resolve/i);
  }, 90_000);

  it('puts the VIPs on lo and balances over the local task and, through the relay, the remote one', async () => {
    const lo = await sh(['ip', '-4', '-o', 'addr', 'show', 'dev', 'lo', 'label', VIP_LABEL]);
    expect(lo).toContain(`${DB_VIP}/32`);
    expect(lo).toContain(`${WEB_VIP}/32`);
    const dbTask = await taskNs('db1', 'sw-app000000000', DB1, '10.128.1.1');
    cleanup.push(() => dbTask.close());
    const httpd = await dbTask.httpd('db.1', dir);
    cleanup.push(() => httpd.kill('SIGKILL'));
    const seen = new Set<string>();
    await until('both db tasks answer through the VIP', async () => {
      const body = await api.get(DB_VIP, PORT);
      if (body !== '') seen.add(body);
      return seen.size === 2;
    });
    expect([...seen].sort()).toEqual(['db.1', 'db.2']);
    expect(agent.stats()['db.2']).toBeGreaterThan(0);
  }, 90_000);

  it('joins only nodes of the view to its own tasks through its relay', async () => {
    const port = agent.relayPort!;
    const asB = new RelayClient({ ...trust(ca, nodeB), nodeAddress: () => ({ host: NODE_ADDR, port }) });
    const s = await asB.connect(ID.A, { address: DB1, port: PORT });
    s.destroy();
    // Not one of its tasks: refused.
    await expect(asB.connect(ID.A, { address: '10.128.1.9', port: PORT })).rejects.toMatchObject({
      code: 'RELAY_TARGET_REFUSED',
    });
    // A node of the cluster that the view does not name (no task on these networks): refused.
    const asC = new RelayClient({ ...trust(ca, nodeC), nodeAddress: () => ({ host: NODE_ADDR, port }) });
    await expect(asC.connect(ID.A, { address: DB1, port: PORT })).rejects.toBeInstanceOf(RelayError);
  }, 60_000);

  it("keeps a task off other networks' VIPs, tasks and resolvers, and off the node's protected ports", async () => {
    // Controls: from inside app, the db VIP and task answer; the node itself reaches its control port.
    expect(await api.get(DB_VIP, PORT)).toMatch(/^db\.[12]$/);
    expect(await api.get(DB1, PORT)).toBe('db.1');
    const fromNode = await systemRunner([
      'busybox',
      'sh',
      '-c',
      `busybox nc -w 2 10.128.1.1 ${CONTROL_PORT} </dev/null`,
    ]);
    expect(fromNode.stdout).toContain('control');
    // From the other network: no VIP, no task address, no resolver of app.
    expect(await web.get(DB_VIP, PORT)).toBe('');
    expect(await web.get(DB1, PORT)).toBe('');
    expect(await web.nslookup('db', '10.128.1.1')).not.toContain(DB_VIP);
    // From any task: not the control port, not the relay, on any address of the node.
    expect(await api.get('10.128.1.1', CONTROL_PORT)).toBe('');
    const raw = await api.run([
      'busybox',
      'sh',
      '-c',
      `busybox nc -w 2 10.128.1.1 ${CONTROL_PORT} </dev/null`,
    ]);
    expect(raw.stdout).not.toContain('control');
    const rules = await sh(['iptables', '-S', INPUT_CHAIN]);
    expect(rules).toContain('-d 10.128.0.0/20 -i sw-oth000000000 -j DROP');
    expect(rules).toMatch(
      new RegExp(`-i sw-app000000000 -p tcp -m multiport --dports [0-9,]*${CONTROL_PORT}`),
    );
    expect(await sh(['iptables', '-S', FORWARD_CHAIN])).toContain(
      '-d 10.128.0.0/20 -i sw-oth000000000 -j DROP',
    );
  }, 90_000);

  it('removes what it added when closed: the rules (then the other network reaches db.1 again) and the VIPs', async () => {
    await agent.close();
    expect((await systemRunner(['iptables', '-S', INPUT_CHAIN])).code).not.toBe(0);
    expect(await sh(['iptables', '-S', 'INPUT'])).not.toContain(INPUT_CHAIN);
    expect(await sh(['ip', '-4', '-o', 'addr', 'show', 'dev', 'lo', 'label', VIP_LABEL])).toBe('');
    // The control of the isolation test: without the agent's rules, the task address is reachable.
    expect(await web.get(DB1, PORT)).toBe('db.1');
  }, 60_000);

  it("replaces an earlier run's rules and VIPs when it starts", async () => {
    await sh(['iptables', '-N', INPUT_CHAIN]);
    await sh(['iptables', '-A', INPUT_CHAIN, '-s', '10.9.9.9/32', '-j', 'DROP']);
    await sh(['ip', 'addr', 'add', '10.128.0.99/32', 'dev', 'lo', 'label', VIP_LABEL]);
    const again = new NetworkAgent({
      nodeId: ID.A,
      relayHost: NODE_ADDR,
      relayPort: 0,
      trust: trust(ca, nodeA),
    });
    await again.start();
    try {
      expect(await sh(['iptables', '-S', INPUT_CHAIN])).not.toContain('10.9.9.9');
      expect(await sh(['iptables', '-S', 'INPUT'])).toContain(`-j ${INPUT_CHAIN}`);
      expect(await sh(['ip', '-4', '-o', 'addr', 'show', 'dev', 'lo', 'label', VIP_LABEL])).toBe('');
      expect(again.status()).toMatchObject({ firewall: true, networks: [], vips: [] });
    } finally {
      await again.close();
    }
    expect((await systemRunner(['iptables', '-S', INPUT_CHAIN])).code).not.toBe(0);
  }, 60_000);
});
