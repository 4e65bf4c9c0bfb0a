// The control API's config calls on a memory store: names unique (case-insensitively), 1 byte to
// 1000 KiB, labels the only change, removal refused while a service uses the config (naming it),
// and service specs resolving config references (defaults, unknown configs, bad and shared targets).
import { ManualClock, SwarmError, swarm } from '@swarm/api';
import { createMemoryStore } from '@swarm/store';
import { describe, expect, it } from 'vitest';
import {
  configCreate,
  configInspect,
  configList,
  configRemove,
  configUpdate,
  MAX_CONFIG_BYTES,
  resolveConfigRefs,
} from '../src/daemon/control-configs.js';
import type { Manager } from '../src/manager/manager.js';

function manager() {
  const store = createMemoryStore({ clock: new ManualClock(1_000) });
  // The calls use the manager's store and its write path only.
  const m = {
    store,
    update: (fn: Parameters<typeof store.update>[0]) => store.update(fn),
  } as unknown as Manager;
  return { m, store };
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

async function code(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(SwarmError);
    return (e as SwarmError).code;
  }
  throw new Error('expected a SwarmError');
}

async function serviceUsing(store: ReturnType<typeof manager>['store'], name: string, configId: string) {
  const id = `${name.padEnd(24, 'x')}s`.slice(0, 25);
  await store.update((tx) =>
    tx.create(
      'service',
      swarm.Service.create({
        id,
        spec: {
          annotations: { name },
          task: { container: { image: 'x', configs: [{ configId, configName: 'c', target: '/c' }] } },
        },
      }),
    ),
  );
  return id;
}

describe('config control calls', () => {
  it('creates, lists and inspects by name, ID and prefix, with the data', async () => {
    const { m } = manager();
    const v = await configCreate(m, { name: 'app.conf', dataBase64: b64('port=80'), labels: { a: 'b' } });
    expect(v).toMatchObject({ name: 'app.conf', labels: { a: 'b' }, dataBase64: b64('port=80') });
    expect(configInspect(m, { id: 'app.conf' }).id).toBe(v.id);
    expect(configInspect(m, { id: v.id.slice(0, 6) }).id).toBe(v.id);
    await configCreate(m, { name: 'b.conf', dataBase64: b64('x') });
    expect(configList(m).map((c) => c.name)).toEqual(['app.conf', 'b.conf']);
    expect(await code(() => configInspect(m, { id: 'nope' }))).toBe('NOT_FOUND');
  });

  it('refuses a duplicate name (any case), a bad name, no data and data over 1000 KiB', async () => {
    const { m } = manager();
    await configCreate(m, { name: 'app.conf', dataBase64: b64('1') });
    const dup = configCreate(m, { name: 'APP.conf', dataBase64: b64('2') });
    await expect(dup).rejects.toThrow('config APP.conf already exists');
    expect(await code(configCreate(m, { name: 'app.conf', dataBase64: b64('2') }))).toBe('NAME_CONFLICT');
    expect(await code(configCreate(m, { name: '../x', dataBase64: b64('2') }))).toBe('INVALID_ARGUMENT');
    expect(await code(configCreate(m, { name: 'e', dataBase64: '' }))).toBe('CONFIG_TOO_LARGE');
    const big = configCreate(m, { name: 'big', dataBase64: b64(Buffer.alloc(MAX_CONFIG_BYTES + 1)) });
    await expect(big).rejects.toThrow(
      `config data must be 1 byte to 1000 KiB (1024000 bytes), got 1024001 bytes`,
    );
    expect(
      (await configCreate(m, { name: 'max', dataBase64: b64(Buffer.alloc(MAX_CONFIG_BYTES)) })).name,
    ).toBe('max');
    expect(configList(m).map((c) => c.name)).toEqual(['app.conf', 'max']);
  });

  it('changes labels only, at the version read', async () => {
    const { m } = manager();
    const v = await configCreate(m, { name: 'app.conf', dataBase64: b64('1'), labels: { a: 'b' } });
    const u = await configUpdate(m, { id: 'app.conf', version: v.version, labels: { c: 'd' } });
    expect(u).toMatchObject({ labels: { c: 'd' }, dataBase64: b64('1') });
    expect(await code(configUpdate(m, { id: 'app.conf', version: v.version, labels: {} }))).toBe(
      'SEQUENCE_CONFLICT',
    );
  });

  it('refuses to remove a config a service uses, naming the services; removes it once unused', async () => {
    const { m, store } = manager();
    const v = await configCreate(m, { name: 'app.conf', dataBase64: b64('1') });
    const s1 = await serviceUsing(store, 'web', v.id);
    await serviceUsing(store, 'api', v.id);
    await expect(configRemove(m, { id: 'app.conf' })).rejects.toThrow(
      "config 'app.conf' is in use by the following services: api, web",
    );
    expect(await code(configRemove(m, { id: 'app.conf' }))).toBe('CONFIG_IN_USE');
    await store.update((tx) => tx.delete('service', s1));
    await expect(configRemove(m, { id: 'app.conf' })).rejects.toThrow('the following service: api');
    await store.update((tx) => {
      for (const s of tx.list('service')) tx.delete('service', s.id);
    });
    expect(await configRemove(m, { id: 'app.conf' })).toEqual({ id: v.id });
    expect(configList(m)).toEqual([]);
  });
});

describe('config references of a service spec', () => {
  it('fills ID, name, target /NAME and mode 0444; normalizes relative targets', async () => {
    const { m, store } = manager();
    const v = await configCreate(m, { name: 'app.conf', dataBase64: b64('1') });
    const c = swarm.ContainerSpec.create({
      configs: [{ configName: 'app.conf' }, { configId: v.id, target: 'etc/app/x.conf', mode: 0o440 }],
    });
    store.view((tx) => resolveConfigRefs(tx, c));
    expect(c.configs.map((r) => swarm.ConfigReference.toObject(swarm.ConfigReference.create(r)))).toEqual([
      { configId: v.id, configName: 'app.conf', target: '/app.conf', mode: 0o444 },
      { configId: v.id, configName: 'app.conf', target: '/etc/app/x.conf', mode: 0o440 },
    ]);
  });

  it('refuses an unknown config, a target with .., and two configs on one target', async () => {
    const { m, store } = manager();
    await configCreate(m, { name: 'app.conf', dataBase64: b64('1') });
    const check = (configs: swarm.IConfigReference[]) =>
      code(() => store.view((tx) => resolveConfigRefs(tx, swarm.ContainerSpec.create({ configs }))));
    expect(await check([{ configName: 'missing' }])).toBe('NOT_FOUND');
    expect(await check([{ configName: 'app.conf', target: '/etc/../shadow' }])).toBe('INVALID_ARGUMENT');
    expect(await check([{ configName: 'app.conf', target: '/' }])).toBe('INVALID_ARGUMENT');
    expect(await check([{ configName: 'app.conf' }, { configName: 'app.conf', target: '/app.conf' }])).toBe(
      'INVALID_ARGUMENT',
    );
  });
});
