import type { NetworkInterfaceInfo } from 'node:os';
import { SwarmError } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { resolveAddresses, splitHostPort } from '../src/daemon/daemon.js';

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    family: 'IPv4',
    internal,
    netmask: '255.255.255.0',
    mac: '00:00:00:00:00:00',
    cidr: null,
  };
}
function v6(address: string): NetworkInterfaceInfo {
  return {
    address,
    family: 'IPv6',
    internal: false,
    netmask: 'ffff:ffff:ffff:ffff::',
    mac: '00:00:00:00:00:00',
    cidr: null,
    scopeid: 0,
  };
}

const IFACES = {
  lo: [v4('127.0.0.1', true)],
  eth0: [v4('10.1.2.3'), v6('fe80::1')],
  eth1: [v4('192.168.5.6'), v4('192.168.5.7')],
  v6only: [v6('fe80::2'), v6('2001:db8::5')],
  empty: [] as NetworkInterfaceInfo[],
};

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SwarmError);
    return `${(e as SwarmError).code}: ${(e as Error).message}`;
  }
  return 'no error';
}

describe('resolveAddresses (Docker reading of --listen-addr / --advertise-addr)', () => {
  it('gives a port-less advertise address the listen port, not 2377', () => {
    expect(resolveAddresses('127.0.6.2:31000', '127.0.6.2', IFACES)).toEqual({
      listenAddr: '127.0.6.2:31000',
      advertiseAddr: '127.0.6.2:31000',
    });
    expect(resolveAddresses('0.0.0.0:31001', '10.9.9.9', IFACES).advertiseAddr).toBe('10.9.9.9:31001');
  });

  it('keeps an explicit advertise port, and defaults the listen port to 2377', () => {
    expect(resolveAddresses('127.0.6.2:31000', '127.0.6.3:4000', IFACES).advertiseAddr).toBe(
      '127.0.6.3:4000',
    );
    expect(resolveAddresses('127.0.6.2', undefined, IFACES)).toEqual({
      listenAddr: '127.0.6.2:2377',
      advertiseAddr: '127.0.6.2:2377',
    });
    expect(resolveAddresses(undefined, '127.0.6.4', IFACES)).toEqual({
      listenAddr: '0.0.0.0:2377',
      advertiseAddr: '127.0.6.4:2377',
    });
  });

  it('advertises the listen address when concrete, else the first external IPv4 address with the listen port', () => {
    expect(resolveAddresses('127.0.6.2:31000', undefined, IFACES).advertiseAddr).toBe('127.0.6.2:31000');
    expect(resolveAddresses('0.0.0.0:31000', undefined, IFACES).advertiseAddr).toBe('10.1.2.3:31000');
    expect(code(() => resolveAddresses('0.0.0.0', undefined, { lo: IFACES.lo }))).toMatch(
      /^INVALID_ARGUMENT: could not choose an IP address to advertise.*--advertise-addr/,
    );
  });

  it('accepts an interface name for either flag and stores its address', () => {
    expect(resolveAddresses('eth0:31000', 'eth0', IFACES)).toEqual({
      listenAddr: '10.1.2.3:31000',
      advertiseAddr: '10.1.2.3:31000',
    });
    expect(resolveAddresses('0.0.0.0:31000', 'v6only', IFACES).advertiseAddr).toBe('[2001:db8::5]:31000');
    expect(code(() => resolveAddresses(undefined, 'eth1', IFACES))).toMatch(
      /^INVALID_ARGUMENT: interface eth1 has more than one IPv4 address \(192\.168\.5\.6 and 192\.168\.5\.7\)/,
    );
    expect(code(() => resolveAddresses(undefined, 'empty', IFACES))).toMatch(
      /^INVALID_ARGUMENT: interface empty has no usable IPv4 or IPv6 address/,
    );
  });

  it('reads IPv6 with and without brackets', () => {
    expect(resolveAddresses('[::1]:31000', '::1', IFACES)).toEqual({
      listenAddr: '[::1]:31000',
      advertiseAddr: '[::1]:31000',
    });
    expect(resolveAddresses('::', '[2001:db8::9]', IFACES).advertiseAddr).toBe('[2001:db8::9]:2377');
    expect(splitHostPort('[2001:db8::9]:80')).toEqual({ host: '2001:db8::9', port: '80' });
    expect(splitHostPort('2001:db8::9')).toEqual({ host: '2001:db8::9', port: undefined });
  });

  it('refuses what Docker refuses, naming the flag', () => {
    expect(code(() => resolveAddresses(undefined, '0.0.0.0', IFACES))).toMatch(
      /^INVALID_ARGUMENT: advertise address must be a non-zero IP address or network interface \(with optional port number\)/,
    );
    expect(code(() => resolveAddresses(undefined, 'no-such-host.example', IFACES))).toMatch(
      /^INVALID_ARGUMENT: advertise address must be a non-zero IP address or network interface/,
    );
    expect(code(() => resolveAddresses('nope0:2377', undefined, IFACES))).toMatch(
      /^INVALID_ARGUMENT: invalid --listen-addr "nope0:2377": use an IP address or a network interface name/,
    );
    expect(code(() => resolveAddresses('127.0.6.2:99999', undefined, IFACES))).toMatch(
      /^INVALID_ARGUMENT: invalid --listen-addr "127\.0\.6\.2:99999": the port must be a number from 1 to 65535/,
    );
    expect(code(() => resolveAddresses('127.0.6.2:31000', '127.0.6.2:x', IFACES))).toMatch(
      /^INVALID_ARGUMENT: invalid --advertise-addr "127\.0\.6\.2:x"/,
    );
  });
});
