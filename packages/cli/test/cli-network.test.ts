import { describe, expect, it } from 'vitest';
import { applyServiceUpdate, buildServiceSpec, parseNetwork } from '../src/spec.js';
import { SERVICE1, useFakeDaemon } from './fixtures/fake-daemon.js';

const { api, run, last } = useFakeDaemon();

describe('swarm network', () => {
  it('create sends an overlay spec with the subnet, options, labels and attachable', async () => {
    const r = await run([
      'network',
      'create',
      '-d',
      'overlay',
      '--attachable',
      '--opt',
      'encrypted',
      '--subnet',
      '10.9.0.0/24',
      '--label',
      'team=db',
      'app',
    ]);
    expect(r).toMatchObject({ code: 0, stdout: `${'w'.repeat(25)}\n` });
    expect(last('networkCreate')).toEqual({
      spec: {
        annotations: { name: 'app', labels: { team: 'db' } },
        driverConfig: { name: 'overlay', options: { encrypted: '' } },
        attachable: true,
        ipam: { configs: [{ subnet: '10.9.0.0/24' }] },
      },
    });
  });

  it('refuses another driver before calling the daemon', async () => {
    const r = await run(['network', 'create', '-d', 'bridge', 'app']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/network driver "bridge" is not supported/);
    expect(api.calls.some((c) => c.method === 'networkCreate')).toBe(false);
  });

  it('ls prints the networks with their subnets; rm reports the daemon refusal of a network in use', async () => {
    api.overrides.set('networkList', () => [
      {
        id: 'n'.repeat(25),
        name: 'app',
        driver: 'overlay',
        services: ['db'],
        subnet: '10.128.0.0/20',
        raw: {},
      },
    ]);
    const ls = await run(['network', 'ls']);
    expect(ls.stdout).toMatch(/NETWORK ID\s+NAME\s+DRIVER\s+SCOPE\s+SUBNET/);
    expect(ls.stdout).toMatch(/nnnnnnnnnnnn\s+app\s+overlay\s+swarm\s+10\.128\.0\.0\/20/);
    api.fail('networkRemove', 'NETWORK_IN_USE', 'network nnn is in use by service db');
    const rm = await run(['network', 'rm', 'app']);
    expect(rm.code).not.toBe(0);
    expect(rm.stderr).toMatch(/in use by service db/);
  });
});

describe('services on networks', () => {
  it('parses NAME, NAME,alias=A and the long form', () => {
    expect(parseNetwork('app')).toEqual({ target: 'app' });
    expect(parseNetwork('app,alias=db1,alias=primary')).toEqual({
      target: 'app',
      aliases: ['db1', 'primary'],
    });
    expect(parseNetwork('name=app,alias=db1')).toEqual({ target: 'app', aliases: ['db1'] });
    expect(() => parseNetwork('app,color=red')).toThrow(/invalid field "color"/);
    expect(() => parseNetwork('alias=x')).toThrow(/names no network/);
  });

  it('service create puts the attachments and the endpoint mode in the spec', () => {
    const spec = buildServiceSpec(
      { network: ['app,alias=database'], 'endpoint-mode': 'dnsrr' },
      { image: 'busybox' },
    );
    expect((spec.task as Record<string, unknown>).networks).toEqual([
      { target: 'app', aliases: ['database'] },
    ]);
    expect(spec.endpoint).toEqual({ mode: 'DNSRR' });
    expect(() => buildServiceSpec({ 'endpoint-mode': 'ipvs' }, { image: 'busybox' })).toThrow(
      /expected vip or dnsrr/,
    );
  });

  it('service update adds and removes networks by name, matched against the stored IDs', () => {
    const ids: Record<string, string> = { app: 'id-app', other: 'id-other' };
    const spec = { task: { networks: [{ target: 'id-app' }, { target: 'id-other' }] } };
    const next = applyServiceUpdate(
      spec,
      { 'network-rm': ['app'], 'network-add': ['other,alias=x'] },
      {},
      (r) => ids[r] ?? r,
    );
    expect((next.task as Record<string, unknown>).networks).toEqual([{ target: 'id-other', aliases: ['x'] }]);
  });

  it('the CLI sends --network and --endpoint-mode to the daemon', async () => {
    const r = await run([
      'service',
      'create',
      '--detach',
      '--name',
      'db',
      '--network',
      'app',
      '--endpoint-mode',
      'vip',
      'busybox',
    ]);
    expect(r.code).toBe(0);
    const spec = last('serviceCreate').spec as Record<string, Record<string, unknown>>;
    expect(spec.task?.networks).toEqual([{ target: 'app' }]);
    expect(spec.endpoint).toEqual({ mode: 'VIP' });
    void SERVICE1;
  });
});
