import { swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { createNetwork, serviceVips, syncServiceVips } from '../src/index.js';

const spec = (o: Record<string, unknown> = {}) =>
  swarm.NetworkSpec.fromObject({ annotations: { name: 'app' }, driverConfig: { name: 'overlay' }, ...o });

/** The networks as a store would hold them: written back by ID. */
function cluster() {
  const networks: swarm.Network[] = [];
  networks.push(createNetwork('net1', spec(), networks));
  networks.push(createNetwork('net2', spec({ annotations: { name: 'other' } }), networks));
  return {
    networks,
    sync(serviceId: string, s: swarm.IServiceSpec | undefined) {
      for (const n of syncServiceVips(serviceId, s, networks))
        networks[networks.findIndex((x) => x.id === n.id)] = n;
    },
  };
}

const service = (networks: string[], mode = swarm.EndpointSpec.ResolutionMode.VIP) =>
  swarm.ServiceSpec.create({
    annotations: { name: 'db' },
    task: { networks: networks.map((target) => ({ target })) },
    endpoint: { mode },
  });

describe('cluster networks as store objects', () => {
  it('gives each new network the next free subnet of the pool', () => {
    const { networks } = cluster();
    expect(networks.map((n) => [n.id, n.ipam?.configs?.[0]?.subnet])).toEqual([
      ['net1', '10.128.0.0/20'],
      ['net2', '10.128.16.0/20'],
    ]);
  });

  it('takes a requested subnet, and refuses one that overlaps another network', () => {
    const { networks } = cluster();
    const c = createNetwork('net3', spec({ ipam: { configs: [{ subnet: '10.9.0.0/24' }] } }), networks);
    expect(c.ipam?.configs?.[0]?.subnet).toBe('10.9.0.0/24');
    expect(() =>
      createNetwork('net4', spec({ ipam: { configs: [{ subnet: '10.128.8.0/24' }] } }), networks),
    ).toThrow(expect.objectContaining({ code: 'SUBNET_OVERLAPS' }));
  });

  it('refuses another driver, unknown driver options, IPv6 and two subnets, naming the input', () => {
    const { networks } = cluster();
    expect(() => createNetwork('x', spec({ driverConfig: { name: 'bridge' } }), networks)).toThrow(
      /driver "bridge"/,
    );
    expect(() =>
      createNetwork('x', spec({ driverConfig: { name: 'overlay', options: { mtu: '1400' } } }), networks),
    ).toThrow(/network option "mtu" is not supported/);
    expect(
      createNetwork('x', spec({ driverConfig: { name: 'overlay', options: { encrypted: '' } } }), networks)
        .spec?.driverConfig?.options,
    ).toEqual({ encrypted: '' });
    expect(() => createNetwork('x', spec({ ipv6Enabled: true }), networks)).toThrow(/IPv6/);
    expect(() =>
      createNetwork(
        'x',
        spec({ ipam: { configs: [{ subnet: '10.1.0.0/24' }, { subnet: '10.2.0.0/24' }] } }),
        networks,
      ),
    ).toThrow(/one subnet/);
  });

  it('gives a service a VIP on each network it joins and frees it when it leaves, turns dnsrr, or is removed', () => {
    const c = cluster();
    c.sync('svc1', service(['net1', 'net2']));
    c.sync('svc2', service(['net1']));
    expect(serviceVips('svc1', c.networks)).toEqual({ net1: '10.128.0.1', net2: '10.128.16.1' });
    expect(serviceVips('svc2', c.networks)).toEqual({ net1: '10.128.0.2' });
    // The VIPs live in the network objects.
    expect(c.networks[0]?.driverState?.options).toEqual({
      'vip.svc1': '10.128.0.1',
      'vip.svc2': '10.128.0.2',
    });
    c.sync('svc1', service(['net2']));
    expect(serviceVips('svc1', c.networks)).toEqual({ net2: '10.128.16.1' });
    c.sync('svc1', service(['net2'], swarm.EndpointSpec.ResolutionMode.DNSRR));
    expect(serviceVips('svc1', c.networks)).toEqual({});
    c.sync('svc2', undefined);
    expect(serviceVips('svc2', c.networks)).toEqual({});
    // A freed VIP is handed out again (lowest free first), and an unchanged service writes nothing.
    c.sync('svc3', service(['net1']));
    expect(serviceVips('svc3', c.networks)).toEqual({ net1: '10.128.0.1' });
    expect(syncServiceVips('svc3', service(['net1']), c.networks)).toEqual([]);
  });
});
