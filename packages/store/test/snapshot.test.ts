import { ManualClock, MemoryLogger, swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, ReplicatedStore, type StoreEvent } from '../src/index.js';
import { containsBytes, ManualProposer, Objects, rejection, testCipher, tick } from './helpers.js';

async function populated(cipher = testCipher()) {
  const store = createMemoryStore({ clock: new ManualClock(5), cipher });
  const o = new Objects();
  const svc = o.service('web');
  const secretData = new TextEncoder().encode('s3cr3t-password-value');
  const sec = o.secret('db-password', secretData);
  const caKey = new TextEncoder().encode('-----BEGIN EC PRIVATE KEY----- very secret');
  const cluster = o.cluster('default', caKey);
  cluster.deniedNodes = { [o.id()]: { expiry: 123 as never } };
  await store.update((tx) => {
    tx.create('cluster', cluster);
    tx.create('service', svc);
    tx.create('secret', sec);
    tx.create('node', o.node('w1'));
    for (let i = 0; i < 5; i++) tx.create('task', o.task(svc.id, `n${i % 2}`));
  });
  await store.update((tx) => {
    const s = tx.get('service', svc.id)!;
    s.specVersion = 7 as never;
    tx.update('service', s);
  });
  return { store, cipher, o, svc, sec, secretData, caKey, cluster };
}

