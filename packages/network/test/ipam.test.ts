import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AddressError,
  allocateSubnet,
  checkSubnet,
  IpamError,
  ipamStateFromOptions,
  ipamStateToOptions,
  NetworkIpam,
  networkLayout,
  overlaps,
  parseIpv4,
  parseSubnet,
  sliceGateway,
} from '../src/index.js';

describe('IPv4 and subnets', () => {
  it('parses and refuses addresses and subnets with a typed error', () => {
    expect(parseIpv4('10.0.0.1')).toBe(0x0a000001);
    expect(() => parseIpv4('10.0.0.256')).toThrow(AddressError);
    expect(() => parseIpv4('10.0.0')).toThrow(/is not an IPv4 address/);
    expect(() => parseIpv4('010.0.0.1')).toThrow(AddressError);
    expect(parseSubnet('10.1.0.0/16')).toEqual({ base: 0x0a010000, prefix: 16 });
    expect(() => parseSubnet('10.1.0.1/16')).toThrow(
      /host bits are set \(the network address is 10.1.0.0\/16\)/,
    );
    expect(() => parseSubnet('10.1.0.0/33')).toThrow(AddressError);
  });
});

describe('subnets of networks', () => {
  it('takes the first free /20 of the pool, skipping subnets in use of any size', () => {
    expect(allocateSubnet([])).toBe('10.128.0.0/20');
    expect(allocateSubnet(['10.128.0.0/20'])).toBe('10.128.16.0/20');
    expect(allocateSubnet(['10.128.16.0/24'])).toBe('10.128.0.0/20');
    expect(allocateSubnet(['10.128.0.0/20', '10.128.16.0/24'])).toBe('10.128.32.0/20');
    expect(allocateSubnet(['10.128.0.0/16'])).toBe('10.129.0.0/20');
  });

  it('says the pool is exhausted and how to get out of it', () => {
    const err = (() => {
      try {
        allocateSubnet(['10.0.0.0/23'], { pool: '10.0.0.0/23', prefix: 24 });
      } catch (e) {
        return e as IpamError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(IpamError);
    expect(err?.code).toBe('POOL_EXHAUSTED');
    expect(err?.message).toMatch(/--subnet/);
  });

  it('refuses a requested subnet that overlaps another network or is smaller than a /24', () => {
    expect(checkSubnet('10.9.0.0/24', ['10.8.0.0/24'])).toBe('10.9.0.0/24');
    expect(() => checkSubnet('10.8.0.0/16', ['10.8.3.0/24'])).toThrow(
      expect.objectContaining({ code: 'SUBNET_OVERLAPS' }),
    );
    expect(() => checkSubnet('10.8.0.0/25', [])).toThrow(
      expect.objectContaining({ code: 'SUBNET_TOO_SMALL' }),
    );
  });

  it('never hands out overlapping subnets (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 20 }), (picks) => {
        const used: string[] = [];
        for (const p of picks) {
          // A mix of allocated /20s and user /24s inside the pool.
          if (p % 3 === 0) {
            const s = `10.128.${p}.0/24`;
            if (!used.some((u) => overlaps(parseSubnet(u), parseSubnet(s)))) used.push(s);
          } else used.push(allocateSubnet(used));
        }
        for (let i = 0; i < used.length; i++)
          for (let j = i + 1; j < used.length; j++)
            expect(overlaps(parseSubnet(used[i]!), parseSubnet(used[j]!))).toBe(false);
      }),
    );
  });
});

describe('slices and VIPs', () => {
  it('lays a /20 out as 256 VIP addresses and 60 node slices of /26', () => {
    expect(networkLayout('10.128.0.0/20')).toEqual({
      subnet: '10.128.0.0/20',
      vipBlock: '10.128.0.0/24',
      slicePrefix: 26,
      sliceCount: 60,
    });
    expect(networkLayout('10.0.9.0/24').sliceCount).toBe(3);
  });

  it('gives each node the lowest free slice, the same one again, and reuses a released one', () => {
    const ipam = new NetworkIpam('10.128.0.0/20');
    expect(ipam.sliceFor('n1')).toBe('10.128.1.0/26');
    expect(ipam.sliceFor('n2')).toBe('10.128.1.64/26');
    expect(ipam.sliceFor('n1')).toBe('10.128.1.0/26');
    expect(sliceGateway('10.128.1.64/26')).toBe('10.128.1.65');
    ipam.releaseSlice('n1');
    expect(ipam.sliceFor('n3')).toBe('10.128.1.0/26');
  });

  it('gives each service one VIP from the VIP block', () => {
    const ipam = new NetworkIpam('10.128.0.0/20');
    expect(ipam.vipFor('db')).toBe('10.128.0.1');
    expect(ipam.vipFor('api')).toBe('10.128.0.2');
    expect(ipam.vipFor('db')).toBe('10.128.0.1');
  });

  it('runs out of slices with a typed error that names the fix', () => {
    const ipam = new NetworkIpam('10.0.9.0/24');
    ipam.sliceFor('a');
    ipam.sliceFor('b');
    ipam.sliceFor('c');
    expect(() => ipam.sliceFor('d')).toThrow(expect.objectContaining({ code: 'SLICES_EXHAUSTED' }));
  });

  it('stores its state as a network driver option map and rebuilds the same answers from it', () => {
    const a = new NetworkIpam('10.128.16.0/20');
    a.sliceFor('n1');
    a.sliceFor('n2');
    a.vipFor('s1');
    const options = ipamStateToOptions(a.state());
    expect(options).toEqual({
      'slice.n1': '10.128.17.0/26',
      'slice.n2': '10.128.17.64/26',
      'vip.s1': '10.128.16.1',
    });
    const b = new NetworkIpam('10.128.16.0/20', ipamStateFromOptions({ ...options, encrypted: '' }));
    expect(b.sliceFor('n3')).toBe('10.128.17.128/26');
    expect(b.vipFor('s2')).toBe('10.128.16.2');
    expect(b.state().slices.n1).toBe('10.128.17.0/26');
  });

  it('refuses stored state that is not of this subnet', () => {
    expect(() => new NetworkIpam('10.128.16.0/20', { slices: { n1: '10.9.0.0/26' }, vips: {} })).toThrow(
      AddressError,
    );
    expect(() => new NetworkIpam('10.128.16.0/20', { slices: {}, vips: { s: '10.128.17.5' } })).toThrow(
      AddressError,
    );
  });
});
