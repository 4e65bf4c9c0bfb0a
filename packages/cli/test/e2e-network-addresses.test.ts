// Task addresses on cluster networks and each worker's network view, on three real daemons
// (sandbox executor), each in a network namespace of its own (a node's bridges and VIPs are per
// namespace) on a LAN the test makes (192.168.21.1-3): a manager gives a task its node's slice and an address in it
// when it assigns the task; two nodes get different slices; the Networks.NodeNetworks RPC answers
// a worker only the networks its own tasks use (the node ID from its certificate), with relay
// addresses from the nodes' verified addresses; a node with no task on a network gets nothing of
// it; each worker's follower receives its view. (Issue 23: the manager side of the data plane.)
import net from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { swarm } from '@swarm/api';
import { grpcChannelOptions } from '@swarm/ca/tls';
import { contains, type NodeNetworkView, networkViewFromProto, parseIpv4, parseSubnet } from '@swarm/network';
import type { NetworkView, TaskView } from '@swarm/node/control';
import { asBuffer, RPC_SERVICES } from '@swarm/rpc';
import { type Dialer, Testbed } from '@swarm/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalCluster, type LocalNode, waitFor } from '../src/testing.js';
import { dumpLogsOnFailure, formCluster, IDLE, type Identity, identityOf, nodeIds } from './e2e/helpers.js';

/** `Networks.NodeNetworks` on `addr` as `who`: the answer, as the worker reads it. */
async function nodeNetworks(addr: string, who: Required<Identity>): Promise<NodeNetworkView> {
  return networkViewFromProto(await nodeNetworksRaw(addr, who));
}

function nodeNetworksRaw(addr: string, who: Required<Identity>): Promise<swarm.NodeNetworksResponse> {
  const method = RPC_SERVICES.Networks.nodeNetworks;
  const client = new grpc.Client(
    addr,
    grpc.credentials.createSsl(Buffer.from(who.rootsPem), Buffer.from(who.keyPem), Buffer.from(who.chainPem)),
    { ...grpcChannelOptions(), 'grpc.use_local_subchannel_pool': 1 },
  );
  return new Promise<swarm.NodeNetworksResponse>((resolve, reject) =>
    client.makeUnaryRequest(
      method.path,
      (v: unknown) => asBuffer(method.request.encode(v as never).finish()),
      (b: Buffer) => swarm.NodeNetworksResponse.decode(b),
      // A caller naming another node changes nothing: the request has no node field to lie with.
      {},
      new grpc.Metadata(),
      { deadline: Date.now() + 8000 },
      (err, res) => (err ? reject(err) : resolve(res!)),
    ),
  ).finally(() => client.close());
}

/**
 * A TCP port in the test's namespace relaying to `host:port` inside a LAN namespace (through the
 * testbed's dialer), so a gRPC client of the test reaches a node's RPC listener.
 */