describe('snapshots', () => {
  it('round-trips every object, version and index through snapshot and restore', async () => {
    const { store, cipher, svc, sec, secretData, cluster, caKey } = await populated();
    const image = store.snapshot();
    const copy = createMemoryStore({ clock: new ManualClock(), cipher });
    copy.restore(image);
    expect(copy.version).toBe(store.version);
    const dump = (s: typeof store) =>
      s.view((tx) =>
        (['cluster', 'node', 'service', 'task', 'secret', 'network', 'config'] as const).map((k) =>
          tx.list(k).map((x) => JSON.stringify(x)),
        ),
      );
    expect(dump(copy)).toEqual(dump(store));
    expect(copy.view((tx) => tx.get('secret', sec.id))!.spec!.data).toEqual(secretData);
    expect(copy.view((tx) => tx.get('cluster', cluster.id))!.rootCa!.caKey).toEqual(caKey);
    expect(copy.view((tx) => tx.find('task', { serviceId: svc.id }))).toHaveLength(5);
    expect(Number(copy.view((tx) => tx.get('service', svc.id))!.specVersion)).toBe(7);
    // The restored store keeps accepting writes after the restored version.
    const next = await copy.update((tx) => tx.delete('service', svc.id));
    expect(next.version).toBe(store.version + 1n);
  });

  it('restores a snapshot written before networks existed (it ends after the secret section)', async () => {
    const { store, cipher } = await populated();
    const withNetwork = createMemoryStore({ clock: new ManualClock(), cipher });
    withNetwork.restore(store.snapshot());
    await withNetwork.update((tx) => tx.create('network', new Objects(7).network('app_default')));
    const networks = withNetwork.view((tx) => tx.list('network'));
    expect(networks).toHaveLength(1);
    // The network section is last but for the (empty) config section: a first-format image is
    // the same bytes without both.
    const image = withNetwork.snapshot();
    const old = image.subarray(
      0,
      image.byteLength - 4 - 4 - 5 - swarm.Network.encode(networks[0]!).finish().length,
    );
    const roundTrip = createMemoryStore({ clock: new ManualClock(), cipher });
    roundTrip.restore(image);
    expect(roundTrip.view((tx) => tx.find('network', { name: 'app_default' }))).toHaveLength(1);
    const copy = createMemoryStore({ clock: new ManualClock(), cipher });
    copy.restore(old);
    expect(copy.view((tx) => tx.list('network'))).toEqual([]);
    expect(copy.view((tx) => tx.list('secret'))).toHaveLength(1);
    expect(copy.view((tx) => tx.find('network', { name: 'app_default' }))).toEqual([]);
  });

  it('restores a snapshot written before configs existed (it ends after the network section)', async () => {
    const { store, cipher, o } = await populated();
    const cfgId = o.id();
    const withConfig = createMemoryStore({ clock: new ManualClock(), cipher });
    withConfig.restore(store.snapshot());
    const config = swarm.Config.create({
      id: cfgId,
      spec: {
        annotations: { name: 'nginx.conf', labels: { a: 'b' } },
        data: new TextEncoder().encode('x=1'),
      },
    });
    await withConfig.update((tx) => tx.create('config', config));
    const image = withConfig.snapshot();
    const stored = withConfig.view((tx) => tx.get('config', cfgId))!;
    const roundTrip = createMemoryStore({ clock: new ManualClock(), cipher });
    roundTrip.restore(image);
    const back = roundTrip.view((tx) => tx.find('config', { name: 'nginx.conf' }));
    expect(back).toHaveLength(1);
    expect(new TextDecoder().decode(back[0]!.spec!.data!)).toBe('x=1');
    // Config data is not secret: it is stored as is, not sealed.
    expect(Buffer.from(image).includes(Buffer.from('x=1'))).toBe(true);
    const old = image.subarray(0, image.byteLength - 4 - 5 - swarm.Config.encode(stored).finish().length);
    const copy = createMemoryStore({ clock: new ManualClock(), cipher });
    copy.restore(old);
    expect(copy.view((tx) => tx.list('config'))).toEqual([]);
    expect(copy.view((tx) => tx.list('secret'))).toHaveLength(1);
  });

  it('keeps config names unique, case-insensitively', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const mk = (id: string, name: string) =>
      swarm.Config.create({ id, spec: { annotations: { name }, data: new Uint8Array([1]) } });
    const o = new Objects(5);
    await store.update((tx) => tx.create('config', mk(o.id(), 'app.conf')));
    const err = await rejection(store.update((tx) => tx.create('config', mk(o.id(), 'APP.conf'))));
    expect(err).toMatchObject({ code: 'NAME_CONFLICT', details: { kind: 'config' } });
  });

  it('keeps network names unique, case-insensitively', async () => {
    const store = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects(3);
    await store.update((tx) => tx.create('network', o.network('app_default')));
    const err = await rejection(store.update((tx) => tx.create('network', o.network('APP_default'))));
    expect(err).toMatchObject({ code: 'NAME_CONFLICT', details: { kind: 'network' } });
  });

  it('never puts secret data or CA keys in plaintext in a snapshot or a proposal', async () => {
    const cipher = testCipher();
    const { store, secretData, caKey } = await populated(cipher);
    const image = store.snapshot();
    expect(containsBytes(image, secretData)).toBe(false);
    expect(containsBytes(image, caKey)).toBe(false);
    const replica = new ReplicatedStore({ clock: new ManualClock(), cipher });
    const proposer = new ManualProposer([replica]);
    replica.attach(proposer);
    const o = new Objects(9);
    const p = replica.update((tx) => tx.create('secret', o.secret('x', secretData)));
    await tick();
    proposer.commit();
    await p;
    expect(proposer.proposed).toHaveLength(1);
    expect(containsBytes(proposer.proposed[0]!, secretData)).toBe(false);
    expect(replica.view((tx) => tx.find('secret', { name: 'x' })[0]!.spec!.data)).toEqual(secretData);
  });

  it('keeps secret data in plaintext without a cipher, and refuses it once a cipher is set (fails closed)', async () => {
    const plain = createMemoryStore({ clock: new ManualClock() });
    const o = new Objects();
    const data = new TextEncoder().encode('plaintext-secret');
    await plain.update((tx) => tx.create('secret', o.secret('p', data)));
    const image = plain.snapshot();
    expect(containsBytes(image, data)).toBe(true);
    const sealedStore = createMemoryStore({ clock: new ManualClock(), cipher: testCipher() });
    expect(() => sealedStore.restore(image)).toThrow(expect.objectContaining({ code: 'STORE_CORRUPT' }));
  });

  it('refuses sealed data under a wrong key, without a cipher, or flipped', async () => {
    const { store, cipher } = await populated();
    const image = store.snapshot();
    expect(() => createMemoryStore({ cipher: testCipher() }).restore(image)).toThrow(/does not open/);
    expect(() => createMemoryStore().restore(image)).toThrow(/no cipher/);
    // The secret section comes just before the (here empty, 4-byte) network and config sections,
    // and the secret's data is its last field: flip the byte before the network count (the GCM tag).
    const flipped = new Uint8Array(image);
    flipped[flipped.length - 9]! ^= 1;
    expect(() => createMemoryStore({ cipher }).restore(flipped)).toThrow(/does not open/);
  });

  it('refuses sealed data moved to another secret', async () => {
    const cipher = testCipher();
    const store = createMemoryStore({ clock: new ManualClock(), cipher });
    const o = new Objects();
    const a = o.secret('a', 'AAAA');
    await store.update((tx) => tx.create('secret', a));
    const image = store.snapshot();
    // Re-point the one secret to another ID of the same length: its sealed data no longer opens.
    const other = o.id();
    const moved = Buffer.from(image);
    moved.set(Buffer.from(other), moved.indexOf(Buffer.from(a.id)));
    expect(() => createMemoryStore({ cipher }).restore(new Uint8Array(moved))).toThrow(/does not open/);
  });

  it('tells watchers what a restore changed', async () => {
    const { store, cipher, o, svc } = await populated();
    const image = store.snapshot();
    const target = createMemoryStore({ clock: new ManualClock(), cipher });
    const stale = o.task('gone');
    await target.update((tx) => tx.create('task', stale));
    const events: StoreEvent[] = [];
    target.watch({}, (e) => events.push(...e));
    target.restore(image);
    expect(events.filter((e) => e.action === 'delete').map((e) => e.object.id)).toEqual([stale.id]);
    expect(events.filter((e) => e.action === 'create').length).toBe(
      store.view((tx) => tx.list('task').length + tx.list('service').length + 3),
    );
    expect(events.every((e) => e.version === store.version)).toBe(true);
    expect(target.view((tx) => tx.get('service', svc.id))).toBeDefined();
  });

  it('rejects a damaged snapshot instead of loading part of it', async () => {
    const { store, cipher } = await populated();
    const image = store.snapshot();
    const target = createMemoryStore({ cipher });
    expect(() => target.restore(image.subarray(0, image.length - 3))).toThrow(
      expect.objectContaining({ code: 'STORE_CORRUPT' }),
    );
    expect(target.view((tx) => tx.list('task'))).toHaveLength(0);
  });

  it('never logs secret data', async () => {
    const logger = new MemoryLogger();
    const cipher = testCipher();
    const store = createMemoryStore({ clock: new ManualClock(), cipher, logger });
    const o = new Objects();
    const sec = o.secret('k', 'do-not-log-me');
    await store.update((tx) => tx.create('secret', sec));
    const dup = await rejection(store.update((tx) => tx.create('secret', sec)));
    expect(JSON.stringify(dup)).not.toContain('do-not-log-me');
    expect(logger.text()).not.toContain('do-not-log-me');
    expect(swarm.Secret.toObject(store.view((tx) => tx.get('secret', sec.id))!).spec).toBeDefined();
  });
});
