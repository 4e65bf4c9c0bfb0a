// Sandboxed tasks on a cluster network: the node's bridge with the slice's gateway, a veth per
// task, the task's address, the subnet routed through the gateway (a VIP on the node's lo answers),
// the gateway's resolver in the task's resolv.conf. Needs root; run it in a network namespace of
// its own (`unshare -n`, with SWARM_NETNS=1; `npm test` runs it so in its second pass): it makes a
// bridge, addresses and a VIP in the namespace it runs in.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { swarm, toLong } from '@swarm/api';
import { DnsRecords } from '@swarm/network';
import { DnsServer } from '@swarm/network/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clusterBridgeName,
  hostVethName,
  planSandboxAttachments,
  SandboxExecutor,
  taskResolvConf,
} from '../src/index.js';
import { runTask } from './fixtures/run-task.js';

const { RUNNING, COMPLETE, REJECTED } = swarm.TaskState;
const NET_ID = `nsb${randomBytes(11).toString('hex')}`;
const OTHER_ID = `nso${randomBytes(11).toString('hex')}`;
const SUBNET = '10.251.0.0/20';
const SLICE = '10.251.1.0/26';
const GATEWAY = '10.251.1.1';
const VIP = '10.251.0.2';
const HOST = '127.0.20.1';
/** The shell command that prints `LABEL: BODY` for `URL`. */
const GET_CMD = (url: string, label: string) =>
  `${process.execPath} -e ${JSON.stringify(GET)} ${url} ${label}`;
/** `node -e GET URL LABEL` prints `LABEL: BODY` (or the error). */
const GET =
  "require('http').get(process.argv[1], (r) => { let b = ''; r.on('data', (d) => (b += d)); r.on('end', () => console.log(process.argv[2] + ': ' + b.trim())); }).on('error', (e) => console.log(process.argv[2] + ': ' + e.message))";

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function attachment(address: string, networkId = NET_ID): swarm.NetworkAttachment.$Properties {
  return {
    networkId,
    networkName: networkId === NET_ID ? 'app' : 'other',
    slice: SLICE,
    gateway: GATEWAY,
    subnet: SUBNET,
    addresses: [`${address}/26`],
  };
}

let n = 0;
function task(argv: string[], address: string): swarm.Task {
  n++;
  return swarm.Task.create({
    id: `c${String(n).padStart(3, '0')}${randomBytes(4).toString('hex')}`.padEnd(25, 'x'),
    serviceId: 's'.repeat(25),
    slot: toLong(BigInt(n)),
    serviceAnnotations: { name: `svc${n}` },
    spec: { container: { image: 'busybox', command: argv } },
    networks: [attachment(address)],
  });
}

