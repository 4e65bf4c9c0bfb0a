// The view a manager answers a worker: only the networks the worker's own tasks use (least
// privilege), the services on them, their running tasks with addresses and the relay of their
// node (from the node's verified address); the wire form round-trips; nodePlan takes it.
import { swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { networkViewFromProto, networkViewToProto, nodeNetworkView, nodePlan } from '../src/index.js';
import { StoreDouble } from './store-double.js';

function cluster() {
  const s = new StoreDouble();
  s.network('net-app', 'app');
  s.network('net-other', 'other');
  s.node('node-a', '127.0.17.1:2377');
  s.node('node-b', '127.0.17.2:2377');
  s.node('node-c', '127.0.17.3:2377');
  s.service('svc-db', 'db', [{ target: 'net-app', aliases: ['database'] }], {
    ports: [
      { targetPort: 5432, publishedPort: 30432 },
      { targetPort: 6000 },
      { targetPort: 53, protocol: 1 },
    ],
  });
  s.service('svc-api', 'api', [{ target: 'net-app' }, { target: 'net-other' }], {
    ports: [{ targetPort: 80 }],
  });
  s.service('svc-rr', 'rr', [{ target: 'net-app' }], { dnsrr: true, ports: [{ targetPort: 7000 }] });
  s.service('svc-secret', 'secret', [{ target: 'net-other' }], { ports: [{ targetPort: 9000 }] });
  // The managers give VIPs with the service write (syncServiceVips); here by hand.
  for (const [net, vips] of [
    ['net-app', { 'vip.svc-db': '10.128.0.1', 'vip.svc-api': '10.128.0.2' }],
    ['net-other', { 'vip.svc-api': '10.128.16.1', 'vip.svc-secret': '10.128.16.2' }],
  ] as const) {
    const n = s.get('network', net)!;
    n.driverState = swarm.Driver.create({ name: 'overlay', options: { ...vips } });
  }
  s.assign('db1', 'svc-db', 'node-a'); // 10.128.1.2
  s.assign('db2', 'svc-db', 'node-b'); // 10.128.1.66
  s.assign('api1', 'svc-api', 'node-a'); // 10.128.1.3, other 10.128.17.2
  s.assign('rr1', 'svc-rr', 'node-b'); // 10.128.1.67
  s.assign('sec1', 'svc-secret', 'node-c'); // other 10.128.17.66
  return s;
}

describe('nodeNetworkView', () => {
  it('gives node b only app (its tasks are on app only), the services on app, and their running tasks', () => {
    const s = cluster();
    const v = nodeNetworkView(s, 'node-b');
    expect(v.nodeId).toBe('node-b');
    expect(v.networks).toEqual([
      {
        id: 'net-app',
        name: 'app',
        subnet: '10.128.0.0/20',
        slice: '10.128.1.64/26',
        gateway: '10.128.1.65',
      },
    ]);
    // api's attachment to "other" and its VIP there stay hidden; "secret" (other only) is absent.
    expect(v.services).toEqual([
      {
        id: 'svc-api',
        name: 'api',
        mode: 'vip',
        ports: [80],
        networks: [{ networkId: 'net-app', aliases: [] }],
        vips: { 'net-app': '10.128.0.2' },
      },
      {
        id: 'svc-db',
        name: 'db',
        mode: 'vip',
        ports: [5432, 6000],
        networks: [{ networkId: 'net-app', aliases: ['database'] }],
        vips: { 'net-app': '10.128.0.1' },
      },
      {
        id: 'svc-rr',
        name: 'rr',
        mode: 'dnsrr',
        ports: [7000],
        networks: [{ networkId: 'net-app', aliases: [] }],
        vips: {},
      },
    ]);
    expect(v.tasks).toEqual([
      {
        id: 'api1',
        serviceId: 'svc-api',
        nodeId: 'node-a',
        addresses: { 'net-app': '10.128.1.3' },
        relayAddr: '127.0.17.1:4789',
      },
      {
        id: 'db1',
        serviceId: 'svc-db',
        nodeId: 'node-a',
        addresses: { 'net-app': '10.128.1.2' },
        relayAddr: '127.0.17.1:4789',
      },
      {
        id: 'db2',
        serviceId: 'svc-db',
        nodeId: 'node-b',
        addresses: { 'net-app': '10.128.1.66' },
        relayAddr: '127.0.17.2:4789',
      },
      {
        id: 'rr1',
        serviceId: 'svc-rr',
        nodeId: 'node-b',
        addresses: { 'net-app': '10.128.1.67' },
        relayAddr: '127.0.17.2:4789',
      },
    ]);
    // Nothing of network "other" appears anywhere in b's view.
    expect(JSON.stringify(v)).not.toMatch(/net-other|10\.128\.1[6-9]\.|secret/);
  });

  it('gives node a both networks, with its own slice of each', () => {
    const v = nodeNetworkView(cluster(), 'node-a');
    expect(v.networks.map((n) => [n.name, n.slice])).toEqual([
      ['app', '10.128.1.0/26'],
      ['other', '10.128.17.0/26'],
    ]);
    expect(v.services.map((s) => s.name)).toEqual(['api', 'db', 'rr', 'secret']);
    expect(v.tasks.find((t) => t.id === 'api1')?.addresses).toEqual({
      'net-app': '10.128.1.3',
      'net-other': '10.128.17.2',
    });
  });

  it('gives a node without tasks on a network, or an unknown caller, an empty view', () => {
    const s = cluster();
    s.node('node-d', '127.0.17.4:2377');
    for (const id of ['node-d', 'nosuch', ''])
      expect(nodeNetworkView(s, id)).toEqual({ nodeId: id, networks: [], services: [], tasks: [] });
  });

  it('leaves out tasks that do not run, and tasks on a node that is down; keeps the network while its own task lives', () => {
    const s = cluster();
    s.get('task', 'db1')!.desiredState = swarm.TaskState.SHUTDOWN; // still running, on its way out
    s.get('task', 'rr1')!.status!.state = swarm.TaskState.STARTING;
    s.node('node-a', '127.0.17.1:2377', swarm.NodeStatus.State.DOWN);
    const v = nodeNetworkView(s, 'node-b');
    expect(v.tasks.map((t) => t.id)).toEqual(['db2']);
    expect(v.networks.map((n) => n.id)).toEqual(['net-app']);
    // Once b's tasks end, b has no network left.
    s.get('task', 'db2')!.status!.state = swarm.TaskState.SHUTDOWN;
    s.get('task', 'rr1')!.status!.state = swarm.TaskState.FAILED;
    expect(nodeNetworkView(s, 'node-b').networks).toEqual([]);
  });

  it('takes relay hosts from the verified node address, IPv6 bracketed, and a chosen data path port', () => {
    const s = cluster();
    s.node('node-a', '[fd00::1]:2377');
    const v = nodeNetworkView(s, 'node-b', { dataPathPort: 7946 });
    expect(v.tasks.find((t) => t.id === 'db1')?.relayAddr).toBe('[fd00::1]:7946');
    expect(v.tasks.find((t) => t.id === 'db2')?.relayAddr).toBe('127.0.17.2:7946');
  });

  it('round-trips through the NodeNetworks answer, and nodePlan takes it', () => {
    const v = nodeNetworkView(cluster(), 'node-b');
    const wire = swarm.NodeNetworksResponse.decode(
      swarm.NodeNetworksResponse.encode(networkViewToProto(v)).finish(),
    );
    expect(networkViewFromProto(wire)).toEqual(v);
    const plan = nodePlan(networkViewFromProto(wire), 'node-b');
    expect(plan.networkIds).toEqual(['net-app']);
    expect(plan.vips.find((p) => p.serviceId === 'svc-db')).toMatchObject({
      vip: '10.128.0.1',
      ports: [5432, 6000],
      backends: [
        { taskId: 'db1', nodeId: 'node-a', address: '10.128.1.2' },
        { taskId: 'db2', nodeId: 'node-b', address: '10.128.1.66' },
      ],
    });
    expect(plan.records[0]?.services.find((x) => x.name === 'rr')).toMatchObject({
      mode: 'dnsrr',
      tasks: ['10.128.1.67'],
    });
    expect(plan.allowTarget({ address: '10.128.1.66', port: 5432 })).toBe(true);
    expect(plan.allowTarget({ address: '10.128.1.2', port: 5432 })).toBe(false);
  });
});
