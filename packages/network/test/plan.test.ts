import { describe, expect, it } from 'vitest';
import { type ClusterNetworks, DnsRecords, nodePlan, RCODE } from '../src/index.js';

// The scene: api (3 tasks) and db (2 tasks) on network app; web alone on network other.
const cluster: ClusterNetworks = {
  networks: [
    { id: 'app-id', name: 'app' },
    { id: 'other-id', name: 'other' },
  ],
  services: [
    {
      id: 'api-id',
      name: 'api',
      mode: 'vip',
      ports: [8080],
      networks: [{ networkId: 'app-id' }],
      vips: { 'app-id': '10.128.0.1' },
    },
    {
      id: 'db-id',
      name: 'db',
      mode: 'vip',
      ports: [5432],
      networks: [{ networkId: 'app-id', aliases: ['database'] }],
      vips: { 'app-id': '10.128.0.2' },
    },
    {
      id: 'web-id',
      name: 'web',
      mode: 'dnsrr',
      ports: [80],
      networks: [{ networkId: 'other-id' }],
      vips: {},
    },
  ],
  tasks: [
    { id: 'api.1', serviceId: 'api-id', nodeId: 'n1', addresses: { 'app-id': '10.128.1.2' } },
    { id: 'api.2', serviceId: 'api-id', nodeId: 'n2', addresses: { 'app-id': '10.128.1.66' } },
    { id: 'api.3', serviceId: 'api-id', nodeId: 'n3', addresses: { 'app-id': '10.128.1.130' } },
    { id: 'db.1', serviceId: 'db-id', nodeId: 'n2', addresses: { 'app-id': '10.128.1.67' } },
    { id: 'db.2', serviceId: 'db-id', nodeId: 'n3', addresses: { 'app-id': '10.128.1.131' } },
    { id: 'web.1', serviceId: 'web-id', nodeId: 'n1', addresses: { 'other-id': '10.128.17.2' } },
  ],
};

describe("a node's plan", () => {
  it("serves the networks of the node's own tasks, and resolves every service of each", () => {
    const p = nodePlan(cluster, 'n1');
    expect(p.networkIds).toEqual(['app-id', 'other-id']);
    const t = new DnsRecords();
    t.update(p.records);
    expect(t.resolve('app-id', 'db').addresses).toEqual(['10.128.0.2']);
    expect(t.resolve('app-id', 'database.app').addresses).toEqual(['10.128.0.2']);
    expect(t.resolve('app-id', 'tasks.db').addresses.sort()).toEqual(['10.128.1.131', '10.128.1.67']);
    expect(t.resolve('other-id', 'db').rcode).toBe(RCODE.NXDOMAIN);
    expect(t.resolve('other-id', 'web').addresses).toEqual(['10.128.17.2']);
  });

  it('opens a VIP listener per vip service on those networks, with its tasks on every node', () => {
    const p = nodePlan(cluster, 'n1');
    const db = p.vips.find((v) => v.serviceId === 'db-id');
    expect(db).toEqual({
      serviceId: 'db-id',
      networkId: 'app-id',
      vip: '10.128.0.2',
      ports: [5432],
      backends: [
        { taskId: 'db.1', nodeId: 'n2', address: '10.128.1.67' },
        { taskId: 'db.2', nodeId: 'n3', address: '10.128.1.131' },
      ],
    });
    expect(p.vips.map((v) => v.serviceId).sort()).toEqual(['api-id', 'db-id']);
  });

  it('listens at the address of every task on another node, with that task alone behind it', () => {
    const p = nodePlan(cluster, 'n2');
    expect(p.remoteTasks).toEqual([
      {
        serviceId: 'api-id',
        networkId: 'app-id',
        vip: '10.128.1.2',
        ports: [8080],
        backends: [{ taskId: 'api.1', nodeId: 'n1', address: '10.128.1.2' }],
      },
      {
        serviceId: 'api-id',
        networkId: 'app-id',
        vip: '10.128.1.130',
        ports: [8080],
        backends: [{ taskId: 'api.3', nodeId: 'n3', address: '10.128.1.130' }],
      },
      {
        serviceId: 'db-id',
        networkId: 'app-id',
        vip: '10.128.1.131',
        ports: [5432],
        backends: [{ taskId: 'db.2', nodeId: 'n3', address: '10.128.1.131' }],
      },
    ]);
    // its own tasks are reached on its bridges; networks it does not serve are not listened for
    expect(nodePlan(cluster, 'n1').remoteTasks.map((v) => v.vip)).toEqual([
      '10.128.1.66',
      '10.128.1.130',
      '10.128.1.67',
      '10.128.1.131',
    ]);
  });

  it("lets the relay reach only the node's own tasks on their service's ports", () => {
    const p = nodePlan(cluster, 'n2');
    expect(p.allowTarget({ address: '10.128.1.67', port: 5432 })).toBe(true);
    expect(p.allowTarget({ address: '10.128.1.66', port: 8080 })).toBe(true);
    expect(p.allowTarget({ address: '10.128.1.67', port: 22 })).toBe(false);
    expect(p.allowTarget({ address: '10.128.1.131', port: 5432 })).toBe(false);
    expect(p.allowTarget({ address: '127.0.0.1', port: 2377 })).toBe(false);
  });

  it('serves nothing on a node without tasks on a network', () => {
    const p = nodePlan(cluster, 'n9');
    expect(p).toMatchObject({ networkIds: [], records: [], vips: [], remoteTasks: [] });
  });
});
