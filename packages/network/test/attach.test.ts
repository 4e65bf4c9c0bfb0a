// A task's attachments, decided when it is assigned to a node: the node's slice (allocated once,
// stored with the network), the gateway, and the lowest address of the slice no live task of that
// node and network holds; deterministic from the store.
import { swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import {
  AttachError,
  attachAssignedTask,
  attachTask,
  IpamError,
  ipamStateFromOptions,
} from '../src/index.js';
import { StoreDouble } from './store-double.js';

function setup() {
  const s = new StoreDouble();
  s.network('net-app', 'app'); // 10.128.0.0/20: slices from 10.128.1.0/26
  s.network('net-db', 'backend', '10.9.0.0/24'); // one VIP block 10.9.0.0/28, slices from 10.9.0.64/26
  s.service('svc-api', 'api', [{ target: 'net-app', aliases: ['web'] }, { target: 'net-db' }]);
  s.service('svc-db', 'db', [{ target: 'net-db', aliases: ['database'] }]);
  return s;
}

const slicesOf = (s: StoreDouble, id: string) =>
  ipamStateFromOptions(s.get('network', id)?.driverState?.options ?? {}).slices;

describe('attachTask', () => {
  it("gives a task the node's slice, its gateway and the slice's first free address, with aliases and the network's name", () => {
    const s = setup();
    const t = s.assign('t1', 'svc-api', 'node-a');
    expect(t.networks.map((a) => swarm.NetworkAttachment.toObject(a as swarm.NetworkAttachment))).toEqual([
      {
        networkId: 'net-app',
        networkName: 'app',
        slice: '10.128.1.0/26',
        gateway: '10.128.1.1',
        subnet: '10.128.0.0/20',
        addresses: ['10.128.1.2/26'],
        aliases: ['web'],
      },
      {
        networkId: 'net-db',
        networkName: 'backend',
        slice: '10.9.0.64/26',
        gateway: '10.9.0.65',
        subnet: '10.9.0.0/24',
        addresses: ['10.9.0.66/26'],
      },
    ]);
    // The slices are stored with the networks.
    expect(slicesOf(s, 'net-app')).toEqual({ 'node-a': '10.128.1.0/26' });
    expect(slicesOf(s, 'net-db')).toEqual({ 'node-a': '10.9.0.64/26' });
  });

  it('gives a second node the next slice, and a node its slice once (no network to write back)', () => {
    const s = setup();
    s.assign('t1', 'svc-api', 'node-a');
    const b = s.assign('t2', 'svc-api', 'node-b');
    expect(b.networks[0]).toMatchObject({ slice: '10.128.1.64/26', addresses: ['10.128.1.66/26'] });
    const again = attachTask(
      { id: 't3', spec: s.get('service', 'svc-api')!.spec!.task! },
      'node-a',
      s.list('network'),
      s.find('task', { nodeId: 'node-a' }),
    );
    expect(again.changedNetworks).toEqual([]);
    expect(again.attachments[0]).toMatchObject({ slice: '10.128.1.0/26', addresses: ['10.128.1.3/26'] });
  });

  it('takes the lowest address no live task of the node holds, reusing those of ended tasks', () => {
    const s = setup();
    s.assign('t1', 'svc-db', 'node-a');
    s.assign('t2', 'svc-db', 'node-a');
    s.assign('t3', 'svc-db', 'node-a');
    const addr = (id: string) => s.get('task', id)!.networks[0]!.addresses?.[0];
    expect([addr('t1'), addr('t2'), addr('t3')]).toEqual(['10.9.0.66/26', '10.9.0.67/26', '10.9.0.68/26']);
    // t2 failed: its address is free again; t1 is still shutting down (desired shutdown, running): not.
    s.get('task', 't2')!.status!.state = swarm.TaskState.FAILED;
    s.get('task', 't1')!.desiredState = swarm.TaskState.SHUTDOWN;
    expect(addr(s.assign('t4', 'svc-db', 'node-a').id)).toBe('10.9.0.67/26');
    // Tasks of another node do not count.
    expect(addr(s.assign('t5', 'svc-db', 'node-b').id)).toBe('10.9.0.130/26');
  });

  it('is deterministic: the same store gives the same answer', () => {
    const a = setup();
    const b = setup();
    for (const s of [a, b]) {
      s.assign('t1', 'svc-api', 'node-b');
      s.assign('t2', 'svc-db', 'node-a');
    }
    expect(a.get('task', 't2')!.networks).toEqual(b.get('task', 't2')!.networks);
    expect(slicesOf(a, 'net-db')).toEqual({ 'node-b': '10.9.0.64/26', 'node-a': '10.9.0.128/26' });
  });

  it('refuses an exhausted slice with ADDRESSES_EXHAUSTED, naming network, node and slice', () => {
    const s = setup();
    for (let i = 0; i < 61; i++) s.assign(`t${i}`, 'svc-db', 'node-a');
    expect(s.get('task', 't60')!.networks[0]!.addresses).toEqual(['10.9.0.126/26']);
    const err = (() => {
      try {
        s.assign('t61', 'svc-db', 'node-a');
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(IpamError);
    expect((err as IpamError).code).toBe('ADDRESSES_EXHAUSTED');
    expect((err as IpamError).message).toMatch(
      /network backend has no address left in node node-a's slice 10\.9\.0\.64\/26/,
    );
  });

  it('refuses a network without free slices (SLICES_EXHAUSTED), and an unknown network (NETWORK_NOT_FOUND)', () => {
    const s = setup();
    // A /24 holds three slices after its VIP block.
    for (const n of ['n1', 'n2', 'n3']) s.assign(`t-${n}`, 'svc-db', n);
    expect(() => s.assign('t-n4', 'svc-db', 'n4')).toThrow(
      expect.objectContaining({ code: 'SLICES_EXHAUSTED' }) as unknown as Error,
    );
    s.service('svc-x', 'x', [{ target: 'net-gone' }]);
    expect(() => s.assign('tx', 'svc-x', 'n1')).toThrow(AttachError);
    expect(() => s.assign('tx', 'svc-x', 'n1')).toThrow(/network net-gone, which does not exist/);
  });

  it('gives a task without networks nothing', () => {
    const s = setup();
    expect(attachTask({ id: 't', spec: {} }, 'node-a', s.list('network'), [])).toEqual({
      attachments: [],
      changedNetworks: [],
    });
  });

  it('attachAssignedTask fills the task in a transaction and writes the network only when it gained a slice', () => {
    const s = setup();
    const task = () =>
      swarm.Task.create({ id: 'tx1', nodeId: 'node-a', spec: s.get('service', 'svc-db')!.spec!.task! });
    const t = attachAssignedTask(s, task());
    expect(t.networks.map((a) => a.addresses)).toEqual([['10.9.0.66/26']]);
    expect(s.updated).toEqual(['network:net-db']);
    s.put('task', t);
    const again = attachAssignedTask(s, swarm.Task.create({ ...task(), id: 'tx2' }));
    expect(again.networks.map((a) => a.addresses)).toEqual([['10.9.0.67/26']]);
    expect(s.updated).toEqual(['network:net-db']);
    const bare = swarm.Task.create({ id: 'tx3', nodeId: 'node-a', spec: {} });
    expect(attachAssignedTask(s, bare)).toBe(bare);
    expect(bare.networks).toEqual([]);
  });
});