async function forward(dialer: Dialer, host: string, port: number): Promise<net.Server> {
  const server = net.createServer((client) => {
    client.pause();
    dialer.connect(host, port).then(
      (up) => {
        client.pipe(up).pipe(client);
        client.resume();
        up.on('error', () => client.destroy());
        client.on('error', () => up.destroy());
      },
      () => client.destroy(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

const SUBNET = '192.168.21';

const inSlice = (cidr: string, slice: string) =>
  contains(parseSubnet(slice), parseIpv4(cidr.slice(0, cidr.indexOf('/'))));

describe('task addresses and network views on real daemons', () => {
  const cluster = new LocalCluster();
  let tb: Testbed;
  let relay: net.Server;
  /** m1's RPC listener, as the test reaches it. */
  let m1Rpc: string;
  let m1: LocalNode;
  let w1: LocalNode;
  let w2: LocalNode;
  let ids: Record<string, string> = {};
  let app: NetworkView;

  async function running(service: string, count: number): Promise<TaskView[]> {
    return waitFor(
      `${count} running ${service} tasks`,
      async () => {
        const ts = (await m1.json<TaskView[]>(['service', 'ps', service])).filter(
          (t) => t.currentState === 'running' && t.desiredState === 'running',
        );
        return ts.length === count ? ts : undefined;
      },
      90_000,
    );
  }

  beforeAll(async () => {
    tb = await Testbed.create({ prefix: 'swna' });
    const lan = await tb.lan('na', 3, SUBNET, { pinned: true });
    [m1, w1, w2] = lan.hosts.map((h, i) =>
      cluster.add({ name: ['m1', 'w1', 'w2'][i]!, address: h.addr, netns: h.ns.path }),
    ) as [LocalNode, LocalNode, LocalNode];
    await Promise.all([m1, w1, w2].map((n) => n.start()));
    relay = await forward(await tb.dialer(lan.hosts[0]!.ns), m1.address, 2377);
    m1Rpc = `127.0.0.1:${(relay.address() as net.AddressInfo).port}`;
    await formCluster(m1, [], [w1, w2]);
    ids = await nodeIds(m1);
    await m1.ok(['network', 'create', 'app']);
    await m1.ok(['network', 'create', 'other']);
    [app] = (await m1.json<NetworkView[]>(['network', 'inspect', 'app'])) as [NetworkView];
  }, 180_000);

  afterAll(async () => {
    relay?.close();
    await cluster.destroy();
    await tb?.cleanup();
  }, 120_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it("gives each task an address in its node's slice, a different slice per node", async () => {
    await m1.ok([
      'service',
      'create',
      '-d',
      '--name',
      'db',
      '--network',
      'app,alias=database',
      '--replicas',
      '2',
      '--replicas-max-per-node',
      '1',
      '--constraint',
      'node.role==worker',
      '--',
      ...IDLE,
    ]);
    const tasks = await running('db', 2);
    expect(new Set(tasks.map((t) => t.nodeId))).toEqual(new Set([ids.w1, ids.w2]));
    const slices = new Set<string>();
    for (const t of tasks) {
      expect(t.networks).toHaveLength(1);
      const a = t.networks![0]!;
      expect(a).toMatchObject({ networkId: app.id, networkName: 'app', aliases: ['database'] });
      // The slice is a /26 of app's subnet after its VIP block; the gateway is its first address,
      // the task has the next one (the first task of the network on its node).
      expect(a.slice).toMatch(/^10\.128\.\d+\.\d+\/26$/);
      expect(inSlice(`${a.slice.split('/')[0]}/26`, app.subnet ?? '')).toBe(true);
      expect(a.addresses).toHaveLength(1);
      expect(inSlice(a.addresses[0]!, a.slice)).toBe(true);
      const base = parseIpv4(a.slice.split('/')[0]!);
      expect(parseIpv4(a.gateway)).toBe(base + 1);
      expect(parseIpv4(a.addresses[0]!.split('/')[0]!)).toBe(base + 2);
      slices.add(a.slice);
    }
    expect(slices.size).toBe(2);
    // The slices are kept with the network, by node.
    const [stored] = await m1.json<NetworkView[]>(['network', 'inspect', 'app']);
    const options = JSON.stringify(stored);
    for (const t of tasks) expect(options).toContain(`slice.${t.nodeId}`);
  }, 120_000);

  it('answers each worker only the networks its tasks use, with relay addresses from the verified node addresses', async () => {
    // A second service on "other", on w2 only.
    await m1.ok([
      'service',
      'create',
      '-d',
      '--name',
      'cache',
      '--network',
      'other',
      '--constraint',
      `node.id==${ids.w2}`,
      '--',
      ...IDLE,
    ]);
    await running('cache', 1);
    const db = await running('db', 2);
    const addrOf = (t: TaskView) => t.networks![0]!.addresses[0]!.split('/')[0]!;

    const v1 = await nodeNetworks(m1Rpc, identityOf(w1));
    expect(v1.nodeId).toBe(ids.w1);
    expect(v1.networks.map((n) => n.name)).toEqual(['app']);
    const w1Task = db.find((t) => t.nodeId === ids.w1)!;
    expect(v1.networks[0]).toMatchObject({ id: app.id, slice: w1Task.networks![0]!.slice });
    expect(v1.services.map((s) => [s.name, s.mode, s.networks.map((a) => a.aliases)])).toEqual([
      ['db', 'vip', [['database']]],
    ]);
    expect(v1.services[0]!.vips[app.id]).toMatch(/^10\.128\.0\.\d+$/);
    expect(
      v1.tasks
        .map((t) => [t.nodeId, t.addresses[app.id], t.relayAddr])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      [ids.w1, addrOf(w1Task), `${SUBNET}.2:4789`],
      [ids.w2, addrOf(db.find((t) => t.nodeId === ids.w2)!), `${SUBNET}.3:4789`],
    ]);
    // Nothing of "other" reaches w1.
    expect(JSON.stringify(v1)).not.toContain('cache');

    const v2 = await nodeNetworks(m1Rpc, identityOf(w2));
    expect(v2.nodeId).toBe(ids.w2);
    expect(v2.networks.map((n) => n.name).sort()).toEqual(['app', 'other']);
    expect(v2.services.map((s) => s.name).sort()).toEqual(['cache', 'db']);

    // The manager runs no task on any network: its view is empty.
    const vm = await nodeNetworks(m1Rpc, identityOf(m1));
    expect(vm.nodeId).toBe(ids.m1);
    expect(vm.networks).toEqual([]);
    expect(vm.services).toEqual([]);
    expect(vm.tasks).toEqual([]);
  }, 120_000);

  it("delivers each worker its view through the worker's follower", async () => {
    // The worker logs each new view it applies: w1 sees app only, w2 app and other.
    await waitFor(
      'w1 got its view',
      async () => /"network view".*"networks":"app=10\.128\./.test(w1.log),
      30_000,
    );
    await waitFor(
      'w2 got its view with both networks',
      async () => /"network view".*"networks":"app=10\.128\.[0-9./]+,other=10\.128\./.test(w2.log),
      30_000,
    );
    expect(w1.log).not.toMatch(/"network view".*other=/);
  }, 90_000);
});
