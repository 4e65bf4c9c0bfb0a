// Cluster networks through the CLI on a real daemon process (127.0.10.61): create with a subnet,
// duplicate names and overlapping subnets refused, a service attached with an alias gets a VIP
// kept with the network, removal refused while in use, then allowed. (Issue 23: the objects; the
// networks carry no traffic yet.)

import type { NetworkView } from '@swarm/node/control';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

interface Inspected {
  id: string;
  endpoint?: { virtualIps?: { networkId: string; addr: string }[] };
}

import { LocalCluster, type LocalNode } from '../src/testing.js';
import { dumpLogsOnFailure } from './e2e/helpers.js';

describe('swarm network on a real daemon', () => {
  const cluster = new LocalCluster();
  let m1: LocalNode;

  beforeAll(async () => {
    m1 = cluster.add({ name: 'm1', address: '127.0.10.61' });
    await m1.start();
    await m1.ok(['init', '--listen-addr', m1.addr]);
  }, 60_000);

  afterAll(async () => {
    await cluster.destroy();
  }, 60_000);

  afterEach((ctx) => dumpLogsOnFailure(ctx, cluster));

  it('creates networks with subnets and refuses duplicates and overlaps', async () => {
    const id = (
      await m1.ok(['network', 'create', '-d', 'overlay', '--attachable', '--opt', 'encrypted', 'app'])
    ).trim();
    expect(id).toMatch(/^[a-z0-9]{25}$/);
    await m1.ok(['network', 'create', '--subnet', '10.9.0.0/24', 'other']);
    const [app] = await m1.json<NetworkView[]>(['network', 'inspect', 'app']);
    expect(app).toMatchObject({
      id,
      name: 'app',
      driver: 'overlay',
      subnet: '10.128.0.0/20',
      attachable: true,
    });
    const dup = await m1.swarm(['network', 'create', 'APP']);
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toMatch(/name/i);
    const overlap = await m1.swarm(['network', 'create', '--subnet', '10.128.4.0/24', 'third']);
    expect(overlap.code).not.toBe(0);
    expect(overlap.stderr).toMatch(/overlaps 10\.128\.0\.0\/20/);
    const unknown = await m1.swarm([
      'service',
      'create',
      '--detach',
      '--name',
      'x',
      '--network',
      'nosuch',
      'busybox',
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/network nosuch not found/);
    const ls = await m1.ok(['network', 'ls']);
    expect(ls).toMatch(/app\s+overlay\s+swarm\s+10\.128\.0\.0\/20/);
    expect(ls).toMatch(/other\s+overlay\s+swarm\s+10\.9\.0\.0\/24/);
  });

  it('gives an attached service a VIP, refuses removing its network, and frees the VIP with the service', async () => {
    await m1.ok([
      'service',
      'create',
      '--detach',
      '--no-resolve-image',
      '--name',
      'db',
      '--network',
      'app,alias=database',
      '--replicas',
      '0',
      'busybox',
    ]);
    const [db] = await m1.json<Inspected[]>(['service', 'inspect', 'db']);
    const [app] = await m1.json<NetworkView[]>(['network', 'inspect', 'app']);
    expect(db?.endpoint?.virtualIps).toEqual([{ networkId: app!.id, addr: '10.128.0.1' }]);
    expect(app?.services).toEqual(['db']);
    const inUse = await m1.swarm(['network', 'rm', 'app']);
    expect(inUse.code).not.toBe(0);
    expect(inUse.stderr).toMatch(/in use by service/);

    await m1.ok(['service', 'update', '--detach', '--endpoint-mode', 'dnsrr', 'db']);
    const [rr] = await m1.json<Inspected[]>(['service', 'inspect', 'db']);
    expect(rr?.endpoint?.virtualIps).toBeUndefined();
    await m1.ok([
      'service',
      'update',
      '--detach',
      '--endpoint-mode',
      'vip',
      '--network-rm',
      'app',
      '--network-add',
      'other',
      'db',
    ]);
    const [moved] = await m1.json<Inspected[]>(['service', 'inspect', 'db']);
    const [other] = await m1.json<NetworkView[]>(['network', 'inspect', 'other']);
    expect(moved?.endpoint?.virtualIps).toEqual([{ networkId: other!.id, addr: '10.9.0.1' }]);

    await m1.ok(['network', 'rm', 'app']);
    await m1.ok(['service', 'rm', 'db']);
    await m1.ok(['network', 'rm', 'other']);
    expect((await m1.json<NetworkView[]>(['network', 'ls'])).map((n) => n.name)).toEqual([]);
  });
});