async function until<T>(
  what: string,
  fn: () => T | undefined | Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('SandboxExecutor on cluster networks', () => {
  let executor: SandboxExecutor;
  let dns: DnsServer;
  let vip: net.Server;

  beforeAll(async () => {
    ip('link', 'set', 'lo', 'up');
    ip('addr', 'add', `${HOST}/32`, 'dev', 'lo');
    executor = new SandboxExecutor({ nodeId: 'node1', hostAddress: HOST, clusterPool: ['10.251.0.0/16'] });
    // The node's VIP for service "db" (on lo, as the network agent puts it) with a listener.
    ip('addr', 'add', `${VIP}/32`, 'dev', 'lo');
    vip = net.createServer((c) => c.end('HTTP/1.0 200 OK\r\n\r\nfrom-the-vip\n'));
    await new Promise<void>((r) => vip.listen(8080, VIP, r));
    const records = new DnsRecords();
    records.update([
      { id: NET_ID, name: 'app', services: [{ name: 'db', vip: VIP, tasks: ['10.251.1.2'] }] },
    ]);
    dns = new DnsServer({ networkId: NET_ID, records });
  });

  afterAll(async () => {
    await executor?.close();
    await dns?.close();
    vip?.close();
    for (const a of [VIP, HOST]) {
      try {
        ip('addr', 'del', `${a}/32`, 'dev', 'lo');
      } catch {
        // already gone
      }
    }
  });

  it('checks attachments and writes the resolver of each network', () => {
    const [a] = planSandboxAttachments(task(['true'], '10.251.1.9'));
    expect(a).toMatchObject({
      subnet: SUBNET,
      slice: SLICE,
      gateway: GATEWAY,
      address: '10.251.1.9',
      prefix: 26,
    });
    expect(taskResolvConf([a!])).toBe(`nameserver ${GATEWAY}\noptions ndots:0\n`);
    const bad = (x: Partial<swarm.NetworkAttachment.$Properties>) =>
      swarm.Task.create({ id: 't', networks: [{ ...attachment('10.251.1.9'), ...x }] });
    expect(() => planSandboxAttachments(bad({ gateway: '10.251.2.1' }))).toThrow(/not in the slice/);
    expect(() => planSandboxAttachments(bad({ addresses: ['10.251.1.1/26'] }))).toThrow(
      /other than its gateway/,
    );
    expect(() => planSandboxAttachments(bad({ subnet: '10.252.0.0/20' }))).toThrow(
      /does not hold the node's slice/,
    );
    expect(() => planSandboxAttachments(bad({ slice: 'nope' }))).toThrow(/not an IPv4 CIDR/);
    expect(hostVethName('a'.repeat(25), NET_ID).length).toBeLessThanOrEqual(15);
  });

  it('links two tasks through the bridge: one reaches the other by address, the VIP through the gateway, names through the resolver', async () => {
    const dbTask = task(
      [
        'sh',
        '-c',
        'mkdir -p /tmp/w && echo db-answers > /tmp/w/index.html && exec busybox httpd -f -p 80 -h /tmp/w',
      ],
      '10.251.1.2',
    );
    const db = runTask(executor, dbTask);
    expect((await db.running).state).toBe(RUNNING);
    const bridge = clusterBridgeName(NET_ID);
    // The bridge holds the gateway; the resolver binds there once it exists.
    expect(ip('-4', '-o', 'addr', 'show', 'dev', bridge)).toContain(`${GATEWAY}/26`);
    expect(ip('-o', 'link', 'show', 'master', bridge)).toMatch(/swv[0-9a-f]{12}/);
    await dns.listen(GATEWAY, 53);
    // Requests through node (glibc's resolver, as an application's); names through getent.
    const get = (url: string, label: string) =>
      `${process.execPath} -e ${JSON.stringify(GET)} ${url} ${label}`;
    const script = [
      'cat /etc/resolv.conf',
      'busybox ip addr show',
      'busybox ip route',
      get('http://10.251.1.2/', 'direct'),
      get('http://db:8080/', 'vip'),
      'echo "db is $(getent hosts db)"',
      'getent hosts nothere || echo "nothere: not found"',
    ].join('; ');
    const apiTask = task(['sh', '-c', script], '10.251.1.3');
    const end = await runTask(executor, apiTask).done;
    const out = executor
      .logs(apiTask.id)
      .map((l) => Buffer.from(l.data ?? []).toString())
      .join('\n');
    expect(end.state, out).toBe(COMPLETE);
    expect(out).toContain(`nameserver ${GATEWAY}`);
    expect(out).toMatch(/inet 10\.251\.1\.3\/26/);
    expect(out).toContain(`${SUBNET} via ${GATEWAY}`);
    // The default route stays slirp4netns's (outbound traffic, published ports).
    expect(out).toMatch(/default via 10\.0\.2\.2 dev tap0/);
    expect(out).toContain('direct: db-answers');
    expect(out).toContain('vip: from-the-vip');
    expect(out).toMatch(new RegExp(`db is ${VIP.replace(/\./g, '\\.')}\\s+db`));
    expect(out).toContain('nothere: not found');
    // The task's veth is gone with it; the bridge stays while db runs on it.
    await until('the api veth removed', () =>
      ip('-o', 'link', 'show').includes(hostVethName(apiTask.id, NET_ID)) ? undefined : true,
    );
    expect(ip('-o', 'link', 'show', 'master', bridge).match(/swv[0-9a-f]{12}/g)).toHaveLength(1);
    executor.stop(dbTask.id);
    await db.done;
    // The node's last task on the network is gone: so is its bridge.
    await until('the bridge removed', () => (ip('-o', 'link', 'show').includes(bridge) ? undefined : true));
  });

  it('refuses a bridge of the same network that another node made (two nodes in one namespace)', async () => {
    const bridge = clusterBridgeName(OTHER_ID);
    ip('link', 'add', bridge, 'type', 'bridge');
    ip('link', 'set', 'dev', bridge, 'alias', 'swarm-node=node2');
    try {
      const t = task(['true'], '10.251.1.4');
      t.networks = [swarm.NetworkAttachment.create(attachment('10.251.1.4', OTHER_ID))];
      const end = await runTask(executor, t).done;
      expect(end.state).toBe(REJECTED);
      expect(end.err).toMatch(/not this node's bridge.*one node per network namespace/);
      // The other node's bridge is left as it was.
      expect(ip('-4', '-o', 'addr', 'show', 'dev', bridge)).toBe('');
    } finally {
      ip('link', 'del', bridge);
    }
  });

  it("keeps a task off the cluster's VIPs through slirp4netns when it is not on their network", async () => {
    const t = swarm.Task.create({
      id: `d${randomBytes(6).toString('hex')}`.padEnd(25, 'x'),
      serviceId: 's'.repeat(25),
      spec: {
        container: { image: 'node', command: ['sh', '-c', GET_CMD('http://10.251.0.2:8080/', 'vip')] },
      },
    });
    const end = await runTask(executor, t).done;
    const out = executor
      .logs(t.id)
      .map((l) => Buffer.from(l.data ?? []).toString())
      .join('\n');
    expect(end.state, out).toBe(COMPLETE);
    expect(out).toMatch(/^vip: .*(EACCES|EHOSTUNREACH|ENETUNREACH)/m);
  });

  it('rejects a task on a cluster network when tasks share the node network', async () => {
    const shared = new SandboxExecutor({ nodeId: 'node1', hostAddress: HOST, network: 'host' });
    try {
      const end = await runTask(shared, task(['true'], '10.251.1.5')).done;
      expect(end.state).toBe(REJECTED);
      expect(end.err).toMatch(/network namespace of its own/);
    } finally {
      await shared.close();
    }
  });
});
